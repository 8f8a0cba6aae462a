// Loop versioning: which loops the analysis accepts (on modules validated
// from raw code bytes), and the run-time helpers the versioned loops rely on
// (trip counts for every exit compare, range tests), checked against a
// direct simulation of the wasm loop.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "emit/loop_versioning.hpp"
#include "function_validator_test_util.hpp"
#include "wasm2cpp/access.hpp"

namespace wasm2cpp {
namespace {

using emit::find_versionable_loops;
using emit::LoopVersion;
namespace op = test::op;

using emit::MemoryAccessMode;

constexpr uint8_t kI32Shl = 0x74, kI32Ne = 0x47, kI32LtU = 0x49, kI32GeS = 0x4e, kI32Mul = 0x6c,
                  kI32Xor = 0x73, kI32Sub = 0x6b, kI32Store8 = 0x3a, kF64Load = 0x2b,
                  kF64Store = 0x39, kF64Add = 0xa0, kF64Gt = 0x64, kF64Sqrt = 0x9f, kV128 = 0x7b,
                  kSimd = 0xfd;
// 0xfd sub-opcodes (one LEB byte each, 0x01 continuing where > 127).
constexpr uint8_t kV128Load = 0x00, kV128Store = 0x0b;

// Validates `code` as the body of a (param i32 i32) function with four more
// i32 locals (indices 2-5), two f64 locals (6, 7), a v128 local (8) and one
// memory accessed as `mode`.
std::vector<LoopVersion> plans_for(const test::Bytes& code, MemoryAccessMode mode = MemoryAccessMode::Explicit) {
  test::ModuleBuilder b;
  b.memory(1);
  uint32_t t = b.type({ValType::I32, ValType::I32}, {});
  test::Bytes body{0x03, 0x04, test::kI32, 0x02, test::kF64, 0x01, kV128};
  body.insert(body.end(), code.begin(), code.end());
  uint32_t f = b.func(t, body);
  const Module& m = b.finish();
  auto ir = validate_function(m, f, Features());
  EXPECT_TRUE(ir.ok()) << test::error_of(ir);
  if (!ir.ok()) return {};
  const MemoryAccessMode modes[] = {mode};
  emit::LoopVersions found = find_versionable_loops(*ir, modes);
  // The index by block agrees with the list.
  for (const LoopVersion& plan : found.loops) EXPECT_EQ(found.of_block(plan.block), &plan);
  return found.loops;
}

// loop: store i32 at (l1 + l0*4) offset=8, l0 += 1, br_if (l0 <cmp> l1)
TEST(LoopVersioning, AcceptsAStraightLineAffineLoop) {
  auto plans = plans_for({op::Loop, 0x40,
                          op::LocalGet, 1, op::LocalGet, 0, op::I32Const, 2, kI32Shl, op::I32Add,  // l1 + 4*l0
                          op::LocalGet, 0, op::I32Store, 2, 8,                                  // offset 8
                          op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                          op::LocalGet, 1, kI32LtU, op::BrIf, 0, op::End, op::End});
  ASSERT_EQ(plans.size(), 1u);
  const LoopVersion& p = plans[0];
  EXPECT_EQ(p.compare, emit::LoopCompare::LtU);
  EXPECT_EQ(p.counter_stride, 1u);
  EXPECT_EQ(p.counter, (emit::AffineForm{1, {{0, 1}}}));  // l0 + 1 at the back edge
  EXPECT_EQ(p.bound, (emit::AffineForm{0, {{1, 1}}}));
  ASSERT_EQ(p.groups.size(), 1u);
  EXPECT_EQ(p.groups[0].stride, 4u);
  EXPECT_EQ(p.groups[0].base, (emit::AffineForm{0, {{0, 4}, {1, 1}}}));
  ASSERT_EQ(p.accesses.size(), 1u);
  EXPECT_EQ(p.accesses[0].offset, 8u);
  EXPECT_EQ(p.accesses[0].bytes, 4u);
  EXPECT_NE(p.access_at(p.accesses[0].instr), nullptr);
}

TEST(LoopVersioning, BoundOnTheLeftIsMirrored) {
  // br_if (l1 >=s l0 - 3) with l0 decreasing by 2 (l0 - 3 <=s l1).
  auto plans = plans_for({op::Loop, 0x40,
                          op::LocalGet, 0, op::I32Load8U, 0, 0, op::Drop,
                          op::LocalGet, 0, op::I32Const, 2, kI32Sub, op::LocalSet, 0,
                          op::LocalGet, 1, op::LocalGet, 0, op::I32Const, 3, kI32Sub, kI32GeS,
                          op::BrIf, 0, op::End, op::End});
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].compare, emit::LoopCompare::LeS);
  EXPECT_EQ(plans[0].counter_stride, uint32_t(-2));
  // In terms of l0 at the start of the iteration: (l0 - 2) - 3.
  EXPECT_EQ(plans[0].counter, (emit::AffineForm{uint32_t(-5), {{0, 1}}}));
}

