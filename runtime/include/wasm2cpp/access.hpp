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
#include <type_traits>

#include "wasm2cpp/ops.hpp"
#include "wasm2cpp/trap_kind.hpp"
#include "wasm2cpp/value_types.hpp"

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

// Guard mode's value barrier (docs/generated-code.md, "Guard mode keeps
// every trap"): an asm statement without outputs is volatile, so the
// compiler can neither delete it nor see what it does with its input; the
// value must exist in full, in a register, right here. The load that made
// it therefore happens at full width and faults when out of bounds, even
// where nothing else uses the value or only some of its bits. Register
// constraints only: "m" or "g" would let the compiler pass the address and
// skip the load. The barrier emits no instruction.
template <typename T>
WASM2CPP_INLINE void keep(const T& value) {
  if constexpr (std::is_same_v<T, v128>) {
    typedef uint8_t vector_u8x16 __attribute__((vector_size(16)));
    vector_u8x16 bits;
    std::memcpy(&bits, value.bytes, 16);
    keep(bits);
  } else {
#if defined(__x86_64__) || defined(__i386__)
    if constexpr (std::is_floating_point_v<T> || sizeof(T) == 16)
      __asm__ volatile("" ::"x"(value));
    else
      __asm__ volatile("" ::"r"(value));
#elif defined(__aarch64__)
    if constexpr (std::is_floating_point_v<T> || sizeof(T) == 16)
      __asm__ volatile("" ::"w"(value));
    else
      __asm__ volatile("" ::"r"(value));
#else
    // Portable form: every byte through general registers, one machine word
    // at a time (costs moves, but stays exact).
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    for (size_t i = 0; i < sizeof(T); i += sizeof(uintptr_t)) {
      uintptr_t word = 0;
      std::memcpy(&word, bytes + i, sizeof(T) - i < sizeof(uintptr_t) ? sizeof(T) - i : sizeof(uintptr_t));
      __asm__ volatile("" ::"r"(word));
    }
#endif
  }
}

// A guard-mode load whose value the emitter cannot prove the compiler keeps
// in full (translator/emit/load_uses.hpp).
template <typename T>
WASM2CPP_INLINE T load_kept(const uint8_t* p) {
  T v = load_at<T>(p);
  keep(v);
  return v;
}

template <typename T>
WASM2CPP_INLINE void store_at(uint8_t* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}

// Guard mode's store sink (translator/emit/load_uses_stores.cpp has the
// argument). load_opaque hides the loaded value from the optimiser: a
// non-volatile asm whose output the compiler must take as unknown, so it
// can neither fold the value away (`x - x`, `*p = *p + 0`) nor narrow the
// load under it (the asm's input is the whole register). Being
// non-volatile and without memory operands, it orders nothing: loads and
// stores around it still fold into read-modify-write instructions. It runs
// whenever its result is needed; the emitter guarantees that with
// store_fenced. (opaque.hpp's opaque() is the float-only relative.)
template <typename T>
WASM2CPP_INLINE T load_opaque(const uint8_t* p) {
  T value = load_at<T>(p);
#if defined(__x86_64__) || defined(__i386__)
  if constexpr (std::is_floating_point_v<T>)
    __asm__("" : "+x"(value));
  else
    __asm__("" : "+r"(value));
#elif defined(__aarch64__)
  if constexpr (std::is_floating_point_v<T>)
    __asm__("" : "+w"(value));
  else
    __asm__("" : "+r"(value));
#else
  __asm__("" : "+m"(value));  // through a stack slot: still unknown, still whole
#endif
  return value;
}

