#!/usr/bin/env python3
"""Hostile input: a large module, and the translator's peak memory on it.

Writes a module of about --megabytes MB: one third code (functions of
straight-line i32 arithmetic), one third an active data segment, one third
an element segment of one-byte function indices; then runs the wasm2cpp CLI
on it under /usr/bin/time -v and reports the peak RSS. With --max-rss-ratio
the exit status is 1 when the peak RSS exceeds ratio * input size + 64 MB
(memory must stay proportional to the input).

  large_module.py --wasm2cpp build/translator/wasm2cpp --megabytes 100
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'support'))
from wasm_binary import MAGIC_AND_VERSION, leb, section  # noqa: E402


def build(total_bytes):
    third = total_bytes // 3
    # ~4 KB functions: local.get 0, then (i32.const 3; i32.add) * n.
    body_ops = 1300
    body = b'\x00' + b'\x20\x00' + b'\x41\x03\x6a' * body_ops + b'\x0b'
    entry = leb(len(body)) + body
    functions = max(1, third // len(entry))
    types = leb(1) + b'\x60\x01\x7f\x01\x7f'
    funcs = leb(functions) + b'\x00' * functions
    elements = third
    table = leb(1) + b'\x70\x00' + leb(elements)
    memory_pages = third // 65536 + 1
    memory = leb(1) + b'\x00' + leb(memory_pages)
    elem = leb(1) + b'\x00\x41\x00\x0b' + leb(elements) + b'\x00' * elements
    code = leb(functions) + entry * functions
    data_bytes = bytes((i * 7) & 0xff for i in range(256)) * (third // 256)
    data = leb(1) + b'\x00\x41\x00\x0b' + leb(len(data_bytes)) + data_bytes
    exports = leb(1) + leb(1) + b'f' + b'\x00' + leb(0)
    return (MAGIC_AND_VERSION + section(1, types) + section(3, funcs) +
            section(4, table) + section(5, memory) + section(7, exports) +
            section(9, elem) + section(10, code) + section(11, data)), functions


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--wasm2cpp', required=True)
    p.add_argument('--megabytes', type=float, default=10)
    p.add_argument('--max-rss-ratio', type=float, default=None)
    p.add_argument('--keep', help='directory to keep the module and output in')
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or tmp
        os.makedirs(work, exist_ok=True)
        module, functions = build(int(args.megabytes * 1024 * 1024))
        wasm = os.path.join(work, 'large.wasm')
        with open(wasm, 'wb') as f:
            f.write(module)
        start = time.time()
        p = subprocess.run(['/usr/bin/time', '-v', args.wasm2cpp, wasm, '-o',
                            os.path.join(work, 'gen', 'large')],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seconds = time.time() - start
        if p.returncode != 0:
            print(p.stderr[-2000:])
            return 1
        rss_kb = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', p.stderr).group(1))
        cpu = sum(float(re.search(r'%s time \(seconds\): ([\d.]+)' % kind, p.stderr).group(1))
                  for kind in ('User', 'System'))
        out_bytes = sum(os.path.getsize(os.path.join(work, 'gen', f))
                        for f in os.listdir(os.path.join(work, 'gen')))
        ratio = rss_kb * 1024 / len(module)
        print('large module: %.1f MB input (%d functions), %.1f MB output, peak RSS %.1f MB '
              '(%.2fx input), %.1f s wall, %.1f s CPU'
              % (len(module) / 2**20, functions, out_bytes / 2**20, rss_kb / 1024, ratio,
                 seconds, cpu))
        if args.max_rss_ratio is not None:
            limit = args.max_rss_ratio * len(module) + 64 * 2**20
            if rss_kb * 1024 > limit:
                print('peak RSS above %.1f MB' % (limit / 2**20))
                return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
