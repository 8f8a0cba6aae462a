// WebAssembly fixed-width SIMD (v128) operations for generated code.
//
// Written with GCC/clang vector extensions: the compiler maps them to SSE2 on
// an x86-64 baseline, to SSE4.1/AVX2 when the user's flags allow, to NEON on
// AArch64 and to scalar code elsewhere, and the header stays small (no
// intrinsics headers; see docs/simd.md for the choice and its compile-time
// cost). Operations whose wasm semantics differ from the hardware's or from
// C++ (float min/max, saturation, trunc_sat, narrowing) are written out lane
// by lane with exact spec semantics; the optimiser vectorises the simple ones.
//
// Values travel as wasm2cpp::v128 (16 bytes, little-endian lanes); every
// helper converts to the lane view it needs with memcpy, which compiles to
// nothing (or a register move).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "wasm2cpp/ops.hpp"
#include "wasm2cpp/types.hpp"

namespace wasm2cpp::simd {

using i8x16 = int8_t __attribute__((vector_size(16)));
using u8x16 = uint8_t __attribute__((vector_size(16)));
using i16x8 = int16_t __attribute__((vector_size(16)));
using u16x8 = uint16_t __attribute__((vector_size(16)));
using i32x4 = int32_t __attribute__((vector_size(16)));
using u32x4 = uint32_t __attribute__((vector_size(16)));
using i64x2 = int64_t __attribute__((vector_size(16)));
using u64x2 = uint64_t __attribute__((vector_size(16)));
using f32x4 = float __attribute__((vector_size(16)));
using f64x2 = double __attribute__((vector_size(16)));

template <typename V>
WASM2CPP_INLINE V as(const v128& x) {
  V v;
  std::memcpy(&v, x.bytes, 16);
  return v;
}
template <typename V>
WASM2CPP_INLINE v128 from(const V& v) {
  v128 r;
  std::memcpy(r.bytes, &v, 16);
  return r;
}

// Lanes of a vector type and its element type.
template <typename V>
inline constexpr unsigned kLanes = sizeof(V) / sizeof(V{}[0]);
template <typename V>
using lane_t = std::remove_cvref_t<decltype(V{}[0])>;

// The constant with bytes 0-7 = lo and 8-15 = hi (little-endian).
WASM2CPP_INLINE v128 make(uint64_t lo, uint64_t hi) { return from(u64x2{lo, hi}); }

// ---- bitwise ------------------------------------------------------------------
WASM2CPP_INLINE v128 v128_not(v128 a) { return from(~as<u64x2>(a)); }
WASM2CPP_INLINE v128 v128_and(v128 a, v128 b) { return from(as<u64x2>(a) & as<u64x2>(b)); }
WASM2CPP_INLINE v128 v128_andnot(v128 a, v128 b) { return from(as<u64x2>(a) & ~as<u64x2>(b)); }
WASM2CPP_INLINE v128 v128_or(v128 a, v128 b) { return from(as<u64x2>(a) | as<u64x2>(b)); }
WASM2CPP_INLINE v128 v128_xor(v128 a, v128 b) { return from(as<u64x2>(a) ^ as<u64x2>(b)); }
WASM2CPP_INLINE v128 v128_bitselect(v128 a, v128 b, v128 m) {
  u64x2 mask = as<u64x2>(m);
  return from((as<u64x2>(a) & mask) | (as<u64x2>(b) & ~mask));
}
WASM2CPP_INLINE uint32_t v128_any_true(v128 a) {
  u64x2 v = as<u64x2>(a);
  return (v[0] | v[1]) != 0;
}

// Lane-wise select on a comparison mask (all ones / all zeros per lane).
template <typename V, typename M>
WASM2CPP_INLINE V select(M mask, V a, V b) {
  using U = decltype(mask);
  return (V)(((U)a & mask) | ((U)b & ~mask));
}

// ---- lane-wise helpers -------------------------------------------------------------
// Applies f to each lane of one or two vectors viewed as V, producing R lanes.
template <typename R, typename V, typename F>
WASM2CPP_INLINE v128 map(v128 a, F f) {
  V x = as<V>(a);
  R r{};
  for (unsigned i = 0; i < kLanes<R>; ++i) r[i] = f(x[i]);
  return from(r);
}
template <typename R, typename V, typename F>
WASM2CPP_INLINE v128 map2(v128 a, v128 b, F f) {
  V x = as<V>(a), y = as<V>(b);
  R r{};
  for (unsigned i = 0; i < kLanes<R>; ++i) r[i] = f(x[i], y[i]);
  return from(r);
}

// ---- splat / lanes -------------------------------------------------------------------
template <typename V, typename T>
WASM2CPP_INLINE v128 splat(T x) {
  V r;
  for (unsigned i = 0; i < kLanes<V>; ++i) r[i] = static_cast<lane_t<V>>(x);
  return from(r);
}
WASM2CPP_INLINE v128 i8x16_splat(uint32_t x) { return splat<u8x16>(x); }
WASM2CPP_INLINE v128 i16x8_splat(uint32_t x) { return splat<u16x8>(x); }
WASM2CPP_INLINE v128 i32x4_splat(uint32_t x) { return splat<u32x4>(x); }
WASM2CPP_INLINE v128 i64x2_splat(uint64_t x) { return splat<u64x2>(x); }
WASM2CPP_INLINE v128 f32x4_splat(float x) { return splat<f32x4>(x); }
WASM2CPP_INLINE v128 f64x2_splat(double x) { return splat<f64x2>(x); }

template <unsigned L> WASM2CPP_INLINE uint32_t i8x16_extract_lane_s(v128 a) { return uint32_t(int32_t(as<i8x16>(a)[L])); }
template <unsigned L> WASM2CPP_INLINE uint32_t i8x16_extract_lane_u(v128 a) { return as<u8x16>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE uint32_t i16x8_extract_lane_s(v128 a) { return uint32_t(int32_t(as<i16x8>(a)[L])); }
template <unsigned L> WASM2CPP_INLINE uint32_t i16x8_extract_lane_u(v128 a) { return as<u16x8>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE uint32_t i32x4_extract_lane(v128 a) { return as<u32x4>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE uint64_t i64x2_extract_lane(v128 a) { return as<u64x2>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE float f32x4_extract_lane(v128 a) { return as<f32x4>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE double f64x2_extract_lane(v128 a) { return as<f64x2>(a)[L]; }

template <typename V, unsigned L, typename T>
WASM2CPP_INLINE v128 replace(v128 a, T x) {
  V v = as<V>(a);
  v[L] = static_cast<lane_t<V>>(x);
  return from(v);
}
template <unsigned L> WASM2CPP_INLINE v128 i8x16_replace_lane(v128 a, uint32_t x) { return replace<u8x16, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 i16x8_replace_lane(v128 a, uint32_t x) { return replace<u16x8, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 i32x4_replace_lane(v128 a, uint32_t x) { return replace<u32x4, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 i64x2_replace_lane(v128 a, uint64_t x) { return replace<u64x2, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 f32x4_replace_lane(v128 a, float x) { return replace<f32x4, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 f64x2_replace_lane(v128 a, double x) { return replace<f64x2, L>(a, x); }

// i8x16.shuffle: lane i of the result is lane L_i of the 32-lane
// concatenation a:b (the validator checked every L_i < 32).
template <unsigned... L>
WASM2CPP_INLINE v128 i8x16_shuffle(v128 a, v128 b) {
  static_assert(sizeof...(L) == 16);
#if defined(__clang__)
  return from(__builtin_shufflevector(as<u8x16>(a), as<u8x16>(b), L...));
#else
  return from(__builtin_shuffle(as<u8x16>(a), as<u8x16>(b), u8x16{L...}));
#endif
}
WASM2CPP_INLINE v128 i8x16_swizzle(v128 a, v128 s) {
  u8x16 x = as<u8x16>(a), idx = as<u8x16>(s), r;
  for (unsigned i = 0; i < 16; ++i) r[i] = idx[i] < 16 ? x[idx[i] & 15] : 0;
  return from(r);
}

// ---- comparisons: all-ones lanes where true --------------------------------------------
#define WASM2CPP_SIMD_CMP(shape, V, suffix, op) \
  WASM2CPP_INLINE v128 shape##_##suffix(v128 a, v128 b) { return from(as<V>(a) op as<V>(b)); }
#define WASM2CPP_SIMD_INT_CMPS(shape, S, U)                                               \
  WASM2CPP_SIMD_CMP(shape, U, eq, ==) WASM2CPP_SIMD_CMP(shape, U, ne, !=)                 \
  WASM2CPP_SIMD_CMP(shape, S, lt_s, <) WASM2CPP_SIMD_CMP(shape, U, lt_u, <)               \
  WASM2CPP_SIMD_CMP(shape, S, gt_s, >) WASM2CPP_SIMD_CMP(shape, U, gt_u, >)               \
  WASM2CPP_SIMD_CMP(shape, S, le_s, <=) WASM2CPP_SIMD_CMP(shape, U, le_u, <=)             \
  WASM2CPP_SIMD_CMP(shape, S, ge_s, >=) WASM2CPP_SIMD_CMP(shape, U, ge_u, >=)
WASM2CPP_SIMD_INT_CMPS(i8x16, i8x16, u8x16)
WASM2CPP_SIMD_INT_CMPS(i16x8, i16x8, u16x8)
WASM2CPP_SIMD_INT_CMPS(i32x4, i32x4, u32x4)
WASM2CPP_SIMD_CMP(i64x2, i64x2, eq, ==) WASM2CPP_SIMD_CMP(i64x2, i64x2, ne, !=)
WASM2CPP_SIMD_CMP(i64x2, i64x2, lt_s, <) WASM2CPP_SIMD_CMP(i64x2, i64x2, gt_s, >)
WASM2CPP_SIMD_CMP(i64x2, i64x2, le_s, <=) WASM2CPP_SIMD_CMP(i64x2, i64x2, ge_s, >=)
#define WASM2CPP_SIMD_FLOAT_CMPS(shape, F)                                  \
  WASM2CPP_SIMD_CMP(shape, F, eq, ==) WASM2CPP_SIMD_CMP(shape, F, ne, !=)   \
  WASM2CPP_SIMD_CMP(shape, F, lt, <) WASM2CPP_SIMD_CMP(shape, F, gt, >)     \
  WASM2CPP_SIMD_CMP(shape, F, le, <=) WASM2CPP_SIMD_CMP(shape, F, ge, >=)
WASM2CPP_SIMD_FLOAT_CMPS(f32x4, f32x4)
WASM2CPP_SIMD_FLOAT_CMPS(f64x2, f64x2)
#undef WASM2CPP_SIMD_FLOAT_CMPS
#undef WASM2CPP_SIMD_INT_CMPS
#undef WASM2CPP_SIMD_CMP

// ---- integer arithmetic (wrapping, on unsigned lanes) -----------------------------------
#define WASM2CPP_SIMD_BINOP(name, V, op) \
  WASM2CPP_INLINE v128 name(v128 a, v128 b) { return from(as<V>(a) op as<V>(b)); }
WASM2CPP_SIMD_BINOP(i8x16_add, u8x16, +) WASM2CPP_SIMD_BINOP(i8x16_sub, u8x16, -)
WASM2CPP_SIMD_BINOP(i16x8_add, u16x8, +) WASM2CPP_SIMD_BINOP(i16x8_sub, u16x8, -)
WASM2CPP_SIMD_BINOP(i16x8_mul, u16x8, *)
WASM2CPP_SIMD_BINOP(i32x4_add, u32x4, +) WASM2CPP_SIMD_BINOP(i32x4_sub, u32x4, -)
WASM2CPP_SIMD_BINOP(i32x4_mul, u32x4, *)
WASM2CPP_SIMD_BINOP(i64x2_add, u64x2, +) WASM2CPP_SIMD_BINOP(i64x2_sub, u64x2, -)
WASM2CPP_SIMD_BINOP(i64x2_mul, u64x2, *)
#undef WASM2CPP_SIMD_BINOP

// neg / abs: unsigned arithmetic, so the most negative lane wraps to itself.
template <typename S, typename U>
WASM2CPP_INLINE v128 iabs(v128 a) {
  U sign = (U)(as<S>(a) >> (sizeof(lane_t<S>) * 8 - 1));
  return from((as<U>(a) ^ sign) - sign);
}
WASM2CPP_INLINE v128 i8x16_neg(v128 a) { return from(u8x16{} - as<u8x16>(a)); }
WASM2CPP_INLINE v128 i16x8_neg(v128 a) { return from(u16x8{} - as<u16x8>(a)); }
WASM2CPP_INLINE v128 i32x4_neg(v128 a) { return from(u32x4{} - as<u32x4>(a)); }
WASM2CPP_INLINE v128 i64x2_neg(v128 a) { return from(u64x2{} - as<u64x2>(a)); }
WASM2CPP_INLINE v128 i8x16_abs(v128 a) { return iabs<i8x16, u8x16>(a); }
WASM2CPP_INLINE v128 i16x8_abs(v128 a) { return iabs<i16x8, u16x8>(a); }
WASM2CPP_INLINE v128 i32x4_abs(v128 a) { return iabs<i32x4, u32x4>(a); }
WASM2CPP_INLINE v128 i64x2_abs(v128 a) { return iabs<i64x2, u64x2>(a); }

// Shifts take the count modulo the lane width.
#define WASM2CPP_SIMD_SHIFTS(shape, S, U, bits)                                                     \
  WASM2CPP_INLINE v128 shape##_shl(v128 a, uint32_t n) { return from(as<U>(a) << (n & (bits - 1))); } \
  WASM2CPP_INLINE v128 shape##_shr_s(v128 a, uint32_t n) { return from(as<S>(a) >> (n & (bits - 1))); } \
  WASM2CPP_INLINE v128 shape##_shr_u(v128 a, uint32_t n) { return from(as<U>(a) >> (n & (bits - 1))); }
WASM2CPP_SIMD_SHIFTS(i8x16, i8x16, u8x16, 8)
WASM2CPP_SIMD_SHIFTS(i16x8, i16x8, u16x8, 16)
WASM2CPP_SIMD_SHIFTS(i32x4, i32x4, u32x4, 32)
WASM2CPP_SIMD_SHIFTS(i64x2, i64x2, u64x2, 64)
#undef WASM2CPP_SIMD_SHIFTS

// min / max on the signed or unsigned view.
#define WASM2CPP_SIMD_MINMAX(shape, V, suffix)                                               \
  WASM2CPP_INLINE v128 shape##_min_##suffix(v128 a, v128 b) {                                \
    V x = as<V>(a), y = as<V>(b);                                                            \
    return from(select(x < y, x, y));                                                        \
  }                                                                                          \
  WASM2CPP_INLINE v128 shape##_max_##suffix(v128 a, v128 b) {                                \
    V x = as<V>(a), y = as<V>(b);                                                            \
    return from(select(x > y, x, y));                                                        \
  }
WASM2CPP_SIMD_MINMAX(i8x16, i8x16, s) WASM2CPP_SIMD_MINMAX(i8x16, u8x16, u)
WASM2CPP_SIMD_MINMAX(i16x8, i16x8, s) WASM2CPP_SIMD_MINMAX(i16x8, u16x8, u)
WASM2CPP_SIMD_MINMAX(i32x4, i32x4, s) WASM2CPP_SIMD_MINMAX(i32x4, u32x4, u)
#undef WASM2CPP_SIMD_MINMAX

// Saturating add/sub: computed in int32_t, where no lane can overflow.
template <typename V, int32_t Lo, int32_t Hi>
WASM2CPP_INLINE lane_t<V> saturate(int32_t x) {
  return static_cast<lane_t<V>>(x < Lo ? Lo : x > Hi ? Hi : x);
}
#define WASM2CPP_SIMD_SAT(shape, V, suffix, lo, hi)                                              \
  WASM2CPP_INLINE v128 shape##_add_sat_##suffix(v128 a, v128 b) {                                \
    return map2<V, V>(a, b, [](auto x, auto y) { return saturate<V, lo, hi>(int32_t(x) + int32_t(y)); }); \
  }                                                                                              \
  WASM2CPP_INLINE v128 shape##_sub_sat_##suffix(v128 a, v128 b) {                                \
    return map2<V, V>(a, b, [](auto x, auto y) { return saturate<V, lo, hi>(int32_t(x) - int32_t(y)); }); \
  }
WASM2CPP_SIMD_SAT(i8x16, i8x16, s, -128, 127) WASM2CPP_SIMD_SAT(i8x16, u8x16, u, 0, 255)
WASM2CPP_SIMD_SAT(i16x8, i16x8, s, -32768, 32767) WASM2CPP_SIMD_SAT(i16x8, u16x8, u, 0, 65535)
#undef WASM2CPP_SIMD_SAT

WASM2CPP_INLINE v128 i8x16_avgr_u(v128 a, v128 b) {
  return map2<u8x16, u8x16>(a, b, [](uint8_t x, uint8_t y) { return uint8_t((x + y + 1) >> 1); });
}
WASM2CPP_INLINE v128 i16x8_avgr_u(v128 a, v128 b) {
  return map2<u16x8, u16x8>(a, b, [](uint16_t x, uint16_t y) { return uint16_t((uint32_t(x) + y + 1) >> 1); });
}
WASM2CPP_INLINE v128 i16x8_q15mulr_sat_s(v128 a, v128 b) {
  return map2<i16x8, i16x8>(a, b, [](int16_t x, int16_t y) {
    return saturate<i16x8, -32768, 32767>((int32_t(x) * y + 0x4000) >> 15);
  });
}
WASM2CPP_INLINE v128 i32x4_dot_i16x8_s(v128 a, v128 b) {
  i16x8 x = as<i16x8>(a), y = as<i16x8>(b);
  u32x4 r;
  // Each product fits in int32_t; their sum may reach 2^31, so add unsigned.
  for (unsigned i = 0; i < 4; ++i)
    r[i] = uint32_t(int32_t(x[2 * i]) * y[2 * i]) + uint32_t(int32_t(x[2 * i + 1]) * y[2 * i + 1]);
  return from(r);
}
WASM2CPP_INLINE v128 i8x16_popcnt(v128 a) {
  return map<u8x16, u8x16>(a, [](uint8_t x) { return uint8_t(__builtin_popcount(x)); });
}

// ---- all_true / bitmask --------------------------------------------------------------
template <typename V>
WASM2CPP_INLINE uint32_t all_true(v128 a) {
  V v = as<V>(a);
  uint32_t r = 1;
  for (unsigned i = 0; i < kLanes<V>; ++i) r &= v[i] != 0;
  return r;
}
template <typename S>
WASM2CPP_INLINE uint32_t bitmask(v128 a) {
  S v = as<S>(a);
  uint32_t r = 0;
  for (unsigned i = 0; i < kLanes<S>; ++i) r |= uint32_t(v[i] < 0) << i;
  return r;
}
WASM2CPP_INLINE uint32_t i8x16_all_true(v128 a) { return all_true<u8x16>(a); }
WASM2CPP_INLINE uint32_t i16x8_all_true(v128 a) { return all_true<u16x8>(a); }
WASM2CPP_INLINE uint32_t i32x4_all_true(v128 a) { return all_true<u32x4>(a); }
WASM2CPP_INLINE uint32_t i64x2_all_true(v128 a) { return all_true<u64x2>(a); }
WASM2CPP_INLINE uint32_t i8x16_bitmask(v128 a) { return bitmask<i8x16>(a); }
WASM2CPP_INLINE uint32_t i16x8_bitmask(v128 a) { return bitmask<i16x8>(a); }
WASM2CPP_INLINE uint32_t i32x4_bitmask(v128 a) { return bitmask<i32x4>(a); }
WASM2CPP_INLINE uint32_t i64x2_bitmask(v128 a) { return bitmask<i64x2>(a); }

// ---- narrowing / widening ----------------------------------------------------------------
// narrow: a's lanes then b's, each saturated to the narrower (signed or
// unsigned) range; the source lanes are always signed.
template <typename R, typename S, int32_t Lo, int32_t Hi>
WASM2CPP_INLINE v128 narrow(v128 a, v128 b) {
  S x = as<S>(a), y = as<S>(b);
  R r;
  constexpr unsigned n = kLanes<S>;
  for (unsigned i = 0; i < n; ++i) r[i] = saturate<R, Lo, Hi>(x[i]);
  for (unsigned i = 0; i < n; ++i) r[n + i] = saturate<R, Lo, Hi>(y[i]);
  return from(r);
}
WASM2CPP_INLINE v128 i8x16_narrow_i16x8_s(v128 a, v128 b) { return narrow<i8x16, i16x8, -128, 127>(a, b); }
WASM2CPP_INLINE v128 i8x16_narrow_i16x8_u(v128 a, v128 b) { return narrow<u8x16, i16x8, 0, 255>(a, b); }
WASM2CPP_INLINE v128 i16x8_narrow_i32x4_s(v128 a, v128 b) { return narrow<i16x8, i32x4, -32768, 32767>(a, b); }
WASM2CPP_INLINE v128 i16x8_narrow_i32x4_u(v128 a, v128 b) { return narrow<u16x8, i32x4, 0, 65535>(a, b); }

// extend: lanes [First, First + n) of the narrow view V, converted to R.
template <typename R, typename V, unsigned First>
WASM2CPP_INLINE v128 extend(v128 a) {
  V v = as<V>(a);
  R r;
  for (unsigned i = 0; i < kLanes<R>; ++i) r[i] = static_cast<lane_t<R>>(v[First + i]);
  return from(r);
}
template <typename R, typename V, unsigned First>
WASM2CPP_INLINE v128 extmul(v128 a, v128 b) {
  V x = as<V>(a), y = as<V>(b);
  R r;
  // Unsigned product of the widened lanes: wraps exactly like wasm (the
  // only overflowing case, i64 from i32 lanes, cannot overflow either).
  using U = std::make_unsigned_t<lane_t<R>>;
  for (unsigned i = 0; i < kLanes<R>; ++i)
    r[i] = static_cast<lane_t<R>>(U(lane_t<R>(x[First + i])) * U(lane_t<R>(y[First + i])));
  return from(r);
}
template <typename R, typename V>
WASM2CPP_INLINE v128 extadd_pairwise(v128 a) {
  V v = as<V>(a);
  R r;
  for (unsigned i = 0; i < kLanes<R>; ++i)
    r[i] = static_cast<lane_t<R>>(lane_t<R>(v[2 * i]) + lane_t<R>(v[2 * i + 1]));
  return from(r);
}
#define WASM2CPP_SIMD_WIDEN(shape, from_shape, R, S, U, half)                                           \
  WASM2CPP_INLINE v128 shape##_extend_low_##from_shape##_s(v128 a) { return extend<R, S, 0>(a); }       \
  WASM2CPP_INLINE v128 shape##_extend_high_##from_shape##_s(v128 a) { return extend<R, S, half>(a); }   \
  WASM2CPP_INLINE v128 shape##_extend_low_##from_shape##_u(v128 a) { return extend<R, U, 0>(a); }       \
  WASM2CPP_INLINE v128 shape##_extend_high_##from_shape##_u(v128 a) { return extend<R, U, half>(a); }   \
  WASM2CPP_INLINE v128 shape##_extmul_low_##from_shape##_s(v128 a, v128 b) { return extmul<R, S, 0>(a, b); }     \
  WASM2CPP_INLINE v128 shape##_extmul_high_##from_shape##_s(v128 a, v128 b) { return extmul<R, S, half>(a, b); } \
  WASM2CPP_INLINE v128 shape##_extmul_low_##from_shape##_u(v128 a, v128 b) { return extmul<R, U, 0>(a, b); }     \
  WASM2CPP_INLINE v128 shape##_extmul_high_##from_shape##_u(v128 a, v128 b) { return extmul<R, U, half>(a, b); }
WASM2CPP_SIMD_WIDEN(i16x8, i8x16, i16x8, i8x16, u8x16, 8)
WASM2CPP_SIMD_WIDEN(i32x4, i16x8, i32x4, i16x8, u16x8, 4)
WASM2CPP_SIMD_WIDEN(i64x2, i32x4, i64x2, i32x4, u32x4, 2)
#undef WASM2CPP_SIMD_WIDEN
WASM2CPP_INLINE v128 i16x8_extadd_pairwise_i8x16_s(v128 a) { return extadd_pairwise<i16x8, i8x16>(a); }
WASM2CPP_INLINE v128 i16x8_extadd_pairwise_i8x16_u(v128 a) { return extadd_pairwise<i16x8, u8x16>(a); }
WASM2CPP_INLINE v128 i32x4_extadd_pairwise_i16x8_s(v128 a) { return extadd_pairwise<i32x4, i16x8>(a); }
WASM2CPP_INLINE v128 i32x4_extadd_pairwise_i16x8_u(v128 a) { return extadd_pairwise<i32x4, u16x8>(a); }

}  // namespace wasm2cpp::simd

#include "wasm2cpp/simd_float.hpp"
#include "wasm2cpp/simd_memory.hpp"
#include "wasm2cpp/simd_relaxed.hpp"
