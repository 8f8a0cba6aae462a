#!/usr/bin/env python3
"""Runs one spec .wast script against wasm2cpp (one ctest test per file).

wast2json -> wasm2cpp per module -> one harness translation unit (the
generated .cpp files #included, plus the script as data) -> compile, link
with the runtime -> run -> compare with tests/spec/expected-failures.txt.

Exit status: 0 when every failure is listed and no listed failure passes,
1 otherwise, 77 when the file is listed as skipped.
"""

import argparse
import concurrent.futures
import fcntl
import hashlib
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import expected  # noqa: E402
import spec_script  # noqa: E402

SPEC_DIR = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(SPEC_DIR))
SKIP_EXIT = 77

# Feature flags per folder, shared by wast2json and wasm2cpp (see the
# testsuite's README.md).
FOLDER_FEATURES = {
    'core': [],
    'exception-handling': ['exceptions'],
    'extended-const': ['extended-const'],
    'memory64': ['memory64'],
    'multi-memory': ['multi-memory'],
    'relaxed-simd': ['relaxed-simd'],
    'tail-call': ['tail-call'],
    'threads': ['threads'],
}


def folder_of(wast):
    """'core' for <root>/core/x.wast, the proposal for <root>/proposals/p/x.wast."""
    return os.path.basename(os.path.dirname(os.path.abspath(wast)))


def run(cmd, timeout=None, cwd=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                           timeout=timeout)
        return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode('utf-8', 'replace')
        return None, out, 'timed out after %ss' % timeout


def first_line(text, limit=300):
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= limit else line[:limit - 3] + '...'
    return ''


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def signal_name(rc):
    try:
        return signal.Signals(-rc).name
    except ValueError:
        return 'signal %d' % -rc


