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
WASM2CPP_INLINE v128 f32x4_add(const v128& a, const v128& b) { return from(as<f32x4>(a) + as<f32x4>(b)); }
WASM2CPP_INLINE v128 f32x4_sub(const v128& a, const v128& b) { return from(as<f32x4>(a) - as<f32x4>(b)); }
WASM2CPP_INLINE v128 f32x4_mul(const v128& a, const v128& b) { return from(WASM2CPP_SIMD_PRODUCT(as<f32x4>(a) * as<f32x4>(b))); }
WASM2CPP_INLINE v128 f32x4_div(const v128& a, const v128& b) { return from(as<f32x4>(a) / as<f32x4>(b)); }
WASM2CPP_INLINE v128 f64x2_add(const v128& a, const v128& b) { return from(as<f64x2>(a) + as<f64x2>(b)); }
WASM2CPP_INLINE v128 f64x2_sub(const v128& a, const v128& b) { return from(as<f64x2>(a) - as<f64x2>(b)); }
WASM2CPP_INLINE v128 f64x2_mul(const v128& a, const v128& b) { return from(WASM2CPP_SIMD_PRODUCT(as<f64x2>(a) * as<f64x2>(b))); }
WASM2CPP_INLINE v128 f64x2_div(const v128& a, const v128& b) { return from(as<f64x2>(a) / as<f64x2>(b)); }

// abs / neg are sign-bit operations: NaN payloads pass through unchanged.
WASM2CPP_INLINE v128 f32x4_abs(const v128& a) { return from(as<u32x4>(a) & 0x7fffffffu); }
WASM2CPP_INLINE v128 f32x4_neg(const v128& a) { return from(as<u32x4>(a) ^ 0x80000000u); }
WASM2CPP_INLINE v128 f64x2_abs(const v128& a) { return from(as<u64x2>(a) & 0x7fffffffffffffffull); }
WASM2CPP_INLINE v128 f64x2_neg(const v128& a) { return from(as<u64x2>(a) ^ 0x8000000000000000ull); }

// Rounding and sqrt lane by lane with the scalar helpers (NaN -> quiet NaN).
namespace portable {
WASM2CPP_INLINE v128 f32x4_sqrt(const v128& a) { return map<f32x4, f32x4>(a, ops::fsqrt32); }
WASM2CPP_INLINE v128 f32x4_ceil(const v128& a) { return map<f32x4, f32x4>(a, ops::fceil32); }
WASM2CPP_INLINE v128 f32x4_floor(const v128& a) { return map<f32x4, f32x4>(a, ops::ffloor32); }
WASM2CPP_INLINE v128 f32x4_trunc(const v128& a) { return map<f32x4, f32x4>(a, ops::ftrunc32); }
WASM2CPP_INLINE v128 f32x4_nearest(const v128& a) { return map<f32x4, f32x4>(a, ops::fnearest32); }
WASM2CPP_INLINE v128 f64x2_sqrt(const v128& a) { return map<f64x2, f64x2>(a, ops::fsqrt64); }
WASM2CPP_INLINE v128 f64x2_ceil(const v128& a) { return map<f64x2, f64x2>(a, ops::fceil64); }
WASM2CPP_INLINE v128 f64x2_floor(const v128& a) { return map<f64x2, f64x2>(a, ops::ffloor64); }
WASM2CPP_INLINE v128 f64x2_trunc(const v128& a) { return map<f64x2, f64x2>(a, ops::ftrunc64); }
WASM2CPP_INLINE v128 f64x2_nearest(const v128& a) { return map<f64x2, f64x2>(a, ops::fnearest64); }
}  // namespace portable
#if WASM2CPP_SIMD_SSE2
// sqrtps / sqrtpd are IEEE square roots and quiet a NaN operand.
WASM2CPP_INLINE v128 f32x4_sqrt(const v128& a) { return from(_mm_sqrt_ps(as<__m128>(a))); }
WASM2CPP_INLINE v128 f64x2_sqrt(const v128& a) { return from(_mm_sqrt_pd(as<__m128d>(a))); }
#else
using portable::f32x4_sqrt;
using portable::f64x2_sqrt;
#endif
#if WASM2CPP_SIMD_SSE41
// roundps / roundpd in the four directions (nearest is ties-to-even, the
// default rounding mode), exceptions suppressed; a NaN comes out quiet.
#define WASM2CPP_SIMD_ROUND(name, shape, intrinsic, mode)                       \
  WASM2CPP_INLINE v128 name(const v128& a) {                                           \
    return from(intrinsic(as<shape>(a), (mode) | _MM_FROUND_NO_EXC));           \
  }
