// Atomic memory accesses for generated code (the threads proposal's 0xFE
// instructions). Every access is sequentially consistent, as the proposal
// requires; narrow forms read and write the narrow unsigned type and the
// emitter zero-extends the result and wraps the operands.
//
// Generated code first checks bounds (explicit mode) and alignment, then
// calls these on `base + ea`. Linear memory bases are page-aligned, so an
// effective address that is a multiple of the access size gives a pointer
// aligned for T: the __atomic builtins then compile to single lock-free
// instructions (x86-64 and AArch64 have them for 1, 2, 4 and 8 bytes).
//
// memory.atomic.wait32/wait64 and memory.atomic.notify are members of
// Memory (memory.hpp, implemented in wait_notify.cpp).
#pragma once

#include <cstdint>

#include "wasm2cpp/ops.hpp"
#include "wasm2cpp/trap_kind.hpp"

namespace wasm2cpp {

class Memory;

// The slow path of a failed alignment check: traps MemoryOutOfBounds when
// [ea, ea + bytes) is outside `memory` (the spec checks bounds first; in
// guard mode no bounds check has run yet), else UnalignedAtomic.
#if defined(__GNUC__)
[[noreturn]] __attribute__((cold, noinline))
#else
[[noreturn]]
#endif
void trap_unaligned_atomic(const Memory& memory, uint64_t ea, uint64_t bytes);

template <uint64_t Bytes>
WASM2CPP_INLINE void check_atomic_alignment(const Memory& memory, uint64_t ea) {
  static_assert(Bytes == 1 || Bytes == 2 || Bytes == 4 || Bytes == 8);
  if constexpr (Bytes > 1) {
    if (WASM2CPP_UNLIKELY(ea & (Bytes - 1))) trap_unaligned_atomic(memory, ea, Bytes);
  }
}

static_assert(__atomic_always_lock_free(8, nullptr),
              "atomics need lock-free 64-bit accesses on the host");

template <typename T>
WASM2CPP_INLINE T atomic_load(const uint8_t* p) {
  return __atomic_load_n(reinterpret_cast<const T*>(p), __ATOMIC_SEQ_CST);
}

template <typename T>
WASM2CPP_INLINE void atomic_store(uint8_t* p, T value) {
  __atomic_store_n(reinterpret_cast<T*>(p), value, __ATOMIC_SEQ_CST);
}

// Read-modify-write: each returns the value read before the operation.
// The operations are named as std::atomic names them.
enum class Rmw { fetch_add, fetch_sub, fetch_and, fetch_or, fetch_xor, exchange };

// A function object rather than a function template so that each mnemonic
// below is a one-line variable template that generated code calls like a
// function: `atomic_rmw_add<uint32_t>(p, v)`.
template <Rmw Operation, typename T>
struct AtomicRmw {
  WASM2CPP_INLINE T operator()(uint8_t* p, T value) const {
    T* target = reinterpret_cast<T*>(p);
    // The __atomic builtins have no addresses to pass around, hence the
    // dispatch on a constant.
    if constexpr (Operation == Rmw::fetch_add) {
      return __atomic_fetch_add(target, value, __ATOMIC_SEQ_CST);
    } else if constexpr (Operation == Rmw::fetch_sub) {
      return __atomic_fetch_sub(target, value, __ATOMIC_SEQ_CST);
    } else if constexpr (Operation == Rmw::fetch_and) {
      return __atomic_fetch_and(target, value, __ATOMIC_SEQ_CST);
    } else if constexpr (Operation == Rmw::fetch_or) {
      return __atomic_fetch_or(target, value, __ATOMIC_SEQ_CST);
    } else if constexpr (Operation == Rmw::fetch_xor) {
      return __atomic_fetch_xor(target, value, __ATOMIC_SEQ_CST);
    } else {
      static_assert(Operation == Rmw::exchange);
      return __atomic_exchange_n(target, value, __ATOMIC_SEQ_CST);
    }
  }
};

// Named after the mnemonics (i32.atomic.rmw.add -> atomic_rmw_add).
template <typename T> inline constexpr AtomicRmw<Rmw::fetch_add, T> atomic_rmw_add{};
template <typename T> inline constexpr AtomicRmw<Rmw::fetch_sub, T> atomic_rmw_sub{};
template <typename T> inline constexpr AtomicRmw<Rmw::fetch_and, T> atomic_rmw_and{};
template <typename T> inline constexpr AtomicRmw<Rmw::fetch_or, T> atomic_rmw_or{};
template <typename T> inline constexpr AtomicRmw<Rmw::fetch_xor, T> atomic_rmw_xor{};
template <typename T> inline constexpr AtomicRmw<Rmw::exchange, T> atomic_rmw_xchg{};

// Stores `replacement` if the current value equals `expected` (both already
// wrapped to T); returns the value read either way.
template <typename T>
WASM2CPP_INLINE T atomic_rmw_cmpxchg(uint8_t* p, T expected, T replacement) {
  __atomic_compare_exchange_n(reinterpret_cast<T*>(p), &expected, replacement, false,
                              __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  return expected;  // on failure the builtin stored the value it read here
}

WASM2CPP_INLINE void atomic_fence() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

}  // namespace wasm2cpp
