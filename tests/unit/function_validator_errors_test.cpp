// One case (at least) per validation rule of the function validator, with
// the spec testsuite's message texts as prefixes.
#include <gtest/gtest.h>

#include "function_validator_test_util.hpp"

namespace wasm2cpp::test {
namespace {

using V = ValType;

TEST(FunctionValidatorErrors, OperandTypeMismatch) {
  EXPECT_TRUE(fails_with(validate_code({}, {V::I32}, {op::I64Const, 1, op::I32Eqz, op::End}),
                         "type mismatch"));
}

TEST(FunctionValidatorErrors, OperandMissing) {
  EXPECT_TRUE(fails_with(validate_code({}, {}, {op::I32Const, 1, op::I32Add, op::Drop, op::End}),
                         "type mismatch"));
}

TEST(FunctionValidatorErrors, ResultsMissingOrExtraAtEnd) {
  EXPECT_TRUE(fails_with(validate_code({}, {V::I32}, {op::End}), "type mismatch"));
  EXPECT_TRUE(fails_with(validate_code({}, {}, {op::I32Const, 1, op::End}), "type mismatch"));
  EXPECT_TRUE(fails_with(
      validate_code({}, {}, {op::Block, kI32, op::I64Const, 1, op::End, op::Drop, op::End}),
      "type mismatch"));
}

TEST(FunctionValidatorErrors, DeadCodeIsStillTyped) {
  // After `unreachable` missing operands are fine, wrong ones are not.
  EXPECT_TRUE(fails_with(
      validate_code({}, {}, {op::Unreachable, op::I64Const, 0, op::I32Add, op::Drop, op::End}),
      "type mismatch"));
}

TEST(FunctionValidatorErrors, ErrorOffsetIsTheInstruction) {
  auto r = validate_code({}, {}, {op::Nop, op::Nop, op::I32Add, op::End});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, ModuleBuilder::kBaseOffset + 3);
}

TEST(FunctionValidatorErrors, UnknownLabel) {
  EXPECT_TRUE(fails_with(validate_code({}, {}, {op::Block, kVoid, op::Br, 2, op::End, op::End}),
                         "unknown label"));
  EXPECT_TRUE(
      fails_with(validate_code({}, {}, {op::I32Const, 0, op::BrIf, 1, op::End}), "unknown label"));
  EXPECT_TRUE(fails_with(validate_code({}, {}, {op::I32Const, 0, op::BrTable, 1, 0, 1, op::End}),
                         "unknown label"));
  EXPECT_TRUE(fails_with(validate_code({}, {}, {op::I32Const, 0, op::BrTable, 1, 3, 0, op::End}),
                         "unknown label"));
}

TEST(FunctionValidatorErrors, BranchValueTypes) {
  EXPECT_TRUE(fails_with(
      validate_code({}, {},
                    {op::Block, kI32, op::I64Const, 0, op::Br, 0, op::End, op::Drop, op::End}),
      "type mismatch"));
  EXPECT_TRUE(fails_with(
      validate_code({}, {},
                    {op::Block, kI32, op::I32Const, 0, op::BrIf, 0, op::End, op::Drop, op::End}),
      "type mismatch"));
}

TEST(FunctionValidatorErrors, BrTableArityMustAgree) {
  // block (result i32) block: the targets have 1 and 0 values.
  EXPECT_TRUE(
      fails_with(validate_code({}, {V::I32},
                               {op::Block, kI32, op::Block, kVoid, op::I32Const, 1, op::I32Const, 0,
                                op::BrTable, 1, 0, 1, op::End, op::I32Const, 2, op::End, op::End}),
                 "type mismatch"));
  // Even in dead code.
  EXPECT_TRUE(
      fails_with(validate_code({}, {V::I32},
                               {op::Block, kI32, op::Block, kVoid, op::Unreachable, op::BrTable, 1,
                                0, 1, op::End, op::I32Const, 2, op::End, op::End}),
                 "type mismatch"));
}

TEST(FunctionValidatorErrors, BrTableTypesCheckedPerTarget) {
  // Same arity, different types, with a concrete i64 operand: the i32 label rejects it.
  EXPECT_TRUE(fails_with(
      validate_code({}, {V::I32},
                    {op::Block, kI32, op::Block, kI64, op::I64Const, 1, op::I32Const, 0,
                     op::BrTable, 1, 0, 1, op::End, op::Drop, op::I32Const, 0, op::End, op::End}),
      "type mismatch"));
}

TEST(FunctionValidatorErrors, ReturnValues) {
  EXPECT_TRUE(
      fails_with(validate_code({}, {V::I32}, {op::F32Const, 0, 0, 0, 0, op::Return, op::End}),
                 "type mismatch"));
  EXPECT_TRUE(fails_with(validate_code({}, {V::I32}, {op::Return, op::End}), "type mismatch"));
}

TEST(FunctionValidatorErrors, IfConditionAndArms) {
  EXPECT_TRUE(
      fails_with(validate_code({}, {}, {op::If, kVoid, op::End, op::End}), "type mismatch"));
  // then arm produces i32 but no else: [] -> [i32] needs an else.
  EXPECT_TRUE(
      fails_with(validate_code({}, {V::I32},
                               {op::I32Const, 1, op::If, kI32, op::I32Const, 1, op::End, op::End}),
                 "type mismatch"));
  // else arm of the wrong type.
  EXPECT_TRUE(fails_with(validate_code({}, {V::I32},
                                       {op::I32Const, 1, op::If, kI32, op::I32Const, 1, op::Else,
                                        op::I64Const, 1, op::End, op::End}),
                         "type mismatch"));
}

TEST(FunctionValidatorErrors, IfWithoutElseNeedsMatchingParamsAndResults) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {V::I64});
  uint32_t bt = b.type({V::I32}, {V::I64});
  uint32_t f = b.func(t, code({op::I32Const, 5, op::I32Const, 1, op::If, static_cast<uint8_t>(bt),
                               op::Drop, op::I64Const, 1, op::End, op::End}));
  EXPECT_TRUE(fails_with(validate_function(b.finish(), f, Features()), "type mismatch"));
}

