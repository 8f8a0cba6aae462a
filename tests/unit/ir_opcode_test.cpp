// Per-opcode facts derived from the opcode table (translator/ir/opcode.hpp)
// that the emitter's analyses rely on: stack effects, plain numeric
// instructions, memory accesses.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>

#include "ir/opcode.hpp"

namespace wasm2cpp {
namespace {

std::string effect_text(Opcode op) {
  const std::optional<StackEffect> effect = stack_effect(op);
  if (!effect) return "none";
  return std::to_string(effect->pops) + "/" + std::to_string(effect->pushes);
}

TEST(StackEffect, FixedSignaturesComeFromTheTable) {
  EXPECT_EQ(effect_text(Opcode::I32Add), "2/1");
  EXPECT_EQ(effect_text(Opcode::I32Eqz), "1/1");
  EXPECT_EQ(effect_text(Opcode::Nop), "0/0");
  EXPECT_EQ(effect_text(Opcode::I64Store32), "2/0");
  EXPECT_EQ(effect_text(Opcode::V128Load32Lane), "2/1");
  EXPECT_EQ(effect_text(Opcode::MemoryGrow), "1/1");
  EXPECT_EQ(effect_text(Opcode::MemoryFill), "3/0");
  EXPECT_EQ(effect_text(Opcode::I8x16Shuffle), "2/1");
}

TEST(StackEffect, TypeGenericInstructionsHaveTheirFixedArity) {
  EXPECT_EQ(effect_text(Opcode::LocalGet), "0/1");
  EXPECT_EQ(effect_text(Opcode::LocalSet), "1/0");
  EXPECT_EQ(effect_text(Opcode::LocalTee), "1/1");
  EXPECT_EQ(effect_text(Opcode::GlobalGet), "0/1");
  EXPECT_EQ(effect_text(Opcode::GlobalSet), "1/0");
  EXPECT_EQ(effect_text(Opcode::Drop), "1/0");
  EXPECT_EQ(effect_text(Opcode::Select), "3/1");
  EXPECT_EQ(effect_text(Opcode::SelectT), "3/1");
  EXPECT_EQ(effect_text(Opcode::RefNull), "0/1");
  EXPECT_EQ(effect_text(Opcode::RefIsNull), "1/1");
  EXPECT_EQ(effect_text(Opcode::TableGet), "1/1");
  EXPECT_EQ(effect_text(Opcode::TableSet), "2/0");
  EXPECT_EQ(effect_text(Opcode::TableGrow), "2/1");
  EXPECT_EQ(effect_text(Opcode::TableFill), "3/0");
  EXPECT_EQ(effect_text(Opcode::MemoryCopy), "3/0");
}

// Exactly the instructions whose effect depends on a block type, a callee's
// type or a branch target have none: a "*" row added to the table without
// its arity in stack_effect() shows up here.
TEST(StackEffect, OnlyControlCallsAndThrowsHaveNone) {
  std::set<std::string> none;
  for (size_t i = 0; i < static_cast<size_t>(Opcode::kCount); ++i) {
    const Opcode op = static_cast<Opcode>(i);
    if (!stack_effect(op)) none.insert(std::string(info(op).mnemonic));
  }
  const std::set<std::string> expected = {
      "unreachable", "block", "loop", "if", "else", "end", "br", "br_if", "br_table", "return",
      "call", "call_indirect", "return_call", "return_call_indirect", "try", "catch", "catch_all",
      "throw", "rethrow", "delegate"};
  EXPECT_EQ(none, expected);
}

TEST(PlainNumeric, PureNonTrappingInstructionsOnly) {
  EXPECT_TRUE(is_plain_numeric(Opcode::I32Add));
  EXPECT_TRUE(is_plain_numeric(Opcode::I32Eqz));
  EXPECT_TRUE(is_plain_numeric(Opcode::I32TruncSatF32S));
  EXPECT_TRUE(is_plain_numeric(Opcode::V128Const));
  EXPECT_TRUE(is_plain_numeric(Opcode::I8x16Shuffle));
  EXPECT_TRUE(is_plain_numeric(Opcode::F32x4ExtractLane));
  EXPECT_TRUE(is_plain_numeric(Opcode::Nop));
  // Traps on some operands.
  EXPECT_FALSE(is_plain_numeric(Opcode::I32DivS));
  EXPECT_FALSE(is_plain_numeric(Opcode::I32TruncF32S));
  // Reads or writes state.
  EXPECT_FALSE(is_plain_numeric(Opcode::I32Load8S));
  EXPECT_FALSE(is_plain_numeric(Opcode::V128Load8Splat));
  EXPECT_FALSE(is_plain_numeric(Opcode::LocalGet));
  EXPECT_FALSE(is_plain_numeric(Opcode::GlobalGet));
  EXPECT_FALSE(is_plain_numeric(Opcode::MemoryGrow));
  EXPECT_FALSE(is_plain_numeric(Opcode::TableSize));
  EXPECT_FALSE(is_plain_numeric(Opcode::RefFunc));
  EXPECT_FALSE(is_plain_numeric(Opcode::AtomicFence));
  EXPECT_FALSE(is_plain_numeric(Opcode::Select));
}

TEST(MemoryAccess, WidthsOperandsAndKinds) {
  const auto load8 = memory_access(Opcode::I32Load8S);
  ASSERT_TRUE(load8);
  EXPECT_EQ(load8->bytes, 1);
  EXPECT_TRUE(load8->is_load());
  EXPECT_TRUE(load8->sign_extends);
  EXPECT_EQ(load8->operands, 1);

  const auto store32 = memory_access(Opcode::I64Store32);
  ASSERT_TRUE(store32);
  EXPECT_EQ(store32->bytes, 4);
  EXPECT_TRUE(store32->is_store);
  EXPECT_EQ(store32->operands, 2);
  EXPECT_EQ(store32->address_height(10), 8u);

  const auto lane = memory_access(Opcode::V128Load32Lane);
  ASSERT_TRUE(lane);
  EXPECT_EQ(lane->bytes, 4);
  EXPECT_TRUE(lane->is_simd);
  EXPECT_TRUE(lane->has_lane);
  EXPECT_EQ(lane->operands, 2);

  const auto zero = memory_access(Opcode::V128Load64Zero);
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->bytes, 8);
  EXPECT_FALSE(zero->has_lane);

  // Bulk memory and atomics are not plain accesses.
  EXPECT_FALSE(memory_access(Opcode::MemoryFill));
  EXPECT_FALSE(memory_access(Opcode::I32AtomicLoad));
  EXPECT_FALSE(memory_access(Opcode::I32Add));
}

}  // namespace
}  // namespace wasm2cpp