WASM2CPP_SIMD_ROUND(f32x4_ceil, __m128, _mm_round_ps, _MM_FROUND_TO_POS_INF)
WASM2CPP_SIMD_ROUND(f32x4_floor, __m128, _mm_round_ps, _MM_FROUND_TO_NEG_INF)
WASM2CPP_SIMD_ROUND(f32x4_trunc, __m128, _mm_round_ps, _MM_FROUND_TO_ZERO)
WASM2CPP_SIMD_ROUND(f32x4_nearest, __m128, _mm_round_ps, _MM_FROUND_TO_NEAREST_INT)
WASM2CPP_SIMD_ROUND(f64x2_ceil, __m128d, _mm_round_pd, _MM_FROUND_TO_POS_INF)
WASM2CPP_SIMD_ROUND(f64x2_floor, __m128d, _mm_round_pd, _MM_FROUND_TO_NEG_INF)
WASM2CPP_SIMD_ROUND(f64x2_trunc, __m128d, _mm_round_pd, _MM_FROUND_TO_ZERO)
WASM2CPP_SIMD_ROUND(f64x2_nearest, __m128d, _mm_round_pd, _MM_FROUND_TO_NEAREST_INT)
#undef WASM2CPP_SIMD_ROUND
#elif !WASM2CPP_SIMD_SSE2
using portable::f32x4_ceil;
using portable::f32x4_floor;
using portable::f32x4_trunc;
using portable::f32x4_nearest;
using portable::f64x2_ceil;
using portable::f64x2_floor;
using portable::f64x2_trunc;
using portable::f64x2_nearest;
#endif  // (SSE2 without SSE4.1: below, after the lane-width helpers)

// min / max: a NaN in either lane gives a NaN (x + y quiets it), and -0 is
// below +0; neither holds for the hardware's minps / maxps.
namespace portable {
template <typename F, typename U>
WASM2CPP_INLINE v128 fmin(const v128& a, const v128& b) {
  F x = as<F>(a), y = as<F>(b);
  U xi = as<U>(a), yi = as<U>(b);
  U r = select((U)(x < y), xi, yi);
  r = select((U)(x == y), xi | yi, r);  // min(-0, +0) = -0: or the sign bits
  return from(select((U)((x != x) | (y != y)), (U)(x + y), r));
}
template <typename F, typename U>
WASM2CPP_INLINE v128 fmax(const v128& a, const v128& b) {
  F x = as<F>(a), y = as<F>(b);
  U xi = as<U>(a), yi = as<U>(b);
  U r = select((U)(x > y), xi, yi);
  r = select((U)(x == y), xi & yi, r);  // max(-0, +0) = +0: and the sign bits
  return from(select((U)((x != x) | (y != y)), (U)(x + y), r));
}
// pmin / pmax: exactly `b < a ? b : a` and `a < b ? b : a`.
template <typename F, typename U>
WASM2CPP_INLINE v128 fpmin(const v128& a, const v128& b) {
  F x = as<F>(a), y = as<F>(b);
  return from(select((U)(y < x), as<U>(b), as<U>(a)));
}
template <typename F, typename U>
WASM2CPP_INLINE v128 fpmax(const v128& a, const v128& b) {
  F x = as<F>(a), y = as<F>(b);
  return from(select((U)(x < y), as<U>(b), as<U>(a)));
}
WASM2CPP_INLINE v128 f32x4_min(const v128& a, const v128& b) { return fmin<f32x4, u32x4>(a, b); }
WASM2CPP_INLINE v128 f32x4_max(const v128& a, const v128& b) { return fmax<f32x4, u32x4>(a, b); }
WASM2CPP_INLINE v128 f32x4_pmin(const v128& a, const v128& b) { return fpmin<f32x4, u32x4>(a, b); }
WASM2CPP_INLINE v128 f32x4_pmax(const v128& a, const v128& b) { return fpmax<f32x4, u32x4>(a, b); }
WASM2CPP_INLINE v128 f64x2_min(const v128& a, const v128& b) { return fmin<f64x2, u64x2>(a, b); }
WASM2CPP_INLINE v128 f64x2_max(const v128& a, const v128& b) { return fmax<f64x2, u64x2>(a, b); }
WASM2CPP_INLINE v128 f64x2_pmin(const v128& a, const v128& b) { return fpmin<f64x2, u64x2>(a, b); }
WASM2CPP_INLINE v128 f64x2_pmax(const v128& a, const v128& b) { return fpmax<f64x2, u64x2>(a, b); }
}  // namespace portable