TEST(FunctionValidatorErrors, BlockParamsMustBeOnTheStack) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  uint32_t bt = b.type({V::I32}, {});
  uint32_t f = b.func(t, code({op::F32Const, 0, 0, 0, 0, op::Block, static_cast<uint8_t>(bt),
                               op::Drop, op::End, op::End}));
  EXPECT_TRUE(fails_with(validate_function(b.finish(), f, Features()), "type mismatch"));
}

TEST(FunctionValidatorErrors, UnknownBlockType) {
  EXPECT_TRUE(
      fails_with(validate_code({}, {}, {op::Block, 0x05, op::End, op::End}), "unknown type"));
}

TEST(FunctionValidatorErrors, ElseWithoutIf) {
  EXPECT_TRUE(fails_with(validate_code({}, {}, {op::Block, kVoid, op::Else, op::End, op::End}),
                         "else without matching if"));
  EXPECT_TRUE(fails_with(
      validate_code({}, {}, {op::I32Const, 0, op::If, kVoid, op::Else, op::Else, op::End, op::End}),
      "else without matching if"));
}

TEST(FunctionValidatorErrors, MissingFinalEnd) {
  EXPECT_TRUE(fails_with(validate_code({}, {}, {op::I32Const, 1, op::Drop}), "unexpected end"));
  EXPECT_TRUE(fails_with(validate_code({}, {}, {op::Block, kVoid, op::End}), "unexpected end"));
}

TEST(FunctionValidatorErrors, CodeAfterFinalEnd) {
  EXPECT_TRUE(fails_with(validate_code({}, {}, {op::End, op::Nop}), "section size mismatch"));
}

