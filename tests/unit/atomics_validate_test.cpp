// The threads proposal's 0xFE instructions in the instruction reader and the
// function validator: encodings, the feature gate, atomic.fence's reserved
// byte, the exact-alignment rule, operand types (memory64 addresses
// included) and the IR they produce.
#include <gtest/gtest.h>

#include <vector>

#include "decode/instruction_reader.hpp"
#include "function_validator_test_util.hpp"

namespace wasm2cpp::test {
namespace {

using V = ValType;

constexpr uint8_t kAtomic = 0xfe;

Features threads() {
  Features f;
  f.set(Feature::Threads, true);
  return f;
}

Expected<RawInstr> read(std::vector<uint8_t> bytes, const Features& features = threads()) {
  ByteCursor cursor(bytes);
  std::vector<uint32_t> targets;
  auto result = read_instruction(cursor, features, targets);
  if (result.ok()) {
    EXPECT_TRUE(cursor.at_end()) << "bytes left after the instruction";
  }
  return result;
}

// Validates `params -> results` with `body` in a module with one memory.
// (The result keeps the module: the IR refers to its types.)
ValidatedCode validate_with_memory(std::vector<ValType> params, std::vector<ValType> results,
                                   std::initializer_list<uint8_t> body, bool memory64 = false,
                                   bool with_memory = true) {
  auto b = std::make_unique<ModuleBuilder>();
  if (with_memory) b->memory(1, memory64);
  uint32_t t = b->type(std::move(params), std::move(results));
  uint32_t f = b->func(t, code(body));
  Expected<FunctionIR> r = validate_function(b->finish(), f, threads());
  return ValidatedCode(std::move(r), std::move(b));
}

TEST(AtomicsDecode, MemargInstructionsUseThePrefixTable) {
  auto load = read({kAtomic, 0x10, 0x02, 0x08});  // i32.atomic.load align=4 offset=8
  ASSERT_TRUE(load.ok()) << load.error().message;
  EXPECT_EQ(load.value().op, Opcode::I32AtomicLoad);
  EXPECT_EQ(load.value().b, 2u);
  EXPECT_EQ(load.value().imm, 8u);
  auto cmpxchg = read({kAtomic, 0x4e, 0x02, 0x00});
  ASSERT_TRUE(cmpxchg.ok());
  EXPECT_EQ(cmpxchg.value().op, Opcode::I64AtomicRmw32CmpxchgU);
  EXPECT_EQ(info(Opcode::I64AtomicRmw32CmpxchgU).mnemonic, "i64.atomic.rmw32.cmpxchg_u");
  EXPECT_EQ(info(Opcode::MemoryAtomicWait64).access_bytes, 8);
  // The sub-opcode is a LEB128 u32: a redundant encoding of 0x10 is fine.
  auto padded = read({kAtomic, 0x90, 0x00, 0x02, 0x00});
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(padded.value().op, Opcode::I32AtomicLoad);
}

TEST(AtomicsDecode, FenceHasAReservedZeroByte) {
  auto fence = read({kAtomic, 0x03, 0x00});
  ASSERT_TRUE(fence.ok());
  EXPECT_EQ(fence.value().op, Opcode::AtomicFence);
  auto bad = read({kAtomic, 0x03, 0x01});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "zero byte expected");
}

TEST(AtomicsDecode, UnknownSubOpcodesAndTheFeatureGate) {
  auto gap = read({kAtomic, 0x04});
  ASSERT_FALSE(gap.ok());
  EXPECT_NE(gap.error().message.find("illegal opcode"), std::string::npos);
  auto past_end = read({kAtomic, 0x4f, 0x02, 0x00});
  EXPECT_FALSE(past_end.ok());
  auto disabled = read({kAtomic, 0x10, 0x02, 0x00}, Features());
  ASSERT_FALSE(disabled.ok());
  EXPECT_NE(disabled.error().message.find("--enable-threads"), std::string::npos)
      << disabled.error().message;
}

TEST(AtomicsValidate, AlignmentMustBeExactlyNatural) {
  auto natural = validate_with_memory({}, {V::I32}, {op::I32Const, 0, kAtomic, 0x10, 2, 0, op::End});
  EXPECT_TRUE(natural.ok()) << error_of(natural);
  // Plain loads accept smaller alignments; atomic ones do not.
  EXPECT_TRUE(fails_with(
      validate_with_memory({}, {V::I32}, {op::I32Const, 0, kAtomic, 0x10, 1, 0, op::End}),
      "atomic alignment must be natural"));
  EXPECT_TRUE(fails_with(
      validate_with_memory({}, {V::I32}, {op::I32Const, 0, kAtomic, 0x10, 3, 0, op::End}),
      "atomic alignment must be natural"));
  // The narrow forms: rmw8 is byte-aligned, wait64 needs 8.
  EXPECT_TRUE(validate_with_memory({}, {V::I32}, {op::I32Const, 0, op::I32Const, 1, kAtomic, 0x20,
                                                  0, 0, op::End})
                  .ok());
  EXPECT_TRUE(fails_with(validate_with_memory({}, {V::I32},
                                              {op::I32Const, 0, op::I64Const, 0, op::I64Const, 0,
                                               kAtomic, 0x02, 2, 0, op::End}),
                         "atomic alignment must be natural"));
}

TEST(AtomicsValidate, OperandTypes) {
  // i64.atomic.rmw32.cmpxchg_u: [i32 i64 i64] -> [i64]
  EXPECT_TRUE(validate_with_memory({}, {V::I64},
                                   {op::I32Const, 0, op::I64Const, 1, op::I64Const, 2, kAtomic,
                                    0x4e, 2, 0, op::End})
                  .ok());
  EXPECT_TRUE(fails_with(validate_with_memory({}, {V::I64},
                                              {op::I32Const, 0, op::I32Const, 1, op::I64Const, 2,
                                               kAtomic, 0x4e, 2, 0, op::End}),
                         "type mismatch"));
  // memory.atomic.wait32: [i32 i32 i64] -> [i32]; the timeout is an i64.
  EXPECT_TRUE(fails_with(validate_with_memory({}, {V::I32},
                                              {op::I32Const, 0, op::I32Const, 0, op::I32Const, 0,
                                               kAtomic, 0x01, 2, 0, op::End}),
                         "type mismatch"));
  // Stores have no result.
  EXPECT_TRUE(fails_with(validate_with_memory({}, {V::I32},
                                              {op::I32Const, 0, op::I32Const, 0, kAtomic, 0x17, 2,
                                               0, op::End}),
                         "type mismatch"));
}

TEST(AtomicsValidate, Memory64AddressesAreI64) {
  EXPECT_TRUE(validate_with_memory({}, {V::I32}, {op::I64Const, 0, kAtomic, 0x10, 2, 0, op::End},
                                   /*memory64=*/true)
                  .ok());
  EXPECT_TRUE(fails_with(validate_with_memory({}, {V::I32},
                                              {op::I32Const, 0, kAtomic, 0x10, 2, 0, op::End},
                                              /*memory64=*/true),
                         "type mismatch"));
}

TEST(AtomicsValidate, NeedAMemoryExceptFence) {
  EXPECT_TRUE(fails_with(validate_with_memory({}, {V::I32},
                                              {op::I32Const, 0, op::I32Const, 0, kAtomic, 0x00, 2,
                                               0, op::End},
                                              false, /*with_memory=*/false),
                         "unknown memory"));
  auto fence = validate_with_memory({}, {}, {kAtomic, 0x03, 0x00, op::End}, false, false);
  ASSERT_TRUE(fence.ok()) << error_of(fence);
  EXPECT_EQ(fence.value().code.front().op, Opcode::AtomicFence);
}

TEST(AtomicsValidate, IrCarriesMemoryAlignmentAndOffset) {
  auto ir = validate_with_memory({V::I32, V::I64}, {V::I64},
                                 {op::LocalGet, 0, op::LocalGet, 1, kAtomic, 0x1f, 3, 16, op::End});
  ASSERT_TRUE(ir.ok()) << error_of(ir);
  const Instr& rmw = ir.value().code[2];
  EXPECT_EQ(rmw.op, Opcode::I64AtomicRmwAdd);
  EXPECT_EQ(rmw.a, 0u);    // memory
  EXPECT_EQ(rmw.b, 3u);    // log2 alignment
  EXPECT_EQ(rmw.imm, 16u);  // offset
  EXPECT_EQ(rmw.height, 2u);
  EXPECT_TRUE(ir.value().uses_memory);
}

}  // namespace
}  // namespace wasm2cpp::test