TEST(LoopVersioning, AccessesDifferingByAConstantShareABase) {
  // Two loads at l0 + l1*8 and l0 + l1*8 + 8 (matmul's unrolled pair), and
  // the counter is the loop condition itself (ne 0, counting down).
  auto plans = plans_for({op::Loop, 0x40,
                          op::LocalGet, 0, op::LocalGet, 1, op::I32Const, 8, kI32Mul, op::I32Add,
                          op::LocalTee, 2, op::I64Load, 3, 0, op::Drop,
                          op::LocalGet, 2, op::I32Const, 8, op::I32Add, op::I64Load, 3, 0, op::Drop,
                          op::LocalGet, 1, op::I32Const, 0x7f, op::I32Add, op::LocalTee, 1,
                          op::BrIf, 0, op::End, op::End});
  ASSERT_EQ(plans.size(), 1u);
  const LoopVersion& p = plans[0];
  EXPECT_EQ(p.compare, emit::LoopCompare::Ne);
  EXPECT_EQ(p.counter_stride, uint32_t(-1));
  ASSERT_EQ(p.groups.size(), 1u);
  EXPECT_EQ(p.groups[0].stride, uint32_t(-8));
  ASSERT_EQ(p.accesses.size(), 2u);
  EXPECT_EQ(p.accesses[0].delta, 0);
  EXPECT_EQ(p.accesses[1].delta, 8);
}

TEST(LoopVersioning, RejectsWhatItCannotProve) {
  // An address through a local the body changes non-affinely (l0 ^= 1).
  EXPECT_TRUE(plans_for({op::Loop, 0x40, op::LocalGet, 0, op::I32Load, 2, 0, op::Drop,
                         op::LocalGet, 0, op::I32Const, 1, kI32Xor, op::LocalTee, 0,
                         op::LocalGet, 1, kI32Ne, op::BrIf, 0, op::End, op::End})
                  .empty());
  // A non-affine address (l0 * l1).
  EXPECT_TRUE(plans_for({op::Loop, 0x40, op::LocalGet, 0, op::LocalGet, 1, kI32Mul, op::I32Load, 2, 0,
                         op::Drop, op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                         op::LocalGet, 1, kI32Ne, op::BrIf, 0, op::End, op::End})
                  .empty());
  // memory.grow in the body.
  EXPECT_TRUE(plans_for({op::Loop, 0x40, op::LocalGet, 0, op::I32Load, 2, 0, op::MemoryGrow, 0, op::Drop,
                         op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                         op::LocalGet, 1, kI32Ne, op::BrIf, 0, op::End, op::End})
                  .empty());
  // A nested block, and a branch out of the loop.
  EXPECT_TRUE(plans_for({op::Loop, 0x40, op::Block, 0x40, op::End, op::LocalGet, 0, op::I32Load, 2, 0,
                         op::Drop, op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                         op::LocalGet, 1, kI32Ne, op::BrIf, 0, op::End, op::End})
                  .empty());
  // The exit test does not change (l1 != 0): no trip count.
  EXPECT_TRUE(plans_for({op::Loop, 0x40, op::LocalGet, 0, op::I32Load, 2, 0, op::Drop,
                         op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalSet, 0,
                         op::LocalGet, 1, op::BrIf, 0, op::End, op::End})
                  .empty());
  // No memory access, or the loop does not end in its back edge.
  EXPECT_TRUE(plans_for({op::Loop, 0x40, op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                         op::LocalGet, 1, kI32Ne, op::BrIf, 0, op::End, op::End})
                  .empty());
  EXPECT_TRUE(plans_for({op::Loop, 0x40, op::LocalGet, 0, op::I32Load, 2, 0, op::Drop,
                         op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                         op::LocalGet, 1, kI32Ne, op::BrIf, 0, op::I32Const, 0, op::Drop, op::End, op::End})
                  .empty());
}