class Runner:
    def __init__(self, args):
        self.args = args
        self.wast = os.path.abspath(args.wast)
        self.folder = args.folder or folder_of(self.wast)
        self.stem = os.path.splitext(os.path.basename(self.wast))[0]
        self.file_key = '%s/%s.wast' % (self.folder, self.stem)
        self.work = os.path.join(args.work_dir, self.folder, self.stem)
        self.features = FOLDER_FEATURES.get(self.folder, [])
        self.times = {}
        self.notes = []
        self.generated_warnings = 0

    # ---- steps ---------------------------------------------------------

    def convert(self):
        json_dir = os.path.join(self.work, 'json')
        shutil.rmtree(json_dir, ignore_errors=True)
        os.makedirs(json_dir)
        out = os.path.join(json_dir, self.stem + '.json')
        cmd = [self.args.wast2json] + ['--enable-' + f for f in self.features] + [self.wast, '-o', out]
        rc, _, err = run(cmd)
        if rc != 0:
            return None, 'wast2json failed: ' + first_line(err)
        with open(out, encoding='utf-8') as f:
            return json.load(f), json_dir

    def translate_cmd(self, wasm, out_stem, name):
        cmd = [self.args.wasm2cpp, wasm, '-o', out_stem, '--name', name]
        cmd += ['--enable-' + f for f in self.features]
        if self.args.bounds:
            cmd.append('--bounds-checks=' + self.args.bounds)
        return cmd

    def translate(self, job):
        """job: (kind, index, wasm path). Returns (ok, message)."""
        kind, index, wasm = job
        if kind == 'module':
            out_dir = os.path.join(self.work, 'gen')
            name = 'spec_m%d' % index
        else:
            out_dir = os.path.join(self.work, 'rejected', str(index))
            name = 'rejected'
        os.makedirs(out_dir, exist_ok=True)
        rc, out, err = run(self.translate_cmd(wasm, os.path.join(out_dir, name), name),
                           timeout=self.args.timeout)
        message = first_line(err) or first_line(out)
        if rc is None:
            return False, 'translator timed out'
        if rc < 0:
            return False, 'translator crashed (%s): %s' % (signal_name(rc), message)
        return rc == 0, message

    def base_flags(self):
        return ['-std=c++20', '-' + self.args.opt, '-g0', '-Wall', '-Wextra',
                '-I' + self.args.runtime_include, '-I' + SPEC_DIR] + self.extra_flags()

    def extra_flags(self):
        # e.g. the asan preset's -fsanitize=...: the generated code and the
        # harness are sanitised like the runtime they link against.
        return self.args.cxxflags.split()

    def compile_flags(self):
        return self.base_flags() + ['-I' + os.path.join(self.work, 'gen')]

    def precompiled_header(self):
        """Flags using spec_pch.hpp precompiled (built once per compiler, flags
        and header contents and times, shared by all files under a lock), or []."""
        if self.args.no_pch:
            return []
        rc, version, _ = run([self.args.cxx, '--version'])
        if rc != 0:
            return []
        clang = 'clang' in version
        key = hashlib.sha256((version + ' '.join(self.base_flags())).encode())
        for d in (self.args.runtime_include, SPEC_DIR):
            for root, _, files in sorted(os.walk(d)):
                for name in sorted(files):
                    if name.endswith('.hpp'):
                        path = os.path.join(root, name)
                        with open(path, 'rb') as f:
                            key.update(f.read())
                        # clang rejects a PCH whose headers' modification
                        # times changed, even with equal contents: a touched
                        # header needs its own PCH, not a stale shared one.
                        key.update(str(os.stat(path).st_mtime_ns).encode())
        pch_dir = os.path.join(self.args.work_dir, 'pch', key.hexdigest()[:16])
        os.makedirs(pch_dir, exist_ok=True)
        header = os.path.join(pch_dir, 'spec_pch.hpp')
        output = header + ('.pch' if clang else '.gch')
        use = ['-include-pch', output] if clang else ['-include', header, '-Winvalid-pch']
        with open(os.path.join(pch_dir, 'lock'), 'w') as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if os.path.exists(output):
                return use
            if os.path.exists(os.path.join(pch_dir, 'failed')):
                return []
            shutil.copyfile(os.path.join(SPEC_DIR, 'spec_pch.hpp'), header)
            rc, _, err = run([self.args.cxx] + self.base_flags() +
                             ['-x', 'c++-header', header, '-o', output + '.tmp'])
            if rc != 0:
                self.notes.append('precompiled header failed, compiling without: ' +
                                  first_line(err))
                open(os.path.join(pch_dir, 'failed'), 'w').close()
                return []
            os.replace(output + '.tmp', output)
            return use

    def generated_sources(self, ns):
        gen = os.path.join(self.work, 'gen')
        shards = sorted(f for f in os.listdir(gen)
                        if re.fullmatch(re.escape(ns) + r'(_\d+)?\.cpp', f))
        return [os.path.join(gen, f) for f in shards]

    def compile_object(self, source, obj):
        """Compiles with a content-keyed cache: reruns after a runtime-only
        change skip straight to linking."""
        cmd = [self.args.cxx] + self.compile_flags() + self.pch + ['-c', source, '-o', obj]
        key = hashlib.sha256(' '.join(cmd).encode())
        with open(source, 'rb') as f:
            text = f.read()
        key.update(text)
        for inc in re.findall(rb'#include "([^"]+\.cpp)"', text):
            with open(inc, 'rb') as f:
                key.update(f.read())
        for d in (self.args.runtime_include, SPEC_DIR):
            for root, _, files in sorted(os.walk(d)):
                for name in sorted(files):
                    if name.endswith('.hpp'):
                        with open(os.path.join(root, name), 'rb') as f:
                            key.update(f.read())
        for ns_header in sorted(os.listdir(os.path.join(self.work, 'gen'))):
            if ns_header.endswith('.hpp'):
                with open(os.path.join(self.work, 'gen', ns_header), 'rb') as f:
                    key.update(f.read())
        digest = key.hexdigest()
        stamp = obj + '.key'
        if os.path.exists(obj) and os.path.exists(stamp) and open(stamp).read() == digest:
            return 0, '', '(cached)'
        rc, out, err = run(cmd)
        if rc == 0:
            with open(stamp, 'w') as f:
                f.write(digest)
        return rc, out, err

    def syntax_check(self, ns):
        """First compiler error of one module compiled on its own, or None."""
        for src in self.generated_sources(ns):
            rc, _, err = run([self.args.cxx] + self.compile_flags() + ['-fsyntax-only', src])
            if rc != 0:
                errors = [l for l in err.splitlines() if 'error' in l]
                return 'generated code does not compile: ' + first_line(
                    '\n'.join(errors) or err, 400)
        return None

    def build(self, modules, script, signatures):
        """Compiles and links the harness. Returns (harness path or None,
        modules) with modules whose code does not compile marked unavailable."""
        build = os.path.join(self.work, 'build')
        os.makedirs(build, exist_ok=True)
        harness = os.path.join(build, 'harness')
        unity = os.path.join(build, 'unity.cpp')
        obj = os.path.join(build, 'unity.o')
        self.pch = self.precompiled_header()
        for attempt in range(3):
            includes = [s for ns, _ in modules if ns for s in self.generated_sources(ns)]
            with open(unity, 'w', encoding='utf-8') as f:
                f.write(spec_script.harness_source(modules, script, signatures, includes))
            t0, cpu0 = time.time(), child_cpu()
            rc, _, err = self.compile_object(unity, obj)
            self.times['compile'] = self.times.get('compile', 0) + time.time() - t0
            self.times['compile-cpu'] = self.times.get('compile-cpu', 0) + child_cpu() - cpu0
            self.record_warnings(err)
            if rc == 0:
                break
            if attempt == 2:
                return None, modules, 'harness does not compile: ' + first_line(
                    '\n'.join(l for l in err.splitlines() if 'error' in l) or err, 400)
            # Find the modules whose generated code does not compile on its
            # own and leave them out; if none, the unity build itself is the
            # problem (name clashes between modules), which we report.
            t0 = time.time()
            with concurrent.futures.ThreadPoolExecutor(self.args.jobs) as pool:
                checks = list(pool.map(lambda m: self.syntax_check(m[0]) if m[0] else None, modules))
            self.times['compile'] += time.time() - t0
            if not any(checks):
                return None, modules, ('unity build failed though each module compiles alone '
                                       '(name clash between generated files?): ' +
                                       first_line('\n'.join(l for l in err.splitlines()
                                                            if 'error' in l) or err, 400))
            modules = [(None, c) if c else m for m, c in zip(modules, checks)]
        t0 = time.time()
        rc, _, err = run([self.args.cxx, obj, self.args.support_lib, self.args.runtime_lib,
                          '-pthread', '-o', harness] + self.extra_flags())
        self.times['link'] = time.time() - t0
        if rc != 0:
            return None, modules, 'harness does not link: ' + first_line(
                '\n'.join(l for l in err.splitlines() if 'undefined' in l or 'error' in l) or err,
                400)
        return harness, modules, None

    def record_warnings(self, err):
        # Generated code must compile warning-free at -Wall -Wextra: a warning
        # in it fails the file (finish()), whatever the commands do.
        warnings = [l for l in err.splitlines() if 'warning:' in l and '/gen/' in l]
        if warnings:
            self.generated_warnings += len(warnings)
            self.notes.append('generated code has %d compiler warning(s), first: %s' %
                              (len(warnings), first_line(warnings[0], 300)))

    def execute(self, harness, harness_ids):
        """Runs the harness, resuming past crashing commands. Returns
        {id: (status, reason)}."""
        results, skip = {}, []
        results_file = os.path.join(self.work, 'build', 'results.txt')
        t0 = time.time()
        for _ in range(self.args.max_crashes + 1):
            cmd = [harness, '--results', results_file]
            if skip:
                cmd += ['--skip', ','.join(map(str, skip))]
            if os.path.exists(results_file):
                os.remove(results_file)
            rc, out, err = run(cmd, timeout=self.args.timeout)
            started = None
            if not os.path.exists(results_file):
                self.notes.append('harness produced no results: status %s: %s' %
                                  (rc, first_line(err)))
                break
            with open(results_file, encoding='utf-8', errors='replace') as f:
                for line in f:
                    parts = line.rstrip('\n').split(' ', 2)
                    cid = int(parts[0])
                    if parts[1] == 'start':
                        started = cid
                        continue
                    started = None
                    if cid not in results:
                        results[cid] = ('pass', '') if parts[1] == 'ok' else ('fail', parts[2])
            if rc == 0 and started is None:
                break
            how = ('timed out after %ss' % self.args.timeout if rc is None else
                   'crashed (%s)' % signal_name(rc) if rc < 0 else
                   'harness exited with status %d: %s' % (rc, first_line(err)))
            if started is None:
                self.notes.append('harness ' + how + ' after its last command')
                break
            results[started] = ('fail', 'harness ' + how)
            skip.append(started)
        self.times['run'] = time.time() - t0
        for cid in harness_ids:
            results.setdefault(cid, ('fail', 'not run (harness stopped early)'))
        return results

    # ---- the whole file --------------------------------------------------

    def run(self):
        entries = expected.parse(self.args.expected)
        expectations = expected.Expectations(entries, self.file_key)
        if expectations.skip_reason:
            print('%s: skipped (%s)' % (self.file_key, expectations.skip_reason))
            self.save({'status': 'skipped', 'skip_reason': expectations.skip_reason})
            return SKIP_EXIT

        os.makedirs(self.work, exist_ok=True)
        for sub in ('gen', 'rejected'):
            shutil.rmtree(os.path.join(self.work, sub), ignore_errors=True)
        t0 = time.time()
        data, json_dir = self.convert()
        self.times['wast2json'] = time.time() - t0
        if data is None:
            results = [{'id': 0, 'line': 0, 'key': '0', 'kind': 'wast2json', 'status': 'fail',
                        'reason': json_dir}]
            return self.finish(results, expectations)
        commands = data['commands']

        # Keys: the .wast line, plus "#n" for the n-th command on a shared line.
        per_line, keys = {}, []
        for c in commands:
            per_line[c['line']] = per_line.get(c['line'], 0) + 1
            n = per_line[c['line']]
            keys.append(str(c['line']) if n == 1 else '%d#%d' % (c['line'], n))

        results = [None] * len(commands)
        jobs, module_index = [], {}
        for cid, c in enumerate(commands):
            kind = c['type']
            if kind in ('assert_invalid', 'assert_malformed'):
                if c.get('module_type') == 'text':
                    results[cid] = ('na', 'not applicable: text format')
                else:
                    jobs.append(('reject', cid, os.path.join(json_dir, c['filename'])))
            elif kind in spec_script.INSTANTIATING:
                module_index[cid] = len(module_index)
                jobs.append(('module', module_index[cid], os.path.join(json_dir, c['filename'])))

        t0 = time.time()
        with concurrent.futures.ThreadPoolExecutor(self.args.jobs) as pool:
            outcomes = list(pool.map(self.translate, jobs))
        self.times['translate'] = time.time() - t0

        modules = [None] * len(module_index)
        for (kind, index, _), (ok, message) in zip(jobs, outcomes):
            if kind == 'reject':
                c = commands[index]
                if ok:
                    results[index] = ('fail', 'translator accepted the module (expected "%s")' %
                                      c.get('text', ''))
                elif message.startswith('translator crashed') or message == 'translator timed out':
                    results[index] = ('fail', message)
                elif not message:
                    results[index] = ('fail', 'translator rejected the module without a message')
                else:
                    results[index] = ('pass', '')
            else:
                modules[index] = ('spec_m%d' % index, None) if ok else (
                    None, 'translation failed: ' + (message or 'no message'))

        script, signatures, harness_ids = [], set(), []
        for cid, c in enumerate(commands):
            if c['type'] in spec_script.INSTANTIATING or c['type'] == 'register' or \
                    c['type'] in spec_script.HARNESS_ACTIONS:
                line, sig = spec_script.script_line(cid, c, module_index.get(cid))
                script.append(line)
                harness_ids.append(cid)
                if sig:
                    signatures.add(sig)

        if harness_ids:
            harness, modules, build_error = self.build(modules, script, signatures)
            if harness:
                for cid, outcome in self.execute(harness, harness_ids).items():
                    results[cid] = outcome
            else:
                for cid in harness_ids:
                    results[cid] = ('fail', build_error)

        listed = []
        for cid, c in enumerate(commands):
            status, reason = results[cid] or ('fail', 'command type %s not handled' % c['type'])
            listed.append({'id': cid, 'line': c['line'], 'key': keys[cid], 'kind': c['type'],
                           'status': status, 'reason': reason})
        return self.finish(listed, expectations)

    def finish(self, results, expectations):
        passed = sum(r['status'] == 'pass' for r in results)
        failed = sum(r['status'] == 'fail' for r in results)
        na = [r for r in results if r['status'] == 'na']
        print('%s: %d/%d passed, %d failed, %d not applicable' %
              (self.file_key, passed, passed + failed, failed, len(na)))
        for r in results:
            if r['status'] == 'fail':
                print('  FAIL line %s %s: %s' % (r['key'], r['kind'], r['reason']))
        if na:
            print('  n.a. (text format): lines %s' % ' '.join(r['key'] for r in na))
        for note in self.notes:
            print('  note: ' + note)
        print('  time: ' + ', '.join('%s %.2fs' % kv for kv in self.times.items()))

        if self.args.update_expected:
            expected.update(self.args.expected, self.file_key, results)
            expectations = expected.Expectations(expected.parse(self.args.expected),
                                                 self.file_key)
        bad_fail, bad_pass, stale = expected.compare(expectations, results)
        for r in bad_fail:
            print('  UNEXPECTED FAILURE line %s %s (not in expected-failures.txt)' %
                  (r['key'], r['kind']))
        for r in bad_pass:
            print('  UNEXPECTED PASS line %s %s (listed in expected-failures.txt: remove it)' %
                  (r['key'], r['kind']))
        if stale:
            print('  UNEXPECTED PASS: the whole file passes but "%s *" lists it as failing' % stale)
        ok = not bad_fail and not bad_pass and not stale and not self.generated_warnings
        if self.generated_warnings:
            print('  GENERATED CODE HAS %d COMPILER WARNING(S) (see the note above)' %
                  self.generated_warnings)
        if expectations.whole_file and not stale:
            print('  (failures expected: %s)' % expectations.whole_file[1])
        print('  result: %s' % ('OK' if ok else 'FAIL'))
        self.save({'status': 'ran', 'passed': passed, 'failed': failed, 'na': len(na),
                   'commands': len(results), 'ok': ok,
                   'unexpected_failures': len(bad_fail), 'unexpected_passes': len(bad_pass),
                   'whole_file_expected': bool(expectations.whole_file),
                   'failures': [r for r in results if r['status'] == 'fail'],
                   'generated_warnings': self.generated_warnings,
                   'times': self.times, 'notes': self.notes})
        return 0 if ok else 1

    def save(self, record):
        record.update({'file': self.file_key, 'folder': self.folder, 'stem': self.stem,
                       'bounds': self.args.bounds, 'opt': self.args.opt})
        path = os.path.join(self.args.results_dir, self.folder, self.stem + '.json')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(record, f, indent=1)


