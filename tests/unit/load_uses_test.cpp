// Guard-mode load classification (translator/emit/load_uses.hpp): which
// loads get a value barrier, on functions validated from raw code bytes.
// The behaviour itself (traps kept at -O2) is tested end to end by
// tests/escape/lost_trap_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "emit/load_uses.hpp"
#include "function_validator_test_util.hpp"

namespace wasm2cpp {
namespace {

namespace op = test::op;

constexpr uint8_t kI32WrapI64 = 0xa7, kI32DivU = 0x6e, kI32TruncF32S = 0xa8, kF32Load = 0x2a;

// Validates `code` as the body of a (param i32 i32) function with two more
// i32 locals (2, 3), one memory, an imported function (index 0) and a
// defined one (index 1) both of type (i32) -> (), and calls
// `inspect(function_ir, module)` if it is valid.
template <typename Inspect>
void inspect_function(std::initializer_list<uint8_t> code, Inspect inspect) {
  test::ModuleBuilder b;
  b.memory(1);
  uint32_t sink = b.type({ValType::I32}, {});
  uint32_t t = b.type({ValType::I32, ValType::I32}, {});
  b.import_func(sink);
  b.func(sink, {0x00, op::End});
  test::Bytes body{0x01, 0x02, test::kI32};
  body.insert(body.end(), code);
  uint32_t f = b.func(t, body);
  const Module& m = b.finish();
  auto ir = validate_function(m, f, Features());
  EXPECT_TRUE(ir.ok()) << test::error_of(ir);
  if (ir.ok()) inspect(*ir, m);
}

// Per load in code order, whether it needs a barrier.
std::vector<bool> barriers_for(std::initializer_list<uint8_t> code) {
  std::vector<bool> out;
  inspect_function(code, [&](const FunctionIR& ir, const Module& m) {
    emit::LoadUses uses(ir, m);
    for (size_t i = 0; i < ir.code.size(); ++i)
      if (emit::is_classified_load(ir.code[i].op)) out.push_back(uses.needs_barrier(i));
    EXPECT_EQ(uses.barrier_count() + uses.consumed_count(), out.size());
  });
  return out;
}

using Flags = std::vector<bool>;

TEST(LoadUses, ValueOverwrittenInALocalNeedsABarrier) {
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::LocalSet, 2,
                          op::I32Const, 0, op::LocalSet, 2, op::End}),
            Flags{true});
}

TEST(LoadUses, PartlyUsedValueNeedsABarrier) {
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I64Load, 3, 0, kI32WrapI64, op::Drop, op::End}), Flags{true});
}

TEST(LoadUses, AddressOfALaterLoadIsConsumed) {
  // The outer load is dropped (the emitter touches it): classified as
  // needing a barrier, which the emitter replaces by the touch.
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::I32Load, 2, 4, op::Drop, op::End}),
            (Flags{false, true}));
}

TEST(LoadUses, AddressThroughALocalCopyIsConsumed) {
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::LocalSet, 2,
                          op::LocalGet, 1, op::LocalSet, 3,  // unrelated work in between
                          op::LocalGet, 2, op::I32Load8U, 0, 0, op::Drop, op::End}),
            (Flags{false, true}));
}

TEST(LoadUses, LocalOverwrittenBeforeTheAddressUseNeedsABarrier) {
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::LocalSet, 2,
                          op::LocalGet, 1, op::LocalSet, 2,
                          op::LocalGet, 2, op::I32Load8U, 0, 0, op::Drop, op::End}),
            (Flags{true, true}));
}

TEST(LoadUses, LocalTeeKeepsTheValueOnTheStack) {
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::LocalTee, 2,
                          op::I32Load, 2, 0, op::Drop, op::End}),
            (Flags{false, true}));
}

TEST(LoadUses, DivisorIsConsumedDividendIsNot) {
  EXPECT_EQ(barriers_for({op::I32Const, 7, op::LocalGet, 0, op::I32Load, 2, 0, kI32DivU, op::Drop, op::End}),
            Flags{false});
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::I32Const, 7, kI32DivU, op::Drop, op::End}),
            Flags{true});
}