// A store the optimiser must perform: after it, a volatile asm reads the
// stored bytes ("m" operand of the access's width), so the store is never
// dead (no later store can make it redundant) and happens before the asm.
// Its value, computed from opaque loads, is then needed in full.
template <typename T>
WASM2CPP_INLINE void store_fenced(uint8_t* p, T v) {
  std::memcpy(p, &v, sizeof(T));
  struct __attribute__((may_alias)) Stored {
    unsigned char bytes[sizeof(T)];
  };
  __asm__ volatile("" ::"m"(*reinterpret_cast<const Stored*>(p)));
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

// ---- loop versioning (docs/generated-code.md, "Versioned loops") ----
// The emitter runs an innermost loop without per-access checks only when
// these helpers prove, before the loop, that every iteration is in bounds.

// How a loop's back edge compares its counter with its bound (the counter
// is the operand that changes by `step` per iteration).
enum class LoopCompare {
#define WASM2CPP_LOOP_COMPARE(name, mirrored, operand, op) name,
#include "wasm2cpp/loop_compare.def"
};

// Whether the back edge is taken: `counter <C> bound` as wasm's i32 compare.
template <LoopCompare C>
constexpr bool loop_compare_holds(uint32_t counter, uint32_t bound) {
#define WASM2CPP_LOOP_COMPARE(name, mirrored, operand, op) \
  if constexpr (C == LoopCompare::name) return operand(counter) op operand(bound); else
#include "wasm2cpp/loop_compare.def"
  return false;
}

// Whether C reads its operands as signed numbers.
template <LoopCompare C>
inline constexpr bool loop_compare_signed =
#define WASM2CPP_LOOP_COMPARE(name, mirrored, operand, op) \
  (C == LoopCompare::name && std::is_signed_v<operand>) ||
#include "wasm2cpp/loop_compare.def"
    false;

// Number of iterations (>= 1) of a loop whose back edge is taken while
// `x_k <C> bound` holds, where x_k = x0 + k * step modulo 2^32 is the
// counter's value in iteration k (k = 0, 1, ...). 0 when that number cannot
// be derived exactly (the loop would run on after the counter wraps, or
// never stop): the caller then runs the checked loop. Every intermediate is
// below 2^34 in magnitude, so the 64-bit arithmetic cannot overflow.
template <LoopCompare C>
WASM2CPP_INLINE uint64_t loop_trip_count(uint32_t x0, int32_t step, uint32_t bound) {
  if (step == 0) return 0;
  const int64_t s = step;
  if constexpr (C == LoopCompare::Eq) {
    return x0 == bound ? 2 : 1;  // x_1 = bound + step != bound
  } else if constexpr (C == LoopCompare::Ne) {
    // First k with k * s == bound - x0 (mod 2^32); without wrapping past
    // 2^32 only when |s| divides the distance in the direction of travel.
    const uint64_t distance = s > 0 ? uint32_t(bound - x0) : uint32_t(x0 - bound);
    const uint64_t magnitude = s > 0 ? uint64_t(s) : uint64_t(-s);
    if (distance % magnitude != 0) return 0;
    return distance / magnitude + 1;
  } else {
    constexpr bool is_signed = loop_compare_signed<C>;
    // The counter's exact values must stay in the compared domain up to the
    // exit test, so the comparisons see the same numbers as wasm.
    const int64_t lo = is_signed ? INT32_MIN : 0;
    const int64_t hi = is_signed ? INT32_MAX : int64_t{UINT32_MAX};
    const int64_t x = is_signed ? int64_t(int32_t(x0)) : int64_t(x0);
    const int64_t y = is_signed ? int64_t(int32_t(bound)) : int64_t(bound);
    int64_t exit = 0;  // the first k whose test fails
    if constexpr (C == LoopCompare::LtS || C == LoopCompare::LtU) {
      if (x < y) {
        if (s < 0) return 0;
        exit = (y - x + s - 1) / s;
      }
    } else if constexpr (C == LoopCompare::LeS || C == LoopCompare::LeU) {
      if (x <= y) {
        if (s < 0) return 0;
        exit = (y - x) / s + 1;
      }
    } else if constexpr (C == LoopCompare::GtS || C == LoopCompare::GtU) {
      if (x > y) {
        if (s > 0) return 0;
        exit = (x - y - s - 1) / -s;
      }
    } else {
      if (x >= y) {
        if (s > 0) return 0;
        exit = (x - y) / -s + 1;
      }
    }
    const int64_t last = x + exit * s;
    if (last < lo || last > hi) return 0;
    return uint64_t(exit) + 1;
  }
}

// Whether the address base + delta + k * stride, for every k in [0, last],
// is exactly the 32-bit wasm address (its 64-bit value never leaves
// [0, 2^32)) and [address, address + end) lies inside `length` bytes
// (`end` = memarg offset + access width). The address is monotone in k, so
// the first and last iteration bound all the others.
WASM2CPP_INLINE bool loop_access_in_bounds(uint32_t base, int64_t delta, int64_t stride, uint64_t last,
                                           uint64_t end, uint64_t length) {
  int64_t span;
  if (last > uint64_t{INT64_MAX} || __builtin_mul_overflow(int64_t(last), stride, &span)) return false;
  // |first| < 2^33, so with |span| < 2^62 the sum cannot overflow.
  if (span > INT64_MAX / 2 || span < INT64_MIN / 2) return false;
  const int64_t first = int64_t(base) + delta;
  const int64_t last_address = first + span;
  const int64_t low = first < last_address ? first : last_address;
  const int64_t high = first < last_address ? last_address : first;
  return low >= 0 && high <= int64_t{UINT32_MAX} && uint64_t(high) + end <= length;
}

// Whether the bytes two access groups touch in iterations [0, last] are
// disjoint (each group as in loop_access_in_bounds, which must already have
// accepted both: then no product or sum here overflows). Lets a versioned
// copy read one group's loads before the other group's stores.
WASM2CPP_INLINE bool loop_ranges_disjoint(uint32_t base_a, int64_t delta_a, int64_t stride_a, uint64_t end_a,
                                          uint32_t base_b, int64_t delta_b, int64_t stride_b, uint64_t end_b,
                                          uint64_t last) {
  const int64_t first_a = int64_t(base_a) + delta_a, last_a = first_a + int64_t(last) * stride_a;
  const int64_t first_b = int64_t(base_b) + delta_b, last_b = first_b + int64_t(last) * stride_b;
  const int64_t low_a = first_a < last_a ? first_a : last_a, low_b = first_b < last_b ? first_b : last_b;
  const int64_t high_a = (first_a < last_a ? last_a : first_a) + int64_t(end_a);
  const int64_t high_b = (first_b < last_b ? last_b : first_b) + int64_t(end_b);
  return high_a <= low_b || high_b <= low_a;
}

// Before a versioned copy whose loads were moved above its stores: keeps
// clang's loop vectoriser off it, so the SLP vectoriser pairs its unrolled
// lanes instead (see translator/emit/loop_versioning.hpp, hoist_loads).
#if defined(__clang__)
#define WASM2CPP_NO_LOOP_VECTORIZE _Pragma("clang loop vectorize(disable)")
#else
#define WASM2CPP_NO_LOOP_VECTORIZE
#endif

}  // namespace wasm2cpp
