#!/usr/bin/env python3
"""Differential testing of wasm2cpp against node (V8) on random modules.

For each of --count modules (seeds --seed, --seed+1, ...):
  random bytes --(wasm-opt --translate-to-fuzz)--> a valid module that logs
  through "fuzzing-support" imports -> node runs it (node_runner.mjs) and
  wasm2cpp + the C++ compiler (-O1) run it (a generated driver); both call
  every exported function with fixed arguments (after binaryen's
  hangLimitInitializer) and print the same event lines: log calls, results
  (NaNs canonicalised), traps, and a hash of the exported memory.
Any difference is a mismatch: the module, both outputs and a diff are kept
in <work-dir>/mismatch-<seed>/. Exit status 1 on any mismatch or tool failure.

  run.py --count 50 --seed 1 --wasm2cpp build/translator/wasm2cpp \
         --runtime-lib build/runtime/libwasm2cpp_runtime.a
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import random
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))

# Features both wasm2cpp (defaults) and node 20 support.
BINARYEN_FEATURES = ['--enable-sign-ext', '--enable-mutable-globals',
                     '--enable-nontrapping-float-to-int', '--enable-bulk-memory',
                     '--enable-multivalue', '--enable-simd']

VALTYPES = {0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128',
            0x70: 'funcref', 0x6f: 'externref'}
CPP_TYPES = {'i32': 'int32_t', 'i64': 'int64_t', 'f32': 'float', 'f64': 'double'}
# Fixed arguments, by parameter position (cycled): edge values included.
ARGUMENTS = {
    'i32': ['0', '1', '-1', '2147483647', '-2147483648', '42'],
    'i64': ['0', '1', '-1', '9223372036854775807', '-9223372036854775808', '1099511627776'],
    'f32': ['0', '1.5', '-2.25', '1e+30', '-0', '3.140625'],
    'f64': ['0', '1.5', '-2.25', '1e+300', '-0', '3.141592653589793'],
}


class Reader:
    def __init__(self, data, pos=0):
        self.data, self.pos = data, pos

    def u8(self):
        b = self.data[self.pos]
        self.pos += 1
        return b

    def leb(self):
        result = shift = 0
        while True:
            b = self.u8()
            result |= (b & 0x7f) << shift
            shift += 7
            if not b & 0x80:
                return result

    def name(self):
        n = self.leb()
        s = self.data[self.pos:self.pos + n].decode('utf-8')
        self.pos += n
        return s


def function_exports(wasm):
    """[(name, params, results)] of the exported functions, plus the
    (module, field) pairs of the function imports."""
    r = Reader(wasm, 8)
    types, func_types, imports, exports = [], [], [], []
    while r.pos < len(wasm):
        section, size = r.u8(), None
        size = r.leb()
        end = r.pos + size
        if section == 1:
            for _ in range(r.leb()):
                assert r.u8() == 0x60
                params = [VALTYPES[r.u8()] for _ in range(r.leb())]
                results = [VALTYPES[r.u8()] for _ in range(r.leb())]
                types.append((params, results))
        elif section == 2:
            for _ in range(r.leb()):
                module, field, kind = r.name(), r.name(), r.u8()
                if kind == 0:
                    func_types.append(r.leb())
                    imports.append((module, field))
                elif kind == 1:
                    r.u8()
                    flags = r.u8()
                    r.leb()
                    if flags & 1:
                        r.leb()
                elif kind == 2:
                    flags = r.u8()
                    r.leb()
                    if flags & 1:
                        r.leb()
                elif kind == 3:
                    r.u8()
                    r.u8()
        elif section == 3:
            func_types += [r.leb() for _ in range(r.leb())]
        elif section == 7:
            for _ in range(r.leb()):
                name, kind, index = r.name(), r.u8(), r.leb()
                if kind == 0:
                    exports.append((name,) + types[func_types[index]])
        r.pos = end
    return exports, imports


def callable_from_host(params, results):
    # v128 and references cannot cross the JS boundary the same way.
    return all(t in CPP_TYPES for t in params + results)


def make_plan(exports):
    calls = []
    for name, params, results in exports:
        if name == 'hangLimitInitializer' or not callable_from_host(params, results):
            continue
        args = [ARGUMENTS[t][i % len(ARGUMENTS[t])] for i, t in enumerate(params)]
        calls.append({'name': name, 'params': params, 'results': results, 'args': args})
    return {'calls': calls,
            'hang_limit': any(e[0] == 'hangLimitInitializer' for e in exports)}


def cpp_literal(text):
    return json.dumps(text)  # ASCII export names: a valid C++ string literal


def cpp_argument(t, v):
    if t == 'i32':
        return 'int32_t(%sLL)' % v if v != '-2147483648' else 'INT32_MIN'
    if t == 'i64':
        return 'int64_t(%sLL)' % v if v != '-9223372036854775808' else 'INT64_MIN'
    if t == 'f32':
        return '%sf' % (v if '.' in v or 'e' in v else v + '.0')
    return v if '.' in v or 'e' in v else v + '.0'


def driver_source(plan, namespace):
    out = ['#include <cinttypes>', '#include <cstdint>', '#include <cstdio>',
           '#include <cstring>', '#include <memory>', '#include <tuple>',
           '#include "%s.hpp"' % namespace, '', 'namespace {',
           'void put(int32_t v) { std::printf(" %" PRId32, v); }',
           'void put(int64_t v) { std::printf(" %" PRId64, v); }',
           'void put(float v) {',
           '  if (v != v) { std::printf(" nan"); return; }',
           '  uint32_t b; std::memcpy(&b, &v, 4); std::printf(" f32:%08" PRIx32, b);',
           '}',
           'void put(double v) {',
           '  if (v != v) { std::printf(" nan"); return; }',
           '  uint64_t b; std::memcpy(&b, &v, 8); std::printf(" f64:%016" PRIx64, b);',
           '}',
           'template <typename... T> void put(const std::tuple<T...>& t) {',
           '  std::apply([](const auto&... x) { (put(x), ...); }, t);',
           '}',
           'template <typename T> void log_value(T v) { std::printf("log"); put(v); '
           'std::printf("\\n"); }',
           '}  // namespace', '',
           'int main() {',
           '  wasm2cpp::Linker linker;']
    for t in ('i32', 'i64', 'f32', 'f64'):
        out.append('  wasm2cpp::Function<void(%s)> log_%s(&log_value<%s>);' % (CPP_TYPES[t], t,
                                                                             CPP_TYPES[t]))
        out.append('  linker.define("fuzzing-support", "log-%s", log_%s.ref());' % (t, t))
    # V8 cannot pass a v128 to JS: the call fails (a TypeError), so the
    # export's call ends there. The C++ host traps at the same point.
    out.append('  wasm2cpp::Function<void(wasm2cpp::v128)> log_v128([](wasm2cpp::v128) {')
    out.append('    throw wasm2cpp::Trap(wasm2cpp::TrapKind::HostTrap, "v128 to host");')
    out.append('  });')
    out.append('  linker.define("fuzzing-support", "log-v128", log_v128.ref());')
    out += ['  std::unique_ptr<%s::Instance> instance;' % namespace,
            '  try {',
            '    instance = std::make_unique<%s::Instance>(linker);' % namespace,
            '    std::printf("instantiated\\n");',
            '  } catch (const wasm2cpp::Trap&) {',
            '    std::printf("instantiate trap\\n");',
            '    return 0;',
            '  }',
            '  const wasm2cpp::Exports& exports = instance->exports();']
    if plan['hang_limit']:
        out.append('  auto hang_limit = exports.function<void()>("hangLimitInitializer");')
    for call in plan['calls']:
        results = [CPP_TYPES[t] for t in call['results']]
        result = ('void' if not results else results[0] if len(results) == 1
                  else 'std::tuple<%s>' % ', '.join(results))
        sig = '%s(%s)' % (result, ', '.join(CPP_TYPES[t] for t in call['params']))
        args = ', '.join(cpp_argument(t, v) for t, v in zip(call['params'], call['args']))
        name = cpp_literal(call['name'])
        out.append('  std::printf("call %%s\\n", %s);' % name)
        out.append('  std::fflush(stdout);')
        out.append('  try {')
        if plan['hang_limit']:
            out.append('    hang_limit();')
        if results:
            out.append('    auto r = exports.function<%s>(%s)(%s);' % (sig, name, args))
            out.append('    std::printf("result"); put(r); std::printf("\\n");')
        else:
            out.append('    exports.function<%s>(%s)(%s);' % (sig, name, args))
            out.append('    std::printf("result\\n");')
        out.append('  } catch (const wasm2cpp::Trap&) {')
        out.append('    std::printf("trap\\n");')
        out.append('  }')
    out += ['  if (const wasm2cpp::ExternValue* m = exports.find("memory");',
            '      m && std::holds_alternative<wasm2cpp::Memory*>(*m)) {',
            '    const wasm2cpp::Memory& memory = *std::get<wasm2cpp::Memory*>(*m);',
            '    uint32_t h = 0x811c9dc5u;',
            '    const uint8_t* bytes = memory.data();',
            '    for (uint64_t i = 0; i < memory.size_bytes(); ++i) h = (h ^ bytes[i]) * 0x01000193u;',
            '    std::printf("memory %" PRIu64 " %08" PRIx32 "\\n", memory.size_bytes(), h);',
            '  }',
            '  return 0;',
            '}', '']
    return '\n'.join(out)


def run(cmd, timeout, cwd=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                           cwd=cwd)
        return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired:
        return None, '', 'timed out after %ss' % timeout


class Outcome:
    def __init__(self, seed, status, detail='', calls=0, seconds=0.0):
        self.seed, self.status, self.detail, self.calls, self.seconds = (
            seed, status, detail, calls, seconds)


def check_module(args, seed):
    start = time.time()
    work = os.path.join(args.work_dir, 'm%d' % seed)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    rng = random.Random(seed)
    raw = os.path.join(work, 'input.dat')
    with open(raw, 'wb') as f:
        f.write(rng.randbytes(rng.randint(args.min_bytes, args.max_bytes)))
    wasm = os.path.join(work, 'm.wasm')
    rc, _, err = run([args.wasm_opt, raw, '-ttf'] + BINARYEN_FEATURES + ['-o', wasm], 60)
    if rc != 0:
        return Outcome(seed, 'skipped', 'wasm-opt failed: ' + err.strip()[:200])
    with open(wasm, 'rb') as f:
        data = f.read()
    exports, imports = function_exports(data)
    unknown = [i for i in imports if i[0] != 'fuzzing-support' or
               i[1] not in ('log-i32', 'log-i64', 'log-f32', 'log-f64', 'log-v128')]
    if unknown:
        return Outcome(seed, 'skipped', 'unsupported imports %s' % unknown)
    plan = make_plan(exports)
    plan_path = os.path.join(work, 'plan.json')
    with open(plan_path, 'w') as f:
        json.dump(plan, f)

    rc, node_out, err = run([args.node, os.path.join(HERE, 'node_runner.mjs'), wasm, plan_path],
                            args.timeout)
    if rc != 0:
        return Outcome(seed, 'skipped', 'node failed (%s): %s' % (rc, err.strip()[:200]))

    gen = os.path.join(work, 'gen')
    os.makedirs(gen)
    rc, _, err = run([args.wasm2cpp, wasm, '-o', os.path.join(gen, 'm'), '--name', 'm',
                      '--bounds-checks=' + args.bounds], args.timeout)
    if rc != 0:
        return keep(args, seed, work, 'translator failed (%s): %s' % (rc, err.strip()[:300]))
    driver = os.path.join(work, 'driver.cpp')
    with open(driver, 'w') as f:
        f.write(driver_source(plan, 'm'))
    exe = os.path.join(work, 'm.exe')
    rc, _, err = run([args.cxx, '-std=c++20', '-O1', '-w', '-I' + args.runtime_include, '-I' + gen,
                      driver, os.path.join(gen, 'm.cpp'), args.runtime_lib, '-pthread', '-o', exe]
                     + args.cxxflags.split(), 600)
    if rc != 0:
        return keep(args, seed, work, 'compile failed: ' + err.strip()[:500])
    rc, cpp_out, err = run([exe], args.timeout)
    if rc != 0:
        return keep(args, seed, work, 'C++ run failed (%s): %s' % (rc, err.strip()[:300]),
                    node_out, cpp_out)
    if cpp_out != node_out:
        return keep(args, seed, work, 'outputs differ', node_out, cpp_out)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return Outcome(seed, 'ok', calls=len(plan['calls']), seconds=time.time() - start)


def keep(args, seed, work, detail, node_out=None, cpp_out=None):
    target = os.path.join(args.work_dir, 'mismatch-%d' % seed)
    shutil.rmtree(target, ignore_errors=True)
    os.rename(work, target)
    if node_out is not None:
        with open(os.path.join(target, 'node.txt'), 'w') as f:
            f.write(node_out)
        with open(os.path.join(target, 'cpp.txt'), 'w') as f:
            f.write(cpp_out or '')
        diff = ''.join(difflib.unified_diff(node_out.splitlines(True), (cpp_out or '').splitlines(True),
                                            'node', 'wasm2cpp', n=2))
        detail += '\n' + diff[:2000]
    return Outcome(seed, 'mismatch', detail + '\n  kept in ' + target)


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--count', type=int, default=50)
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--wasm2cpp', required=True)
    p.add_argument('--runtime-lib', required=True, help='libwasm2cpp_runtime.a')
    p.add_argument('--runtime-include', default=os.path.join(SOURCE_DIR, 'runtime', 'include'))
    p.add_argument('--cxx', default=os.environ.get('CXX', 'g++'))
    p.add_argument('--cxxflags', default='', help='extra compile/link flags (e.g. sanitizers)')
    p.add_argument('--bounds', default='explicit', choices=['explicit', 'guard'],
                   help='explicit (default): guard mode may legitimately drop the trap of an '
                        'unused out-of-bounds load (docs/generated-code.md)')
    p.add_argument('--node', default=shutil.which('node') or 'node')
    p.add_argument('--wasm-opt', default=shutil.which('wasm-opt') or 'wasm-opt')
    p.add_argument('--min-bytes', type=int, default=1000)
    p.add_argument('--max-bytes', type=int, default=6000,
                   help='random input size range (module size grows with it)')
    p.add_argument('--jobs', type=int, default=2)
    p.add_argument('--timeout', type=int, default=60)
    p.add_argument('--work-dir', default=os.path.join(os.getcwd(), 'differential-work'))
    p.add_argument('--keep', action='store_true', help='keep the work files of passing modules')
    args = p.parse_args()

    for tool in (args.wasm_opt, args.node):
        if not shutil.which(tool):
            print('differential: %s not found (Debian: apt-get install binaryen nodejs)' % tool)
            return 77
    os.makedirs(args.work_dir, exist_ok=True)
    start = time.time()
    counts = {'ok': 0, 'skipped': 0, 'mismatch': 0}
    calls = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(check_module, args, s) for s in range(args.seed, args.seed + args.count)]
        for future in concurrent.futures.as_completed(futures):
            o = future.result()
            counts[o.status] += 1
            calls += o.calls
            if o.status != 'ok':
                print('seed %d: %s: %s' % (o.seed, o.status, o.detail), flush=True)
    print('differential: %d modules (seeds %d..%d): %d agree (%d export calls), %d skipped, '
          '%d mismatches, %.0f s' % (args.count, args.seed, args.seed + args.count - 1,
                                     counts['ok'], calls, counts['skipped'], counts['mismatch'],
                                     time.time() - start))
    return 1 if counts['mismatch'] else 0


if __name__ == '__main__':
    sys.exit(main())