TEST(LoopVersioning, OnlyOnMemoriesTheEmitterAllows) {
  // The emitter marks memory64 and shared memories unversionable.
  std::initializer_list<uint8_t> code = {op::Loop, 0x40, op::LocalGet, 0, op::I32Load, 2, 0, op::Drop,
                                         op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                                         op::LocalGet, 1, kI32Ne, op::BrIf, 0, op::End, op::End};
  EXPECT_EQ(plans_for(code, MemoryAccessMode::Explicit).size(), 1u);
  EXPECT_EQ(plans_for(code, MemoryAccessMode::GuardPages).size(), 1u);
  EXPECT_TRUE(plans_for(code, MemoryAccessMode::Unversionable).empty());
}

TEST(LoopVersioning, GuardModeLeavesByteLoopsAlone) {
  // A byte copy loop: versioned where it removes checks, not with guard pages.
  std::initializer_list<uint8_t> code = {op::Loop, 0x40, op::LocalGet, 0, op::LocalGet, 0, op::I32Load8U, 0, 0,
                                         kI32Store8, 0, 1,
                                         op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                                         op::LocalGet, 1, kI32Ne, op::BrIf, 0, op::End, op::End};
  EXPECT_EQ(plans_for(code, MemoryAccessMode::Explicit).size(), 1u);
  EXPECT_TRUE(plans_for(code, MemoryAccessMode::GuardPages).empty());
}

TEST(LoopVersioning, GuardModeVersionsOnlyLoopsThatLoad) {
  // An initialisation loop (store i32 l0 at l1 + 4*l0): no value barrier to
  // lose with guard pages, so only explicit checks make it worth a copy.
  std::initializer_list<uint8_t> stores = {op::Loop, 0x40,
                                           op::LocalGet, 1, op::LocalGet, 0, op::I32Const, 2, kI32Shl,
                                           op::I32Add, op::LocalGet, 0, op::I32Store, 2, 0,
                                           op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                                           op::LocalGet, 1, kI32LtU, op::BrIf, 0, op::End, op::End};
  EXPECT_EQ(plans_for(stores, MemoryAccessMode::Explicit).size(), 1u);
  EXPECT_TRUE(plans_for(stores, MemoryAccessMode::GuardPages).empty());
  // The same loop reading its value from memory (a copy, i32 at a time) is
  // versioned in both modes; with a byte load (a widening copy) only with
  // explicit checks.
  for (const uint8_t load : {op::I32Load, op::I32Load8U}) {
    const uint8_t align = load == op::I32Load ? 2 : 0;
    const test::Bytes copy = {op::Loop, 0x40,
                              op::LocalGet, 1, op::LocalGet, 0, op::I32Const, 2, kI32Shl, op::I32Add,
                              op::LocalGet, 0, load, align, 64, op::I32Store, 2, 0,
                              op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                              op::LocalGet, 1, kI32LtU, op::BrIf, 0, op::End, op::End};
    EXPECT_EQ(plans_for(copy, MemoryAccessMode::Explicit).size(), 1u);
    EXPECT_EQ(plans_for(copy, MemoryAccessMode::GuardPages).size(), load == op::I32Load ? 1u : 0u);
  }
}

// for (l0 = 0; l0 != l1; ++l0) { head; load at l2 + (l0 << shift); use }:
// `head` pushes what `use` needs below the loaded value, `use` consumes it.
test::Bytes read_only_loop(uint8_t load, uint8_t shift, const test::Bytes& head,
                           const test::Bytes& use) {
  test::Bytes code = {op::Loop, 0x40};
  code.insert(code.end(), head.begin(), head.end());
  code.insert(code.end(),
              {op::LocalGet, 2, op::LocalGet, 0, op::I32Const, shift, kI32Shl, op::I32Add});
  if (load == kV128Load)
    code.insert(code.end(), {kSimd, kV128Load, 4, 0});
  else
    code.insert(code.end(), {load, shift, 0});
  code.insert(code.end(), use.begin(), use.end());
  code.insert(code.end(), {op::LocalGet, 0, op::I32Const, 1, op::I32Add, op::LocalTee, 0,
                           op::LocalGet, 1, kI32Ne, op::BrIf, 0, op::End, op::End});
  return code;
}