TEST(FunctionValidatorErrors, TooManyLocals) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  // 0xffffffff i32 + 2 i64
  uint32_t f = b.func(t, {0x02, 0xff, 0xff, 0xff, 0xff, 0x0f, kI32, 0x02, kI64, op::End});
  EXPECT_TRUE(fails_with(validate_function(b.finish(), f, Features()), "too many locals"));
  ModuleBuilder b2;
  t = b2.type({}, {});
  // 60000 locals: under 2^32 but over the implementation limit.
  f = b2.func(t, {0x01, 0xe0, 0xd4, 0x03, kI32, op::End});
  auto r = validate_function(b2.finish(), f, Features());
  EXPECT_TRUE(fails_with(r, "too many locals"));
}

TEST(FunctionValidatorErrors, MalformedLocalType) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  uint32_t f = b.func(t, {0x01, 0x01, 0x40, op::End});
  EXPECT_FALSE(validate_function(b.finish(), f, Features()).ok());
}

TEST(FunctionValidatorErrors, Locals) {
  EXPECT_TRUE(fails_with(validate_code({V::I32}, {}, {op::LocalGet, 1, op::Drop, op::End}),
                         "unknown local"));
  EXPECT_TRUE(
      fails_with(validate_code({V::I32}, {}, {op::F32Const, 0, 0, 0, 0, op::LocalSet, 0, op::End}),
                 "type mismatch"));
  EXPECT_TRUE(
      fails_with(validate_code({V::I64}, {V::I32}, {op::I64Const, 0, op::LocalTee, 0, op::End}),
                 "type mismatch"));
}

TEST(FunctionValidatorErrors, Globals) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  b.global(V::I32, false);
  b.global(V::I64, true);
  uint32_t unknown = b.func(t, code({op::GlobalGet, 2, op::Drop, op::End}));
  uint32_t immutable = b.func(t, code({op::I32Const, 0, op::GlobalSet, 0, op::End}));
  uint32_t wrong = b.func(t, code({op::I32Const, 0, op::GlobalSet, 1, op::End}));
  uint32_t good = b.func(t, code({op::GlobalGet, 1, op::GlobalSet, 1, op::End}));
  const Module& m = b.finish();
  EXPECT_TRUE(fails_with(validate_function(m, unknown, Features()), "unknown global"));
  EXPECT_TRUE(fails_with(validate_function(m, immutable, Features()), "global is immutable"));
  EXPECT_TRUE(fails_with(validate_function(m, wrong, Features()), "type mismatch"));
  auto r = validate_function(m, good, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(r->code[0].type, V::I64);
}

TEST(FunctionValidatorErrors, Select) {
  // Untyped select of references.
  EXPECT_TRUE(fails_with(validate_code({}, {},
                                       {op::RefNull, kFuncRef, op::RefNull, kFuncRef, op::I32Const,
                                        1, op::Select, op::Drop, op::End}),
                         "type mismatch"));
  // Operands of different types.
  EXPECT_TRUE(fails_with(validate_code({}, {},
                                       {op::I32Const, 1, op::I64Const, 1, op::I32Const, 1,
                                        op::Select, op::Drop, op::End}),
                         "type mismatch"));
  // Typed select with two types.
  EXPECT_TRUE(fails_with(validate_code({}, {},
                                       {op::I32Const, 1, op::I32Const, 1, op::I32Const, 1,
                                        op::SelectT, 2, kI32, kI32, op::Drop, op::End}),
                         "invalid result arity"));
  // Typed select of references is fine.
  EXPECT_TRUE(validate_code({}, {},
                            {op::RefNull, kExternRef, op::RefNull, kExternRef, op::I32Const, 1,
                             op::SelectT, 1, kExternRef, op::Drop, op::End})
                  .ok());
  // Untyped select in dead code with one known operand.
  auto r = validate_code({}, {V::I64},
                         {op::Unreachable, op::I64Const, 1, op::I32Const, 1, op::Select, op::End});
  EXPECT_TRUE(r.ok()) << error_of(r);
  // ...but a reference is still rejected there.
  EXPECT_TRUE(fails_with(validate_code({}, {},
                                       {op::Unreachable, op::RefNull, kFuncRef, op::I32Const, 1,
                                        op::Select, op::Drop, op::End}),
                         "type mismatch"));
}

