#!/usr/bin/env python3
"""Builds the fuzz seed corpus from the spec testsuite's modules.

Every binary module wast2json extracts from the .wast scripts (valid,
invalid and malformed ones alike: each reaches a different part of the
translator), deduplicated by content, written as <sha1>.wasm into --out.
Nothing from the testsuite is committed: the corpus lives in the build tree.
"""

import argparse
import glob
import hashlib
import os
import subprocess
import sys
import tempfile

# Proposal folders whose scripts need wast2json feature flags.
PROPOSAL_FLAGS = {
    'exception-handling': ['--enable-exceptions'],
    'extended-const': ['--enable-extended-const'],
    'memory64': ['--enable-memory64'],
    'multi-memory': ['--enable-multi-memory'],
    'relaxed-simd': ['--enable-relaxed-simd'],
    'tail-call': ['--enable-tail-call'],
    'threads': ['--enable-threads'],
}


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--testsuite', required=True)
    p.add_argument('--wast2json', default='wast2json')
    p.add_argument('--out', required=True)
    p.add_argument('--max-size', type=int, default=64 * 1024,
                   help='skip modules larger than this (bytes)')
    args = p.parse_args()

    os.makedirs(args.out, exist_ok=True)
    scripts = sorted(glob.glob(os.path.join(args.testsuite, 'core', '*.wast')))
    for folder, flags in PROPOSAL_FLAGS.items():
        for wast in sorted(glob.glob(os.path.join(args.testsuite, 'proposals', folder, '*.wast'))):
            scripts.append((wast, flags))
    written = 0
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for index, entry in enumerate(scripts):
            wast, flags = entry if isinstance(entry, tuple) else (entry, [])
            work = os.path.join(tmp, str(index))
            os.makedirs(work)
            cmd = [args.wast2json] + flags + [wast, '-o', os.path.join(work, 'script.json')]
            if subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode:
                failed += 1
                continue
            for wasm in glob.glob(os.path.join(work, '*.wasm')):
                with open(wasm, 'rb') as f:
                    data = f.read()
                if len(data) > args.max_size:
                    continue
                name = os.path.join(args.out, hashlib.sha1(data).hexdigest() + '.wasm')
                if not os.path.exists(name):
                    with open(name, 'wb') as f:
                        f.write(data)
                    written += 1
    print('fuzz seeds: %d new modules from %d scripts (%d scripts not converted) in %s'
          % (written, len(scripts), failed, args.out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
