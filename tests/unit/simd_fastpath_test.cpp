// The target paths of the SIMD helpers (SSE2 here; SSSE3 / SSE4.1 when the
// tests are built with those flags) against the portable lane-by-lane
// reference in simd::portable, on random vectors salted with the values
// where hardware and wasm disagree: NaNs (quiet, signalling, negative),
// signed zeros, infinities, 2^31 / 2^32 and their neighbours, the most
// negative lanes. Results must be bit-identical, except that where the
// reference gives a NaN the fast path may give any quiet NaN (the spec
// allows canonical and arithmetic NaNs there).
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "wasm2cpp/simd.hpp"

namespace wasm2cpp::simd {
namespace {

constexpr uint32_t kSpecial32[] = {
    0x00000000u, 0x80000000u, 0x7f800000u, 0xff800000u, 0x7fc00000u, 0xffc00000u,
    0x7fa00000u, 0xffa00001u, 0x7fc12345u, 0x3f800000u, 0xbf800000u, 0x3fc00000u,
    0xbfc00000u, 0x4f000000u, 0x4effffffu, 0x4f000001u, 0x4f800000u, 0x4f7fffffu,
    0xcf000000u, 0xcf000001u, 0x3f000000u, 0x00000001u, 0x7fffffffu, 0xffffffffu,
    0x00008000u, 0x80008000u, 0x7fff7fffu, 0x007f0080u, 0xff7f80ffu, 0x0000ffffu,
};
constexpr uint64_t kSpecial64[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x7ff0000000000000ull,
    0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8000000000000ull,
    0x7ff4000000000000ull, 0x7ff8000000000123ull, 0x3ff0000000000000ull,
    0xbff8000000000000ull, 0x41e0000000000000ull /* 2^31 */, 0x41dfffffffc00000ull /* 2^31-1 */,
    0x41efffffffe00000ull /* 2^32-1 */, 0x41f0000000000000ull /* 2^32 */,
    0xc1e0000000000000ull /* -2^31 */, 0xc1e0000000200000ull /* -2^31-1 */,
    0x3fe0000000000000ull /* 0.5 */, 0xbfefffffffffffffull, 0x4330000000000000ull /* 2^52 */,
};

std::vector<v128> test_vectors() {
  std::mt19937_64 rng(20261126);
  std::vector<v128> out;
  for (unsigned n = 0; n < 4000; ++n) {
    v128 v;
    for (unsigned half = 0; half < 2; ++half) {
      uint64_t bits = rng();
      switch (rng() % 4) {
        case 0: break;  // random
        case 1: bits = kSpecial64[rng() % std::size(kSpecial64)]; break;
        case 2:
          bits = kSpecial32[rng() % std::size(kSpecial32)] |
                 uint64_t(kSpecial32[rng() % std::size(kSpecial32)]) << 32;
          break;
        default:  // small integers of every lane width
          for (unsigned b = 0; b < 8; ++b)
            if (rng() % 2) bits ^= (uint64_t(rng() % 2 ? 0x80 : 0x7f) << (8 * b));
      }
      std::memcpy(v.bytes + 8 * half, &bits, 8);
    }
    out.push_back(v);
  }
  return out;
}

// Lane width of the float view, or 0 for an integer result.
template <unsigned FloatBits>
void expect_same(const v128& fast, const v128& reference, const v128& a, const v128& b,
                 const char* name) {
  if constexpr (FloatBits == 0) {
    ASSERT_EQ(std::memcmp(fast.bytes, reference.bytes, 16), 0) << name;
  } else {
    using U = std::conditional_t<FloatBits == 32, uint32_t, uint64_t>;
    using F = std::conditional_t<FloatBits == 32, float, double>;
    const U quiet = U(1) << (FloatBits == 32 ? 22 : 51);
    for (unsigned i = 0; i < 16 / sizeof(U); ++i) {
      U f, r, x, y;
      std::memcpy(&f, fast.bytes + i * sizeof(U), sizeof(U));
      std::memcpy(&r, reference.bytes + i * sizeof(U), sizeof(U));
      std::memcpy(&x, a.bytes + i * sizeof(U), sizeof(U));
      std::memcpy(&y, b.bytes + i * sizeof(U), sizeof(U));
      if (std::isnan(std::bit_cast<F>(r))) {
        ASSERT_TRUE(std::isnan(std::bit_cast<F>(f)) && (f & quiet))
            << name << " lane " << i << " of " << std::hex << x << ", " << y << ": " << f;
      } else {
        ASSERT_EQ(f, r) << name << " lane " << i << " of " << std::hex << x << ", " << y;
      }
    }
  }
}

#define EXPECT_UNARY(fast, reference, float_bits)                                   \
  for (const v128& a : vectors) expect_same<float_bits>(fast(a), reference(a), a, a, #fast)
#define EXPECT_BINARY(fast, reference, float_bits)                                       \
  for (size_t i = 0; i < vectors.size(); ++i) {                                          \
    const v128& a = vectors[i];                                                          \
    const v128& b = vectors[(i * 7 + 3) % vectors.size()];                               \
    expect_same<float_bits>(fast(a, b), reference(a, b), a, b, #fast);                   \
    expect_same<float_bits>(fast(a, a), reference(a, a), a, a, #fast);                   \
  }

TEST(SimdFastPath, IntegerArithmeticMatchesPortable) {
  const std::vector<v128> vectors = test_vectors();
  EXPECT_BINARY(i8x16_add_sat_s, portable::i8x16_add_sat_s, 0);
  EXPECT_BINARY(i8x16_add_sat_u, portable::i8x16_add_sat_u, 0);
  EXPECT_BINARY(i8x16_sub_sat_s, portable::i8x16_sub_sat_s, 0);
  EXPECT_BINARY(i8x16_sub_sat_u, portable::i8x16_sub_sat_u, 0);
  EXPECT_BINARY(i16x8_add_sat_s, portable::i16x8_add_sat_s, 0);
  EXPECT_BINARY(i16x8_add_sat_u, portable::i16x8_add_sat_u, 0);
  EXPECT_BINARY(i16x8_sub_sat_s, portable::i16x8_sub_sat_s, 0);
  EXPECT_BINARY(i16x8_sub_sat_u, portable::i16x8_sub_sat_u, 0);
  EXPECT_BINARY(i8x16_avgr_u, portable::i8x16_avgr_u, 0);
  EXPECT_BINARY(i16x8_avgr_u, portable::i16x8_avgr_u, 0);
  EXPECT_BINARY(i16x8_q15mulr_sat_s, portable::i16x8_q15mulr_sat_s, 0);
  EXPECT_BINARY(i32x4_dot_i16x8_s, portable::i32x4_dot_i16x8_s, 0);
  EXPECT_BINARY(i8x16_swizzle, portable::i8x16_swizzle, 0);
  EXPECT_BINARY(i8x16_narrow_i16x8_s, portable::i8x16_narrow_i16x8_s, 0);
  EXPECT_BINARY(i8x16_narrow_i16x8_u, portable::i8x16_narrow_i16x8_u, 0);
  EXPECT_BINARY(i16x8_narrow_i32x4_s, portable::i16x8_narrow_i32x4_s, 0);
  EXPECT_BINARY(i16x8_narrow_i32x4_u, portable::i16x8_narrow_i32x4_u, 0);
  EXPECT_UNARY(i8x16_popcnt, portable::i8x16_popcnt, 0);
  EXPECT_UNARY(i16x8_extadd_pairwise_i8x16_s, portable::i16x8_extadd_pairwise_i8x16_s, 0);
  EXPECT_UNARY(i16x8_extadd_pairwise_i8x16_u, portable::i16x8_extadd_pairwise_i8x16_u, 0);
  EXPECT_UNARY(i32x4_extadd_pairwise_i16x8_s, portable::i32x4_extadd_pairwise_i16x8_s, 0);
  EXPECT_UNARY(i32x4_extadd_pairwise_i16x8_u, portable::i32x4_extadd_pairwise_i16x8_u, 0);
}

TEST(SimdFastPath, SwizzleOfEveryIndexByte) {
  // Every index value 0-255 in every lane position, against the rule itself.
  v128 table = from(u8x16{10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25});
  for (unsigned start = 0; start < 256; start += 16) {
    u8x16 idx;
    for (unsigned i = 0; i < 16; ++i) idx[i] = uint8_t(start + i * 17 % 16);
    u8x16 r = as<u8x16>(i8x16_swizzle(table, from(idx)));
    for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(r[i], idx[i] < 16 ? 10 + idx[i] : 0) << unsigned(idx[i]);
  }
}

TEST(SimdFastPath, MasksMatchPortable) {
  const std::vector<v128> vectors = test_vectors();
  std::vector<v128> masks = vectors;
  // Lanes that are exactly zero, so all_true sees both answers.
  for (size_t i = 0; i < vectors.size(); i += 3) {
    v128 v = vectors[i];
    for (unsigned b = 0; b < 16; ++b)
      if ((i >> (b % 8)) & 1) v.bytes[b] = 0;
    masks.push_back(v);
  }
  for (const v128& a : masks) {
    EXPECT_EQ(i8x16_bitmask(a), portable::i8x16_bitmask(a));
    EXPECT_EQ(i16x8_bitmask(a), portable::i16x8_bitmask(a));
    EXPECT_EQ(i32x4_bitmask(a), portable::i32x4_bitmask(a));
    EXPECT_EQ(i64x2_bitmask(a), portable::i64x2_bitmask(a));
    EXPECT_EQ(i8x16_all_true(a), portable::i8x16_all_true(a));
    EXPECT_EQ(i16x8_all_true(a), portable::i16x8_all_true(a));
    EXPECT_EQ(i32x4_all_true(a), portable::i32x4_all_true(a));
    EXPECT_EQ(i64x2_all_true(a), portable::i64x2_all_true(a));
  }
  EXPECT_EQ(i8x16_all_true(i8x16_splat(1)), 1u);
  EXPECT_EQ(i16x8_bitmask(from(i16x8{-1, 0, -32768, 1, 0, 0, 0, -2})), 0b10000101u);
}

TEST(SimdFastPath, FloatOpsMatchPortable) {
  const std::vector<v128> vectors = test_vectors();
  EXPECT_BINARY(f32x4_min, portable::f32x4_min, 32);
  EXPECT_BINARY(f32x4_max, portable::f32x4_max, 32);
  EXPECT_BINARY(f64x2_min, portable::f64x2_min, 64);
  EXPECT_BINARY(f64x2_max, portable::f64x2_max, 64);
  // pmin / pmax return one operand unchanged, NaNs included: bit-exact.
  EXPECT_BINARY(f32x4_pmin, portable::f32x4_pmin, 0);
  EXPECT_BINARY(f32x4_pmax, portable::f32x4_pmax, 0);
  EXPECT_BINARY(f64x2_pmin, portable::f64x2_pmin, 0);
  EXPECT_BINARY(f64x2_pmax, portable::f64x2_pmax, 0);
  EXPECT_UNARY(f32x4_sqrt, portable::f32x4_sqrt, 32);
  EXPECT_UNARY(f64x2_sqrt, portable::f64x2_sqrt, 64);
  EXPECT_UNARY(f32x4_ceil, portable::f32x4_ceil, 32);
  EXPECT_UNARY(f32x4_floor, portable::f32x4_floor, 32);
  EXPECT_UNARY(f32x4_trunc, portable::f32x4_trunc, 32);
  EXPECT_UNARY(f32x4_nearest, portable::f32x4_nearest, 32);
  EXPECT_UNARY(f64x2_ceil, portable::f64x2_ceil, 64);
  EXPECT_UNARY(f64x2_floor, portable::f64x2_floor, 64);
  EXPECT_UNARY(f64x2_trunc, portable::f64x2_trunc, 64);
  EXPECT_UNARY(f64x2_nearest, portable::f64x2_nearest, 64);
  EXPECT_UNARY(i32x4_trunc_sat_f32x4_s, portable::i32x4_trunc_sat_f32x4_s, 0);
  EXPECT_UNARY(i32x4_trunc_sat_f32x4_u, portable::i32x4_trunc_sat_f32x4_u, 0);
  EXPECT_UNARY(i32x4_trunc_sat_f64x2_s_zero, portable::i32x4_trunc_sat_f64x2_s_zero, 0);
  EXPECT_UNARY(i32x4_trunc_sat_f64x2_u_zero, portable::i32x4_trunc_sat_f64x2_u_zero, 0);
}

#if WASM2CPP_SIMD_SSE2
// The shorter min/max paths for an operand without NaN lanes and without the
// one zero minps/maxps would get wrong (+0 for min, -0 for max), chosen when
// the compiler proves that of a constant; called directly here, so that they
// are tested without optimisation too.
template <unsigned LaneBits>
v128 ordered_without(v128 c, uint64_t zero) {
  using U = std::conditional_t<LaneBits == 32, uint32_t, uint64_t>;
  using F = std::conditional_t<LaneBits == 32, float, double>;
  for (unsigned i = 0; i < 16 / sizeof(U); ++i) {
    U bits;
    std::memcpy(&bits, c.bytes + i * sizeof(U), sizeof(U));
    if (std::isnan(std::bit_cast<F>(bits)) || bits == U(zero)) bits = std::bit_cast<U>(F(-1.5));
    std::memcpy(c.bytes + i * sizeof(U), &bits, sizeof(U));
  }
  return c;
}

TEST(SimdFastPath, MinMaxByOrderedOperandMatchPortable) {
  const std::vector<v128> vectors = test_vectors();
  for (size_t i = 0; i < vectors.size(); ++i) {
    const v128& x = vectors[i];
    const v128& other = vectors[(i * 7 + 3) % vectors.size()];
    const v128 min32 = ordered_without<32>(other, 0), max32 = ordered_without<32>(other, 0x80000000u);
    const v128 min64 = ordered_without<64>(other, 0);
    const v128 max64 = ordered_without<64>(other, 0x8000000000000000ull);
    expect_same<32>(x86_minmax_by_ordered<32, X86MinMax::Min>(x, min32), portable::f32x4_min(x, min32), x, min32, "min32");
    expect_same<32>(x86_minmax_by_ordered<32, X86MinMax::Max>(x, max32), portable::f32x4_max(x, max32), x, max32, "max32");
    expect_same<64>(x86_minmax_by_ordered<64, X86MinMax::Min>(x, min64), portable::f64x2_min(x, min64), x, min64, "min64");
    expect_same<64>(x86_minmax_by_ordered<64, X86MinMax::Max>(x, max64), portable::f64x2_max(x, max64), x, max64, "max64");
    // Equal zeros of either sign against the allowed zero.
    const v128 zeros = make(0x8000000000000000ull, 0x0000000080000000ull);
    expect_same<32>(x86_minmax_by_ordered<32, X86MinMax::Min>(zeros, make(0x8000000080000000ull, 0x8000000080000000ull)),
                    portable::f32x4_min(zeros, make(0x8000000080000000ull, 0x8000000080000000ull)),
                    zeros, zeros, "min32 zeros");
    expect_same<32>(x86_minmax_by_ordered<32, X86MinMax::Max>(zeros, make(0, 0)), portable::f32x4_max(zeros, make(0, 0)),
                    zeros, zeros, "max32 zeros");
  }
}

// Through the public helpers with a constant operand (the shorter path when
// built with optimisation, the general one without) in both operand orders,
// including a canonical and a signalling NaN and both zeros as x.
TEST(SimdFastPath, MinMaxWithConstantOperandMatchPortable) {
  const v128 specials[] = {make(0x7fc000007fa00000ull, 0x8000000000000000ull),
                           make(0xffc0000000000001ull, 0x437f00003f800000ull),
                           make(0x7ff4000000000000ull, 0x8000000000000000ull)};
  for (const v128& x : specials) {
    const v128 lo = f32x4_splat(0.0f), hi = f32x4_splat(255.0f), neg = f32x4_splat(-2.0f);
    expect_same<32>(f32x4_max(x, lo), portable::f32x4_max(x, lo), x, lo, "max(x, 0)");
    expect_same<32>(f32x4_max(lo, x), portable::f32x4_max(lo, x), lo, x, "max(0, x)");
    expect_same<32>(f32x4_min(x, hi), portable::f32x4_min(x, hi), x, hi, "min(x, 255)");
    expect_same<32>(f32x4_min(neg, x), portable::f32x4_min(neg, x), neg, x, "min(-2, x)");
    expect_same<32>(f32x4_min(x, lo), portable::f32x4_min(x, lo), x, lo, "min(x, 0)");
    const v128 dlo = f64x2_splat(-0.0), dhi = f64x2_splat(1e300);
    expect_same<64>(f64x2_min(x, dlo), portable::f64x2_min(x, dlo), x, dlo, "min(x, -0)");
    expect_same<64>(f64x2_max(dhi, x), portable::f64x2_max(dhi, x), dhi, x, "max(1e300, x)");
    expect_same<64>(f64x2_max(x, dlo), portable::f64x2_max(x, dlo), x, dlo, "max(x, -0)");
  }
}

TEST(SimdFastPath, ExtaddOfSmallLanesMatchesPortable) {
  // Lanes below 2^15 (what extadd_pairwise of bytes produces) take the
  // signed pmaddwd when the compiler can prove it: the same sums.
  for (const v128& v : test_vectors()) {
    const v128 small = from(as<u16x8>(v) & 0x7fff);
    EXPECT_EQ(std::memcmp(i32x4_extadd_pairwise_i16x8_s(small).bytes,
                          portable::i32x4_extadd_pairwise_i16x8_u(small).bytes, 16), 0);
    const v128 sums = i16x8_extadd_pairwise_i8x16_u(v);
    EXPECT_EQ(std::memcmp(i32x4_extadd_pairwise_i16x8_u(sums).bytes,
                          portable::i32x4_extadd_pairwise_i16x8_u(sums).bytes, 16), 0);
  }
}
#endif

// Rounding where the SSE2 path (add and subtract 2^23 / 2^52) could slip:
// ties, the last values below the power of two and above it, signed zeros,
// results that are zero with a negative operand (ceil(-0.5) = -0),
// subnormals, infinities, NaNs (quiet, signalling, negative).
TEST(SimdFastPath, RoundingAtTheEdgesMatchesPortable) {
  const float floats[] = {0.0f, 0.5f, 1.5f, 2.5f, 0.49999997f, 0.50000006f, 1.0f, 3.0f,
                          8388607.5f, 8388607.0f, 8388608.0f, 8388609.0f, 16777216.0f,
                          4194303.5f, 4194304.5f, 1e-45f, 1.1754942e-38f, 3.4028235e38f,
                          std::bit_cast<float>(0x7f800000u), std::bit_cast<float>(0x7fc00000u),
                          std::bit_cast<float>(0x7fa00001u), std::bit_cast<float>(0x7fc12345u)};
  const double doubles[] = {0.0, 0.5, 1.5, 2.5, 0.49999999999999994, 4503599627370495.5,
                            4503599627370495.0, 4503599627370496.0, 4503599627370497.0,
                            9007199254740992.0, 2251799813685247.5, 4.9e-324, 1e308,
                            std::bit_cast<double>(0x7ff0000000000000ull),
                            std::bit_cast<double>(0x7ff8000000000000ull),
                            std::bit_cast<double>(0x7ff4000000000001ull)};
  for (float f : floats) {
    for (float sign : {1.0f, -1.0f}) {
      const float x = std::copysign(f, sign * std::copysign(1.0f, f));
      const v128 v = f32x4_splat(x), w = from(f32x4{x, -x, x * 0.25f, -x * 0.75f});
      for (const v128& a : {v, w}) {
        expect_same<32>(f32x4_ceil(a), portable::f32x4_ceil(a), a, a, "f32x4.ceil");
        expect_same<32>(f32x4_floor(a), portable::f32x4_floor(a), a, a, "f32x4.floor");
        expect_same<32>(f32x4_trunc(a), portable::f32x4_trunc(a), a, a, "f32x4.trunc");
        expect_same<32>(f32x4_nearest(a), portable::f32x4_nearest(a), a, a, "f32x4.nearest");
      }
    }
  }
  for (double d : doubles) {
    for (double sign : {1.0, -1.0}) {
      const double x = std::copysign(d, sign * std::copysign(1.0, d));
      const v128 a = from(f64x2{x, -x * 0.75});
      expect_same<64>(f64x2_ceil(a), portable::f64x2_ceil(a), a, a, "f64x2.ceil");
      expect_same<64>(f64x2_floor(a), portable::f64x2_floor(a), a, a, "f64x2.floor");
      expect_same<64>(f64x2_trunc(a), portable::f64x2_trunc(a), a, a, "f64x2.trunc");
      expect_same<64>(f64x2_nearest(a), portable::f64x2_nearest(a), a, a, "f64x2.nearest");
    }
  }
}

TEST(SimdFastPath, ExtendAndExtmulMatchLaneByLane) {
  const std::vector<v128> vectors = test_vectors();
  for (size_t n = 0; n + 1 < vectors.size(); n += 2) {
    const v128 &a = vectors[n], &b = vectors[n + 1];
    i8x16 x8 = as<i8x16>(a), y8 = as<i8x16>(b);
    i16x8 lo_s = as<i16x8>(i16x8_extend_low_i8x16_s(a));
    u16x8 hi_u = as<u16x8>(i16x8_extend_high_i8x16_u(a));
    u16x8 mul_hi_u = as<u16x8>(i16x8_extmul_high_i8x16_u(a, b));
    i16x8 mul_lo_s = as<i16x8>(i16x8_extmul_low_i8x16_s(a, b));
    for (unsigned i = 0; i < 8; ++i) {
      EXPECT_EQ(lo_s[i], x8[i]);
      EXPECT_EQ(hi_u[i], uint8_t(x8[8 + i]));
      EXPECT_EQ(mul_hi_u[i], uint16_t(uint8_t(x8[8 + i]) * uint8_t(y8[8 + i])));
      EXPECT_EQ(mul_lo_s[i], int16_t(x8[i] * y8[i]));
    }
    i32x4 x32 = as<i32x4>(a), y32 = as<i32x4>(b);
    u64x2 wide_u = as<u64x2>(i64x2_extmul_high_i32x4_u(a, b));
    i64x2 wide_s = as<i64x2>(i64x2_extmul_low_i32x4_s(a, b));
    i64x2 ext_s = as<i64x2>(i64x2_extend_high_i32x4_s(a));
    for (unsigned i = 0; i < 2; ++i) {
      EXPECT_EQ(wide_u[i], uint64_t(uint32_t(x32[2 + i])) * uint32_t(y32[2 + i]));
      EXPECT_EQ(wide_s[i], int64_t(x32[i]) * y32[i]);
      EXPECT_EQ(ext_s[i], x32[2 + i]);
    }
  }
}

}  // namespace
}  // namespace wasm2cpp::simd