TEST(FunctionValidatorErrors, Calls) {
  ModuleBuilder b;
  uint32_t t = b.type({V::I32}, {});
  uint32_t unknown = b.func(t, code({op::LocalGet, 0, op::Call, 9, op::End}));
  uint32_t wrong_arg = b.func(t, code({op::I64Const, 0, op::Call, 0, op::End}));
  const Module& m = b.finish();
  EXPECT_TRUE(fails_with(validate_function(m, unknown, Features()), "unknown function"));
  EXPECT_TRUE(fails_with(validate_function(m, wrong_arg, Features()), "type mismatch"));
}

TEST(FunctionValidatorErrors, CallIndirect) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  b.table(V::FuncRef);
  b.table(V::ExternRef);
  uint32_t ok = b.func(t, code({op::I32Const, 0, op::CallIndirect, 0, 0, op::End}));
  uint32_t extern_table = b.func(t, code({op::I32Const, 0, op::CallIndirect, 0, 1, op::End}));
  uint32_t no_table = b.func(t, code({op::I32Const, 0, op::CallIndirect, 0, 2, op::End}));
  uint32_t no_type = b.func(t, code({op::I32Const, 0, op::CallIndirect, 3, 0, op::End}));
  uint32_t no_index = b.func(t, code({op::CallIndirect, 0, 0, op::End}));
  const Module& m = b.finish();
  auto r = validate_function(m, ok, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_TRUE(r->has_calls);
  EXPECT_EQ(r->code[1].a, 0u);
  EXPECT_EQ(r->code[1].b, 0u);
  EXPECT_TRUE(fails_with(validate_function(m, extern_table, Features()), "type mismatch"));
  EXPECT_TRUE(fails_with(validate_function(m, no_table, Features()), "unknown table"));
  EXPECT_TRUE(fails_with(validate_function(m, no_type, Features()), "unknown type"));
  EXPECT_TRUE(fails_with(validate_function(m, no_index, Features()), "type mismatch"));
}

TEST(FunctionValidatorErrors, TailCallResultsMustMatch) {
  Features features;
  features.set(Feature::TailCall, true);
  ModuleBuilder b;
  uint32_t t = b.type({}, {V::I32});
  uint32_t callee_type = b.type({}, {V::I64});
  uint32_t callee = b.import_func(callee_type);
  uint32_t bad = b.func(t, code({op::ReturnCall, static_cast<uint8_t>(callee), op::End}));
  uint32_t good = b.func(t, code({op::ReturnCall, 1, op::End}));  // itself
  const Module& m = b.finish();
  EXPECT_TRUE(fails_with(validate_function(m, bad, features), "type mismatch"));
  auto r = validate_function(m, good, features);
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_FALSE(r->blocks[0].end_reachable);
}

TEST(FunctionValidatorErrors, Memory) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  uint32_t no_memory = b.func(t, code({op::I32Const, 0, op::I32Load, 2, 0, op::Drop, op::End}));
  const Module& m0 = b.finish();
  EXPECT_TRUE(fails_with(validate_function(m0, no_memory, Features()), "unknown memory"));

  ModuleBuilder b1;
  t = b1.type({}, {});
  b1.memory();
  uint32_t misaligned = b1.func(t, code({op::I32Const, 0, op::I32Load8U, 1, 0, op::Drop, op::End}));
  uint32_t aligned = b1.func(t, code({op::I32Const, 0, op::I32Load8U, 0, 0, op::Drop, op::End}));
  uint32_t store_type =
      b1.func(t, code({op::I32Const, 0, op::I32Const, 0, op::I64Store, 3, 0, op::End}));
  uint32_t address_type = b1.func(t, code({op::I64Const, 0, op::I32Load, 2, 0, op::Drop, op::End}));
  uint32_t size_grow = b1.func(t, code({op::MemorySize, 0, op::MemoryGrow, 0, op::Drop, op::End}));
  uint32_t grow_wrong = b1.func(t, code({op::I64Const, 0, op::MemoryGrow, 0, op::Drop, op::End}));
  const Module& m1 = b1.finish();
  EXPECT_TRUE(fails_with(validate_function(m1, misaligned, Features()),
                         "alignment must not be larger than natural"));
  EXPECT_TRUE(validate_function(m1, aligned, Features()).ok());
  EXPECT_TRUE(fails_with(validate_function(m1, store_type, Features()), "type mismatch"));
  EXPECT_TRUE(fails_with(validate_function(m1, address_type, Features()), "type mismatch"));
  auto r = validate_function(m1, size_grow, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_TRUE(r->uses_memory);
  EXPECT_TRUE(fails_with(validate_function(m1, grow_wrong, Features()), "type mismatch"));
}

