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
//
// Where the portable form compiles to a long lane-by-lane sequence (bitmask,
// saturation, swizzle, float min/max, trunc_sat, ...), an SSE path picked by
// the compiler's flags (simd_target.hpp) replaces it; the portable form stays
// in namespace simd::portable, the reference the unit tests compare with.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "wasm2cpp/ops.hpp"
#include "wasm2cpp/simd_target.hpp"
#include "wasm2cpp/value_types.hpp"

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
WASM2CPP_INLINE v128 v128_not(const v128& a) { return from(~as<u64x2>(a)); }
WASM2CPP_INLINE v128 v128_and(const v128& a, const v128& b) { return from(as<u64x2>(a) & as<u64x2>(b)); }
WASM2CPP_INLINE v128 v128_andnot(const v128& a, const v128& b) { return from(as<u64x2>(a) & ~as<u64x2>(b)); }
WASM2CPP_INLINE v128 v128_or(const v128& a, const v128& b) { return from(as<u64x2>(a) | as<u64x2>(b)); }
WASM2CPP_INLINE v128 v128_xor(const v128& a, const v128& b) { return from(as<u64x2>(a) ^ as<u64x2>(b)); }
WASM2CPP_INLINE v128 v128_bitselect(const v128& a, const v128& b, const v128& m) {
  u64x2 mask = as<u64x2>(m);
  return from((as<u64x2>(a) & mask) | (as<u64x2>(b) & ~mask));
}
WASM2CPP_INLINE uint32_t v128_any_true(const v128& a) {
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
WASM2CPP_INLINE v128 map(const v128& a, F f) {
  V x = as<V>(a);
  R r{};
  for (unsigned i = 0; i < kLanes<R>; ++i) r[i] = f(x[i]);
  return from(r);
}
template <typename R, typename V, typename F>
WASM2CPP_INLINE v128 map2(const v128& a, const v128& b, F f) {
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

template <unsigned L> WASM2CPP_INLINE uint32_t i8x16_extract_lane_s(const v128& a) { return uint32_t(int32_t(as<i8x16>(a)[L])); }
template <unsigned L> WASM2CPP_INLINE uint32_t i8x16_extract_lane_u(const v128& a) { return as<u8x16>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE uint32_t i16x8_extract_lane_s(const v128& a) { return uint32_t(int32_t(as<i16x8>(a)[L])); }
template <unsigned L> WASM2CPP_INLINE uint32_t i16x8_extract_lane_u(const v128& a) { return as<u16x8>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE uint32_t i32x4_extract_lane(const v128& a) { return as<u32x4>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE uint64_t i64x2_extract_lane(const v128& a) { return as<u64x2>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE float f32x4_extract_lane(const v128& a) { return as<f32x4>(a)[L]; }
template <unsigned L> WASM2CPP_INLINE double f64x2_extract_lane(const v128& a) { return as<f64x2>(a)[L]; }

template <typename V, unsigned L, typename T>
WASM2CPP_INLINE v128 replace(const v128& a, T x) {
  V v = as<V>(a);
  v[L] = static_cast<lane_t<V>>(x);
  return from(v);
}
template <unsigned L> WASM2CPP_INLINE v128 i8x16_replace_lane(const v128& a, uint32_t x) { return replace<u8x16, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 i16x8_replace_lane(const v128& a, uint32_t x) { return replace<u16x8, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 i32x4_replace_lane(const v128& a, uint32_t x) { return replace<u32x4, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 i64x2_replace_lane(const v128& a, uint64_t x) { return replace<u64x2, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 f32x4_replace_lane(const v128& a, float x) { return replace<f32x4, L>(a, x); }
template <unsigned L> WASM2CPP_INLINE v128 f64x2_replace_lane(const v128& a, double x) { return replace<f64x2, L>(a, x); }

// i8x16.shuffle: lane i of the result is lane L_i of the 32-lane
// concatenation a:b (the validator checked every L_i < 32).
template <unsigned... L>
WASM2CPP_INLINE v128 i8x16_shuffle(const v128& a, const v128& b) {
  static_assert(sizeof...(L) == 16);
#if defined(__clang__)
  return from(__builtin_shufflevector(as<u8x16>(a), as<u8x16>(b), L...));
#else
  return from(__builtin_shuffle(as<u8x16>(a), as<u8x16>(b), u8x16{L...}));
#endif
}
namespace portable {
WASM2CPP_INLINE v128 i8x16_swizzle(const v128& a, const v128& s) {
  u8x16 x = as<u8x16>(a), idx = as<u8x16>(s), r;
  for (unsigned i = 0; i < 16; ++i) r[i] = idx[i] < 16 ? x[idx[i] & 15] : 0;
  return from(r);
}
}  // namespace portable
#if WASM2CPP_SIMD_SSSE3
// pshufb zeroes a lane whose index has its top bit set and otherwise uses
// the low four bits: adding 0x70 with unsigned saturation maps 0-15 to
// 0x70-0x7f and everything from 16 up to 0x80-0xff.
WASM2CPP_INLINE v128 i8x16_swizzle(const v128& a, const v128& s) {
  __m128i idx = _mm_adds_epu8(as<__m128i>(s), _mm_set1_epi8(0x70));
  return from(_mm_shuffle_epi8(as<__m128i>(a), idx));
}
#else
using portable::i8x16_swizzle;
#endif

// ---- comparisons: all-ones lanes where true --------------------------------------------
#define WASM2CPP_SIMD_CMP(shape, V, suffix, op) \
  WASM2CPP_INLINE v128 shape##_##suffix(const v128& a, const v128& b) { return from(as<V>(a) op as<V>(b)); }
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
  WASM2CPP_INLINE v128 name(const v128& a, const v128& b) { return from(as<V>(a) op as<V>(b)); }
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
WASM2CPP_INLINE v128 iabs(const v128& a) {
  U sign = (U)(as<S>(a) >> (sizeof(lane_t<S>) * 8 - 1));
  return from((as<U>(a) ^ sign) - sign);
}
WASM2CPP_INLINE v128 i8x16_neg(const v128& a) { return from(u8x16{} - as<u8x16>(a)); }
WASM2CPP_INLINE v128 i16x8_neg(const v128& a) { return from(u16x8{} - as<u16x8>(a)); }
WASM2CPP_INLINE v128 i32x4_neg(const v128& a) { return from(u32x4{} - as<u32x4>(a)); }
WASM2CPP_INLINE v128 i64x2_neg(const v128& a) { return from(u64x2{} - as<u64x2>(a)); }
WASM2CPP_INLINE v128 i8x16_abs(const v128& a) { return iabs<i8x16, u8x16>(a); }
WASM2CPP_INLINE v128 i16x8_abs(const v128& a) { return iabs<i16x8, u16x8>(a); }
WASM2CPP_INLINE v128 i32x4_abs(const v128& a) { return iabs<i32x4, u32x4>(a); }
WASM2CPP_INLINE v128 i64x2_abs(const v128& a) { return iabs<i64x2, u64x2>(a); }

// Shifts take the count modulo the lane width.
#define WASM2CPP_SIMD_SHIFTS(shape, S, U, bits)                                                     \
  WASM2CPP_INLINE v128 shape##_shl(const v128& a, uint32_t n) { return from(as<U>(a) << (n & (bits - 1))); } \
  WASM2CPP_INLINE v128 shape##_shr_s(const v128& a, uint32_t n) { return from(as<S>(a) >> (n & (bits - 1))); } \
  WASM2CPP_INLINE v128 shape##_shr_u(const v128& a, uint32_t n) { return from(as<U>(a) >> (n & (bits - 1))); }
WASM2CPP_SIMD_SHIFTS(i8x16, i8x16, u8x16, 8)
WASM2CPP_SIMD_SHIFTS(i16x8, i16x8, u16x8, 16)
WASM2CPP_SIMD_SHIFTS(i32x4, i32x4, u32x4, 32)
WASM2CPP_SIMD_SHIFTS(i64x2, i64x2, u64x2, 64)
#undef WASM2CPP_SIMD_SHIFTS

// min / max on the signed or unsigned view.
#define WASM2CPP_SIMD_MINMAX(shape, V, suffix)                                               \
  WASM2CPP_INLINE v128 shape##_min_##suffix(const v128& a, const v128& b) {                                \
    V x = as<V>(a), y = as<V>(b);                                                            \
    return from(select(x < y, x, y));                                                        \
  }                                                                                          \
  WASM2CPP_INLINE v128 shape##_max_##suffix(const v128& a, const v128& b) {                                \
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
namespace portable {
#define WASM2CPP_SIMD_SAT(shape, V, suffix, lo, hi)                                              \
  WASM2CPP_INLINE v128 shape##_add_sat_##suffix(const v128& a, const v128& b) {                                \
    return map2<V, V>(a, b, [](auto x, auto y) { return saturate<V, lo, hi>(int32_t(x) + int32_t(y)); }); \
  }                                                                                              \
  WASM2CPP_INLINE v128 shape##_sub_sat_##suffix(const v128& a, const v128& b) {                                \
    return map2<V, V>(a, b, [](auto x, auto y) { return saturate<V, lo, hi>(int32_t(x) - int32_t(y)); }); \
  }
WASM2CPP_SIMD_SAT(i8x16, i8x16, s, -128, 127) WASM2CPP_SIMD_SAT(i8x16, u8x16, u, 0, 255)
WASM2CPP_SIMD_SAT(i16x8, i16x8, s, -32768, 32767) WASM2CPP_SIMD_SAT(i16x8, u16x8, u, 0, 65535)
#undef WASM2CPP_SIMD_SAT

WASM2CPP_INLINE v128 i8x16_avgr_u(const v128& a, const v128& b) {
  return map2<u8x16, u8x16>(a, b, [](uint8_t x, uint8_t y) { return uint8_t((x + y + 1) >> 1); });
}
WASM2CPP_INLINE v128 i16x8_avgr_u(const v128& a, const v128& b) {
  return map2<u16x8, u16x8>(a, b, [](uint16_t x, uint16_t y) { return uint16_t((uint32_t(x) + y + 1) >> 1); });
}
WASM2CPP_INLINE v128 i16x8_q15mulr_sat_s(const v128& a, const v128& b) {
  return map2<i16x8, i16x8>(a, b, [](int16_t x, int16_t y) {
    return saturate<i16x8, -32768, 32767>((int32_t(x) * y + 0x4000) >> 15);
  });
}
WASM2CPP_INLINE v128 i32x4_dot_i16x8_s(const v128& a, const v128& b) {
  i16x8 x = as<i16x8>(a), y = as<i16x8>(b);
  u32x4 r;
  // Each product fits in int32_t; their sum may reach 2^31, so add unsigned.
  for (unsigned i = 0; i < 4; ++i)
    r[i] = uint32_t(int32_t(x[2 * i]) * y[2 * i]) + uint32_t(int32_t(x[2 * i + 1]) * y[2 * i + 1]);
  return from(r);
}
WASM2CPP_INLINE v128 i8x16_popcnt(const v128& a) {
  return map<u8x16, u8x16>(a, [](uint8_t x) { return uint8_t(__builtin_popcount(x)); });
}
}  // namespace portable

#if WASM2CPP_SIMD_SSE2
#define WASM2CPP_SIMD_X86_BINARY(name, intrinsic)                                  \
  WASM2CPP_INLINE v128 name(const v128& a, const v128& b) {                                      \
    return from(intrinsic(as<__m128i>(a), as<__m128i>(b)));                        \
  }
// SSE2 has every saturating add/sub, both rounding averages and the 16-bit
// dot product (pmaddwd wraps the one overflowing case, -32768 * -32768 twice,
// to 0x80000000 exactly like wasm).
WASM2CPP_SIMD_X86_BINARY(i8x16_add_sat_s, _mm_adds_epi8)
WASM2CPP_SIMD_X86_BINARY(i8x16_add_sat_u, _mm_adds_epu8)
WASM2CPP_SIMD_X86_BINARY(i8x16_sub_sat_s, _mm_subs_epi8)
WASM2CPP_SIMD_X86_BINARY(i8x16_sub_sat_u, _mm_subs_epu8)
WASM2CPP_SIMD_X86_BINARY(i16x8_add_sat_s, _mm_adds_epi16)
WASM2CPP_SIMD_X86_BINARY(i16x8_add_sat_u, _mm_adds_epu16)
WASM2CPP_SIMD_X86_BINARY(i16x8_sub_sat_s, _mm_subs_epi16)
WASM2CPP_SIMD_X86_BINARY(i16x8_sub_sat_u, _mm_subs_epu16)
WASM2CPP_SIMD_X86_BINARY(i8x16_avgr_u, _mm_avg_epu8)
WASM2CPP_SIMD_X86_BINARY(i16x8_avgr_u, _mm_avg_epu16)
WASM2CPP_SIMD_X86_BINARY(i32x4_dot_i16x8_s, _mm_madd_epi16)
#undef WASM2CPP_SIMD_X86_BINARY
#if WASM2CPP_SIMD_SSSE3
// pmulhrsw computes (x * y + 0x4000) >> 15 but wraps the one overflow,
// -32768 * -32768, to -32768, which no other pair produces: flip it to 32767.
WASM2CPP_INLINE v128 i16x8_q15mulr_sat_s(const v128& a, const v128& b) {
  __m128i r = _mm_mulhrs_epi16(as<__m128i>(a), as<__m128i>(b));
  return from(_mm_xor_si128(r, _mm_cmpeq_epi16(r, _mm_set1_epi16(-32768))));
}
#else
// Full 32-bit products from the low and high halves, rounded and shifted,
// then packed back with signed saturation.
WASM2CPP_INLINE v128 i16x8_q15mulr_sat_s(const v128& a, const v128& b) {
  __m128i x = as<__m128i>(a), y = as<__m128i>(b);
  __m128i lo = _mm_mullo_epi16(x, y), hi = _mm_mulhi_epi16(x, y);
  const __m128i round = _mm_set1_epi32(0x4000);
  __m128i p0 = _mm_srai_epi32(_mm_add_epi32(_mm_unpacklo_epi16(lo, hi), round), 15);
  __m128i p1 = _mm_srai_epi32(_mm_add_epi32(_mm_unpackhi_epi16(lo, hi), round), 15);
  return from(_mm_packs_epi32(p0, p1));
}
#endif
#else
using portable::i8x16_add_sat_s;
using portable::i8x16_add_sat_u;
using portable::i8x16_sub_sat_s;
using portable::i8x16_sub_sat_u;
using portable::i16x8_add_sat_s;
using portable::i16x8_add_sat_u;
using portable::i16x8_sub_sat_s;
using portable::i16x8_sub_sat_u;
using portable::i8x16_avgr_u;
using portable::i16x8_avgr_u;
using portable::i32x4_dot_i16x8_s;
using portable::i16x8_q15mulr_sat_s;
#endif

#if WASM2CPP_SIMD_SSSE3
// Per-nibble table lookup with pshufb.
WASM2CPP_INLINE v128 i8x16_popcnt(const v128& a) {
  const __m128i table = _mm_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
  const __m128i low_nibble = _mm_set1_epi8(0x0f);
  __m128i x = as<__m128i>(a);
  __m128i lo = _mm_shuffle_epi8(table, _mm_and_si128(x, low_nibble));
  __m128i hi = _mm_shuffle_epi8(table, _mm_and_si128(_mm_srli_epi16(x, 4), low_nibble));
  return from(_mm_add_epi8(lo, hi));
}
#else
// The bit-parallel count on byte lanes: a handful of vector operations on
// any target, instead of sixteen scalar popcounts.
WASM2CPP_INLINE v128 i8x16_popcnt(const v128& a) {
  u8x16 x = as<u8x16>(a);
  x = x - ((x >> 1) & 0x55);
  x = (x & 0x33) + ((x >> 2) & 0x33);
  return from(u8x16((x + (x >> 4)) & 0x0f));
}
#endif

// ---- all_true / bitmask --------------------------------------------------------------
namespace portable {
template <typename V>
WASM2CPP_INLINE uint32_t all_true(const v128& a) {
  V v = as<V>(a);
  uint32_t r = 1;
  for (unsigned i = 0; i < kLanes<V>; ++i) r &= v[i] != 0;
  return r;
}
template <typename S>
WASM2CPP_INLINE uint32_t bitmask(const v128& a) {
  S v = as<S>(a);
  uint32_t r = 0;
  for (unsigned i = 0; i < kLanes<S>; ++i) r |= uint32_t(v[i] < 0) << i;
  return r;
}
WASM2CPP_INLINE uint32_t i8x16_all_true(const v128& a) { return all_true<u8x16>(a); }
WASM2CPP_INLINE uint32_t i16x8_all_true(const v128& a) { return all_true<u16x8>(a); }
WASM2CPP_INLINE uint32_t i32x4_all_true(const v128& a) { return all_true<u32x4>(a); }
WASM2CPP_INLINE uint32_t i64x2_all_true(const v128& a) { return all_true<u64x2>(a); }
WASM2CPP_INLINE uint32_t i8x16_bitmask(const v128& a) { return bitmask<i8x16>(a); }
WASM2CPP_INLINE uint32_t i16x8_bitmask(const v128& a) { return bitmask<i16x8>(a); }
WASM2CPP_INLINE uint32_t i32x4_bitmask(const v128& a) { return bitmask<i32x4>(a); }
WASM2CPP_INLINE uint32_t i64x2_bitmask(const v128& a) { return bitmask<i64x2>(a); }
}  // namespace portable

#if WASM2CPP_SIMD_SSE2
// all_true: no lane compares equal to zero. bitmask: the sign bits, which
// pmovmskb / movmskps / movmskpd gather directly (16-bit lanes are first
// packed to bytes with signed saturation, which keeps each sign).
WASM2CPP_INLINE uint32_t i8x16_all_true(const v128& a) {
  return _mm_movemask_epi8(_mm_cmpeq_epi8(as<__m128i>(a), _mm_setzero_si128())) == 0;
}
WASM2CPP_INLINE uint32_t i16x8_all_true(const v128& a) {
  return _mm_movemask_epi8(_mm_cmpeq_epi16(as<__m128i>(a), _mm_setzero_si128())) == 0;
}
WASM2CPP_INLINE uint32_t i32x4_all_true(const v128& a) {
  return _mm_movemask_epi8(_mm_cmpeq_epi32(as<__m128i>(a), _mm_setzero_si128())) == 0;
}
using portable::i64x2_all_true;
WASM2CPP_INLINE uint32_t i8x16_bitmask(const v128& a) {
  return uint32_t(_mm_movemask_epi8(as<__m128i>(a)));
}
WASM2CPP_INLINE uint32_t i16x8_bitmask(const v128& a) {
  return uint32_t(_mm_movemask_epi8(_mm_packs_epi16(as<__m128i>(a), _mm_setzero_si128())));
}
WASM2CPP_INLINE uint32_t i32x4_bitmask(const v128& a) { return uint32_t(_mm_movemask_ps(as<__m128>(a))); }
WASM2CPP_INLINE uint32_t i64x2_bitmask(const v128& a) { return uint32_t(_mm_movemask_pd(as<__m128d>(a))); }
#else
using portable::i8x16_all_true;
using portable::i16x8_all_true;
using portable::i32x4_all_true;
using portable::i64x2_all_true;
using portable::i8x16_bitmask;
using portable::i16x8_bitmask;
using portable::i32x4_bitmask;
using portable::i64x2_bitmask;
#endif

// ---- narrowing / widening ----------------------------------------------------------------
// narrow: a's lanes then b's, each saturated to the narrower (signed or
// unsigned) range; the source lanes are always signed.
template <typename R, typename S, int32_t Lo, int32_t Hi>
WASM2CPP_INLINE v128 narrow(const v128& a, const v128& b) {
  S x = as<S>(a), y = as<S>(b);
  R r;
  constexpr unsigned n = kLanes<S>;
  for (unsigned i = 0; i < n; ++i) r[i] = saturate<R, Lo, Hi>(x[i]);
  for (unsigned i = 0; i < n; ++i) r[n + i] = saturate<R, Lo, Hi>(y[i]);
  return from(r);
}
namespace portable {
WASM2CPP_INLINE v128 i8x16_narrow_i16x8_s(const v128& a, const v128& b) { return narrow<i8x16, i16x8, -128, 127>(a, b); }
WASM2CPP_INLINE v128 i8x16_narrow_i16x8_u(const v128& a, const v128& b) { return narrow<u8x16, i16x8, 0, 255>(a, b); }
WASM2CPP_INLINE v128 i16x8_narrow_i32x4_s(const v128& a, const v128& b) { return narrow<i16x8, i32x4, -32768, 32767>(a, b); }
WASM2CPP_INLINE v128 i16x8_narrow_i32x4_u(const v128& a, const v128& b) { return narrow<u16x8, i32x4, 0, 65535>(a, b); }
}  // namespace portable
#if WASM2CPP_SIMD_SSE2
// packsswb / packuswb / packssdw are exactly wasm's narrowing (signed source
// lanes, signed or unsigned saturation).
WASM2CPP_INLINE v128 i8x16_narrow_i16x8_s(const v128& a, const v128& b) {
  return from(_mm_packs_epi16(as<__m128i>(a), as<__m128i>(b)));
}
WASM2CPP_INLINE v128 i8x16_narrow_i16x8_u(const v128& a, const v128& b) {
  return from(_mm_packus_epi16(as<__m128i>(a), as<__m128i>(b)));
}
WASM2CPP_INLINE v128 i16x8_narrow_i32x4_s(const v128& a, const v128& b) {
  return from(_mm_packs_epi32(as<__m128i>(a), as<__m128i>(b)));
}
#if WASM2CPP_SIMD_SSE41
WASM2CPP_INLINE v128 i16x8_narrow_i32x4_u(const v128& a, const v128& b) {
  return from(_mm_packus_epi32(as<__m128i>(a), as<__m128i>(b)));
}
#else
// SSE2 has no packusdw: negative lanes become 0, then the lanes, biased
// by -32768 (no overflow from a non-negative lane), go through the signed
// pack, whose clamp to [-32768, 32767] is the unsigned one to [0, 65535]
// shifted, and the bias is flipped back.
WASM2CPP_INLINE __m128i x86_biased_non_negative(__m128i x) {
  x = _mm_andnot_si128(_mm_srai_epi32(x, 31), x);
  return _mm_sub_epi32(x, _mm_set1_epi32(32768));
}
WASM2CPP_INLINE v128 i16x8_narrow_i32x4_u(const v128& a, const v128& b) {
  __m128i packed = _mm_packs_epi32(x86_biased_non_negative(as<__m128i>(a)),
                                   x86_biased_non_negative(as<__m128i>(b)));
  return from(_mm_xor_si128(packed, _mm_set1_epi16(-32768)));
}
#endif
#else
using portable::i8x16_narrow_i16x8_s;
using portable::i8x16_narrow_i16x8_u;
using portable::i16x8_narrow_i32x4_s;
using portable::i16x8_narrow_i32x4_u;
#endif

// extend: lanes [First, First + n) of the narrow view V, converted to R.
// Converting a half-width vector (__builtin_convertvector) rather than lane
// by lane lets the compiler use punpck* / pmovsx / pmovzx.
// (Spelled out per lane type: g++ ignores vector_size on a dependent type.)
template <typename T> struct Half;
template <> struct Half<int8_t> { using type = int8_t __attribute__((vector_size(8))); };
template <> struct Half<uint8_t> { using type = uint8_t __attribute__((vector_size(8))); };
template <> struct Half<int16_t> { using type = int16_t __attribute__((vector_size(8))); };
template <> struct Half<uint16_t> { using type = uint16_t __attribute__((vector_size(8))); };
template <> struct Half<int32_t> { using type = int32_t __attribute__((vector_size(8))); };
template <> struct Half<uint32_t> { using type = uint32_t __attribute__((vector_size(8))); };
template <typename V>
using half_t = typename Half<lane_t<V>>::type;
// The unsigned vector of the same shape as a signed one.
template <typename V> struct Unsigned;
template <> struct Unsigned<i16x8> { using type = u16x8; };
template <> struct Unsigned<i32x4> { using type = u32x4; };
template <> struct Unsigned<i64x2> { using type = u64x2; };
template <typename V, unsigned First>
WASM2CPP_INLINE half_t<V> half(const v128& a) {
  half_t<V> h;
  std::memcpy(&h, a.bytes + First * sizeof(lane_t<V>), 8);
  return h;
}
template <typename R, typename V, unsigned First>
WASM2CPP_INLINE v128 extend(const v128& a) {
  return from(__builtin_convertvector((half<V, First>(a)), R));
}
template <typename R, typename V, unsigned First>
WASM2CPP_INLINE v128 extmul(const v128& a, const v128& b) {
  // Unsigned product of the widened lanes: wraps exactly like wasm (the
  // only overflowing case, i64 from i32 lanes, cannot overflow either).
  using UR = typename Unsigned<R>::type;
  UR x = (UR)__builtin_convertvector((half<V, First>(a)), R);
  UR y = (UR)__builtin_convertvector((half<V, First>(b)), R);
  return from(x * y);
}
template <typename R, typename V>
WASM2CPP_INLINE v128 extadd_pairwise(const v128& a) {
  V v = as<V>(a);
  R r;
  for (unsigned i = 0; i < kLanes<R>; ++i)
    r[i] = static_cast<lane_t<R>>(lane_t<R>(v[2 * i]) + lane_t<R>(v[2 * i + 1]));
  return from(r);
}
#define WASM2CPP_SIMD_WIDEN(shape, from_shape, R, S, U, half)                                           \
  WASM2CPP_INLINE v128 shape##_extend_low_##from_shape##_s(const v128& a) { return extend<R, S, 0>(a); }       \
  WASM2CPP_INLINE v128 shape##_extend_high_##from_shape##_s(const v128& a) { return extend<R, S, half>(a); }   \
  WASM2CPP_INLINE v128 shape##_extend_low_##from_shape##_u(const v128& a) { return extend<R, U, 0>(a); }       \
  WASM2CPP_INLINE v128 shape##_extend_high_##from_shape##_u(const v128& a) { return extend<R, U, half>(a); }   \
  WASM2CPP_INLINE v128 shape##_extmul_low_##from_shape##_s(const v128& a, const v128& b) { return extmul<R, S, 0>(a, b); }     \
  WASM2CPP_INLINE v128 shape##_extmul_high_##from_shape##_s(const v128& a, const v128& b) { return extmul<R, S, half>(a, b); } \
  WASM2CPP_INLINE v128 shape##_extmul_low_##from_shape##_u(const v128& a, const v128& b) { return extmul<R, U, 0>(a, b); }     \
  WASM2CPP_INLINE v128 shape##_extmul_high_##from_shape##_u(const v128& a, const v128& b) { return extmul<R, U, half>(a, b); }
WASM2CPP_SIMD_WIDEN(i16x8, i8x16, i16x8, i8x16, u8x16, 8)
WASM2CPP_SIMD_WIDEN(i32x4, i16x8, i32x4, i16x8, u16x8, 4)
WASM2CPP_SIMD_WIDEN(i64x2, i32x4, i64x2, i32x4, u32x4, 2)
#undef WASM2CPP_SIMD_WIDEN
namespace portable {
WASM2CPP_INLINE v128 i16x8_extadd_pairwise_i8x16_s(const v128& a) { return extadd_pairwise<i16x8, i8x16>(a); }
WASM2CPP_INLINE v128 i16x8_extadd_pairwise_i8x16_u(const v128& a) { return extadd_pairwise<i16x8, u8x16>(a); }
WASM2CPP_INLINE v128 i32x4_extadd_pairwise_i16x8_s(const v128& a) { return extadd_pairwise<i32x4, i16x8>(a); }
WASM2CPP_INLINE v128 i32x4_extadd_pairwise_i16x8_u(const v128& a) { return extadd_pairwise<i32x4, u16x8>(a); }
}  // namespace portable
// Pairwise sums within each wide lane: the low narrow lane (masked, or
// shifted up and arithmetically back down for the signed view) plus the high
// one (shifted down): three or four whole-vector operations on any target.
template <typename Wide, typename UWide, unsigned Half>
WASM2CPP_INLINE v128 extadd_pairwise_in_lane(const v128& a) {
  Wide x = as<Wide>(a);
  Wide low = (Wide)((UWide)x << Half) >> Half;
  return from((UWide)low + (UWide)(x >> Half));
}
#if WASM2CPP_SIMD_SSE2
// Multiply-add by ones: pmaddwd for 16-bit lanes (the unsigned ones biased
// by -32768 and corrected by 2 * 32768), pmaddubsw for bytes (first operand
// unsigned, second signed; no pair sum comes near saturation).
WASM2CPP_INLINE v128 i32x4_extadd_pairwise_i16x8_s(const v128& a) {
  return from(_mm_madd_epi16(as<__m128i>(a), _mm_set1_epi16(1)));
}
// Whether the compiler can prove that every 16-bit lane of a is below 2^15
// (e.g. the sums i16x8.extadd_pairwise_i8x16_u produces: at most 510);
// "no" whenever it cannot tell. Such lanes read the same signed and unsigned.
WASM2CPP_INLINE bool known_below_2_15(const v128& a) {
  u64x2 top_bits = as<u64x2>(a) & 0x8000800080008000ull;
  const uint64_t any_set = top_bits[0] | top_bits[1];
  return __builtin_constant_p(any_set) && any_set == 0;
}
WASM2CPP_INLINE v128 i32x4_extadd_pairwise_i16x8_u(const v128& a) {
  // The byte-sum idiom (extadd_pairwise u8 -> u16 -> u32): one pmaddwd.
  if (known_below_2_15(a)) return i32x4_extadd_pairwise_i16x8_s(a);
  __m128i biased = _mm_xor_si128(as<__m128i>(a), _mm_set1_epi16(-32768));
  return from(_mm_add_epi32(_mm_madd_epi16(biased, _mm_set1_epi16(1)), _mm_set1_epi32(65536)));
}
#else
WASM2CPP_INLINE v128 i32x4_extadd_pairwise_i16x8_s(const v128& a) {
  return extadd_pairwise_in_lane<i32x4, u32x4, 16>(a);
}
WASM2CPP_INLINE v128 i32x4_extadd_pairwise_i16x8_u(const v128& a) {
  return extadd_pairwise_in_lane<u32x4, u32x4, 16>(a);
}
#endif
#if WASM2CPP_SIMD_SSSE3
WASM2CPP_INLINE v128 i16x8_extadd_pairwise_i8x16_s(const v128& a) {
  return from(_mm_maddubs_epi16(_mm_set1_epi8(1), as<__m128i>(a)));
}
WASM2CPP_INLINE v128 i16x8_extadd_pairwise_i8x16_u(const v128& a) {
  return from(_mm_maddubs_epi16(as<__m128i>(a), _mm_set1_epi8(1)));
}
#else
WASM2CPP_INLINE v128 i16x8_extadd_pairwise_i8x16_s(const v128& a) {
  return extadd_pairwise_in_lane<i16x8, u16x8, 8>(a);
}
WASM2CPP_INLINE v128 i16x8_extadd_pairwise_i8x16_u(const v128& a) {
  return extadd_pairwise_in_lane<u16x8, u16x8, 8>(a);
}
#endif

}  // namespace wasm2cpp::simd

#include "wasm2cpp/simd_float.hpp"
#include "wasm2cpp/simd_memory.hpp"
#include "wasm2cpp/simd_relaxed.hpp"