TEST(LoopVersioning, GuardModeVersionsReadOnlyLoopsOnlyWhereTheyCanVectorise) {
  auto versioned = [](const test::Bytes& code, size_t guard) {
    EXPECT_EQ(plans_for(code, MemoryAccessMode::Explicit).size(), 1u);  // checks to drop: always
    EXPECT_EQ(plans_for(code, MemoryAccessMode::GuardPages).size(), guard);
  };
  // l3 += i32 a[l0]: an integer reduction, which the copy can vectorise.
  versioned(read_only_loop(op::I32Load, 2, {op::LocalGet, 3}, {op::I32Add, op::LocalSet, 3}), 1);
  // l6 += f64 a[l0]: a floating-point reduction (never reassociated): the
  // copy would only drop barriers, which cost a read-only loop nothing.
  const test::Bytes float_sum =
      read_only_loop(kF64Load, 3, {op::LocalGet, 6}, {kF64Add, op::LocalSet, 6});
  versioned(float_sum, 0);
  // The same through local.tee, and with the accumulator read late in the
  // body (still read before it is written): carried.
  versioned(read_only_loop(kF64Load, 3, {}, {op::LocalGet, 6, kF64Add, op::LocalTee, 6, op::Drop}),
            0);
  // f64 loads feeding an integer count (l3 += a[l0] > 0): nothing float
  // crosses iterations.
  versioned(
      read_only_loop(kF64Load, 3, {op::LocalGet, 3},
                     {op::F64Const, 0, 0, 0, 0, 0, 0, 0, 0, kF64Gt, op::I32Add, op::LocalSet, 3}),
      1);
  // A float local written before it is read is a temporary, not carried.
  versioned(read_only_loop(kF64Load, 3, {op::LocalGet, 3},
                           {op::LocalSet,
                            7,
                            op::LocalGet,
                            7,
                            op::LocalGet,
                            7,
                            kF64Add,
                            kF64Sqrt,
                            op::F64Const,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            kF64Gt,
                            op::I32Add,
                            op::LocalSet,
                            3}),
            1);
  // v128 loads are vectors already: a read-only SIMD loop is not versioned,
  // whatever it accumulates in (a v128 local, or an i32 via a lane).
  versioned(read_only_loop(kV128Load, 4, {op::LocalGet, 8},
                           {kSimd, 0xae, 0x01 /* i32x4.add */, op::LocalSet, 8}),
            0);
  versioned(
      read_only_loop(kV128Load, 4, {op::LocalGet, 3},
                     {kSimd, 0x1b, 0 /* i32x4.extract_lane 0 */, op::I32Add, op::LocalSet, 3}),
      0);
  // A float reduction that also stores is versioned: with a store in the
  // body the barriers keep the checked loop's loads and stores in order.
  versioned(read_only_loop(kF64Load, 3, {op::LocalGet, 6},
                           {kF64Add, op::LocalTee, 6, op::LocalSet, 7, op::LocalGet, 2,
                            op::LocalGet, 7, kF64Store, 3, 0}),
            1);
  // So is a SIMD loop that stores (b[l0] = a[l0] as vectors).
  versioned(read_only_loop(kV128Load, 4,
                           {op::LocalGet, 3, op::LocalGet, 0, op::I32Const, 4, kI32Shl, op::I32Add},
                           {kSimd, kV128Store, 4, 0}),
            1);
}

// y[i] += x[i] for two i32 lanes per iteration (l1 = y, l0 = x, l2 = i,
// l3 = n), the shape of clang's unrolled loops; the first lane stores at
// y + `first_store` (4: where the second lane then reads).
test::Bytes unrolled_pair(uint8_t first_store) {
  test::Bytes code = {op::Loop, 0x40};
  for (uint8_t lane = 0; lane < 2; ++lane) {
    const uint8_t offset = lane == 0 ? 0 : 4, store = lane == 0 ? first_store : 4;
    code.insert(code.end(), {op::LocalGet, 1, op::LocalGet, 2, op::I32Add,
                             op::LocalGet, 1, op::LocalGet, 2, op::I32Add, op::I32Load, 2, offset,
                             op::LocalGet, 0, op::LocalGet, 2, op::I32Add, op::I32Load, 2, offset,
                             op::I32Add, op::I32Store, 2, store});
  }
  code.insert(code.end(), {op::LocalGet, 2, op::I32Const, 8, op::I32Add, op::LocalTee, 2,
                           op::LocalGet, 3, kI32LtU, op::BrIf, 0, op::End, op::End});
  return code;
}