TEST(LoadUses, TrappingTruncationOperandIsConsumed) {
  EXPECT_EQ(barriers_for({op::LocalGet, 0, kF32Load, 2, 0, kI32TruncF32S, op::Drop, op::End}), Flags{false});
}

TEST(LoadUses, ImportedCallArgumentIsConsumedDefinedCallArgumentIsNot) {
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::Call, 0, op::End}), Flags{false});
  // A defined callee may be inlined and ignore its parameter.
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::Call, 1, op::End}), Flags{true});
}

TEST(LoadUses, ConditionsAndSelectsAreNotRobust) {
  // (A stored value is kept by its fenced store: StoreSinks below.)
  // Branch condition: both successors may be the same.
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::If, 0x40, op::End, op::End}), Flags{true});
  // select: both arms may be equal.
  EXPECT_EQ(barriers_for({op::I32Const, 1, op::I32Const, 1, op::LocalGet, 0, op::I32Load, 2, 0, op::Select,
                          op::Drop, op::End}),
            Flags{true});
}

TEST(LoadUses, ControlFlowOrACallBeforeTheUseNeedsABarrier) {
  // A block boundary between the load and the address use.
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::Block, 0x40, op::End,
                          op::I32Load, 2, 0, op::Drop, op::End}),
            (Flags{true, true}));
  // A call (which may trap or be inlined into a trap) in between.
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 0, op::LocalGet, 1, op::Call, 0,
                          op::I32Load, 2, 0, op::Drop, op::End}),
            (Flags{true, true}));
}

// Store sinks (load_uses_stores.cpp): per load 'K' (barrier), 'O' (opaque
// load) or 'P' (plain load), then per store 'F' (fenced) or 'S' (plain).
std::string sinks_for(std::initializer_list<uint8_t> code) {
  std::string loads, stores;
  inspect_function(code, [&](const FunctionIR& ir, const Module& m) {
    emit::LoadUses uses(ir, m);
    for (size_t i = 0; i < ir.code.size(); ++i) {
      const Opcode o = ir.code[i].op;
      if (emit::is_classified_load(o)) loads += uses.needs_barrier(i) ? 'K' : uses.is_opaque_load(i) ? 'O' : 'P';
      if (o >= Opcode::I32Store && o <= Opcode::I64Store32) stores += uses.needs_store_fence(i) ? 'F' : 'S';
    }
    EXPECT_EQ(uses.barrier_count(), static_cast<size_t>(std::count(loads.begin(), loads.end(), 'K')));
  });
  return loads + "/" + stores;
}

constexpr uint8_t kI32Mul = 0x6c, kI32Sub = 0x6b, kI32Store8 = 0x3a;

TEST(StoreSinks, StoredValueIsOpaqueAndItsStoreFenced) {
  // *l1 = *l0
  EXPECT_EQ(sinks_for({op::LocalGet, 1, op::LocalGet, 0, op::I32Load, 2, 0, op::I32Store, 2, 0, op::End}), "O/F");
  // Through a local and an add with a constant, into a narrower store.
  EXPECT_EQ(sinks_for({op::LocalGet, 0, op::I32Load, 2, 0, op::LocalSet, 2, op::LocalGet, 1, op::LocalGet, 2,
                       op::I32Const, 5, op::I32Add, kI32Store8, 0, 0, op::End}),
            "O/F");
}

TEST(StoreSinks, ReadModifyWriteOfTheSameBytesIsAPlainLoad) {
  // *l0 = *l0 + *l1: the load of *l0 is plain, *l1 opaque.
  EXPECT_EQ(sinks_for({op::LocalGet, 0, op::LocalGet, 0, op::I32Load, 2, 0, op::LocalGet, 1, op::I32Load, 2, 0,
                       op::I32Add, op::I32Store, 2, 0, op::End}),
            "PO/F");
  // Another offset: not the same bytes. Two opaque values may not meet in a
  // step (equal asms merge, `x - x` folds): the later load keeps its barrier.
  EXPECT_EQ(sinks_for({op::LocalGet, 0, op::LocalGet, 0, op::I32Load, 2, 4, op::LocalGet, 1, op::I32Load, 2, 0,
                       kI32Sub, op::I32Store, 2, 0, op::End}),
            "OK/F");
  // Both operands read the stored bytes: no read-modify-write partner, so
  // the first is opaque; the second is covered by it (same base, same end).
  EXPECT_EQ(sinks_for({op::LocalGet, 0, op::LocalGet, 0, op::I32Load, 2, 0, op::LocalGet, 0, op::I32Load, 2, 0,
                       op::I32Add, op::I32Store, 2, 0, op::End}),
            "OP/F");
}

