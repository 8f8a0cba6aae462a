// WebAssembly SIMD: loads and stores on already bounds-checked (or
// guard-protected) linear-memory pointers. The emitter computes the pointer
// and the bounds check exactly as for scalar accesses. Included by
// wasm2cpp/simd.hpp.
#pragma once

#include "wasm2cpp/simd.hpp"

namespace wasm2cpp::simd {

WASM2CPP_INLINE v128 v128_load(const uint8_t* p) {
  v128 r;
  std::memcpy(r.bytes, p, 16);
  return r;
}
// One 16-byte store instruction, also without optimisation: a 16-byte memcpy
// may become two 8-byte moves (GCC and clang at -O0), and then a store that
// straddles the end of a guard-page memory writes its in-bounds half before
// it faults; wasm forbids partial writes.
WASM2CPP_INLINE void v128_store(uint8_t* p, const v128& v) {
  // A typedef: clang ignores a lowered alignment on a using-alias (and would
  // emit an aligned movaps).
  typedef uint8_t unaligned_u8x16 __attribute__((vector_size(16), aligned(1), may_alias));
  unaligned_u8x16 value;
  std::memcpy(&value, v.bytes, 16);
  *reinterpret_cast<unaligned_u8x16*>(p) = value;
}

// loadMxN_s/u: N lanes of M bits, each sign- or zero-extended to 2M bits.
// One 8-byte load converted as a half-width vector (like extend in simd.hpp):
// movq + punpck* / pmovsx / pmovzx, where a lane-by-lane copy compiled to
// 16-31 scalar loads, shifts and inserts.
template <typename R, typename T>
WASM2CPP_INLINE v128 load_extend(const uint8_t* p) {
  typename Half<T>::type lanes;
  std::memcpy(&lanes, p, sizeof(lanes));
  return from(__builtin_convertvector(lanes, R));
}
WASM2CPP_INLINE v128 v128_load8x8_s(const uint8_t* p) { return load_extend<i16x8, int8_t>(p); }
WASM2CPP_INLINE v128 v128_load8x8_u(const uint8_t* p) { return load_extend<i16x8, uint8_t>(p); }
WASM2CPP_INLINE v128 v128_load16x4_s(const uint8_t* p) { return load_extend<i32x4, int16_t>(p); }
WASM2CPP_INLINE v128 v128_load16x4_u(const uint8_t* p) { return load_extend<i32x4, uint16_t>(p); }
WASM2CPP_INLINE v128 v128_load32x2_s(const uint8_t* p) { return load_extend<i64x2, int32_t>(p); }
WASM2CPP_INLINE v128 v128_load32x2_u(const uint8_t* p) { return load_extend<i64x2, uint32_t>(p); }

template <typename V>
WASM2CPP_INLINE v128 load_splat(const uint8_t* p) {
  lane_t<V> x;
  std::memcpy(&x, p, sizeof(x));
  return splat<V>(x);
}
WASM2CPP_INLINE v128 v128_load8_splat(const uint8_t* p) { return load_splat<u8x16>(p); }
WASM2CPP_INLINE v128 v128_load16_splat(const uint8_t* p) { return load_splat<u16x8>(p); }
WASM2CPP_INLINE v128 v128_load32_splat(const uint8_t* p) { return load_splat<u32x4>(p); }
WASM2CPP_INLINE v128 v128_load64_splat(const uint8_t* p) { return load_splat<u64x2>(p); }

template <typename V>
WASM2CPP_INLINE v128 load_zero(const uint8_t* p) {
  V r{};
  std::memcpy(&r, p, sizeof(r[0]));
  return from(r);
}
WASM2CPP_INLINE v128 v128_load32_zero(const uint8_t* p) { return load_zero<u32x4>(p); }
WASM2CPP_INLINE v128 v128_load64_zero(const uint8_t* p) { return load_zero<u64x2>(p); }

// loadN_lane / storeN_lane: lane L (template argument, validated < lanes).
template <typename V, unsigned L>
WASM2CPP_INLINE v128 load_lane(const uint8_t* p, const v128& a) {
  lane_t<V> x;
  std::memcpy(&x, p, sizeof(x));
  return replace<V, L>(a, x);
}
template <typename V, unsigned L>
WASM2CPP_INLINE void store_lane(uint8_t* p, const v128& a) {
  lane_t<V> x = as<V>(a)[L];
  std::memcpy(p, &x, sizeof(x));
}
template <unsigned L> WASM2CPP_INLINE v128 v128_load8_lane(const uint8_t* p, const v128& a) { return load_lane<u8x16, L>(p, a); }
template <unsigned L> WASM2CPP_INLINE v128 v128_load16_lane(const uint8_t* p, const v128& a) { return load_lane<u16x8, L>(p, a); }
template <unsigned L> WASM2CPP_INLINE v128 v128_load32_lane(const uint8_t* p, const v128& a) { return load_lane<u32x4, L>(p, a); }
template <unsigned L> WASM2CPP_INLINE v128 v128_load64_lane(const uint8_t* p, const v128& a) { return load_lane<u64x2, L>(p, a); }
template <unsigned L> WASM2CPP_INLINE void v128_store8_lane(uint8_t* p, const v128& a) { store_lane<u8x16, L>(p, a); }
template <unsigned L> WASM2CPP_INLINE void v128_store16_lane(uint8_t* p, const v128& a) { store_lane<u16x8, L>(p, a); }
template <unsigned L> WASM2CPP_INLINE void v128_store32_lane(uint8_t* p, const v128& a) { store_lane<u32x4, L>(p, a); }
template <unsigned L> WASM2CPP_INLINE void v128_store64_lane(uint8_t* p, const v128& a) { store_lane<u64x2, L>(p, a); }

}  // namespace wasm2cpp::simd
