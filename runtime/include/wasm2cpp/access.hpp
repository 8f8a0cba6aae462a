// Linear-memory access primitives for generated code.
//
// Security invariants (enforced here and by the emitter):
//  - a 32-bit address is zero-extended to 64 bits before the static offset
//    is added, so `addr + offset` cannot wrap (both are < 2^32);
//  - explicit mode checks `addr + offset + size <= length` in 64-bit
//    arithmetic; for memory64 the additions use overflow-checked builtins;
//  - guard mode relies on the Memory reservation covering
//    [base, base + 2^33 + 64 KiB): every u32 addr + u32 offset + 16 lands
//    inside it, and everything past the current size is inaccessible, so the
//    fault is turned into a MemoryOutOfBounds trap by the runtime's handler.
#pragma once

#include <cstdint>
#include <cstring>

#include "wasm2cpp/ops.hpp"
#include "wasm2cpp/trap.hpp"

namespace wasm2cpp {

static_assert(std::endian::native == std::endian::little,
              "generated code assumes a little-endian host");

template <typename T>
WASM2CPP_INLINE T load_at(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

// A load whose result the program never uses must still trap when out of
// bounds; a plain load would be deleted by the optimiser, so this one is
// volatile. Only used where the emitter sees the result dropped.
template <typename T>
WASM2CPP_INLINE void touch_at(const uint8_t* p) {
  for (size_t i = 0; i < sizeof(T); ++i) (void)static_cast<const volatile uint8_t*>(p)[i];
}

template <typename T>
WASM2CPP_INLINE void store_at(uint8_t* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}

// Explicit bounds check, 32-bit memory: addr + offset + size <= length.
// Written as a signed compare of the address alone against
// `length - (offset + size)`: every term is below 2^33, so nothing wraps and
// a negative right-hand side (a memory smaller than the access) correctly
// rejects every address. The right-hand side depends only on the length
// (a local of the generated function) and constants, so compilers hoist it
// out of loops and each access costs one compare and branch.
WASM2CPP_INLINE void check32(uint32_t addr, uint64_t offset, uint64_t size, uint64_t length) {
  if (WASM2CPP_UNLIKELY(static_cast<int64_t>(addr) >
                        static_cast<int64_t>(length) - static_cast<int64_t>(offset + size)))
    trap(TrapKind::MemoryOutOfBounds);
}

// Explicit bounds check, 64-bit memory: every addition is overflow-checked.
WASM2CPP_INLINE void check64(uint64_t addr, uint64_t offset, uint64_t size, uint64_t length) {
  uint64_t end;
  if (WASM2CPP_UNLIKELY(__builtin_add_overflow(addr, offset, &end) ||
                        __builtin_add_overflow(end, size, &end) || end > length))
    trap(TrapKind::MemoryOutOfBounds);
}

}  // namespace wasm2cpp