TEST(FunctionValidatorErrors, Memory64AddressesAndOffsets) {
  Features features;
  features.set(Feature::Memory64, true);
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  b.memory(1, /*is64=*/true);
  b.memory(1, /*is64=*/false);
  features.set(Feature::MultiMemory, true);
  uint32_t ok = b.func(t, code({op::I64Const, 0, op::I32Load, 2, 0, op::Drop, op::End}));
  uint32_t wrong = b.func(t, code({op::I32Const, 0, op::I32Load, 2, 0, op::Drop, op::End}));
  // i32 memory (index 1, flag bit 6) with an offset of 2^32.
  uint32_t far = b.func(t, code({op::I32Const, 0, op::I32Load, 0x42, 1, 0x80, 0x80, 0x80, 0x80,
                                 0x10, op::Drop, op::End}));
  const Module& m = b.finish();
  auto r = validate_function(m, ok, features);
  EXPECT_TRUE(r.ok()) << error_of(r);
  EXPECT_TRUE(fails_with(validate_function(m, wrong, features), "type mismatch"));
  EXPECT_TRUE(fails_with(validate_function(m, far, features), "offset out of range"));
}

TEST(FunctionValidatorErrors, BulkMemory) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  b.memory();
  uint32_t init = b.func(t, code({op::I32Const, 0, op::I32Const, 0, op::I32Const, 0, op::Prefix,
                                  op::MemoryInit, 0, 0, op::End}));
  uint32_t init1 = b.func(t, code({op::I32Const, 0, op::I32Const, 0, op::I32Const, 0, op::Prefix,
                                   op::MemoryInit, 1, 0, op::End}));
  uint32_t drop = b.func(t, code({op::Prefix, op::DataDrop, 0, op::End}));
  uint32_t copy = b.func(t, code({op::I32Const, 0, op::I32Const, 0, op::I64Const, 0, op::Prefix,
                                  op::MemoryCopy, 0, 0, op::End}));
  uint32_t fill = b.func(t, code({op::I32Const, 0, op::I32Const, 0, op::I32Const, 0, op::Prefix,
                                  op::MemoryFill, 0, op::End}));
  const Module& m = b.finish();
  // No data segments at all: the index is unknown.
  EXPECT_TRUE(fails_with(validate_function(m, drop, Features()), "unknown data segment"));
  // A data segment but no data count section.
  b.data();
  EXPECT_TRUE(fails_with(validate_function(m, init, Features()), "data count section required"));
  EXPECT_TRUE(fails_with(validate_function(m, drop, Features()), "data count section required"));
  EXPECT_TRUE(fails_with(validate_function(m, copy, Features()), "type mismatch"));
  EXPECT_TRUE(validate_function(m, fill, Features()).ok());
  b.data_count(1);
  EXPECT_TRUE(validate_function(b.module(), init, Features()).ok());
  EXPECT_TRUE(fails_with(validate_function(b.module(), init1, Features()), "unknown data segment"));
  EXPECT_TRUE(validate_function(b.module(), drop, Features()).ok());
}

