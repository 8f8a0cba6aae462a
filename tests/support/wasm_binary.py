"""Small helpers for test scripts that write WebAssembly binaries by hand
(tests/escape/make_memory64.py, tests/fuzz/large_module.py). Import with

  sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                  '..', 'support'))
  from wasm_binary import leb, vec, section, name
"""

MAGIC_AND_VERSION = b'\x00asm\x01\x00\x00\x00'


def leb(value):
    """Unsigned LEB128 (any size: memory64 offsets reach 2^64-1)."""
    if value < 0:
        raise ValueError('leb: unsigned values only, got %d' % value)
    out = bytearray()
    while True:
        byte = value & 0x7f
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def vec(items):
    """A vector: the count, then the already-encoded items."""
    return leb(len(items)) + b''.join(items)


def section(section_id, payload):
    return bytes([section_id]) + leb(len(payload)) + payload


def name(text):
    encoded = text.encode('utf-8')
    return leb(len(encoded)) + encoded
