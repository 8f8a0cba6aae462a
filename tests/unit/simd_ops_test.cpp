// The SIMD helpers whose wasm semantics differ from hardware or from plain
// C++: float min/max/pmin/pmax (NaN, signed zeros), saturation, trunc_sat,
// narrowing, q15mulr, dot products, lane order of shuffles/bitmasks.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "wasm2cpp/simd.hpp"

namespace wasm2cpp::simd {
namespace {

template <typename V>
V lanes(v128 v) { return as<V>(v); }

uint32_t fbits(float x) { return std::bit_cast<uint32_t>(x); }

TEST(SimdFloat, MinMaxPropagateNaNAndOrderZeros) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  v128 a = from(f32x4{-0.0f, 0.0f, nan, 1.0f});
  v128 b = from(f32x4{0.0f, -0.0f, 2.0f, nan});
  f32x4 mn = lanes<f32x4>(f32x4_min(a, b)), mx = lanes<f32x4>(f32x4_max(a, b));
  EXPECT_EQ(fbits(mn[0]), fbits(-0.0f));
  EXPECT_EQ(fbits(mn[1]), fbits(-0.0f));
  EXPECT_EQ(fbits(mx[0]), fbits(0.0f));
  EXPECT_EQ(fbits(mx[1]), fbits(0.0f));
  EXPECT_TRUE(std::isnan(mn[2]) && std::isnan(mn[3]));
  EXPECT_TRUE(std::isnan(mx[2]) && std::isnan(mx[3]));
}

TEST(SimdFloat, MinOfSignallingNaNIsQuiet) {
  const float snan = std::bit_cast<float>(0x7fa00000u);
  f32x4 r = lanes<f32x4>(f32x4_min(f32x4_splat(snan), f32x4_splat(1.0f)));
  for (unsigned i = 0; i < 4; ++i) EXPECT_NE(fbits(r[i]) & 0x00400000u, 0u) << i;
}

TEST(SimdFloat, PseudoMinMaxAreTheirDefiningSelects) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  v128 a = from(f64x2{nan, -0.0});
  v128 b = from(f64x2{1.0, 0.0});
  f64x2 pmin = lanes<f64x2>(f64x2_pmin(a, b)), pmax = lanes<f64x2>(f64x2_pmax(a, b));
  // b < a is false for a NaN a, so pmin returns a; for -0 vs +0 too.
  EXPECT_TRUE(std::isnan(pmin[0]));
  EXPECT_TRUE(std::isnan(pmax[0]));
  EXPECT_TRUE(std::signbit(pmin[1]));
  EXPECT_TRUE(std::signbit(pmax[1]));
}

TEST(SimdConvert, TruncSatClampsAndZeroesNaN) {
  v128 a = from(f32x4{std::numeric_limits<float>::quiet_NaN(), 3e9f, -3e9f, -1.75f});
  i32x4 s = lanes<i32x4>(i32x4_trunc_sat_f32x4_s(a));
  EXPECT_EQ(s[0], 0);
  EXPECT_EQ(s[1], INT32_MAX);
  EXPECT_EQ(s[2], INT32_MIN);
  EXPECT_EQ(s[3], -1);
  u32x4 u = lanes<u32x4>(i32x4_trunc_sat_f32x4_u(a));
  EXPECT_EQ(u[1], 3000000000u);
  EXPECT_EQ(u[2], 0u);
  EXPECT_EQ(u[3], 0u);
  u32x4 z = lanes<u32x4>(i32x4_trunc_sat_f64x2_u_zero(from(f64x2{5e9, 7.9})));
  EXPECT_EQ(z[0], UINT32_MAX);
  EXPECT_EQ(z[1], 7u);
  EXPECT_EQ(z[2], 0u);
  EXPECT_EQ(z[3], 0u);
}