TEST(StoreSinks, FoldableOrInterruptedValuesKeepTheirBarrier) {
  // A multiply stops depending on one operand when the other is 0.
  EXPECT_EQ(sinks_for({op::LocalGet, 0, op::LocalGet, 0, op::I32Load, 2, 0, op::LocalGet, 1, op::I32Load, 2, 0,
                       kI32Mul, op::I32Store, 2, 0, op::End}),
            "KK/S");
  // The value in both operands of a step: x - x is 0.
  EXPECT_EQ(sinks_for({op::LocalGet, 1, op::LocalGet, 0, op::I32Load, 2, 0, op::LocalTee, 2, op::LocalGet, 2,
                       kI32Sub, op::I32Store, 2, 0, op::End}),
            "K/S");
  // Another store first.
  EXPECT_EQ(sinks_for({op::LocalGet, 1, op::LocalGet, 0, op::I32Load, 2, 0, op::LocalGet, 1, op::I32Const, 0,
                       op::I32Store, 2, 0, op::I32Store, 2, 0, op::End}),
            "K/SS");
  // A block boundary before the store.
  EXPECT_EQ(sinks_for({op::LocalGet, 1, op::LocalGet, 0, op::I32Load, 2, 0, op::Block, 0x40, op::End,
                       op::I32Store, 2, 0, op::End}),
            "K/S");
}

// Memories never shrink: a kept load through the same base value that ends
// at or beyond a later load's end decides that load's trap.
TEST(LoadUses, LoadCoveredByAnEarlierOneThroughTheSameBaseNeedsNoBarrier) {
  // l0+8 (end 12), then l0+4 (end 8): covered; then l0+12 (end 16): not.
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 8, op::LocalSet, 2,
                          op::LocalGet, 0, op::I32Load, 2, 4, op::LocalSet, 2,
                          op::LocalGet, 0, op::I32Load, 2, 12, op::LocalSet, 2, op::End}),
            (Flags{true, false, true}));
  // A call in between changes nothing (memory may only grow).
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 8, op::LocalSet, 2,
                          op::LocalGet, 1, op::Call, 0,
                          op::LocalGet, 0, op::I32Load, 2, 4, op::LocalSet, 2, op::End}),
            (Flags{true, false}));
}

TEST(LoadUses, CoverageNeedsTheSameBaseValueAndNoJoin) {
  // The base local is written in between: a different value.
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 8, op::LocalSet, 2,
                          op::LocalGet, 1, op::LocalSet, 0,
                          op::LocalGet, 0, op::I32Load, 2, 4, op::LocalSet, 2, op::End}),
            (Flags{true, true}));
  // A block's end is a join: facts from inside do not hold after it.
  EXPECT_EQ(barriers_for({op::Block, 0x40, op::LocalGet, 0, op::I32Load, 2, 8, op::LocalSet, 2,
                          op::LocalGet, 1, op::BrIf, 0, op::End,
                          op::LocalGet, 0, op::I32Load, 2, 4, op::LocalSet, 2, op::End}),
            (Flags{true, true}));
  // Into a block (dominated by the code before it) they do.
  EXPECT_EQ(barriers_for({op::LocalGet, 0, op::I32Load, 2, 8, op::LocalSet, 2,
                          op::Block, 0x40, op::LocalGet, 0, op::I32Load, 2, 4, op::LocalSet, 2, op::End,
                          op::End}),
            (Flags{true, false}));
}

}  // namespace
}  // namespace wasm2cpp
