// Runs binaryen fuzz modules under node (V8) following their call plans, and
// prints the same event lines as the C++ drivers tests/differential/run.py
// generates: instantiation, each export call (logs, result or trap), and a
// hash of the exported memory.
//   node node_runner.mjs module.wasm plan.json      one module, to stdout
//   node node_runner.mjs --batch manifest.json      [{wasm, plan, out}, ...]:
//     each module's lines go to its own `out` file, so one process (and one
//     V8 start-up) serves a whole batch
// With DIFFERENTIAL_MEMORY_DUMP=<file> the exported memory's bytes are
// written there too (run.py compares them when only the hashes differ).
import { readFileSync, writeFileSync } from 'node:fs';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const hex = (v, digits) => v.toString(16).padStart(digits, '0');

// Same spelling as the C++ side; NaN payloads are not portable (the spec
// lets them vary), so every NaN prints as "nan".
function format(type, v) {
  switch (type) {
    case 'i32': return String(v | 0);
    case 'i64': return BigInt.asIntN(64, BigInt(v)).toString();
    case 'f32': if (Number.isNaN(v)) return 'nan'; f32[0] = v; return 'f32:' + hex(u32[0], 8);
    case 'f64': if (Number.isNaN(v)) return 'nan'; f64[0] = v; return 'f64:' + hex(u64[0], 16);
    default: return 'ref';
  }
}

function argument(type, v) {
  if (type === 'i64') return BigInt(v);
  return Number(v);
}

function isTrap(e) {
  // Traps are RuntimeErrors; stack exhaustion is a RangeError in V8; a call
  // to log-v128 fails with a TypeError (v128 cannot reach JS), which the C++
  // host models as a host trap.
  return e instanceof WebAssembly.RuntimeError || e instanceof RangeError ||
         (e instanceof TypeError && /type incompatibility/.test(e.message));
}

function runModule(wasmPath, plan) {
  const lines = [];
  const log = (type) => (v) => { lines.push('log ' + format(type, v)); };
  const imports = {
    'fuzzing-support': {
      'log-i32': log('i32'), 'log-i64': log('i64'), 'log-f32': log('f32'), 'log-f64': log('f64'),
      'log-v128': () => { throw new Error('unreachable: V8 rejects the call'); },
    },
  };

  let instance = null;
  try {
    const module = new WebAssembly.Module(readFileSync(wasmPath));
    instance = new WebAssembly.Instance(module, imports);
    lines.push('instantiated');
  } catch (e) {
    lines.push(isTrap(e) ? 'instantiate trap' : 'instantiate error ' + e.message);
  }

  if (instance) {
    const exports = instance.exports;
    for (const call of plan.calls) {
      lines.push('call ' + call.name);
      try {
        if (plan.hang_limit) exports.hangLimitInitializer();
        const args = call.params.map((t, i) => argument(t, call.args[i]));
        let r = exports[call.name](...args);
        if (call.results.length === 0) {
          lines.push('result');
        } else {
          if (call.results.length === 1) r = [r];
          lines.push(['result', ...call.results.map((t, i) => format(t, r[i]))].join(' '));
        }
      } catch (e) {
        lines.push(isTrap(e) ? 'trap' : 'error ' + e.message);
      }
    }
    if (exports.memory instanceof WebAssembly.Memory) {
      const bytes = new Uint8Array(exports.memory.buffer);
      let h = 0x811c9dc5;
      for (let i = 0; i < bytes.length; ++i) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
      lines.push('memory ' + bytes.length + ' ' + hex(h >>> 0, 8));
    if (process.env.DIFFERENTIAL_MEMORY_DUMP) writeFileSync(process.env.DIFFERENTIAL_MEMORY_DUMP, bytes);
    }
  }
  return lines.join('\n') + '\n';
}

const args = process.argv.slice(2);
if (args[0] === '--batch') {
  for (const entry of JSON.parse(readFileSync(args[1], 'utf8'))) {
    writeFileSync(entry.out, runModule(entry.wasm, JSON.parse(readFileSync(entry.plan, 'utf8'))));
  }
} else {
  process.stdout.write(runModule(args[0], JSON.parse(readFileSync(args[1], 'utf8'))));
}