def main():
    here = SPEC_DIR
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('wast', help='the .wast script')
    p.add_argument('--folder', help='core or the proposal name (default: the parent folder)')
    p.add_argument('--wasm2cpp', required=True, help='the translator CLI')
    p.add_argument('--wast2json', default=shutil.which('wast2json') or 'wast2json')
    p.add_argument('--cxx', default=os.environ.get('CXX', 'c++'))
    p.add_argument('--opt', default='O1', choices=['O0', 'O1', 'O2', 'O3', 'Os'])
    p.add_argument('--bounds', default='guard', choices=['guard', 'explicit'])
    p.add_argument('--runtime-include', default=os.path.join(SOURCE_DIR, 'runtime', 'include'))
    p.add_argument('--runtime-lib', required=True, help='libwasm2cpp_runtime.a')
    p.add_argument('--support-lib', required=True, help='libwasm2cpp_spec_support.a')
    p.add_argument('--work-dir', default=os.path.join(os.getcwd(), 'spec-work'))
    p.add_argument('--results-dir', default=os.path.join(os.getcwd(), 'spec-results'))
    p.add_argument('--expected', default=os.path.join(here, 'expected-failures.txt'))
    p.add_argument('--update-expected', action='store_true',
                   default=os.environ.get('WASM2CPP_SPEC_UPDATE_EXPECTED') == '1',
                   help='rewrite this file\'s entries in the expected-failures list from '
                        'this run (also: WASM2CPP_SPEC_UPDATE_EXPECTED=1)')
    p.add_argument('--cxxflags', default='',
                   help='extra flags for compiling and linking the generated code and harness '
                        '(space-separated; e.g. sanitizers)')
    p.add_argument('--no-pch', action='store_true', help='do not use a precompiled header')
    p.add_argument('--jobs', type=int, default=2, help='parallel translator/compiler runs')
    p.add_argument('--timeout', type=int, default=60, help='seconds per harness run')
    p.add_argument('--max-crashes', type=int, default=20,
                   help='harness crashes to resume from before giving up')
    sys.exit(Runner(p.parse_args()).run())


if __name__ == '__main__':
    main()
