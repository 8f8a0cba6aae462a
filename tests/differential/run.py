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

Modules are checked in batches of --batch-size: each module is translated
into its own namespace (m<seed>), and the batch's generated code and drivers
are compiled as ONE translation unit (the runtime headers are parsed once)
into one executable that runs the module named on its command line; one
node process runs the whole batch. Each module still runs in its own
process, so a crash or timeout is that module's. If the batch does not
compile, each module is compiled on its own, so a compile error is
attributed to its module.

  run.py --count 50 --seed 1 --wasm2cpp build/translator/wasm2cpp \
         --runtime-lib build/runtime/libwasm2cpp_runtime.a
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import random
import resource
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
    """`int run_<namespace>()`: instantiate, call the plan's exports, hash
    the memory (host.hpp prints in node_runner.mjs's format)."""
    out = ['#include "gen/%s.hpp"' % namespace, '',
           'int run_%s() {' % namespace,
           '  differential::Host host;',
           '  std::unique_ptr<%s::Instance> instance;' % namespace,
           '  try {',
           '    instance = std::make_unique<%s::Instance>(host.linker);' % namespace,
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
        out.append('  std::fflush(stdout);')  # a crash keeps the lines before it
        out.append('  try {')
        if plan['hang_limit']:
            out.append('    hang_limit();')
        if results:
            out.append('    differential::print_result(exports.function<%s>(%s)(%s));'
                       % (sig, name, args))
        else:
            out.append('    exports.function<%s>(%s)(%s);' % (sig, name, args))
            out.append('    std::printf("result\\n");')
        out.append('  } catch (const wasm2cpp::Trap&) {')
        out.append('    std::printf("trap\\n");')
        out.append('  }')
    out += ['  differential::print_memory_hash(exports);', '  return 0;', '}', '']
    return '\n'.join(out)


def batch_source(modules, directory):
    """One translation unit in `directory`: host.hpp, then each module's
    generated code and driver (included by relative paths, so a kept
    mismatch directory still builds), then a main() that runs the module
    named by argv[1]."""
    out = ['// Generated by tests/differential/run.py: one batch of modules.',
           '#include <memory>', '#include <string_view>', '#include "host.hpp"', '']
    for m in modules:
        out.append('#include "%s"' % os.path.relpath(m.cpp, directory))
        out.append('#include "%s"' % os.path.relpath(m.driver, directory))
    out += ['', 'int main(int argc, char** argv) {',
            '  if (argc != 2) return 2;',
            '  const std::string_view which = argv[1];']
    for m in modules:
        out.append('  if (which == "%s") return run_%s();' % (m.namespace, m.namespace))
    out += ['  return 2;', '}', '']
    return '\n'.join(out)


def run(cmd, timeout, cwd=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                           cwd=cwd)
        return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired:
        return None, '', 'timed out after %ss' % timeout


class Outcome:
    def __init__(self, seed, status, detail='', calls=0):
        self.seed, self.status, self.detail, self.calls = seed, status, detail, calls


class Module:
    """A module that both sides will run: its files in work/m<seed>/."""
    def __init__(self, seed, work, wasm, plan):
        self.seed, self.work, self.wasm, self.plan = seed, work, wasm, plan
        self.namespace = 'm%d' % seed
        self.plan_path = os.path.join(work, 'plan.json')
        self.cpp = os.path.join(work, 'gen', self.namespace + '.cpp')
        self.driver = os.path.join(work, 'driver.cpp')
        self.node_out = os.path.join(work, 'node.txt')


def prepare(args, seed):
    """Generates, plans and translates one module: a Module, or an Outcome
    (skipped, or a translator failure)."""
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
        shutil.rmtree(work, ignore_errors=True)
        return Outcome(seed, 'skipped', 'wasm-opt failed: ' + err.strip()[:200])
    with open(wasm, 'rb') as f:
        data = f.read()
    exports, imports = function_exports(data)
    unknown = [i for i in imports if i[0] != 'fuzzing-support' or
               i[1] not in ('log-i32', 'log-i64', 'log-f32', 'log-f64', 'log-v128')]
    if unknown:
        shutil.rmtree(work, ignore_errors=True)
        return Outcome(seed, 'skipped', 'unsupported imports %s' % unknown)
    module = Module(seed, work, wasm, make_plan(exports))
    with open(module.plan_path, 'w') as f:
        json.dump(module.plan, f)
    rc, _, err = run([args.wasm2cpp, wasm, '-o', os.path.join(work, 'gen', module.namespace),
                      '--name', module.namespace, '--bounds-checks=' + args.bounds], args.timeout)
    if rc != 0:
        return keep(args, module, 'translator failed (%s): %s' % (rc, err.strip()[:300]))
    with open(module.driver, 'w') as f:
        f.write(driver_source(module.plan, module.namespace))
    return module


def run_node(args, modules, batch_dir):
    """Runs the modules under node, one process for the batch; a module whose
    output is missing afterwards (node died or timed out part-way) is rerun
    on its own. Returns {seed: output or None}, None when node failed."""
    manifest = os.path.join(batch_dir, 'node.json')
    with open(manifest, 'w') as f:
        json.dump([{'wasm': m.wasm, 'plan': m.plan_path, 'out': m.node_out} for m in modules], f)
    runner = os.path.join(HERE, 'node_runner.mjs')
    run([args.node, runner, '--batch', manifest], args.timeout * len(modules))
    outputs = {}
    for m in modules:
        if os.path.exists(m.node_out):
            with open(m.node_out) as f:
                outputs[m.seed] = f.read()
            continue
        rc, out, _ = run([args.node, runner, m.wasm, m.plan_path], args.timeout)
        outputs[m.seed] = out if rc == 0 else None
    return outputs


def compile_executable(args, modules, source_path, exe):
    with open(source_path, 'w') as f:
        f.write(batch_source(modules, os.path.dirname(source_path)))
    return run([args.cxx, '-std=c++20', '-O1', '-w', '-I' + args.runtime_include, '-I' + HERE,
                source_path, args.runtime_lib, '-pthread', '-o', exe] + args.cxxflags.split(),
               300 + 60 * len(modules))


def compile_batch(args, modules, batch_dir):
    """{seed: executable or compiler error}: one executable for the batch; if
    that fails, one per module so the error is attributed to its module."""
    exe = os.path.join(batch_dir, 'batch.exe')
    rc, _, err = compile_executable(args, modules, os.path.join(batch_dir, 'batch.cpp'), exe)
    if rc == 0:
        return {m.seed: exe for m in modules}
    if len(modules) == 1:
        return {modules[0].seed: 'compile failed: ' + err.strip()[:500]}
    results = {}
    for m in modules:
        exe = os.path.join(m.work, 'm.exe')
        rc, _, err = compile_executable(args, [m], os.path.join(m.work, 'single.cpp'), exe)
        results[m.seed] = exe if rc == 0 else 'compile failed: ' + err.strip()[:500]
    return results


def check_batch(args, seeds):
    outcomes, modules = [], []
    for seed in seeds:
        prepared = prepare(args, seed)
        (outcomes if isinstance(prepared, Outcome) else modules).append(prepared)
    if not modules:
        return outcomes
    batch_dir = os.path.join(args.work_dir, 'batch-%d' % seeds[0])
    shutil.rmtree(batch_dir, ignore_errors=True)
    os.makedirs(batch_dir)
    node_outputs = run_node(args, modules, batch_dir)
    runnable = [m for m in modules if node_outputs[m.seed] is not None]
    for m in modules:
        if node_outputs[m.seed] is None:
            outcomes.append(Outcome(m.seed, 'skipped', 'node failed'))
            shutil.rmtree(m.work, ignore_errors=True)
    executables = compile_batch(args, runnable, batch_dir) if runnable else {}
    for m in runnable:
        exe = executables[m.seed]
        if not os.path.isfile(exe):
            outcomes.append(keep(args, m, exe))
            continue
        node_out = node_outputs[m.seed]
        rc, cpp_out, err = run([exe, m.namespace], args.timeout)
        if rc != 0:
            outcomes.append(keep(args, m, 'C++ run failed (%s): %s' % (rc, err.strip()[:300]),
                                 node_out, cpp_out))
        elif cpp_out != node_out:
            if nan_payloads_in_memory(args, m, node_out, cpp_out, exe):
                outcomes.append(Outcome(m.seed, 'nan-memory', calls=len(m.plan['calls'])))
                if not args.keep:
                    shutil.rmtree(m.work, ignore_errors=True)
            else:
                outcomes.append(keep(args, m, 'outputs differ', node_out, cpp_out))
        else:
            outcomes.append(Outcome(m.seed, 'ok', calls=len(m.plan['calls'])))
            if not args.keep:
                shutil.rmtree(m.work, ignore_errors=True)
    if not args.keep:
        shutil.rmtree(batch_dir, ignore_errors=True)
    return outcomes


def is_nan(window):
    if len(window) == 4:
        bits = int.from_bytes(window, 'little')
        return bits & 0x7f800000 == 0x7f800000 and bits & 0x007fffff != 0
    bits = int.from_bytes(window, 'little')
    return (bits & 0x7ff0000000000000 == 0x7ff0000000000000 and
            bits & 0x000fffffffffffff != 0)


def differ_only_in_nans(a, b):
    """Whether every byte where memories a and b differ lies in a 4- or
    8-byte window (any alignment) that holds a NaN in both."""
    if len(a) != len(b):
        return False
    covered_until = -1
    for i in range(len(a)):
        if a[i] == b[i] or i <= covered_until:
            continue
        for width in (8, 4):
            starts = [s for s in range(max(0, i - width + 1), i + 1) if s + width <= len(a)
                      and is_nan(a[s:s + width]) and is_nan(b[s:s + width])]
            if starts:
                covered_until = max(covered_until, starts[-1] + width - 1)
                break
        else:
            return False
    return True


def nan_payloads_in_memory(args, module, node_out, cpp_out, exe):
    """Whether the outputs differ only in the memory hash, and the memories
    only in NaNs: the spec lets the payload of an arithmetic NaN vary (V8
    returns the canonical NaN where x86 keeps an operand's payload), so a
    NaN stored to memory may legitimately differ."""
    node_lines, cpp_lines = node_out.splitlines(), cpp_out.splitlines()
    if (len(node_lines) != len(cpp_lines) or node_lines[:-1] != cpp_lines[:-1] or
            not node_lines or not node_lines[-1].startswith('memory ')):
        return False
    dumps = {side: os.path.join(module.work, side + '.mem') for side in ('node', 'cpp')}
    commands = {'node': [args.node, os.path.join(HERE, 'node_runner.mjs'), module.wasm,
                         module.plan_path],
                'cpp': [exe, module.namespace]}
    for side, command in commands.items():
        env = dict(os.environ, DIFFERENTIAL_MEMORY_DUMP=dumps[side])
        try:
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=args.timeout, env=env)
        except subprocess.TimeoutExpired:
            return False
        if not os.path.exists(dumps[side]):
            return False
    with open(dumps['node'], 'rb') as f:
        node_memory = f.read()
    with open(dumps['cpp'], 'rb') as f:
        cpp_memory = f.read()
    return differ_only_in_nans(node_memory, cpp_memory)


