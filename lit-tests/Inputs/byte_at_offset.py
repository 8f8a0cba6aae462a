"""Prints the byte of a file at the offset named in a wasm2cpp diagnostic.

    wasm2cpp bad.wasm 2>&1 | byte_at_offset.py bad.wasm    ->  "byte 0x8c"

so a test can check that an error points at the instruction it is about.
"""
import re
import sys

match = re.search(r"\(at offset 0x([0-9a-f]+)\)", sys.stdin.read())
if not match:
    sys.exit("byte_at_offset: no offset in the diagnostic")
offset = int(match.group(1), 16)
data = open(sys.argv[1], "rb").read()
if offset >= len(data):
    sys.exit("byte_at_offset: offset 0x{:x} is past the end ({} bytes)".format(offset, len(data)))
print("byte 0x{:02x}".format(data[offset]))