TEST(SimdInt, SaturatingArithmeticAndNarrowing) {
  i8x16 r = lanes<i8x16>(i8x16_add_sat_s(i8x16_splat(100), i8x16_splat(100)));
  EXPECT_EQ(r[0], 127);
  u8x16 u = lanes<u8x16>(i8x16_sub_sat_u(i8x16_splat(5), i8x16_splat(6)));
  EXPECT_EQ(u[15], 0);
  v128 wide = from(i16x8{300, -300, 127, -128, 255, 256, -1, 0});
  i8x16 ns = lanes<i8x16>(i8x16_narrow_i16x8_s(wide, wide));
  u8x16 nu = lanes<u8x16>(i8x16_narrow_i16x8_u(wide, wide));
  const int expect_s[8] = {127, -128, 127, -128, 127, 127, -1, 0};
  const int expect_u[8] = {255, 0, 127, 0, 255, 255, 0, 0};
  for (unsigned i = 0; i < 8; ++i) {
    EXPECT_EQ(ns[i], expect_s[i]) << i;
    EXPECT_EQ(ns[8 + i], expect_s[i]) << i;
    EXPECT_EQ(nu[i], expect_u[i]) << i;
  }
}

TEST(SimdInt, Q15MulrSaturatesOnlyTheMinimumSquared) {
  i16x8 r = lanes<i16x8>(i16x8_q15mulr_sat_s(from(i16x8{-32768, 16384, -32768}),
                                             from(i16x8{-32768, 16384, 32767})));
  EXPECT_EQ(r[0], 32767);
  EXPECT_EQ(r[1], 8192);
  EXPECT_EQ(r[2], -32767);
}

TEST(SimdInt, DotProductWrapsAtTwoToThe31) {
  v128 m = i16x8_splat(0x8000);
  u32x4 r = lanes<u32x4>(i32x4_dot_i16x8_s(m, m));
  EXPECT_EQ(r[0], 0x80000000u);
}

TEST(SimdInt, AbsAndNegWrapTheMinimum) {
  EXPECT_EQ(lanes<i8x16>(i8x16_abs(i8x16_splat(0x80)))[3], -128);
  EXPECT_EQ(lanes<i8x16>(i8x16_abs(i8x16_splat(0xfb)))[3], 5);
  EXPECT_EQ(lanes<i64x2>(i64x2_neg(i64x2_splat(uint64_t{1} << 63)))[1], INT64_MIN);
}

TEST(SimdLanes, ShuffleSwizzleAndBitmaskUseWasmLaneOrder) {
  u8x16 a, b;
  for (unsigned i = 0; i < 16; ++i) a[i] = uint8_t(i), b[i] = uint8_t(16 + i);
  u8x16 s = lanes<u8x16>(
      i8x16_shuffle<31, 0, 16, 15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 30>(from(a), from(b)));
  EXPECT_EQ(s[0], 31);
  EXPECT_EQ(s[1], 0);
  EXPECT_EQ(s[2], 16);
  EXPECT_EQ(s[3], 15);
  EXPECT_EQ(s[15], 30);
  u8x16 idx = a;
  idx[0] = 16;
  idx[1] = 255;
  idx[2] = 15;
  u8x16 w = lanes<u8x16>(i8x16_swizzle(from(b), from(idx)));
  EXPECT_EQ(w[0], 0);
  EXPECT_EQ(w[1], 0);
  EXPECT_EQ(w[2], 31);
  EXPECT_EQ(i16x8_bitmask(from(i16x8{-1, 0, -32768, 1, 0, 0, 0, -5})), 0b10000101u);
  EXPECT_EQ(i8x16_all_true(i8x16_splat(1)), 1u);
  EXPECT_EQ(i8x16_all_true(i8x16_replace_lane<9>(i8x16_splat(1), 0)), 0u);
}

TEST(SimdInt, ShiftCountIsTakenModuloLaneWidth) {
  EXPECT_EQ(lanes<u8x16>(i8x16_shl(i8x16_splat(1), 9))[0], 2);
  EXPECT_EQ(lanes<i32x4>(i32x4_shr_s(i32x4_splat(0x80000000u), 33))[0], int32_t(0xc0000000u));
  EXPECT_EQ(lanes<u64x2>(i64x2_shr_u(i64x2_splat(~uint64_t{0}), 64))[1], ~uint64_t{0});
}

