// WebAssembly SIMD: f32x4 / f64x2 arithmetic and the conversions between
// float and integer lanes. Included by wasm2cpp/simd.hpp.
#pragma once

#include "wasm2cpp/simd.hpp"

// Products must not be fused into a following add (see WASM2CPP_PRODUCT in
// instance_support.hpp, which generated code includes first).
#ifdef WASM2CPP_PRODUCT
#define WASM2CPP_SIMD_PRODUCT(x) WASM2CPP_PRODUCT(x)
#else
#define WASM2CPP_SIMD_PRODUCT(x) (x)
#endif

namespace wasm2cpp::simd {

// ---- arithmetic --------------------------------------------------------------
WASM2CPP_INLINE v128 f32x4_add(v128 a, v128 b) { return from(as<f32x4>(a) + as<f32x4>(b)); }
WASM2CPP_INLINE v128 f32x4_sub(v128 a, v128 b) { return from(as<f32x4>(a) - as<f32x4>(b)); }
WASM2CPP_INLINE v128 f32x4_mul(v128 a, v128 b) { return from(WASM2CPP_SIMD_PRODUCT(as<f32x4>(a) * as<f32x4>(b))); }
WASM2CPP_INLINE v128 f32x4_div(v128 a, v128 b) { return from(as<f32x4>(a) / as<f32x4>(b)); }
WASM2CPP_INLINE v128 f64x2_add(v128 a, v128 b) { return from(as<f64x2>(a) + as<f64x2>(b)); }
WASM2CPP_INLINE v128 f64x2_sub(v128 a, v128 b) { return from(as<f64x2>(a) - as<f64x2>(b)); }
WASM2CPP_INLINE v128 f64x2_mul(v128 a, v128 b) { return from(WASM2CPP_SIMD_PRODUCT(as<f64x2>(a) * as<f64x2>(b))); }
WASM2CPP_INLINE v128 f64x2_div(v128 a, v128 b) { return from(as<f64x2>(a) / as<f64x2>(b)); }

// abs / neg are sign-bit operations: NaN payloads pass through unchanged.
WASM2CPP_INLINE v128 f32x4_abs(v128 a) { return from(as<u32x4>(a) & 0x7fffffffu); }
WASM2CPP_INLINE v128 f32x4_neg(v128 a) { return from(as<u32x4>(a) ^ 0x80000000u); }
WASM2CPP_INLINE v128 f64x2_abs(v128 a) { return from(as<u64x2>(a) & 0x7fffffffffffffffull); }
WASM2CPP_INLINE v128 f64x2_neg(v128 a) { return from(as<u64x2>(a) ^ 0x8000000000000000ull); }

// Rounding and sqrt lane by lane with the scalar helpers (NaN -> quiet NaN).
WASM2CPP_INLINE v128 f32x4_sqrt(v128 a) { return map<f32x4, f32x4>(a, ops::fsqrt32); }
WASM2CPP_INLINE v128 f32x4_ceil(v128 a) { return map<f32x4, f32x4>(a, ops::fceil32); }
WASM2CPP_INLINE v128 f32x4_floor(v128 a) { return map<f32x4, f32x4>(a, ops::ffloor32); }
WASM2CPP_INLINE v128 f32x4_trunc(v128 a) { return map<f32x4, f32x4>(a, ops::ftrunc32); }
WASM2CPP_INLINE v128 f32x4_nearest(v128 a) { return map<f32x4, f32x4>(a, ops::fnearest32); }
WASM2CPP_INLINE v128 f64x2_sqrt(v128 a) { return map<f64x2, f64x2>(a, ops::fsqrt64); }
WASM2CPP_INLINE v128 f64x2_ceil(v128 a) { return map<f64x2, f64x2>(a, ops::fceil64); }
WASM2CPP_INLINE v128 f64x2_floor(v128 a) { return map<f64x2, f64x2>(a, ops::ffloor64); }
WASM2CPP_INLINE v128 f64x2_trunc(v128 a) { return map<f64x2, f64x2>(a, ops::ftrunc64); }
WASM2CPP_INLINE v128 f64x2_nearest(v128 a) { return map<f64x2, f64x2>(a, ops::fnearest64); }

// min / max: a NaN in either lane gives a NaN (x + y quiets it), and -0 is
// below +0; neither holds for the hardware's minps / maxps.
template <typename F, typename U>
WASM2CPP_INLINE v128 fmin(v128 a, v128 b) {
  F x = as<F>(a), y = as<F>(b);
  U xi = as<U>(a), yi = as<U>(b);
  U r = select((U)(x < y), xi, yi);
  r = select((U)(x == y), xi | yi, r);  // min(-0, +0) = -0: or the sign bits
  return from(select((U)((x != x) | (y != y)), (U)(x + y), r));
}
template <typename F, typename U>
WASM2CPP_INLINE v128 fmax(v128 a, v128 b) {
  F x = as<F>(a), y = as<F>(b);
  U xi = as<U>(a), yi = as<U>(b);
  U r = select((U)(x > y), xi, yi);
  r = select((U)(x == y), xi & yi, r);  // max(-0, +0) = +0: and the sign bits
  return from(select((U)((x != x) | (y != y)), (U)(x + y), r));
}
// pmin / pmax: exactly `b < a ? b : a` and `a < b ? b : a`.
template <typename F, typename U>
WASM2CPP_INLINE v128 fpmin(v128 a, v128 b) {
  F x = as<F>(a), y = as<F>(b);
  return from(select((U)(y < x), as<U>(b), as<U>(a)));
}
template <typename F, typename U>
WASM2CPP_INLINE v128 fpmax(v128 a, v128 b) {
  F x = as<F>(a), y = as<F>(b);
  return from(select((U)(x < y), as<U>(b), as<U>(a)));
}
WASM2CPP_INLINE v128 f32x4_min(v128 a, v128 b) { return fmin<f32x4, u32x4>(a, b); }
WASM2CPP_INLINE v128 f32x4_max(v128 a, v128 b) { return fmax<f32x4, u32x4>(a, b); }
WASM2CPP_INLINE v128 f32x4_pmin(v128 a, v128 b) { return fpmin<f32x4, u32x4>(a, b); }
WASM2CPP_INLINE v128 f32x4_pmax(v128 a, v128 b) { return fpmax<f32x4, u32x4>(a, b); }
WASM2CPP_INLINE v128 f64x2_min(v128 a, v128 b) { return fmin<f64x2, u64x2>(a, b); }
WASM2CPP_INLINE v128 f64x2_max(v128 a, v128 b) { return fmax<f64x2, u64x2>(a, b); }
WASM2CPP_INLINE v128 f64x2_pmin(v128 a, v128 b) { return fpmin<f64x2, u64x2>(a, b); }
WASM2CPP_INLINE v128 f64x2_pmax(v128 a, v128 b) { return fpmax<f64x2, u64x2>(a, b); }

// ---- conversions -------------------------------------------------------------
WASM2CPP_INLINE v128 f32x4_convert_i32x4_s(v128 a) { return from(__builtin_convertvector(as<i32x4>(a), f32x4)); }
WASM2CPP_INLINE v128 f32x4_convert_i32x4_u(v128 a) { return from(__builtin_convertvector(as<u32x4>(a), f32x4)); }
WASM2CPP_INLINE v128 f64x2_convert_low_i32x4_s(v128 a) {
  i32x4 v = as<i32x4>(a);
  return from(f64x2{double(v[0]), double(v[1])});
}
WASM2CPP_INLINE v128 f64x2_convert_low_i32x4_u(v128 a) {
  u32x4 v = as<u32x4>(a);
  return from(f64x2{double(v[0]), double(v[1])});
}
// A NaN comes out quiet from both conversions (a hardware conversion quiets).
WASM2CPP_INLINE v128 f32x4_demote_f64x2_zero(v128 a) {
  f64x2 v = as<f64x2>(a);
  return from(f32x4{float(v[0]), float(v[1]), 0.0f, 0.0f});
}
WASM2CPP_INLINE v128 f64x2_promote_low_f32x4(v128 a) {
  f32x4 v = as<f32x4>(a);
  return from(f64x2{double(v[0]), double(v[1])});
}
// trunc_sat: NaN -> 0, out of range -> the nearest bound (scalar helpers).
WASM2CPP_INLINE v128 i32x4_trunc_sat_f32x4_s(v128 a) { return map<u32x4, f32x4>(a, ops::trunc_sat_s32_f32); }
WASM2CPP_INLINE v128 i32x4_trunc_sat_f32x4_u(v128 a) { return map<u32x4, f32x4>(a, ops::trunc_sat_u32_f32); }
WASM2CPP_INLINE v128 i32x4_trunc_sat_f64x2_s_zero(v128 a) {
  f64x2 v = as<f64x2>(a);
  return from(u32x4{ops::trunc_sat_s32_f64(v[0]), ops::trunc_sat_s32_f64(v[1]), 0, 0});
}
WASM2CPP_INLINE v128 i32x4_trunc_sat_f64x2_u_zero(v128 a) {
  f64x2 v = as<f64x2>(a);
  return from(u32x4{ops::trunc_sat_u32_f64(v[0]), ops::trunc_sat_u32_f64(v[1]), 0, 0});
}

}  // namespace wasm2cpp::simd