#if WASM2CPP_SIMD_SSE2
// minps(x, y) is `x < y ? x : y`: it returns y for a NaN in either operand
// and for equal zeros. Taking it both ways round and or-ing gives the true
// minimum, -0 for a pair of zeros and a NaN for a NaN operand; NaN lanes
// are then replaced by the canonical NaN (sign set, payload cleared), one of
// the results the spec allows.
// Only minps/maxps and their double forms differ by lane width; the rest is
// written once on the vector types (Lanes for arithmetic, Bits for logic).
// Keyed by lane width, not by __m128 / __m128d: g++ drops the vector
// attributes of a template type argument (-Wignored-attributes).
template <unsigned LaneBits>
using X86Lanes = std::conditional_t<LaneBits == 32, f32x4, f64x2>;
template <unsigned LaneBits>
using X86Bits = std::conditional_t<LaneBits == 32, u32x4, u64x2>;
template <unsigned LaneBits>
WASM2CPP_INLINE X86Lanes<LaneBits> x86_min(X86Lanes<LaneBits> x, X86Lanes<LaneBits> y) {
  if constexpr (LaneBits == 32) return X86Lanes<32>(_mm_min_ps(__m128(x), __m128(y)));
  else return X86Lanes<64>(_mm_min_pd(__m128d(x), __m128d(y)));
}
template <unsigned LaneBits>
WASM2CPP_INLINE X86Lanes<LaneBits> x86_max(X86Lanes<LaneBits> x, X86Lanes<LaneBits> y) {
  if constexpr (LaneBits == 32) return X86Lanes<32>(_mm_max_ps(__m128(x), __m128(y)));
  else return X86Lanes<64>(_mm_max_pd(__m128d(x), __m128d(y)));
}
// NaN lanes (nan_mask all ones) become the canonical NaN with the sign set:
// all ones shifted right by the exponent width + 2 is the payload below the
// quiet bit, cleared from all ones (0xffc00000 / 0xfff8000000000000).
template <unsigned LaneBits>
WASM2CPP_INLINE v128 x86_canonicalize_nans(X86Bits<LaneBits> r, X86Bits<LaneBits> nan_mask) {
  X86Bits<LaneBits> payload = nan_mask >> (LaneBits == 32 ? 10 : 13);
  return from((r | nan_mask) & ~payload);
}
template <unsigned LaneBits>
WASM2CPP_INLINE v128 x86_canonicalize_nans(X86Lanes<LaneBits> r) {
  return x86_canonicalize_nans<LaneBits>(X86Bits<LaneBits>(r), X86Bits<LaneBits>(r != r));
}
// Whether the compiler can prove (after inlining: the operand is a
// v128.const) that no lane of c is a NaN or has the bits `zero` (+0 or -0).
// __builtin_constant_p answers "no" whenever it cannot tell, e.g. without
// optimisation; both paths of the callers are exact, the proof only picks
// the shorter one.
template <unsigned LaneBits>
WASM2CPP_INLINE bool known_ordered_without(const v128& c, lane_t<X86Bits<LaneBits>> zero) {
  X86Lanes<LaneBits> lanes = as<X86Lanes<LaneBits>>(c);
  X86Bits<LaneBits> bad = X86Bits<LaneBits>(lanes != lanes) | X86Bits<LaneBits>(as<X86Bits<LaneBits>>(c) == zero);
  u64x2 words = u64x2(bad);
  const uint64_t any_bad = words[0] | words[1];
  return __builtin_constant_p(any_bad) && any_bad == 0;
}
// min(x, c) for a c without NaN or +0 lanes: minps(x, c) is `x < c ? x : c`,
// exact for equal zeros (c is then -0, the minimum) and wrong only for a NaN
// x, where it gives c: those lanes become the canonical NaN. Two to three
// instructions fewer than the general form, which takes minps both ways.
// (max is the mirror image: c without NaN or -0 lanes.)
enum class X86MinMax { Min, Max };
template <unsigned LaneBits, X86MinMax Op>
WASM2CPP_INLINE v128 x86_minmax_by_ordered(const v128& x, const v128& c) {
  using Lanes = X86Lanes<LaneBits>;
  Lanes xv = as<Lanes>(x);
  Lanes r;
  if constexpr (Op == X86MinMax::Min) r = x86_min<LaneBits>(xv, as<Lanes>(c));
  else r = x86_max<LaneBits>(xv, as<Lanes>(c));
  return x86_canonicalize_nans<LaneBits>(X86Bits<LaneBits>(r), X86Bits<LaneBits>(xv != xv));
}
template <unsigned LaneBits>
inline constexpr lane_t<X86Bits<LaneBits>> kNegativeZero = lane_t<X86Bits<LaneBits>>(1) << (LaneBits - 1);
template <unsigned LaneBits>
WASM2CPP_INLINE v128 x86_fmin(const v128& a, const v128& b) {
  using Lanes = X86Lanes<LaneBits>;
  using Bits = X86Bits<LaneBits>;
  // min is symmetric up to which NaN comes out, and NaNs are canonicalised.
  if (known_ordered_without<LaneBits>(b, 0)) return x86_minmax_by_ordered<LaneBits, X86MinMax::Min>(a, b);
  if (known_ordered_without<LaneBits>(a, 0)) return x86_minmax_by_ordered<LaneBits, X86MinMax::Min>(b, a);
  Lanes x = as<Lanes>(a), y = as<Lanes>(b);
  Bits both_ways = Bits(x86_min<LaneBits>(x, y)) | Bits(x86_min<LaneBits>(y, x));
  return x86_canonicalize_nans<LaneBits>(Lanes(both_ways));
}
// maxps both ways round differ only for equal zeros (+0 and -0: their xor
// is the sign bit) and NaNs. (d2 | diff) - diff turns the zero pair into
// -0 - -0 = +0, leaves other lanes alone and keeps NaNs NaN.
template <unsigned LaneBits>
WASM2CPP_INLINE v128 x86_fmax(const v128& a, const v128& b) {
  using Lanes = X86Lanes<LaneBits>;
  using Bits = X86Bits<LaneBits>;
  if (known_ordered_without<LaneBits>(b, kNegativeZero<LaneBits>)) return x86_minmax_by_ordered<LaneBits, X86MinMax::Max>(a, b);
  if (known_ordered_without<LaneBits>(a, kNegativeZero<LaneBits>)) return x86_minmax_by_ordered<LaneBits, X86MinMax::Max>(b, a);
  Lanes x = as<Lanes>(a), y = as<Lanes>(b);
  Lanes d1 = x86_max<LaneBits>(x, y), d2 = x86_max<LaneBits>(y, x);
  Bits diff = Bits(d1) ^ Bits(d2);
  return x86_canonicalize_nans<LaneBits>(Lanes(Bits(d2) | diff) - Lanes(diff));
}
#if !WASM2CPP_SIMD_SSE41
// SSE2 has no roundps / roundpd (the portable form calls libm per lane).
// Below 2^23 (2^52 for f64), adding that power of two and subtracting it
// again rounds |x| to an integer, ties to even (the default rounding mode,
// the only one wasm code runs in); floor and ceil of |x| step from there.
// Rounding keeps the sign, so x's sign bit is or-ed into the result (ceil
// of -0.5 is -0). Larger magnitudes, infinities and NaNs are integral
// already: x + 0 returns them, quieting a signalling NaN.
enum class RoundTo { kNearest, kFloor, kCeil, kTrunc };
template <unsigned LaneBits, RoundTo Mode>
WASM2CPP_INLINE v128 x86_round(const v128& a) {
  using Lanes = X86Lanes<LaneBits>;
  using Bits = X86Bits<LaneBits>;
  using Lane = lane_t<Lanes>;
  const Lane two_to_mantissa = LaneBits == 32 ? Lane(0x1p23f) : Lane(0x1p52);
  const Bits sign_bit = Bits{} + kNegativeZero<LaneBits>;
  const Lanes one = Lanes{} + Lane(1);
  Lanes x = as<Lanes>(a);
  Bits sign = as<Bits>(a) & sign_bit;
  Lanes magnitude = Lanes(as<Bits>(a) & ~sign_bit);
  Lanes rounded = (magnitude + two_to_mantissa) - two_to_mantissa;  // nearest(|x|)
  Bits small = Bits(magnitude < two_to_mantissa);
  Lanes r;
  if constexpr (Mode == RoundTo::kNearest) {
    r = rounded;
  } else if constexpr (Mode == RoundTo::kTrunc) {
    r = rounded - Lanes(Bits(rounded > magnitude) & Bits(one));
  } else {
    Lanes signed_rounded = Lanes(Bits(rounded) | sign);  // nearest(x)
    if constexpr (Mode == RoundTo::kFloor)
      r = signed_rounded - Lanes(Bits(signed_rounded > x) & Bits(one));
    else
      r = signed_rounded + Lanes(Bits(signed_rounded < x) & Bits(one));
  }
  Bits result = Bits(r) | sign;
  return from(select(small, result, Bits(x + Lane(0))));
}
WASM2CPP_INLINE v128 f32x4_ceil(const v128& a) { return x86_round<32, RoundTo::kCeil>(a); }
WASM2CPP_INLINE v128 f32x4_floor(const v128& a) { return x86_round<32, RoundTo::kFloor>(a); }
WASM2CPP_INLINE v128 f32x4_trunc(const v128& a) { return x86_round<32, RoundTo::kTrunc>(a); }
WASM2CPP_INLINE v128 f32x4_nearest(const v128& a) { return x86_round<32, RoundTo::kNearest>(a); }
WASM2CPP_INLINE v128 f64x2_ceil(const v128& a) { return x86_round<64, RoundTo::kCeil>(a); }
WASM2CPP_INLINE v128 f64x2_floor(const v128& a) { return x86_round<64, RoundTo::kFloor>(a); }
WASM2CPP_INLINE v128 f64x2_trunc(const v128& a) { return x86_round<64, RoundTo::kTrunc>(a); }
WASM2CPP_INLINE v128 f64x2_nearest(const v128& a) { return x86_round<64, RoundTo::kNearest>(a); }
#endif
WASM2CPP_INLINE v128 f32x4_min(const v128& a, const v128& b) { return x86_fmin<32>(a, b); }
WASM2CPP_INLINE v128 f32x4_max(const v128& a, const v128& b) { return x86_fmax<32>(a, b); }
WASM2CPP_INLINE v128 f64x2_min(const v128& a, const v128& b) { return x86_fmin<64>(a, b); }
WASM2CPP_INLINE v128 f64x2_max(const v128& a, const v128& b) { return x86_fmax<64>(a, b); }
// pmin is `b < a ? b : a` = minps(b, a); pmax is `a < b ? b : a` = maxps(b, a).
WASM2CPP_INLINE v128 f32x4_pmin(const v128& a, const v128& b) { return from(_mm_min_ps(as<__m128>(b), as<__m128>(a))); }
WASM2CPP_INLINE v128 f32x4_pmax(const v128& a, const v128& b) { return from(_mm_max_ps(as<__m128>(b), as<__m128>(a))); }
WASM2CPP_INLINE v128 f64x2_pmin(const v128& a, const v128& b) { return from(_mm_min_pd(as<__m128d>(b), as<__m128d>(a))); }
WASM2CPP_INLINE v128 f64x2_pmax(const v128& a, const v128& b) { return from(_mm_max_pd(as<__m128d>(b), as<__m128d>(a))); }
#else
using portable::f32x4_min;
using portable::f32x4_max;
using portable::f32x4_pmin;
using portable::f32x4_pmax;
using portable::f64x2_min;
using portable::f64x2_max;
using portable::f64x2_pmin;
using portable::f64x2_pmax;
#endif

