// Runs a WASI command .wasm under node's WASI with the same command line as
// the wasm2cpp runner: node node_wasi.mjs <file.wasm> <name> [--dir H[::G]]...
// [--env K=V]... [--] [args...]. Exit status as the runner's: the program's,
// 134 on a trap (with "wasm trap: <message>" on stderr).
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const [wasmPath, name, ...rest] = process.argv.slice(2);
const preopens = {};
const env = {};
let i = 0;
for (; i < rest.length; ++i) {
  const arg = rest[i];
  if (arg === '--') { ++i; break; }
  if (arg === '--dir') {
    const value = rest[++i];
    const sep = value.indexOf('::');
    if (sep >= 0) preopens[value.slice(sep + 2)] = value.slice(0, sep);
    else preopens[value] = value;
  } else if (arg === '--env') {
    const value = rest[++i];
    const eq = value.indexOf('=');
    env[value.slice(0, eq)] = value.slice(eq + 1);
  } else {
    break;
  }
}
const wasi = new WASI({ version: 'preview1', args: [name, ...rest.slice(i)], env, preopens,
                        returnOnExit: true });
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
try {
  process.exitCode = wasi.start(instance);
} catch (e) {
  if (!(e instanceof WebAssembly.RuntimeError)) throw e;
  process.stderr.write(`wasm trap: ${e.message}\n`);
  process.exitCode = 134;
}
