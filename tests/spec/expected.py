"""tests/spec/expected-failures.txt: the known failures.

Each non-comment line is `<what> <how> <reason...>`:

    core/simd_*.wast      *     SIMD not implemented yet
    gc/*.wast             skip  wast2json 1.0.32 cannot parse the gc proposal
    core/i32.wast:444     assert_invalid  <reason seen when it was listed>
    core/left-to-right.wast:95#2  assert_return  <reason>

- `<glob> skip`: the file is not run at all (reported as skipped).
- `<glob> *`: the file runs and may fail anywhere; it must not pass fully
  (then the entry is stale and must go).
- `<file>:<line>[#<n>] <kind>`: that command (the n-th on its line when a
  line holds several) is expected to fail; if it passes, the test fails, so
  the list only ever shrinks.

Files are named `<folder>/<stem>.wast` with folder `core` or the proposal.
"""

import fcntl
import hashlib
import fnmatch
import os
import tempfile


class Entry:
    def __init__(self, what, how, reason, text):
        self.what, self.how, self.reason, self.text = what, how, reason, text

    @property
    def is_file_entry(self):
        return self.how in ('*', 'skip')


def parse(path):
    entries = []
    if not os.path.exists(path):
        return entries
    with open(path, encoding='utf-8') as f:
        for text in f:
            stripped = text.strip()
            if not stripped or stripped.startswith('#'):
                entries.append(Entry(None, None, None, text))
                continue
            parts = stripped.split(None, 2)
            while len(parts) < 3:
                parts.append('')
            entries.append(Entry(parts[0], parts[1], parts[2], text))
    return entries


class Expectations:
    """The entries that concern one file."""

    def __init__(self, entries, file_key):
        self.file_key = file_key
        self.skip_reason = None
        self.whole_file = None
        self.commands = {}
        for e in entries:
            if e.what is None:
                continue
            if e.is_file_entry and fnmatch.fnmatchcase(file_key, e.what):
                if e.how == 'skip' and self.skip_reason is None:
                    self.skip_reason = e.reason or 'listed as skip'
                elif e.how == '*' and self.whole_file is None:
                    self.whole_file = (e.what, e.reason)
            elif not e.is_file_entry and e.what.rsplit(':', 1)[0] == file_key:
                self.commands[e.what.rsplit(':', 1)[1]] = (e.how, e.reason)


def compare(expectations, results):
    """(unexpected failures, unexpected passes, stale whole-file entry).

    results: list of dicts with 'key' ("<line>" or "<line>#<n>"), 'kind',
    'status' ('pass' | 'fail' | 'na').
    """
    unexpected_failures, unexpected_passes = [], []
    failed_any = any(r['status'] == 'fail' for r in results)
    if expectations.whole_file:
        stale = None if failed_any else expectations.whole_file[0]
        return [], [], stale
    for r in results:
        listed = r['key'] in expectations.commands
        if r['status'] == 'fail' and not listed:
            unexpected_failures.append(r)
        elif r['status'] == 'pass' and listed:
            unexpected_passes.append(r)
    # Listed commands that no longer exist (the script changed) are stale too.
    keys = {r['key'] for r in results}
    for key, (kind, _) in expectations.commands.items():
        if key not in keys:
            unexpected_passes.append({'key': key, 'kind': kind, 'line': key, 'status': 'gone',
                                      'reason': 'no such command'})
    return unexpected_failures, unexpected_passes, None


def update(path, file_key, results):
    """Rewrites this file's command entries from a run (under a lock, since
    ctest runs files in parallel)."""
    # The lock lives outside the source tree; the list itself is replaced
    # atomically, so it cannot be the lock.
    lock_path = os.path.join(tempfile.gettempdir(), 'wasm2cpp-spec-expected-%s.lock' %
                             hashlib.sha256(os.path.abspath(path).encode()).hexdigest()[:16])
    with open(lock_path, 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        entries = parse(path)
        expectations = Expectations(entries, file_key)
        kept, insert_at = [], None
        for e in entries:
            mine = (e.what is not None and not e.is_file_entry and
                    e.what.rsplit(':', 1)[0] == file_key)
            if mine:
                if insert_at is None:
                    insert_at = len(kept)
                continue
            kept.append(e.text if e.text.endswith('\n') else e.text + '\n')
        new = []
        if not expectations.whole_file and not expectations.skip_reason:
            for r in results:
                if r['status'] == 'fail':
                    reason = ' '.join(r['reason'].split())
                    if len(reason) > 160:
                        reason = reason[:157] + '...'
                    new.append('%s:%s %s %s\n' % (file_key, r['key'], r['kind'], reason))
        if insert_at is None:
            insert_at = len(kept)
        kept[insert_at:insert_at] = new
        tmp = path + '.tmp'
        with open(tmp, 'w', encoding='utf-8') as f:
            f.writelines(kept)
        os.replace(tmp, path)