TEST(FunctionValidatorErrors, Tables) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  b.table(V::FuncRef);
  b.table(V::ExternRef);
  b.elem(V::FuncRef);
  auto f = [&](std::initializer_list<uint8_t> bytes) { return b.func(t, code(bytes)); };
  uint32_t unknown_get = f({op::I32Const, 0, op::TableGet, 2, op::Drop, op::End});
  uint32_t set_wrong = f({op::I32Const, 0, op::RefNull, kFuncRef, op::TableSet, 1, op::End});
  uint32_t copy_mismatch = f({op::I32Const, 0, op::I32Const, 0, op::I32Const, 0, op::Prefix,
                              op::TableCopy, 0, 1, op::End});
  uint32_t copy_ok = f({op::I32Const, 0, op::I32Const, 0, op::I32Const, 0, op::Prefix,
                        op::TableCopy, 0, 0, op::End});
  uint32_t init_mismatch = f({op::I32Const, 0, op::I32Const, 0, op::I32Const, 0, op::Prefix,
                              op::TableInit, 0, 1, op::End});
  uint32_t init_unknown = f({op::I32Const, 0, op::I32Const, 0, op::I32Const, 0, op::Prefix,
                             op::TableInit, 1, 0, op::End});
  uint32_t elem_drop = f({op::Prefix, op::ElemDrop, 1, op::End});
  uint32_t grow = f({op::RefNull, kExternRef, op::I32Const, 1, op::Prefix, op::TableGrow, 1,
                     op::Prefix, op::TableSize, 1, op::I32Add, op::Drop, op::End});
  uint32_t fill_wrong = f({op::I32Const, 0, op::RefNull, kExternRef, op::I32Const, 1, op::Prefix,
                           op::TableFill, 0, op::End});
  const Module& m = b.finish();
  EXPECT_TRUE(fails_with(validate_function(m, unknown_get, Features()), "unknown table"));
  EXPECT_TRUE(fails_with(validate_function(m, set_wrong, Features()), "type mismatch"));
  EXPECT_TRUE(fails_with(validate_function(m, copy_mismatch, Features()), "type mismatch"));
  EXPECT_TRUE(validate_function(m, copy_ok, Features()).ok());
  EXPECT_TRUE(fails_with(validate_function(m, init_mismatch, Features()), "type mismatch"));
  EXPECT_TRUE(fails_with(validate_function(m, init_unknown, Features()), "unknown elem segment"));
  EXPECT_TRUE(fails_with(validate_function(m, elem_drop, Features()), "unknown elem segment"));
  auto r = validate_function(m, grow, Features());
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(r->code[2].op, Opcode::TableGrow);
  EXPECT_EQ(r->code[2].type, V::ExternRef);
  EXPECT_TRUE(fails_with(validate_function(m, fill_wrong, Features()), "type mismatch"));
}

TEST(FunctionValidatorErrors, References) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  uint32_t undeclared = b.func(t, code({op::RefFunc, 0, op::Drop, op::End}));
  uint32_t declared = b.func(t, code({op::RefFunc, 1, op::Drop, op::End}));
  uint32_t unknown = b.func(t, code({op::RefFunc, 7, op::Drop, op::End}));
  uint32_t is_null_number = b.func(t, code({op::I32Const, 0, op::RefIsNull, op::Drop, op::End}));
  b.declare_ref(declared);
  const Module& m = b.finish();
  EXPECT_TRUE(
      fails_with(validate_function(m, undeclared, Features()), "undeclared function reference"));
  EXPECT_TRUE(validate_function(m, declared, Features()).ok());
  EXPECT_TRUE(fails_with(validate_function(m, unknown, Features()), "unknown function"));
  EXPECT_TRUE(fails_with(validate_function(m, is_null_number, Features()), "type mismatch"));
}

TEST(FunctionValidatorErrors, FeatureGatedOpcodesAreRejected) {
  Features mvp = Features::none();
  EXPECT_FALSE(validate_code({}, {}, {op::RefNull, kFuncRef, op::Drop, op::End}, mvp).ok());
}

}  // namespace
}  // namespace wasm2cpp::test