TEST(LoopVersioning, UnrolledLanesHoistTheirLoads) {
  auto plans = plans_for(unrolled_pair(0));
  ASSERT_EQ(plans.size(), 1u);
  const LoopVersion& p = plans[0];
  EXPECT_TRUE(p.hoist_loads);
  // Accesses in order: load y, load x, store y, load y+4, load x+4, store y+4;
  // the second lane's loads move above the first lane's store.
  ASSERT_EQ(p.accesses.size(), 6u);
  const bool hoisted[] = {false, false, false, true, true, false};
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(p.accesses[i].hoisted, hoisted[i]) << i;
  // x and y are different groups: the range test proves them disjoint.
  ASSERT_EQ(p.disjoint.size(), 1u);
  EXPECT_NE(p.disjoint[0].first, p.disjoint[0].second);
  // The second lane reading what the first lane stored (y + 4): no.
  auto same = plans_for(unrolled_pair(4));
  ASSERT_EQ(same.size(), 1u);
  EXPECT_FALSE(same[0].hoist_loads);
  for (const auto& a : same[0].accesses) EXPECT_FALSE(a.hoisted);
}

TEST(LoopVersioning, AFunctionVersionsAtMostItsBudget) {
  // 20 loops with 13-instruction bodies (301 instructions in all): the
  // budget is max(400, 301), enough for all of them.
  const std::initializer_list<uint8_t> loop = {
      op::Loop, 0x40, op::LocalGet, 0, op::I32Load, 2, 0, op::Drop, op::LocalGet, 0, op::I32Load, 2, 4,
      op::Drop, op::LocalGet, 0, op::I32Const, 8, op::I32Add, op::LocalTee, 0, op::LocalGet, 1, kI32Ne,
      op::BrIf, 0, op::End};
  test::Bytes code;
  for (int copy = 0; copy < 20; ++copy) code.insert(code.end(), loop);
  code.push_back(op::End);
  auto plans = plans_for(code);
  ASSERT_EQ(plans.size(), 20u);
  EXPECT_EQ(plans.back().back_edge - plans.back().begin, 13u);
  // 40 loops (541 instructions) and a straight-line tail of 260 more: the
  // budget is the function's size, 801, so every loop's copy fits (520).
  code.pop_back();
  for (int copy = 0; copy < 20; ++copy) code.insert(code.end(), loop);
  for (int filler = 0; filler < 130; ++filler) code.insert(code.end(), {op::I32Const, 1, op::Drop});
  code.push_back(op::End);
  EXPECT_EQ(plans_for(code).size(), 40u);
  // Flat loops' bodies never add up to more than the function, so the
  // budget only binds where nested loops count once per level; the minimum
  // of 400 applies to small functions.
  static_assert(emit::versioning_budget(801) == 801 && emit::versioning_budget(301) == 400);
}

// ---- run-time helpers against a simulation ----

// The compare's own definition (its operator in loop_compare.def); the trip
// count is derived independently of it.
bool holds(LoopCompare c, uint32_t x, uint32_t y) {
  switch (c) {
#define WASM2CPP_LOOP_COMPARE(name, mirrored, operand, op) \
  case LoopCompare::name: return loop_compare_holds<LoopCompare::name>(x, y);
#include "wasm2cpp/loop_compare.def"
  }
  return false;
}

uint64_t trip_count(LoopCompare c, uint32_t x0, int32_t step, uint32_t bound) {
  switch (c) {
#define WASM2CPP_LOOP_COMPARE(name, mirrored, operand, op) \
  case LoopCompare::name: return loop_trip_count<LoopCompare::name>(x0, step, bound);
#include "wasm2cpp/loop_compare.def"
  }
  return 0;
}

// Iterations the wasm loop runs (the back edge taken while the test holds),
// or nullopt beyond `limit`.
std::optional<uint64_t> simulate(LoopCompare c, uint32_t x0, int32_t step, uint32_t bound, uint64_t limit) {
  uint32_t x = x0;
  for (uint64_t k = 0; k < limit; ++k) {
    if (!holds(c, x, bound)) return k + 1;
    x += uint32_t(step);
  }
  return std::nullopt;
}