def keep(args, module, detail, node_out=None, cpp_out=None):
    """Moves a failing module's files to mismatch-<seed>/ with a standalone
    source (single.cpp) that reproduces the C++ side."""
    target = os.path.join(args.work_dir, 'mismatch-%d' % module.seed)
    shutil.rmtree(target, ignore_errors=True)
    if os.path.exists(module.driver):
        with open(os.path.join(module.work, 'single.cpp'), 'w') as f:
            f.write(batch_source([module], module.work))
    os.rename(module.work, target)
    if node_out is not None:
        with open(os.path.join(target, 'node.txt'), 'w') as f:
            f.write(node_out)
        with open(os.path.join(target, 'cpp.txt'), 'w') as f:
            f.write(cpp_out or '')
        diff = ''.join(difflib.unified_diff(node_out.splitlines(True), (cpp_out or '').splitlines(True),
                                            'node', 'wasm2cpp', n=2))
        detail += '\n' + diff[:2000]
    return Outcome(module.seed, 'mismatch', detail + '\n  kept in ' + target)


def child_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


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
                   help='bounds-check mode of the translation; both must keep every trap '
                        '(guard mode too: docs/generated-code.md, "Guard mode keeps every trap")')
    p.add_argument('--node', default=shutil.which('node') or 'node')
    p.add_argument('--wasm-opt', default=shutil.which('wasm-opt') or 'wasm-opt')
    p.add_argument('--min-bytes', type=int, default=1000)
    p.add_argument('--max-bytes', type=int, default=6000,
                   help='random input size range (module size grows with it)')
    p.add_argument('--jobs', type=int, default=2, help='batches checked in parallel')
    p.add_argument('--batch-size', type=int, default=25,
                   help='modules per compile (one translation unit) and per node process')
    p.add_argument('--timeout', type=int, default=60, help='seconds per module and step')
    p.add_argument('--work-dir', default=os.path.join(os.getcwd(), 'differential-work'))
    p.add_argument('--keep', action='store_true', help='keep the work files of passing modules')
    p.add_argument('--progress', action='store_true', help='a summary line after every batch')
    args = p.parse_args()

    for tool in (args.wasm_opt, args.node):
        if not shutil.which(tool):
            print('differential: %s not found (Debian: apt-get install binaryen nodejs)' % tool)
            return 77
    args.work_dir = os.path.abspath(args.work_dir)
    os.makedirs(args.work_dir, exist_ok=True)
    start = time.time()
    # nan-memory: only NaN payloads stored to memory differ (nan_payloads_in_memory)
    counts = {'ok': 0, 'skipped': 0, 'mismatch': 0, 'nan-memory': 0}
    calls = 0
    seeds = list(range(args.seed, args.seed + args.count))
    batches = [seeds[i:i + args.batch_size] for i in range(0, len(seeds), args.batch_size)]

    def summary(done):
        cpu = child_cpu_seconds()
        return ('%d modules (seeds %d..%d, %s mode): %d agree (%d export calls), %d differ '
                'only in NaN payloads in memory, %d skipped, %d mismatches, %.0f s wall, '
                '%.0f s CPU (%.2f s per module)'
                % (done, args.seed, args.seed + done - 1, args.bounds, counts['ok'], calls,
                   counts['nan-memory'],
                   counts['skipped'], counts['mismatch'], time.time() - start, cpu,
                   cpu / max(done, 1)))

    done = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(check_batch, args, b) for b in batches]
        for future in futures:  # in order, so `done` is a prefix of the seeds
            for o in future.result():
                counts[o.status] += 1
                calls += o.calls
                if o.status not in ('ok', 'nan-memory'):
                    print('seed %d: %s: %s' % (o.seed, o.status, o.detail), flush=True)
                done += 1
            if args.progress:
                print('progress: ' + summary(done), flush=True)
    print('differential: ' + summary(done))
    return 1 if counts['mismatch'] else 0


if __name__ == '__main__':
    sys.exit(main())
