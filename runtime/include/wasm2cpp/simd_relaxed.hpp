// WebAssembly relaxed SIMD (--enable-relaxed-simd). Each operation picks one
// of the results the proposal allows, the same on every host, so translated
// code is deterministic: the exact (non-relaxed) counterpart where there is
// one, and unfused multiply-add. Included by wasm2cpp/simd.hpp.
#pragma once

#include "wasm2cpp/simd.hpp"

namespace wasm2cpp::simd {

WASM2CPP_INLINE v128 i8x16_relaxed_swizzle(const v128& a, const v128& s) { return i8x16_swizzle(a, s); }
WASM2CPP_INLINE v128 i32x4_relaxed_trunc_f32x4_s(const v128& a) { return i32x4_trunc_sat_f32x4_s(a); }
WASM2CPP_INLINE v128 i32x4_relaxed_trunc_f32x4_u(const v128& a) { return i32x4_trunc_sat_f32x4_u(a); }
WASM2CPP_INLINE v128 i32x4_relaxed_trunc_f64x2_s_zero(const v128& a) { return i32x4_trunc_sat_f64x2_s_zero(a); }
WASM2CPP_INLINE v128 i32x4_relaxed_trunc_f64x2_u_zero(const v128& a) { return i32x4_trunc_sat_f64x2_u_zero(a); }
WASM2CPP_INLINE v128 f32x4_relaxed_madd(const v128& a, const v128& b, const v128& c) { return f32x4_add(f32x4_mul(a, b), c); }
WASM2CPP_INLINE v128 f32x4_relaxed_nmadd(const v128& a, const v128& b, const v128& c) {
  return f32x4_add(f32x4_neg(f32x4_mul(a, b)), c);
}
WASM2CPP_INLINE v128 f64x2_relaxed_madd(const v128& a, const v128& b, const v128& c) { return f64x2_add(f64x2_mul(a, b), c); }
WASM2CPP_INLINE v128 f64x2_relaxed_nmadd(const v128& a, const v128& b, const v128& c) {
  return f64x2_add(f64x2_neg(f64x2_mul(a, b)), c);
}
WASM2CPP_INLINE v128 i8x16_relaxed_laneselect(const v128& a, const v128& b, const v128& m) { return v128_bitselect(a, b, m); }
WASM2CPP_INLINE v128 i16x8_relaxed_laneselect(const v128& a, const v128& b, const v128& m) { return v128_bitselect(a, b, m); }
WASM2CPP_INLINE v128 i32x4_relaxed_laneselect(const v128& a, const v128& b, const v128& m) { return v128_bitselect(a, b, m); }
WASM2CPP_INLINE v128 i64x2_relaxed_laneselect(const v128& a, const v128& b, const v128& m) { return v128_bitselect(a, b, m); }
WASM2CPP_INLINE v128 f32x4_relaxed_min(const v128& a, const v128& b) { return f32x4_min(a, b); }
WASM2CPP_INLINE v128 f32x4_relaxed_max(const v128& a, const v128& b) { return f32x4_max(a, b); }
WASM2CPP_INLINE v128 f64x2_relaxed_min(const v128& a, const v128& b) { return f64x2_min(a, b); }
WASM2CPP_INLINE v128 f64x2_relaxed_max(const v128& a, const v128& b) { return f64x2_max(a, b); }
WASM2CPP_INLINE v128 i16x8_relaxed_q15mulr_s(const v128& a, const v128& b) { return i16x8_q15mulr_sat_s(a, b); }

// Dot products with b's lanes read as signed (the proposal allows either
// reading when b's top bit is set); sums wrap.
WASM2CPP_INLINE v128 i16x8_dot_i8x16_i7x16_s(const v128& a, const v128& b) {
  i8x16 x = as<i8x16>(a), y = as<i8x16>(b);
  u16x8 r;
  for (unsigned i = 0; i < 8; ++i)
    r[i] = uint16_t(x[2 * i] * y[2 * i] + x[2 * i + 1] * y[2 * i + 1]);
  return from(r);
}
WASM2CPP_INLINE v128 i32x4_dot_i8x16_i7x16_add_s(const v128& a, const v128& b, const v128& c) {
  i8x16 x = as<i8x16>(a), y = as<i8x16>(b);
  u32x4 r = as<u32x4>(c);
  for (unsigned i = 0; i < 4; ++i) {
    int32_t sum = 0;
    for (unsigned k = 0; k < 4; ++k) sum += x[4 * i + k] * y[4 * i + k];
    r[i] += uint32_t(sum);
  }
  return from(r);
}

}  // namespace wasm2cpp::simd
