// Shared by the suite's C programs. Each program defines
//   EXPORT uint32_t run(uint32_t n)
// returning a checksum every engine must reproduce. The same source builds
// natively (clang -O2) and for wasm32 freestanding (no libc, no WASI).
#pragma once
#include <stddef.h>
#include <stdint.h>

// bench/compile_cost.py links every program several times into one module:
// it renames run() and exports the copies itself (-DEXPORT= -Drun=...).
#ifndef EXPORT
#ifdef __wasm__
#define EXPORT __attribute__((export_name("run")))
#else
#define EXPORT
#endif
#endif

// Freestanding wasm has no libc; clang still emits calls to these for loops
// and copies it recognises, so bench_libc.c provides them (wasm only).
void* memcpy(void* dst, const void* src, size_t n);
void* memset(void* dst, int value, size_t n);

static inline uint32_t xorshift32(uint32_t* state) {
  uint32_t x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *state = x;
}

// FNV-1a over 32-bit words, to fold results into a checksum.
static inline uint32_t mix32(uint32_t hash, uint32_t value) {
  for (int i = 0; i < 4; ++i) {
    hash ^= (value >> (8 * i)) & 0xff;
    hash *= 16777619u;
  }
  return hash;
}
#define MIX_INIT 2166136261u