constexpr LoopCompare kCompares[] = {
#define WASM2CPP_LOOP_COMPARE(name, mirrored, operand, op) LoopCompare::name,
#include "wasm2cpp/loop_compare.def"
};

TEST(LoopVersioningRuntime, ComparesFollowWasmSemantics) {
  // Spot checks of the list itself: signedness and operator per compare.
  static_assert(loop_compare_holds<LoopCompare::LtS>(0xffffffffu, 0));  // -1 < 0
  static_assert(!loop_compare_holds<LoopCompare::LtU>(0xffffffffu, 0));
  static_assert(loop_compare_holds<LoopCompare::GeU>(0x80000000u, 1));
  static_assert(!loop_compare_holds<LoopCompare::GeS>(0x80000000u, 1));
  static_assert(loop_compare_holds<LoopCompare::LeS>(5, 5) && !loop_compare_holds<LoopCompare::LtS>(5, 5));
  static_assert(loop_compare_holds<LoopCompare::Eq>(7, 7) && !loop_compare_holds<LoopCompare::Ne>(7, 7));
  static_assert(loop_compare_signed<LoopCompare::GtS> && !loop_compare_signed<LoopCompare::GtU>);
  EXPECT_EQ(std::size(kCompares), 10u);
}

TEST(LoopVersioning, CompareNamesAndMirrorsMatchTheRuntime) {
  // The translator's enum and names spell the runtime's enumerators, and
  // a mirrored compare swaps its operands.
  EXPECT_STREQ(emit::loop_compare_name(emit::LoopCompare::LtS), "LtS");
  EXPECT_STREQ(emit::loop_compare_name(emit::LoopCompare::GeU), "GeU");
  for (LoopCompare c : kCompares) {
    const auto translator_c = static_cast<emit::LoopCompare>(static_cast<int>(c));
    const LoopCompare mirror = static_cast<LoopCompare>(static_cast<int>(emit::mirrored(translator_c)));
    for (uint32_t x : {0u, 1u, 5u, 0x80000000u, 0xffffffffu})
      for (uint32_t y : {0u, 1u, 5u, 0x80000000u, 0xffffffffu})
        EXPECT_EQ(holds(c, x, y), holds(mirror, y, x)) << emit::loop_compare_name(translator_c) << " " << x << " " << y;
  }
}

TEST(LoopVersioningRuntime, TripCountMatchesTheLoopWheneverItIsGiven) {
  const uint32_t points[] = {0u, 1u, 2u, 7u, 100u, 0x7ffffff0u, 0x7fffffffu, 0x80000000u, 0x80000005u,
                             0xfffffff0u, 0xfffffffcu, 0xffffffffu};
  const int32_t steps[] = {1, 2, 3, 4, 8, -1, -2, -4, -3, 16, 0};
  uint64_t proven = 0, total = 0;
  for (LoopCompare c : kCompares)
    for (uint32_t x0 : points)
      for (uint32_t bound : points)
        for (int32_t step : steps) {
          ++total;
          const uint64_t n = trip_count(c, x0, step, bound);
          auto sim = simulate(c, x0, step, bound, 1u << 10);
          SCOPED_TRACE(testing::Message() << "compare " << int(c) << " x0 " << x0 << " step " << step
                                          << " bound " << bound);
          if (n == 0) continue;  // not proven: the checked loop runs
          ++proven;
          if (sim) {
            EXPECT_EQ(n, *sim);
          } else {
            EXPECT_GT(n, uint64_t{1} << 10);
          }
        }
  // Most of these loops are ordinary counting loops: the helper must prove
  // a good share of them (not just return 0).
  EXPECT_GT(proven, total / 3);
}

