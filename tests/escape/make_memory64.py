#!/usr/bin/env python3
"""Writes the escape suite's memory64 module (binary: wat2wasm 1.0.x cannot
encode static offsets above 2^32-1). Usage: make_memory64.py out.wasm

  (memory (export "memory") i64 1 2)
  load8 / load32 / load64 / load128 (a: i64)      plain accesses
  store64 (a: i64, v: i64)
  load8_offset_4g (a)    i32.load8_u offset=2^32
  load8_offset_max (a)   i32.load8_u offset=2^64-1
  load32_offset_max (a)  i32.load    offset=2^64-1
  fill (a: i64, v: i32, n: i64), grow (pages: i64) -> i64
An effective address a + offset that overflows 64 bits must trap, never wrap.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'support'))
from wasm_binary import MAGIC_AND_VERSION, leb, name, section, vec  # noqa: E402


I32, I64 = 0x7f, 0x7e
TYPES = [([I64], [I32]), ([I64], [I64]), ([I64, I64], []), ([I64, I32, I64], [])]
GET0, GET1, GET2 = b'\x20\x00', b'\x20\x01', b'\x20\x02'
FUNCS = [  # (export name, type index, body without the final end)
    ('load8', 0, GET0 + b'\x2d\x00' + leb(0)),
    ('load32', 0, GET0 + b'\x28\x02' + leb(0)),
    ('load64', 1, GET0 + b'\x29\x03' + leb(0)),
    ('load128', 1, GET0 + b'\xfd\x00\x04' + leb(0) + b'\xfd\x1d\x00'),
    ('store64', 2, GET0 + GET1 + b'\x37\x03' + leb(0)),
    ('load8_offset_4g', 0, GET0 + b'\x2d\x00' + leb(1 << 32)),
    ('load8_offset_max', 0, GET0 + b'\x2d\x00' + leb((1 << 64) - 1)),
    ('load32_offset_max', 0, GET0 + b'\x28\x02' + leb((1 << 64) - 1)),
    ('fill', 3, GET0 + GET1 + GET2 + b'\xfc\x0b\x00'),
    ('grow', 1, GET0 + b'\x40\x00'),
]


def main():
    types = vec([b'\x60' + vec([bytes([p]) for p in params]) + vec([bytes([r]) for r in results])
                 for params, results in TYPES])
    funcs = vec([leb(t) for _, t, _ in FUNCS])
    memory = vec([b'\x05' + leb(1) + leb(2)])  # flags: has max | 64-bit
    exports = vec([name('memory') + b'\x02' + leb(0)] +
                  [name(n) + b'\x00' + leb(i) for i, (n, _, _) in enumerate(FUNCS)])
    code = vec([leb(len(b'\x00' + body + b'\x0b')) + b'\x00' + body + b'\x0b'
                for _, _, body in FUNCS])
    module = (MAGIC_AND_VERSION + section(1, types) + section(3, funcs) +
              section(5, memory) + section(7, exports) + section(10, code))
    with open(sys.argv[1], 'wb') as f:
        f.write(module)


if __name__ == '__main__':
    main()