TEST(SimdWiden, ExtmulAndPairwiseAddUseTheRightHalf) {
  v128 a = from(i32x4{-1, 2, -3, 4});
  v128 b = from(i32x4{5, 6, 7, -8});
  i64x2 hi = lanes<i64x2>(i64x2_extmul_high_i32x4_s(a, b));
  EXPECT_EQ(hi[0], -21);
  EXPECT_EQ(hi[1], -32);
  u64x2 lo_u = lanes<u64x2>(i64x2_extmul_low_i32x4_u(a, b));
  EXPECT_EQ(lo_u[0], uint64_t{0xffffffffu} * 5);
  i16x8 p = lanes<i16x8>(i16x8_extadd_pairwise_i8x16_u(i8x16_splat(0xff)));
  EXPECT_EQ(p[0], 510);
}

TEST(SimdMemory, LaneLoadsAndStoresTouchOnlyTheirBytes) {
  uint8_t mem[16] = {};
  for (unsigned i = 0; i < 16; ++i) mem[i] = uint8_t(0xa0 + i);
  v128 v = v128_load16_lane<3>(mem + 2, i16x8_splat(0));
  EXPECT_EQ(lanes<u16x8>(v)[3], 0xa3a2);
  EXPECT_EQ(lanes<u16x8>(v)[2], 0);
  uint8_t out[4] = {1, 2, 3, 4};
  v128_store8_lane<3>(out + 1, from(u8x16{0, 0, 0, 0x77}));
  EXPECT_EQ(out[0], 1);
  EXPECT_EQ(out[1], 0x77);
  EXPECT_EQ(out[2], 3);
  i64x2 e = lanes<i64x2>(v128_load32x2_s(mem));
  EXPECT_EQ(e[0], int64_t(int32_t(0xa3a2a1a0u)));
  u64x2 z = lanes<u64x2>(v128_load32_zero(mem + 4));
  EXPECT_EQ(z[0], 0xa7a6a5a4u);
  EXPECT_EQ(z[1], 0u);
}

TEST(SimdMemory, ExtendingLoadsConvertEachLaneInOrder) {
  // Bytes with the top bit set and clear, read at an odd address.
  uint8_t mem[9];
  for (unsigned i = 0; i < 9; ++i) mem[i] = uint8_t(i % 2 ? 0x80 + 17 * i : 3 * i);
  const uint8_t* p = mem + 1;
  i16x8 s8 = lanes<i16x8>(v128_load8x8_s(p));
  u16x8 u8 = lanes<u16x8>(v128_load8x8_u(p));
  i32x4 s16 = lanes<i32x4>(v128_load16x4_s(p));
  u32x4 u16 = lanes<u32x4>(v128_load16x4_u(p));
  i64x2 s32 = lanes<i64x2>(v128_load32x2_s(p));
  u64x2 u32 = lanes<u64x2>(v128_load32x2_u(p));
  for (unsigned i = 0; i < 8; ++i) {
    EXPECT_EQ(s8[i], int8_t(p[i]));
    EXPECT_EQ(u8[i], p[i]);
  }
  for (unsigned i = 0; i < 4; ++i) {
    EXPECT_EQ(s16[i], int16_t(p[2 * i] | p[2 * i + 1] << 8));
    EXPECT_EQ(u16[i], uint32_t(p[2 * i] | p[2 * i + 1] << 8));
  }
  for (unsigned i = 0; i < 2; ++i) {
    uint32_t word;
    std::memcpy(&word, p + 4 * i, 4);
    EXPECT_EQ(s32[i], int64_t(int32_t(word)));
    EXPECT_EQ(u32[i], uint64_t(word));
  }
}

}  // namespace
}  // namespace wasm2cpp::simd
