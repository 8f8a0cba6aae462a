// The guest side of the boundary benchmark (clang --target=wasm32, no libc).
// Each export is as small as a WebAssembly function can be, so what is
// measured is the crossing itself, not the work on either side.
#include <stdint.h>

#ifdef __wasm__
#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(name) __attribute__((import_module("env"), import_name(name)))
#else
// The native baseline compiles this same file for the host: plain external
// functions in their own translation unit (no LTO), so every call is real.
#define EXPORT(name)
#define IMPORT(name)
#endif

IMPORT("host_add") int32_t host_add(int32_t a, int32_t b);

// (a) the host calls this 100 million times.
EXPORT("add") int32_t add(int32_t a, int32_t b) { return a + b; }

// (b) a guest loop calling a trivial host import n times.
EXPORT("call_host") int32_t call_host(int32_t n) {
  int32_t acc = 0;
  for (int32_t i = 0; i < n; ++i) acc = host_add(acc, i);
  return acc;
}

// (c) a buffer in linear memory the host writes/reads through a view.
#define BUFFER_BYTES (1 << 20)
static uint8_t buffer[BUFFER_BYTES] __attribute__((aligned(16)));

#ifdef __wasm__
EXPORT("buffer_ptr") uint32_t buffer_ptr(void) { return (uint32_t)(uintptr_t)buffer; }
#else
uint8_t* native_buffer(void) { return buffer; }
#endif
EXPORT("buffer_len") uint32_t buffer_len(void) { return BUFFER_BYTES; }

// Sums the bytes the host wrote (word at a time: the guest's best effort).
EXPORT("sum") uint32_t sum(uint32_t len) {
  uint32_t total = 0;
  const uint64_t* words = (const uint64_t*)buffer;
  for (uint32_t i = 0; i < len / 8; ++i) {
    uint64_t w = words[i];
    // Horizontal byte sum of a word without SIMD.
    w = (w & 0x00ff00ff00ff00ffull) + ((w >> 8) & 0x00ff00ff00ff00ffull);
    w = (w & 0x0000ffff0000ffffull) + ((w >> 16) & 0x0000ffff0000ffffull);
    w = (w & 0xffffffffull) + (w >> 32);
    total += (uint32_t)w;
  }
  return total;
}

// Fills the buffer with a pattern the host checks after reading it.
EXPORT("fill") void fill(uint32_t len, uint32_t seed) {
  uint64_t* words = (uint64_t*)buffer;
  uint64_t pattern = seed * 0x0101010101010101ull;
  for (uint32_t i = 0; i < len / 8; ++i) words[i] = pattern + i;
}
