// Numeric helpers for generated code: every WebAssembly operator whose C++
// spelling would be undefined, implementation-defined or simply different
// (division traps, shift masks, NaN rules, float-to-int ranges). The opcode
// table (translator/ir/opcodes.def) names these functions.
//
// Values travel as uint32_t / uint64_t / float / double; signedness is a
// property of the operation, applied by casts here. Float helpers never use
// fused or fast-math forms; the generated file disables FP contraction.
#pragma once

#include <bit>
#include <cstdint>

#include "wasm2cpp/trap_kind.hpp"

// Rounding and square root through the compiler builtins std:: forwards to,
// so that generated code does not pay for <cmath> (~0.3 s per translation
// unit).
#if defined(__GNUC__)
#define WASM2CPP_MATH_(name) __builtin_##name
#else
#include <cmath>
#define WASM2CPP_MATH_(name) ::name
#endif

#if defined(__GNUC__)
#define WASM2CPP_LIKELY(x) __builtin_expect(!!(x), 1)
#define WASM2CPP_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define WASM2CPP_INLINE inline __attribute__((always_inline))
#else
#define WASM2CPP_LIKELY(x) (x)
#define WASM2CPP_UNLIKELY(x) (x)
#define WASM2CPP_INLINE inline
#endif

namespace wasm2cpp::ops {

// ---- integer bit counting and rotation -----------------------------------
WASM2CPP_INLINE uint32_t clz32(uint32_t x) { return static_cast<uint32_t>(std::countl_zero(x)); }
WASM2CPP_INLINE uint32_t ctz32(uint32_t x) { return static_cast<uint32_t>(std::countr_zero(x)); }
WASM2CPP_INLINE uint32_t popcnt32(uint32_t x) { return static_cast<uint32_t>(std::popcount(x)); }
WASM2CPP_INLINE uint64_t clz64(uint64_t x) { return static_cast<uint64_t>(std::countl_zero(x)); }
WASM2CPP_INLINE uint64_t ctz64(uint64_t x) { return static_cast<uint64_t>(std::countr_zero(x)); }
WASM2CPP_INLINE uint64_t popcnt64(uint64_t x) { return static_cast<uint64_t>(std::popcount(x)); }
WASM2CPP_INLINE uint32_t rotl32(uint32_t x, uint32_t n) { return std::rotl(x, static_cast<int>(n & 31)); }
WASM2CPP_INLINE uint32_t rotr32(uint32_t x, uint32_t n) { return std::rotr(x, static_cast<int>(n & 31)); }
WASM2CPP_INLINE uint64_t rotl64(uint64_t x, uint64_t n) { return std::rotl(x, static_cast<int>(n & 63)); }
WASM2CPP_INLINE uint64_t rotr64(uint64_t x, uint64_t n) { return std::rotr(x, static_cast<int>(n & 63)); }
// Arithmetic right shift (C++20 defines >> on negative values as arithmetic).
WASM2CPP_INLINE uint32_t shr_s32(uint32_t x, uint32_t n) {
  return static_cast<uint32_t>(static_cast<int32_t>(x) >> (n & 31));
}
WASM2CPP_INLINE uint64_t shr_s64(uint64_t x, uint64_t n) {
  return static_cast<uint64_t>(static_cast<int64_t>(x) >> (n & 63));
}

// ---- division: trap on zero and on INT_MIN / -1 ---------------------------
WASM2CPP_INLINE uint32_t div_s32(uint32_t a, uint32_t b) {
  if (WASM2CPP_UNLIKELY(b == 0)) trap(TrapKind::IntegerDivideByZero);
  if (WASM2CPP_UNLIKELY(a == 0x80000000u && b == 0xffffffffu)) trap(TrapKind::IntegerOverflow);
  return static_cast<uint32_t>(static_cast<int32_t>(a) / static_cast<int32_t>(b));
}
WASM2CPP_INLINE uint32_t div_u32(uint32_t a, uint32_t b) {
  if (WASM2CPP_UNLIKELY(b == 0)) trap(TrapKind::IntegerDivideByZero);
  return a / b;
}
// rem_s of INT_MIN by -1 is 0 (no trap); computing it in C++ would overflow.
WASM2CPP_INLINE uint32_t rem_s32(uint32_t a, uint32_t b) {
  if (WASM2CPP_UNLIKELY(b == 0)) trap(TrapKind::IntegerDivideByZero);
  if (WASM2CPP_UNLIKELY(b == 0xffffffffu)) return 0;
  return static_cast<uint32_t>(static_cast<int32_t>(a) % static_cast<int32_t>(b));
}
WASM2CPP_INLINE uint32_t rem_u32(uint32_t a, uint32_t b) {
  if (WASM2CPP_UNLIKELY(b == 0)) trap(TrapKind::IntegerDivideByZero);
  return a % b;
}
WASM2CPP_INLINE uint64_t div_s64(uint64_t a, uint64_t b) {
  if (WASM2CPP_UNLIKELY(b == 0)) trap(TrapKind::IntegerDivideByZero);
  if (WASM2CPP_UNLIKELY(a == 0x8000000000000000ull && b == ~0ull)) trap(TrapKind::IntegerOverflow);
  return static_cast<uint64_t>(static_cast<int64_t>(a) / static_cast<int64_t>(b));
}
WASM2CPP_INLINE uint64_t div_u64(uint64_t a, uint64_t b) {
  if (WASM2CPP_UNLIKELY(b == 0)) trap(TrapKind::IntegerDivideByZero);
  return a / b;
}
WASM2CPP_INLINE uint64_t rem_s64(uint64_t a, uint64_t b) {
  if (WASM2CPP_UNLIKELY(b == 0)) trap(TrapKind::IntegerDivideByZero);
  if (WASM2CPP_UNLIKELY(b == ~0ull)) return 0;
  return static_cast<uint64_t>(static_cast<int64_t>(a) % static_cast<int64_t>(b));
}
WASM2CPP_INLINE uint64_t rem_u64(uint64_t a, uint64_t b) {
  if (WASM2CPP_UNLIKELY(b == 0)) trap(TrapKind::IntegerDivideByZero);
  return a % b;
}

// ---- float sign operations: pure bit manipulation (NaN payloads intact) ---
WASM2CPP_INLINE float fabs32(float x) { return std::bit_cast<float>(std::bit_cast<uint32_t>(x) & 0x7fffffffu); }
WASM2CPP_INLINE float fneg32(float x) { return std::bit_cast<float>(std::bit_cast<uint32_t>(x) ^ 0x80000000u); }
WASM2CPP_INLINE float fcopysign32(float x, float y) {
  return std::bit_cast<float>((std::bit_cast<uint32_t>(x) & 0x7fffffffu) |
                              (std::bit_cast<uint32_t>(y) & 0x80000000u));
}
WASM2CPP_INLINE double fabs64(double x) {
  return std::bit_cast<double>(std::bit_cast<uint64_t>(x) & 0x7fffffffffffffffull);
}
WASM2CPP_INLINE double fneg64(double x) {
  return std::bit_cast<double>(std::bit_cast<uint64_t>(x) ^ 0x8000000000000000ull);
}
WASM2CPP_INLINE double fcopysign64(double x, double y) {
  return std::bit_cast<double>((std::bit_cast<uint64_t>(x) & 0x7fffffffffffffffull) |
                               (std::bit_cast<uint64_t>(y) & 0x8000000000000000ull));
}

// ---- square root ------------------------------------------------------------
// std::sqrt may set errno for a negative operand, so unless the code is built
// with -fno-math-errno (wasm2cpp_add_module adds it) compilers emit sqrtsd
// plus a compare and a branch to the library function. WebAssembly has no
// errno: a negative operand simply gives NaN, which is what the instruction
// does. clang turns the SSE builtins into its generic square root (constant
// folded and vectorised like std::sqrt); GCC keeps them opaque, so it gets
// __builtin_sqrt (what std::sqrt calls) and relies on the flag.
#if defined(__clang__) && defined(__x86_64__)
#define WASM2CPP_ERRNO_FREE_SQRT_ 1
namespace detail {
typedef float F32x4 __attribute__((vector_size(16)));
typedef double F64x2 __attribute__((vector_size(16)));
}  // namespace detail
#else
#define WASM2CPP_ERRNO_FREE_SQRT_ 0
#endif

// ---- rounding: a NaN operand yields a quiet (arithmetic) NaN --------------
// `x + x` quiets a signalling NaN; library rounding functions may return it
// unchanged on some implementations.
WASM2CPP_INLINE float fceil32(float x) { return x != x ? x + x : WASM2CPP_MATH_(ceilf)(x); }
WASM2CPP_INLINE float ffloor32(float x) { return x != x ? x + x : WASM2CPP_MATH_(floorf)(x); }
WASM2CPP_INLINE float ftrunc32(float x) { return x != x ? x + x : WASM2CPP_MATH_(truncf)(x); }
// nearbyint rounds half to even in the default rounding mode, which is the
// only mode WebAssembly code runs in.
WASM2CPP_INLINE float fnearest32(float x) { return x != x ? x + x : WASM2CPP_MATH_(nearbyintf)(x); }
WASM2CPP_INLINE float fsqrt32(float x) {
#if WASM2CPP_ERRNO_FREE_SQRT_
  return __builtin_ia32_sqrtss(detail::F32x4{x, 0, 0, 0})[0];
#else
  return WASM2CPP_MATH_(sqrtf)(x);
#endif
}
WASM2CPP_INLINE double fceil64(double x) { return x != x ? x + x : WASM2CPP_MATH_(ceil)(x); }
WASM2CPP_INLINE double ffloor64(double x) { return x != x ? x + x : WASM2CPP_MATH_(floor)(x); }
WASM2CPP_INLINE double ftrunc64(double x) { return x != x ? x + x : WASM2CPP_MATH_(trunc)(x); }
WASM2CPP_INLINE double fnearest64(double x) { return x != x ? x + x : WASM2CPP_MATH_(nearbyint)(x); }
WASM2CPP_INLINE double fsqrt64(double x) {
#if WASM2CPP_ERRNO_FREE_SQRT_
  return __builtin_ia32_sqrtsd(detail::F64x2{x, 0})[0];
#else
  return WASM2CPP_MATH_(sqrt)(x);
#endif
}

// ---- min/max: NaN propagates, and -0 < +0 (C's fmin/fmax do neither) ------
// Equal operands can only differ in the sign of a zero: or-ing the bits picks
// -0 for the minimum, and-ing them +0 for the maximum.
template <typename Float, typename Bits>
WASM2CPP_INLINE Float wasm_fmin(Float a, Float b) {
  if (a != a || b != b) return a + b;
  if (a == b) return std::bit_cast<Float>(std::bit_cast<Bits>(a) | std::bit_cast<Bits>(b));
  return a < b ? a : b;
}
template <typename Float, typename Bits>
WASM2CPP_INLINE Float wasm_fmax(Float a, Float b) {
  if (a != a || b != b) return a + b;
  if (a == b) return std::bit_cast<Float>(std::bit_cast<Bits>(a) & std::bit_cast<Bits>(b));
  return a > b ? a : b;
}
WASM2CPP_INLINE float fmin32(float a, float b) { return wasm_fmin<float, uint32_t>(a, b); }
WASM2CPP_INLINE float fmax32(float a, float b) { return wasm_fmax<float, uint32_t>(a, b); }
WASM2CPP_INLINE double fmin64(double a, double b) { return wasm_fmin<double, uint64_t>(a, b); }
WASM2CPP_INLINE double fmax64(double a, double b) { return wasm_fmax<double, uint64_t>(a, b); }

WASM2CPP_INLINE float demote(double x) { return static_cast<float>(x); }
WASM2CPP_INLINE double promote(float x) { return static_cast<double>(x); }

// ---- float -> int, trapping: the in-range tests are exact -----------------
// Each bound is the first value outside the target range (exactly
// representable in the source type), so no rounding can admit an overflow.
#define WASM2CPP_TRUNC(name, F, I, U, lo_ok, hi)                                  \
  WASM2CPP_INLINE U name(F x) {                                                  \
    if (WASM2CPP_UNLIKELY(x != x)) trap(TrapKind::InvalidConversionToInteger);    \
    if (WASM2CPP_UNLIKELY(!(lo_ok && x < (hi)))) trap(TrapKind::IntegerOverflow); \
    return static_cast<U>(static_cast<I>(x));                                     \
  }
WASM2CPP_TRUNC(trunc_s32_f32, float, int32_t, uint32_t, x >= -2147483648.0f, 2147483648.0f)
WASM2CPP_TRUNC(trunc_u32_f32, float, uint32_t, uint32_t, x > -1.0f, 4294967296.0f)
WASM2CPP_TRUNC(trunc_s32_f64, double, int32_t, uint32_t, x > -2147483649.0, 2147483648.0)
WASM2CPP_TRUNC(trunc_u32_f64, double, uint32_t, uint32_t, x > -1.0, 4294967296.0)
WASM2CPP_TRUNC(trunc_s64_f32, float, int64_t, uint64_t, x >= -9223372036854775808.0f, 9223372036854775808.0f)
WASM2CPP_TRUNC(trunc_u64_f32, float, uint64_t, uint64_t, x > -1.0f, 18446744073709551616.0f)
WASM2CPP_TRUNC(trunc_s64_f64, double, int64_t, uint64_t, x >= -9223372036854775808.0, 9223372036854775808.0)
WASM2CPP_TRUNC(trunc_u64_f64, double, uint64_t, uint64_t, x > -1.0, 18446744073709551616.0)
#undef WASM2CPP_TRUNC

// ---- float -> int, saturating: NaN -> 0, out of range -> the nearest bound -
#define WASM2CPP_TRUNC_SAT(name, F, I, U, lo_ok, hi, min, max) \
  WASM2CPP_INLINE U name(F x) {                                \
    if (x != x) return 0;                                      \
    if (!(lo_ok)) return static_cast<U>(min);                  \
    if (!(x < (hi))) return static_cast<U>(max);               \
    return static_cast<U>(static_cast<I>(x));                  \
  }
WASM2CPP_TRUNC_SAT(trunc_sat_s32_f32, float, int32_t, uint32_t, x >= -2147483648.0f, 2147483648.0f, INT32_MIN, INT32_MAX)
WASM2CPP_TRUNC_SAT(trunc_sat_u32_f32, float, uint32_t, uint32_t, x > -1.0f, 4294967296.0f, 0, UINT32_MAX)
WASM2CPP_TRUNC_SAT(trunc_sat_s32_f64, double, int32_t, uint32_t, x > -2147483649.0, 2147483648.0, INT32_MIN, INT32_MAX)
WASM2CPP_TRUNC_SAT(trunc_sat_u32_f64, double, uint32_t, uint32_t, x > -1.0, 4294967296.0, 0, UINT32_MAX)
WASM2CPP_TRUNC_SAT(trunc_sat_s64_f32, float, int64_t, uint64_t, x >= -9223372036854775808.0f, 9223372036854775808.0f, INT64_MIN, INT64_MAX)
WASM2CPP_TRUNC_SAT(trunc_sat_u64_f32, float, uint64_t, uint64_t, x > -1.0f, 18446744073709551616.0f, 0, UINT64_MAX)
WASM2CPP_TRUNC_SAT(trunc_sat_s64_f64, double, int64_t, uint64_t, x >= -9223372036854775808.0, 9223372036854775808.0, INT64_MIN, INT64_MAX)
WASM2CPP_TRUNC_SAT(trunc_sat_u64_f64, double, uint64_t, uint64_t, x > -1.0, 18446744073709551616.0, 0, UINT64_MAX)
#undef WASM2CPP_TRUNC_SAT

}  // namespace wasm2cpp::ops
