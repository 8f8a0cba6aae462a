// The guest side of the article's examples, compiled to WebAssembly with
// clang --target=wasm32 (no libc). Its linear memory is exported as "memory".
#include <stddef.h>
#include <stdint.h>

extern unsigned char __heap_base;
static uintptr_t heap_top = (uintptr_t)&__heap_base;

// A bump allocator: enough to show the host calling malloc in the guest.
__attribute__((export_name("malloc"))) void* wasm_malloc(size_t len) {
  uintptr_t p = (heap_top + 7) & ~(uintptr_t)7;
  size_t needed = p + len;
  size_t have = __builtin_wasm_memory_size(0) * 65536;
  if (needed > have &&
      __builtin_wasm_memory_grow(0, (needed - have + 65535) / 65536) == (size_t)-1)
    return 0;
  heap_top = needed;
  return (void*)p;
}

// Sums `len` bytes starting at `ptr`.
__attribute__((export_name("accumulate"))) int accumulate(const uint8_t* ptr, int len) {
  int sum = 0;
  for (int i = 0; i < len; ++i) sum += ptr[i];
  return sum;
}

// Reads a 32-bit value the host stored.
__attribute__((export_name("load_u32"))) uint32_t load_u32(const uint32_t* p) { return *p; }
