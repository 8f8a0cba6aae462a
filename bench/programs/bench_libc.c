// memcpy/memset for the freestanding wasm builds. no_builtin stops clang from
// recognising these very loops as memcpy/memset calls (infinite recursion).
#include "common.h"

#ifdef __wasm__
__attribute__((no_builtin("memcpy"))) void* memcpy(void* dst, const void* src, size_t n) {
  unsigned char* d = dst;
  const unsigned char* s = src;
  for (size_t i = 0; i < n; ++i) d[i] = s[i];
  return dst;
}

__attribute__((no_builtin("memset"))) void* memset(void* dst, int value, size_t n) {
  unsigned char* d = dst;
  for (size_t i = 0; i < n; ++i) d[i] = (unsigned char)value;
  return dst;
}
#endif
