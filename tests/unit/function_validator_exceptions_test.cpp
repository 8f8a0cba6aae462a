// Exception handling in the function validator: try arms, delegate target
// resolution, rethrow labels, throw payloads, liveness and the feature gate.
#include <gtest/gtest.h>

#include "function_validator_test_util.hpp"

namespace wasm2cpp::test {
namespace {

using V = ValType;

// Exception-handling opcodes (legacy form).
constexpr uint8_t kTry = 0x06, kCatch = 0x07, kThrow = 0x08, kRethrow = 0x09, kDelegate = 0x18,
                  kCatchAll = 0x19;

Features with_exceptions() {
  Features f;
  f.set(Feature::Exceptions, true);
  return f;
}

// A module with tag 0 of type (i32) and tag 1 of type (), and one function.
// (The result keeps the module: the IR refers to its types.)
ValidatedCode validate_eh(std::vector<ValType> results, std::initializer_list<uint8_t> bytes) {
  auto b = std::make_unique<ModuleBuilder>();
  uint32_t t = b->type({}, std::move(results));
  uint32_t tag_i32 = b->type({V::I32}, {});
  uint32_t tag_empty = b->type({}, {});
  Tag tag;
  tag.type_index = tag_i32;
  b->module().tags.push_back(tag);
  tag.type_index = tag_empty;
  b->module().tags.push_back(tag);
  uint32_t f = b->func(t, code(bytes));
  Expected<FunctionIR> r = validate_function(b->finish(), f, with_exceptions());
  return ValidatedCode(std::move(r), std::move(b));
}

std::vector<Opcode> ops(const FunctionIR& ir) {
  std::vector<Opcode> out;
  for (const Instr& in : ir.code) out.push_back(in.op);
  return out;
}

TEST(FunctionValidatorExceptions, TryCatchArmsAndPayload) {
  // try (result i32) i32.const 1 catch 0 (payload i32) catch_all i32.const 2 end
  auto r = validate_eh({V::I32}, {kTry, kI32, op::I32Const, 1, kCatch, 0, kCatchAll, op::I32Const,
                                  2, op::End, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  const FunctionIR& ir = r.value();
  EXPECT_EQ(ops(ir), (std::vector<Opcode>{Opcode::Try, Opcode::I32Const, Opcode::Catch,
                                          Opcode::CatchAll, Opcode::I32Const, Opcode::End,
                                          Opcode::End}));
  ASSERT_EQ(ir.blocks.size(), 2u);
  EXPECT_EQ(ir.blocks[1].kind, BlockKind::Try);
  EXPECT_TRUE(ir.blocks[1].end_reachable);
  EXPECT_EQ(ir.code[2].a, 1u);  // catch: the try block
  EXPECT_EQ(ir.code[2].b, 0u);  // and the tag
  EXPECT_EQ(ir.code[2].height, 1u);  // where the body's result sits
  EXPECT_EQ(ir.code[3].a, 1u);
}

TEST(FunctionValidatorExceptions, CatchPayloadMustMatchResults) {
  // The payload of tag 1 is empty: the catch arm ends without the i32.
  auto r = validate_eh({V::I32}, {kTry, kI32, op::I32Const, 1, kCatch, 1, op::End, op::End});
  EXPECT_TRUE(fails_with(r, "type mismatch"));
}

TEST(FunctionValidatorExceptions, UnknownTag) {
  EXPECT_TRUE(fails_with(validate_eh({}, {kThrow, 2, op::End}), "unknown tag 2"));
  EXPECT_TRUE(
      fails_with(validate_eh({}, {kTry, kVoid, kCatch, 5, op::End, op::End}), "unknown tag 5"));
}

TEST(FunctionValidatorExceptions, ThrowPopsThePayloadAndEndsLiveness) {
  auto r = validate_eh({V::I32}, {op::I32Const, 7, kThrow, 0, op::I32Const, 1, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  EXPECT_EQ(ops(r.value()), (std::vector<Opcode>{Opcode::I32Const, Opcode::Throw, Opcode::End}));
  EXPECT_EQ(r.value().code[1].height, 1u);
  EXPECT_TRUE(fails_with(validate_eh({}, {kThrow, 0, op::End}), "type mismatch"));
}

TEST(FunctionValidatorExceptions, RethrowNeedsACatchLabel) {
  EXPECT_TRUE(fails_with(validate_eh({}, {kRethrow, 0, op::End}), "invalid rethrow label"));
  EXPECT_TRUE(fails_with(validate_eh({}, {kTry, kVoid, kRethrow, 0, op::End, op::End}),
                         "invalid rethrow label"));
  // From inside a block nested in catch_all: label 1 is the catch.
  auto r = validate_eh(
      {}, {kTry, kVoid, kCatchAll, op::Block, kVoid, kRethrow, 1, op::End, op::End, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  for (const Instr& in : r.value().code)
    if (in.op == Opcode::Rethrow) {
      EXPECT_EQ(in.a, 1u);  // the try's block index
    }
}

TEST(FunctionValidatorExceptions, DelegateResolvesItsHandler) {
  // try $outer (do try (do try (do) delegate 1) catch_all end) catch_all end:
  // delegate 1 counts from outside the innermost try: 0 = middle, 1 = outer.
  auto r = validate_eh({}, {kTry, kVoid, kTry, kVoid, kTry, kVoid, kDelegate, 1, kCatchAll,
                            op::End, kCatchAll, op::End, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  bool seen = false;
  for (const Instr& in : r.value().code) {
    if (in.op != Opcode::Delegate) continue;
    seen = true;
    EXPECT_EQ(in.a, 3u);  // the delegating try
    EXPECT_EQ(in.b, 1u);  // the outer try receives the exception
  }
  EXPECT_TRUE(seen);
}

TEST(FunctionValidatorExceptions, DelegateToABlockOrACatchGoesFurtherOut) {
  // block (try delegate 0) inside a catch_all of try 1: label 0 is the
  // block, whose nearest try in its body... is none here: the caller (0).
  auto r = validate_eh({}, {kTry, kVoid, kCatchAll, op::Block, kVoid, kTry, kVoid, kDelegate, 0,
                            op::End, op::End, op::End});
  ASSERT_TRUE(r.ok()) << error_of(r);
  for (const Instr& in : r.value().code)
    if (in.op == Opcode::Delegate) {
      EXPECT_EQ(in.b, 0u);
    }
  EXPECT_TRUE(fails_with(validate_eh({}, {kTry, kVoid, kDelegate, 1, op::End}), "unknown label"));
}

TEST(FunctionValidatorExceptions, ArmsOutOfPlace) {
  EXPECT_TRUE(fails_with(validate_eh({}, {kCatchAll, op::End}), "catch_all without matching try"));
  EXPECT_TRUE(fails_with(validate_eh({}, {op::Block, kVoid, kCatch, 0, op::End, op::End}),
                         "catch without matching try"));
  EXPECT_TRUE(fails_with(
      validate_eh({}, {kTry, kVoid, kCatchAll, kCatchAll, op::End, op::End}), "catch_all after"));
  EXPECT_TRUE(fails_with(validate_eh({}, {kTry, kVoid, kCatchAll, kDelegate, 0, op::End}),
                         "delegate after catch"));
}

TEST(FunctionValidatorExceptions, FeatureGateNamesTheFlag) {
  ModuleBuilder b;
  uint32_t t = b.type({}, {});
  uint32_t f = b.func(t, code({kTry, kVoid, op::End, op::End}));
  auto r = validate_function(b.finish(), f, Features());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("--enable-exceptions"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace wasm2cpp::test
