// FunctionIR shape: heights, block indices and infos, dead code omission,
// slot types, locals. Error rules are in function_validator_errors_test.cpp.
#include <gtest/gtest.h>

#include "function_validator_test_util.hpp"

namespace wasm2cpp::test {
namespace {

using V = ValType;

std::vector<Opcode> ops_of(const FunctionIR& ir) {
  std::vector<Opcode> ops;
  for (const Instr& i : ir.code) ops.push_back(i.op);
  return ops;
}

TEST(FunctionValidatorIR, StraightLineHeightsAndSlots) {
  auto r = validate_code({V::I32, V::I32}, {V::I32},
                         {op::LocalGet, 0, op::LocalGet, 1, op::I32Add, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  const FunctionIR& ir = *r;
  EXPECT_EQ(ir.num_params, 2u);
  EXPECT_EQ(ir.locals, (std::vector<V>{V::I32, V::I32}));
  ASSERT_EQ(ops_of(ir),
            (std::vector<Opcode>{Opcode::LocalGet, Opcode::LocalGet, Opcode::I32Add, Opcode::End}));
  EXPECT_EQ(ir.code[0].height, 0u);
  EXPECT_EQ(ir.code[1].height, 1u);
  EXPECT_EQ(ir.code[1].a, 1u);
  EXPECT_EQ(ir.code[1].type, V::I32);
  EXPECT_EQ(ir.code[2].height, 2u);
  EXPECT_EQ(ir.code[3].height, 1u);  // results of block 0 at [0, 1)
  EXPECT_EQ(ir.code[3].a, 0u);
  // Absolute offsets: body starts at kBaseOffset, then 1 byte of local groups.
  EXPECT_EQ(ir.code[0].offset, ModuleBuilder::kBaseOffset + 1);
  EXPECT_EQ(ir.code[2].offset, ModuleBuilder::kBaseOffset + 5);
  ASSERT_EQ(ir.blocks.size(), 1u);
  EXPECT_EQ(ir.blocks[0].kind, BlockKind::Function);
  EXPECT_EQ(std::vector<V>(ir.blocks[0].results.begin(), ir.blocks[0].results.end()),
            std::vector<V>{V::I32});
  EXPECT_TRUE(ir.blocks[0].end_reachable);
  EXPECT_FALSE(ir.blocks[0].label_used);
  ASSERT_EQ(ir.slot_types.size(), 2u);
  EXPECT_EQ(ir.slot_types[0], slot_bit(V::I32));
  EXPECT_EQ(ir.slot_types[1], slot_bit(V::I32));
  EXPECT_FALSE(ir.uses_memory);
  EXPECT_FALSE(ir.has_calls);
}

TEST(FunctionValidatorIR, ConstantsKeepTheirBits) {
  auto r = validate_code(
      {}, {V::F32}, {op::I64Const, 0x7f, op::Drop, op::F32Const, 0x00, 0x00, 0xc0, 0x7f, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(r->code[0].imm, ~uint64_t{0});  // i64.const -1
  EXPECT_EQ(r->code[1].op, Opcode::Drop);
  EXPECT_EQ(r->code[1].type, V::I64);
  EXPECT_EQ(r->code[2].imm, 0x7fc00000u);
  EXPECT_EQ(r->slot_types[0], slot_bit(V::I64) | slot_bit(V::F32));
}

// Numeric instructions, constants and local.get/set/tee take the validator's
// fast path; multi-byte immediates, wide local indices, polymorphic operands
// and dead code take the general one. Both must build the same IR.
TEST(FunctionValidatorIR, WideImmediatesAndLocalIndices) {
  ModuleBuilder b;
  uint32_t t = b.type({V::I32}, {V::I64});
  // 200 declared i64 locals: index 200 needs a two-byte LEB (0xc8 0x01).
  uint32_t f = b.func(t, {0x01, 0xc8, 0x01, kI64, op::I64Const, 0x80, 0x01,  // i64.const 128
                          op::LocalTee, 0xc8, 0x01,                          // local.tee 200
                          op::I32Const, 0xff, 0x7e,                          // i32.const -129
                          op::LocalGet, 0x00, op::I32Add,                    // + param 0
                          op::Drop, op::End});
  auto r = validate_function(b.finish(), f, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  ASSERT_EQ(ops_of(*r),
            (std::vector<Opcode>{Opcode::I64Const, Opcode::LocalTee, Opcode::I32Const,
                                 Opcode::LocalGet, Opcode::I32Add, Opcode::Drop, Opcode::End}));
  EXPECT_EQ(r->code[0].imm, 128u);
  EXPECT_EQ(r->code[1].a, 200u);
  EXPECT_EQ(r->code[1].type, V::I64);
  EXPECT_EQ(r->code[1].height, 1u);
  EXPECT_EQ(r->code[2].imm, static_cast<uint32_t>(-129));
  EXPECT_EQ(r->code[2].height, 1u);
  EXPECT_EQ(r->code[3].type, V::I32);
  EXPECT_EQ(r->code[4].height, 3u);
  EXPECT_EQ(r->code[5].type, V::I32);
  EXPECT_EQ(r->code[4].offset, ModuleBuilder::kBaseOffset + 15);
  ASSERT_EQ(r->slot_types.size(), 3u);
  EXPECT_EQ(r->slot_types[0], slot_bit(V::I64));
  EXPECT_EQ(r->slot_types[1], slot_bit(V::I32));
  EXPECT_EQ(r->slot_types[2], slot_bit(V::I32));
}

TEST(FunctionValidatorIR, NumericOnPolymorphicStackAndFeatureGates) {
  // i32.add over operands conjured by `unreachable`: valid, omitted, and the
  // i32.eqz after it sees an i32.
  auto r = validate_code({}, {V::I32}, {op::Unreachable, op::I32Add, op::I32Eqz, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(ops_of(*r), (std::vector<Opcode>{Opcode::Unreachable, Opcode::End}));
  // A real operand on a polymorphic stack is still checked.
  EXPECT_TRUE(fails_with(
      validate_code({}, {},
                    {op::Unreachable, op::F32Const, 0, 0, 0, 0, op::I32Add, op::Drop, op::End}),
      "type mismatch in i32.add: expected i32 but found f32"));
  // A truncated constant and a disabled feature are reported, not skipped.
  auto truncated = validate_code({}, {}, {op::I32Const, 0x80});
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().offset, ModuleBuilder::kBaseOffset + 3);
  Features mvp = Features::none();
  EXPECT_TRUE(fails_with(validate_code({V::I32}, {V::I32}, {op::LocalGet, 0, 0xc0, op::End}, mvp),
                         "instruction i32.extend8_s requires the sign-extension feature"));
  auto extended = validate_code({V::I32}, {V::I32}, {op::LocalGet, 0, 0xc0, op::End});
  ASSERT_TRUE(extended.ok()) << error_of(extended);
  EXPECT_EQ(extended->code[1].op, Opcode::I32Extend8S);
}

TEST(FunctionValidatorIR, DeclaredLocalsFollowParams) {
  ModuleBuilder b;
  uint32_t t = b.type({V::F64}, {});
  uint32_t f = b.func(t, {0x02, 0x02, kI64, 0x01, kF32, op::End});
  auto r = validate_function(b.finish(), f, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(r->num_params, 1u);
  EXPECT_EQ(r->locals, (std::vector<V>{V::F64, V::I64, V::I64, V::F32}));
  EXPECT_TRUE(r->slot_types.empty());
}

TEST(FunctionValidatorIR, BranchOutOfBlockWithValue) {
  // i32.const 7; block (result i32) i32.const 1 i32.const 2 br 0 end; i32.add
  auto r = validate_code({}, {V::I32},
                         {op::I32Const, 7, op::Block, kI32, op::I32Const, 1, op::I32Const, 2,
                          op::Br, 0, op::End, op::I32Add, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  const FunctionIR& ir = *r;
  ASSERT_EQ(ops_of(ir), (std::vector<Opcode>{Opcode::I32Const, Opcode::Block, Opcode::I32Const,
                                             Opcode::I32Const, Opcode::Br, Opcode::End,
                                             Opcode::I32Add, Opcode::End}));
  ASSERT_EQ(ir.blocks.size(), 2u);
  const BlockInfo& block = ir.blocks[1];
  EXPECT_EQ(block.kind, BlockKind::Block);
  EXPECT_EQ(block.base, 1u);
  EXPECT_EQ(std::vector<V>(block.results.begin(), block.results.end()), std::vector<V>{V::I32});
  EXPECT_TRUE(block.label_used);
  EXPECT_TRUE(block.end_reachable);  // by the branch
  EXPECT_EQ(ir.code[1].a, 1u);       // block index
  EXPECT_EQ(ir.code[1].height, 1u);
  EXPECT_EQ(ir.code[4].a, 1u);       // br target: absolute block index
  EXPECT_EQ(ir.code[4].height, 3u);  // the top value (height 2) goes to slot 1
  EXPECT_EQ(ir.code[5].height, 2u);  // end: results at [1, 2)
  EXPECT_EQ(ir.code[6].height, 2u);
  ASSERT_EQ(ir.slot_types.size(), 3u);
  for (uint8_t bits : ir.slot_types) EXPECT_EQ(bits, slot_bit(V::I32));
}

TEST(FunctionValidatorIR, DeadCodeIsValidatedButOmitted) {
  // block br 0 i32.const 1 drop end; nop
  auto r = validate_code(
      {}, {}, {op::Block, kVoid, op::Br, 0, op::I32Const, 1, op::Drop, op::End, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(ops_of(*r), (std::vector<Opcode>{Opcode::Block, Opcode::Br, Opcode::End, Opcode::End}));
  // The dead i32.const never occupies a slot.
  EXPECT_TRUE(r->slot_types.empty());
}

TEST(FunctionValidatorIR, CodeAfterAnUnreachedEndIsOmitted) {
  // loop br 0 end; block nop end; i64.const 1 drop
  auto r = validate_code({}, {},
                         {op::Loop, kVoid, op::Br, 0, op::End, op::Block, kVoid, op::Nop, op::End,
                          op::I64Const, 1, op::Drop, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(ops_of(*r), (std::vector<Opcode>{Opcode::Loop, Opcode::Br, Opcode::End, Opcode::End}));
  ASSERT_EQ(r->blocks.size(), 2u);  // the dead block has no BlockInfo
  EXPECT_EQ(r->blocks[1].kind, BlockKind::Loop);
  EXPECT_TRUE(r->blocks[1].label_used);
  EXPECT_FALSE(r->blocks[1].end_reachable);
  EXPECT_FALSE(r->blocks[0].end_reachable);
  EXPECT_TRUE(r->slot_types.empty());
}

TEST(FunctionValidatorIR, CodeAfterUnreachedEndIsStillTypedStrictly) {
  // loop br 0 end; i32.add -- the spec types the code after the loop as
  // reachable, so the missing operands are an error even though it is dead.
  auto r =
      validate_code({}, {}, {op::Loop, kVoid, op::Br, 0, op::End, op::I32Add, op::Drop, op::End});
  EXPECT_TRUE(fails_with(r, "type mismatch"));
}

TEST(FunctionValidatorIR, PolymorphicStackAfterUnreachable) {
  // unreachable; i32.add; drop; f32.const -> fine in dead code
  auto r = validate_code({}, {V::F64}, {op::Unreachable, op::I32Add, op::Drop, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(ops_of(*r), (std::vector<Opcode>{Opcode::Unreachable, Opcode::End}));
  EXPECT_FALSE(r->blocks[0].end_reachable);
}

TEST(FunctionValidatorIR, BlocksInsideDeadCodeHaveNoInfo) {
  // unreachable; block (result i32) i32.const 1 if (result i32) i32.const 2 else i32.const 3
  // end end; drop -- validated (the block's inside is typed normally) but all omitted.
  auto r =
      validate_code({}, {},
                    {op::Unreachable, op::Block, kI32, op::I32Const, 1, op::If, kI32, op::I32Const,
                     2, op::Else, op::I32Const, 3, op::End, op::End, op::Drop, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(ops_of(*r), (std::vector<Opcode>{Opcode::Unreachable, Opcode::End}));
  EXPECT_EQ(r->blocks.size(), 1u);
  // The dead if's arms are still type-checked.
  auto bad =
      validate_code({}, {},
                    {op::Unreachable, op::Block, kI32, op::I32Const, 1, op::If, kI32, op::I32Const,
                     2, op::Else, op::I64Const, 3, op::End, op::End, op::Drop, op::End});
  EXPECT_TRUE(fails_with(bad, "type mismatch"));
}

TEST(FunctionValidatorIR, BranchIntoLoopWithValuesFromDeeperStack) {
  // loop (param i32) (result i32): local.get 0; br_if 0 with the loop param
  // copied from height 2 to the loop's base 1.
  ModuleBuilder b;
  uint32_t t = b.type({V::I32}, {V::I32});
  uint32_t bt = b.type({V::I32}, {V::I32});
  uint32_t f = b.func(t, code({op::I64Const,
                               0,
                               op::LocalGet,
                               0,
                               op::Loop,
                               static_cast<uint8_t>(bt),
                               op::Drop,
                               op::F64Const,
                               0,
                               0,
                               0,
                               0,
                               0,
                               0,
                               0,
                               0,
                               op::Drop,
                               op::LocalGet,
                               0,
                               op::LocalGet,
                               0,
                               op::BrIf,
                               0,
                               op::End,
                               op::Return,
                               op::End}));
  auto r = validate_function(b.finish(), f, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  const FunctionIR& ir = *r;
  EXPECT_EQ(ir.blocks[1].base, 1u);
  const Instr& br_if = ir.code[8];
  ASSERT_EQ(br_if.op, Opcode::BrIf);
  EXPECT_EQ(br_if.height, 3u);  // value at 1, condition at 2
  EXPECT_EQ(br_if.a, 1u);
  EXPECT_EQ(ir.slot_types[0], slot_bit(V::I64));
  EXPECT_EQ(ir.slot_types[1], slot_bit(V::I32) | slot_bit(V::F64));
  EXPECT_EQ(ir.slot_types[2], slot_bit(V::I32));
}

TEST(FunctionValidatorIR, IfElseWithParams) {
  // type 1: [i32] -> [i64]
  ModuleBuilder b;
  uint32_t t = b.type({}, {V::I64});
  uint32_t bt = b.type({V::I32}, {V::I64});
  uint32_t f =
      b.func(t, code({op::I32Const, 5, op::I32Const, 1, op::If, static_cast<uint8_t>(bt), op::Drop,
                      op::I64Const, 1, op::Else, op::Drop, op::I64Const, 2, op::End, op::End}));
  auto r = validate_function(b.finish(), f, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  const FunctionIR& ir = *r;
  ASSERT_EQ(ir.blocks.size(), 2u);
  const BlockInfo& info = ir.blocks[1];
  EXPECT_EQ(info.kind, BlockKind::If);
  EXPECT_TRUE(info.has_else);
  EXPECT_EQ(info.base, 0u);
  EXPECT_EQ(std::vector<V>(info.params.begin(), info.params.end()), std::vector<V>{V::I32});
  EXPECT_EQ(std::vector<V>(info.results.begin(), info.results.end()), std::vector<V>{V::I64});
  EXPECT_TRUE(info.end_reachable);
  EXPECT_FALSE(info.label_used);
  ASSERT_EQ(ir.code[2].op, Opcode::If);
  EXPECT_EQ(ir.code[2].height, 2u);  // includes the condition
  ASSERT_EQ(ir.code[5].op, Opcode::Else);
  EXPECT_EQ(ir.code[5].height, 1u);  // then-arm results at [0, 1)
  EXPECT_EQ(ir.code[6].op, Opcode::Drop);
  EXPECT_EQ(ir.code[6].height, 1u);  // the param is back at slot 0
  EXPECT_EQ(ir.code[6].type, V::I32);
  EXPECT_EQ(ir.code[8].op, Opcode::End);
  EXPECT_EQ(ir.code[8].height, 1u);
  EXPECT_EQ(ir.slot_types[0], slot_bit(V::I32) | slot_bit(V::I64));
  EXPECT_EQ(ir.slot_types[1], slot_bit(V::I32));
}

TEST(FunctionValidatorIR, IfWithoutElsePassesParamsThrough) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {V::I32});
  uint32_t bt = b.type({V::I32}, {V::I32});
  uint32_t f = b.func(t, code({op::I32Const, 5, op::I32Const, 1, op::If, static_cast<uint8_t>(bt),
                               op::I32Eqz, op::End, op::End}));
  auto r = validate_function(b.finish(), f, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_FALSE(r->blocks[1].has_else);
  EXPECT_TRUE(r->blocks[1].end_reachable);
  EXPECT_EQ(ops_of(*r), (std::vector<Opcode>{Opcode::I32Const, Opcode::I32Const, Opcode::If,
                                             Opcode::I32Eqz, Opcode::End, Opcode::End}));
}

TEST(FunctionValidatorIR, IfWhoseThenArmBranchesKeepsElse) {
  // block: if (then br 1) (else nop) end end -> else kept, else arm live
  auto r = validate_code({V::I32}, {},
                         {op::Block, kVoid, op::LocalGet, 0, op::If, kVoid, op::Br, 1, op::Else,
                          op::I32Const, 3, op::Drop, op::End, op::End, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(ops_of(*r), (std::vector<Opcode>{Opcode::Block, Opcode::LocalGet, Opcode::If,
                                             Opcode::Br, Opcode::Else, Opcode::I32Const,
                                             Opcode::Drop, Opcode::End, Opcode::End, Opcode::End}));
  EXPECT_EQ(r->code[3].a, 1u);  // br 1 from inside the if -> block 1 (the outer block)
  EXPECT_TRUE(r->blocks[1].label_used);
  EXPECT_FALSE(r->blocks[2].label_used);
  EXPECT_TRUE(r->blocks[2].end_reachable);  // through the else arm
}

TEST(FunctionValidatorIR, IfWithBothArmsBranchingHasUnreachableEnd) {
  auto r = validate_code({V::I32}, {V::I32},
                         {op::LocalGet, 0, op::If, kVoid, op::I32Const, 1, op::Return, op::Else,
                          op::I32Const, 2, op::Return, op::End, op::I32Const, 3, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_FALSE(r->blocks[1].end_reachable);
  EXPECT_FALSE(r->blocks[0].end_reachable);
  EXPECT_EQ(ops_of(*r).back(), Opcode::End);
  EXPECT_EQ(r->code[r->code.size() - 2].op, Opcode::End);  // the if's end; i32.const 3 omitted
}

TEST(FunctionValidatorIR, LoopBranchTargetsParams) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {V::I32});
  uint32_t bt = b.type({V::I32}, {V::I32});
  // i32.const 10; loop (i32 -> i32): i32.const 1 ; i32.add ; local.tee? use br_if 0 with dup
  // f64.const; drop first to move the base up.
  uint32_t f = b.func(t, code({op::F32Const,
                               0,
                               0,
                               0,
                               0,
                               op::I32Const,
                               10,
                               op::Loop,
                               static_cast<uint8_t>(bt),
                               op::I32Const,
                               1,
                               op::BrIf,
                               0,
                               op::End,
                               op::LocalSet,
                               0,
                               op::Drop,
                               op::I32Const,
                               0,
                               op::End}));
  // local 0 does not exist: expect the error to point at local.set.
  auto bad = validate_function(b.finish(), f, Features());
  EXPECT_TRUE(fails_with(bad, "unknown local"));

  ModuleBuilder b2;
  t = b2.type({}, {V::I32});
  bt = b2.type({V::I32}, {V::I32});
  f = b2.func(t,
              {0x00, op::F32Const, 0, 0, 0, 0, op::I32Const, 10, op::Loop, static_cast<uint8_t>(bt),
               op::I32Const, 1, op::BrIf, 0, op::End, op::Return, op::End});
  auto r = validate_function(b2.finish(), f, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  const FunctionIR& ir = *r;
  ASSERT_EQ(ir.blocks.size(), 2u);
  EXPECT_EQ(ir.blocks[1].kind, BlockKind::Loop);
  EXPECT_EQ(ir.blocks[1].base, 1u);
  EXPECT_TRUE(ir.blocks[1].label_used);
  EXPECT_TRUE(ir.blocks[1].end_reachable);  // falls through after br_if
  ASSERT_EQ(ir.code[4].op, Opcode::BrIf);
  EXPECT_EQ(ir.code[4].height, 3u);  // param value at 1, condition at 2
  EXPECT_EQ(ir.code[4].a, 1u);
  EXPECT_EQ(ir.slot_types[0], slot_bit(V::F32));
  EXPECT_EQ(ir.slot_types[1], slot_bit(V::I32));
  ASSERT_EQ(ir.code[6].op, Opcode::Return);
  EXPECT_EQ(ir.code[6].height, 2u);
  EXPECT_FALSE(ir.blocks[0].end_reachable);  // return is not a branch to block 0's end
}

TEST(FunctionValidatorIR, BranchToFunctionBlock) {
  auto r = validate_code({}, {V::I32}, {op::I32Const, 1, op::Br, 0, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(r->code[1].op, Opcode::Br);
  EXPECT_EQ(r->code[1].a, 0u);
  EXPECT_TRUE(r->blocks[0].label_used);
  EXPECT_TRUE(r->blocks[0].end_reachable);
}

TEST(FunctionValidatorIR, BrTableTargetsAreResolved) {
  // block block (local.get 0) br_table 0 1 2 end end
  auto r = validate_code({V::I32}, {},
                         {op::Block, kVoid, op::Block, kVoid, op::LocalGet, 0, op::BrTable, 2, 0, 1,
                          2, op::End, op::End, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  const FunctionIR& ir = *r;
  ASSERT_EQ(ir.code[3].op, Opcode::BrTable);
  EXPECT_EQ(ir.code[3].a, 0u);
  EXPECT_EQ(ir.code[3].b, 2u);
  EXPECT_EQ(ir.code[3].height, 1u);
  EXPECT_EQ(ir.br_table_targets, (std::vector<uint32_t>{2, 1, 0}));
  EXPECT_TRUE(ir.blocks[0].label_used);
  EXPECT_TRUE(ir.blocks[1].label_used);
  EXPECT_TRUE(ir.blocks[2].label_used);
  EXPECT_TRUE(ir.blocks[2].end_reachable);
}

TEST(FunctionValidatorIR, BrTableInDeadCodeUsesSpec2Typing) {
  // block (result f32) block (result i64) unreachable br_table 0 1 end drop f32.const 0 end
  // Both labels have arity 1 with different types: valid on a polymorphic stack.
  auto r = validate_code({}, {V::F32},
                         {op::Block, kF32, op::Block, kI64, op::Unreachable, op::BrTable, 1, 0, 1,
                          op::End, op::Drop, op::F32Const, 0, 0, 0, 0, op::End, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_FALSE(r->blocks[1].end_reachable);
  EXPECT_FALSE(r->blocks[2].end_reachable);
}

TEST(FunctionValidatorIR, MemoryAndCallFlags) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  uint32_t callee_type = b.type({V::I32}, {V::I64});
  uint32_t callee = b.import_func(callee_type);
  b.memory();
  // i32.const 8; i32.const 0; call; i64.store align=4 offset=4; i32.const 0; i64.load offset=16;
  // drop
  uint32_t f = b.func(t, code({op::I32Const, 8, op::I32Const, 0, op::Call,
                               static_cast<uint8_t>(callee), op::I64Store, 0x02, 0x04, op::I32Const,
                               0, op::I64Load, 0x03, 0x10, op::Drop, op::End}));
  auto r = validate_function(b.finish(), f, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_TRUE(r->uses_memory);
  EXPECT_TRUE(r->has_calls);
  EXPECT_EQ(r->code[2].op, Opcode::Call);
  EXPECT_EQ(r->code[2].a, callee);
  EXPECT_EQ(r->code[2].height, 2u);
  const Instr& store = r->code[3];
  EXPECT_EQ(store.op, Opcode::I64Store);
  EXPECT_EQ(store.height, 2u);
  EXPECT_EQ(store.b, 2u);
  EXPECT_EQ(store.imm, 4u);
  const Instr& load = r->code[5];
  EXPECT_EQ(load.op, Opcode::I64Load);
  EXPECT_EQ(load.height, 1u);
  EXPECT_EQ(load.a, 0u);     // memory
  EXPECT_EQ(load.b, 3u);     // log2 alignment
  EXPECT_EQ(load.imm, 16u);  // offset
  EXPECT_EQ(r->slot_types[0], slot_bit(V::I32) | slot_bit(V::I64));
  EXPECT_EQ(r->slot_types[1], slot_bit(V::I32) | slot_bit(V::I64));
}

TEST(FunctionValidatorIR, DeadMemoryAccessDoesNotSetFlags) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  b.memory();
  uint32_t f = b.func(t, code({op::Return, op::I32Const, 0, op::I32Load, 2, 0, op::Drop, op::End}));
  auto r = validate_function(b.finish(), f, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_FALSE(r->uses_memory);
}

TEST(FunctionValidatorIR, ReferenceInstructionTypes) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {V::I32});
  b.table(V::ExternRef);
  uint32_t f = b.func(t, code({op::I32Const, 0, op::TableGet, 0, op::RefIsNull, op::RefNull,
                               kFuncRef, op::Drop, op::End}));
  b.declare_ref(f);
  auto r = validate_function(b.finish(), f, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(r->code[1].op, Opcode::TableGet);
  EXPECT_EQ(r->code[1].type, V::ExternRef);
  EXPECT_EQ(r->code[2].type, V::ExternRef);
  EXPECT_EQ(r->code[3].type, V::FuncRef);
  EXPECT_EQ(r->slot_types[0], slot_bit(V::I32) | slot_bit(V::ExternRef));
  EXPECT_EQ(r->slot_types[1], slot_bit(V::FuncRef));
}

TEST(FunctionValidatorIR, SelectRecordsOperandType) {
  auto r = validate_code({V::F64, V::F64, V::I32}, {V::F64},
                         {op::LocalGet, 0, op::LocalGet, 1, op::LocalGet, 2, op::Select, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(r->code[3].op, Opcode::Select);
  EXPECT_EQ(r->code[3].type, V::F64);
  EXPECT_EQ(r->code[3].height, 3u);
}

TEST(FunctionValidatorIR, ReusedValidatorAndIR) {
  ModuleBuilder b;
  uint32_t t0 = b.type({}, {V::I32});
  uint32_t t1 = b.type({V::I64}, {});
  uint32_t f0 = b.func(t0, code({op::Block, kI32, op::I32Const, 1, op::End, op::End}));
  uint32_t f1 = b.func(t1, code({op::LocalGet, 0, op::Drop, op::End}));
  const Module& m = b.finish();
  FunctionValidator validator;
  FunctionIR ir;
  ASSERT_TRUE(validator.validate(m, f0, Features(), ir).ok());
  EXPECT_EQ(ir.blocks.size(), 2u);
  ASSERT_TRUE(validator.validate(m, f1, Features(), ir).ok());
  EXPECT_EQ(ir.func_index, f1);
  EXPECT_EQ(ir.blocks.size(), 1u);
  EXPECT_EQ(ir.locals, std::vector<V>{V::I64});
  EXPECT_EQ(ops_of(ir), (std::vector<Opcode>{Opcode::LocalGet, Opcode::Drop, Opcode::End}));
  ASSERT_EQ(ir.slot_types.size(), 1u);
  EXPECT_EQ(ir.slot_types[0], slot_bit(V::I64));
  // An error in between leaves the validator usable.
  ModuleBuilder bad;
  uint32_t tb = bad.type({}, {});
  uint32_t fb = bad.func(tb, code({op::I32Add, op::End}));
  const Module& mb = bad.finish();
  EXPECT_FALSE(validator.validate(mb, fb, Features(), ir).ok());
  ASSERT_TRUE(validator.validate(m, f0, Features(), ir).ok());
  EXPECT_EQ(ir.code.size(), 4u);
}

}  // namespace
}  // namespace wasm2cpp::test