// ---- conversions -------------------------------------------------------------
WASM2CPP_INLINE v128 f32x4_convert_i32x4_s(const v128& a) { return from(__builtin_convertvector(as<i32x4>(a), f32x4)); }
WASM2CPP_INLINE v128 f32x4_convert_i32x4_u(const v128& a) { return from(__builtin_convertvector(as<u32x4>(a), f32x4)); }
WASM2CPP_INLINE v128 f64x2_convert_low_i32x4_s(const v128& a) {
  i32x4 v = as<i32x4>(a);
  return from(f64x2{double(v[0]), double(v[1])});
}
WASM2CPP_INLINE v128 f64x2_convert_low_i32x4_u(const v128& a) {
  u32x4 v = as<u32x4>(a);
  return from(f64x2{double(v[0]), double(v[1])});
}
// A NaN comes out quiet from both conversions (a hardware conversion quiets).
WASM2CPP_INLINE v128 f32x4_demote_f64x2_zero(const v128& a) {
  f64x2 v = as<f64x2>(a);
  return from(f32x4{float(v[0]), float(v[1]), 0.0f, 0.0f});
}
WASM2CPP_INLINE v128 f64x2_promote_low_f32x4(const v128& a) {
  f32x4 v = as<f32x4>(a);
  return from(f64x2{double(v[0]), double(v[1])});
}
// trunc_sat: NaN -> 0, out of range -> the nearest bound (scalar helpers).
namespace portable {
WASM2CPP_INLINE v128 i32x4_trunc_sat_f32x4_s(const v128& a) { return map<u32x4, f32x4>(a, ops::trunc_sat_s32_f32); }
WASM2CPP_INLINE v128 i32x4_trunc_sat_f32x4_u(const v128& a) { return map<u32x4, f32x4>(a, ops::trunc_sat_u32_f32); }
WASM2CPP_INLINE v128 i32x4_trunc_sat_f64x2_s_zero(const v128& a) {
  f64x2 v = as<f64x2>(a);
  return from(u32x4{ops::trunc_sat_s32_f64(v[0]), ops::trunc_sat_s32_f64(v[1]), 0, 0});
}
WASM2CPP_INLINE v128 i32x4_trunc_sat_f64x2_u_zero(const v128& a) {
  f64x2 v = as<f64x2>(a);
  return from(u32x4{ops::trunc_sat_u32_f64(v[0]), ops::trunc_sat_u32_f64(v[1]), 0, 0});
}
}  // namespace portable
#if WASM2CPP_SIMD_SSE2
// cvttps2dq / cvttpd2dq give 0x80000000 for NaN and out-of-range lanes:
// NaN lanes are zeroed first and lanes >= 2^31 flipped to 0x7fffffff.
WASM2CPP_INLINE v128 i32x4_trunc_sat_f32x4_s(const v128& a) {
  __m128 x = as<__m128>(a);
  x = _mm_and_ps(x, _mm_cmpord_ps(x, x));
  __m128i over = _mm_castps_si128(_mm_cmple_ps(_mm_set1_ps(2147483648.0f), x));
  return from(_mm_xor_si128(_mm_cvttps_epi32(x), over));
}
// Unsigned: lanes below 2^31 convert directly; for the others convert
// x - 2^31 (exact there) and add it to the 0x80000000 the direct conversion
// gave; x - 2^31 >= 2^31 means x >= 2^32 and saturates to 0xffffffff.
WASM2CPP_INLINE __m128i x86_trunc_sat_u32(__m128 x) {
  x = _mm_max_ps(x, _mm_setzero_ps());  // NaN and negatives -> 0
  const __m128 two31 = _mm_set1_ps(2147483648.0f);
  __m128 high = _mm_sub_ps(x, two31);
  __m128i over = _mm_castps_si128(_mm_cmple_ps(two31, high));
  __m128i high_int = _mm_xor_si128(_mm_cvttps_epi32(high), over);
  high_int = _mm_andnot_si128(_mm_srai_epi32(high_int, 31), high_int);  // below 2^31: 0
  return _mm_add_epi32(_mm_cvttps_epi32(x), high_int);
}
WASM2CPP_INLINE v128 i32x4_trunc_sat_f32x4_u(const v128& a) { return from(x86_trunc_sat_u32(as<__m128>(a))); }
WASM2CPP_INLINE v128 i32x4_trunc_sat_f64x2_s_zero(const v128& a) {
  __m128d x = as<__m128d>(a);
  x = _mm_and_pd(x, _mm_cmpord_pd(x, x));
  x = _mm_min_pd(x, _mm_set1_pd(2147483647.0));
  return from(_mm_cvttpd_epi32(x));  // the upper two lanes are zero
}
WASM2CPP_INLINE v128 i32x4_trunc_sat_f64x2_u_zero(const v128& a) {
  __m128d x = _mm_max_pd(as<__m128d>(a), _mm_setzero_pd());  // NaN and negatives -> 0
  x = _mm_min_pd(x, _mm_set1_pd(4294967295.0));
  const __m128d two31 = _mm_set1_pd(2147483648.0);
  __m128i high = _mm_cvttpd_epi32(_mm_sub_pd(x, two31));  // < 2^31 after the clamp
  high = _mm_andnot_si128(_mm_srai_epi32(high, 31), high);
  return from(_mm_add_epi32(_mm_cvttpd_epi32(x), high));
}
#else
using portable::i32x4_trunc_sat_f32x4_s;
using portable::i32x4_trunc_sat_f32x4_u;
using portable::i32x4_trunc_sat_f64x2_s_zero;
using portable::i32x4_trunc_sat_f64x2_u_zero;
#endif

}  // namespace wasm2cpp::simd