TEST(LoopVersioningRuntime, TripCountEdgeCases) {
  // Zero distance with ne: one iteration; an exit already failing: one.
  EXPECT_EQ((loop_trip_count<LoopCompare::Ne>(5, 1, 5)), 1u);
  EXPECT_EQ((loop_trip_count<LoopCompare::LtU>(9, 1, 5)), 1u);
  EXPECT_EQ((loop_trip_count<LoopCompare::LtU>(4, 1, 5)), 2u);
  // ne across 2^32 (the counter wraps, exactly like wasm).
  EXPECT_EQ((loop_trip_count<LoopCompare::Ne>(0xffffffffu, 1, 2)), 4u);
  // ne that would only stop after wrapping (odd distance, even step): no.
  EXPECT_EQ((loop_trip_count<LoopCompare::Ne>(0, 2, 7)), 0u);
  // lt_u whose counter would wrap before reaching the bound: no.
  EXPECT_EQ((loop_trip_count<LoopCompare::LtU>(0xfffffff0u, 8, 0xfffffffcu)), 0u);
  EXPECT_EQ((loop_trip_count<LoopCompare::LtU>(0xfffffff0u, 4, 0xfffffffcu)), 4u);
  // le_u with the largest bound never fails before wrapping: no.
  EXPECT_EQ((loop_trip_count<LoopCompare::LeU>(0, 1, 0xffffffffu)), 0u);
  // Moving away from the bound: no.
  EXPECT_EQ((loop_trip_count<LoopCompare::GtS>(10, 1, 0)), 0u);
  // Step 0: no.
  EXPECT_EQ((loop_trip_count<LoopCompare::Ne>(0, 0, 7)), 0u);
  // The full 2^32 range with ne: 2^32 iterations.
  EXPECT_EQ((loop_trip_count<LoopCompare::Ne>(1, 1, 0)), uint64_t{1} << 32);
}

TEST(LoopVersioningRuntime, RangeTestMatchesEveryIteration) {
  const uint64_t length = 65536;
  struct Case {
    uint32_t base;
    int64_t delta, stride;
    uint64_t last, end;
  };
  const Case cases[] = {{0, 0, 4, 100, 4}, {65532, 0, 4, 0, 4}, {65532, 0, 4, 1, 4}, {65533, 0, 4, 0, 4},
                        {400, 0, -8, 50, 16}, {400, 0, -8, 51, 16}, {8, -8, 4, 3, 4}, {8, -12, 4, 3, 4},
                        {0xfffffff8u, 8, 4, 2, 4}, {0xfffffff8u, 0, 4, 2, 4}, {100, 4, 0, 1000, 65432},
                        {100, 4, 0, 1000, 65433}, {0, 0, 0x7fffffff, 1, 1}, {0, 0, 6440, 10, 5160}};
  for (const Case& c : cases) {
    bool every = true;
    for (uint64_t k = 0; k <= c.last; ++k) {
      int64_t a = int64_t(c.base) + c.delta + int64_t(k) * c.stride;
      if (a < 0 || a > int64_t{UINT32_MAX} || uint64_t(a) + c.end > length) every = false;
    }
    EXPECT_EQ(loop_access_in_bounds(c.base, c.delta, c.stride, c.last, c.end, length), every)
        << c.base << " " << c.delta << " " << c.stride << " " << c.last << " " << c.end;
  }
  // A huge iteration count overflows the 64-bit product: rejected.
  EXPECT_FALSE(loop_access_in_bounds(0, 0, 0x7fffffff, uint64_t{1} << 40, 1, uint64_t{1} << 32));
}

TEST(LoopVersioningRuntime, RangesDisjointMatchesEveryIterationPair) {
  struct Group {
    uint32_t base;
    int64_t delta, stride;
    uint64_t end;
  };
  const Group groups[] = {{1000, 0, 16, 16}, {1256, 0, 16, 16}, {1240, 0, 16, 16}, {1004, 0, 16, 8},
                          {2000, -8, -16, 8}, {1500, 0, 0, 4}, {900, 0, 8, 100}};
  const uint64_t last = 15;
  for (const Group& a : groups)
    for (const Group& b : groups) {
      bool apart = true;
      for (uint64_t i = 0; i <= last; ++i)
        for (uint64_t j = 0; j <= last; ++j) {
          const int64_t x = int64_t(a.base) + a.delta + int64_t(i) * a.stride;
          const int64_t y = int64_t(b.base) + b.delta + int64_t(j) * b.stride;
          if (x < y + int64_t(b.end) && y < x + int64_t(a.end)) apart = false;
        }
      EXPECT_EQ(loop_ranges_disjoint(a.base, a.delta, a.stride, a.end, b.base, b.delta, b.stride, b.end, last),
                apart)
          << a.base << " " << b.base;
    }
}

}  // namespace
}  // namespace wasm2cpp
