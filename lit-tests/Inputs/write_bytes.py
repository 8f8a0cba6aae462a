"""Writes bytes given in hex to a file (for hand-made malformed modules).

    write_bytes.py OUT HEX...      e.g. write_bytes.py %t.wasm 00 61 73 6d 01 00 00 00
"""
import sys

with open(sys.argv[1], "wb") as out:
    out.write(bytes(int(h, 16) for h in sys.argv[2:]))
