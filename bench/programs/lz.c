// LZ77-style compression (hash-chain-free, one candidate per hash bucket,
// like LZ4's fast mode) of a text-like buffer, then decompression and a
// round-trip check; n repetitions.
#include "common.h"

#define INPUT_BYTES (256 * 1024)
#define HASH_BITS 14
static uint8_t input[INPUT_BYTES];
static uint8_t packed[INPUT_BYTES + INPUT_BYTES / 8 + 64];
static uint8_t unpacked[INPUT_BYTES];
static uint32_t table[1 << HASH_BITS];

static const char* const words[] = {"the ",   "quick ", "brown ", "fox ",    "jumps ",
                                    "over ",  "lazy ",  "dog ",   "wasm ",   "module ",
                                    "memory ", "table ", "trap ",  "export ", "import ",
                                    "i32.add "};

static void make_input(uint32_t seed) {
  uint32_t pos = 0;
  while (pos < INPUT_BYTES) {
    const uint32_t r = xorshift32(&seed);
    if ((r & 31) == 0) {  // some noise so not everything matches
      input[pos++] = (uint8_t)(r >> 8);
      continue;
    }
    for (const char* w = words[(r >> 5) & 15]; *w && pos < INPUT_BYTES; ++w) input[pos++] = (uint8_t)*w;
  }
}

static uint32_t read32(const uint8_t* p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

// Token: literal run length byte L (0..127) followed by L bytes, or
// 0x80|len-4 (len 4..131) followed by a 16-bit little-endian distance.
static uint32_t compress(void) {
  for (uint32_t i = 0; i < (1u << HASH_BITS); ++i) table[i] = 0xffffffffu;
  uint32_t out = 0, pos = 0, literal_start = 0;
  while (pos + 4 <= INPUT_BYTES) {
    const uint32_t h = (read32(input + pos) * 2654435761u) >> (32 - HASH_BITS);
    const uint32_t candidate = table[h];
    table[h] = pos;
    if (candidate != 0xffffffffu && pos - candidate < 65536 &&
        read32(input + candidate) == read32(input + pos)) {
      uint32_t len = 4;
      while (pos + len < INPUT_BYTES && len < 131 && input[candidate + len] == input[pos + len]) ++len;
      while (literal_start < pos) {
        uint32_t run = pos - literal_start;
        if (run > 127) run = 127;
        packed[out++] = (uint8_t)run;
        for (uint32_t k = 0; k < run; ++k) packed[out++] = input[literal_start + k];
        literal_start += run;
      }
      const uint32_t distance = pos - candidate;
      packed[out++] = (uint8_t)(0x80 | (len - 4));
      packed[out++] = (uint8_t)distance;
      packed[out++] = (uint8_t)(distance >> 8);
      pos += len;
      literal_start = pos;
    } else {
      ++pos;
    }
  }
  while (literal_start < INPUT_BYTES) {
    uint32_t run = INPUT_BYTES - literal_start;
    if (run > 127) run = 127;
    packed[out++] = (uint8_t)run;
    for (uint32_t k = 0; k < run; ++k) packed[out++] = input[literal_start + k];
    literal_start += run;
  }
  return out;
}

static uint32_t decompress(uint32_t packed_bytes) {
  uint32_t in = 0, out = 0;
  while (in < packed_bytes) {
    const uint8_t token = packed[in++];
    if (token & 0x80) {
      const uint32_t len = (uint32_t)(token & 0x7f) + 4;
      const uint32_t distance = (uint32_t)packed[in] | (uint32_t)packed[in + 1] << 8;
      in += 2;
      for (uint32_t k = 0; k < len; ++k, ++out) unpacked[out] = unpacked[out - distance];
    } else {
      for (uint32_t k = 0; k < token; ++k) unpacked[out++] = packed[in++];
    }
  }
  return out;
}

EXPORT uint32_t run(uint32_t n) {
  uint32_t hash = MIX_INIT;
  for (uint32_t rep = 0; rep < n; ++rep) {
    make_input(99 + rep);
    const uint32_t packed_bytes = compress();
    const uint32_t unpacked_bytes = decompress(packed_bytes);
    uint32_t mismatches = unpacked_bytes != INPUT_BYTES;
    for (uint32_t i = 0; i < INPUT_BYTES; ++i) mismatches += unpacked[i] != input[i];
    hash = mix32(mix32(hash, packed_bytes), mismatches);
  }
  return hash;
}
