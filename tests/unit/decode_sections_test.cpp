// Section decoders: type, import, function, table, memory, global, export,
// start. (Element, data, code and name sections have their own files.)
#include <gtest/gtest.h>

#include "decode/decode_module.hpp"
#include "wasm_builder.hpp"

namespace wasm2cpp {
namespace {

namespace wb = wasm_builder;

using wb::Bytes;
using wb::ModuleBuilder;

Expected<Module> decode_one(uint8_t id, const Bytes& payload, const Features& f = Features()) {
  return decode_module(ModuleBuilder().section(id, payload).build(), f);
}

void expect_malformed(uint8_t id, const Bytes& payload, const std::string& message,
                      const Features& f = Features()) {
  auto m = decode_one(id, payload, f);
  ASSERT_FALSE(m.ok()) << "expected failure: " << message;
  EXPECT_EQ(m.error().message.substr(0, message.size()), message)
      << "actual: " << m.error().message;
}

void expect_mentions(const Expected<Module>& m, const std::string& text) {
  ASSERT_FALSE(m.ok()) << "expected failure mentioning " << text;
  EXPECT_NE(m.error().message.find(text), std::string::npos) << m.error().message;
}

TEST(DecodeTypeSection, FunctionTypes) {
  auto m = decode_one(wb::kTypeSection, Bytes()
                                               .u32(3)
                                               .func_type({}, {})
                                               .func_type({wb::kI32, wb::kF64}, {wb::kI64})
                                               .func_type({wb::kExternRef}, {wb::kI32, wb::kI32}));
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->types.size(), 3u);
  EXPECT_TRUE(m->types[0].params.empty());
  EXPECT_EQ(m->types[1].params, (std::vector<ValType>{ValType::I32, ValType::F64}));
  EXPECT_EQ(m->types[1].results, std::vector<ValType>{ValType::I64});
  EXPECT_EQ(m->types[2].params, std::vector<ValType>{ValType::ExternRef});
  EXPECT_EQ(m->types[2].results.size(), 2u);
}

TEST(DecodeTypeSection, Errors) {
  expect_malformed(wb::kTypeSection, Bytes().u32(1).raw({0x61, 0x00, 0x00}),
                   "malformed function type");
  // The form is a signed LEB128 byte in the spec grammar.
  expect_malformed(wb::kTypeSection, Bytes().u32(1).raw({0xe0, 0x7f, 0x00, 0x00}),
                   "integer representation too long");
  expect_malformed(wb::kTypeSection, Bytes().u32(1).raw({0x60, 0x01, 0x7a, 0x00}),
                   "malformed value type");
  expect_malformed(wb::kTypeSection, Bytes().u32(1).raw({0x60, 0x00}), "unexpected end");
}

TEST(DecodeTypeSection, FeatureGates) {
  Features no_multi_value;
  no_multi_value.set(Feature::MultiValue, false);
  expect_mentions(decode_one(wb::kTypeSection, Bytes().u32(1).func_type({}, {wb::kI32, wb::kI32}),
                             no_multi_value),
                  "--enable-multi-value");
  Features no_simd;
  no_simd.set(Feature::Simd, false);
  expect_mentions(decode_one(wb::kTypeSection, Bytes().u32(1).func_type({wb::kV128}, {}), no_simd),
                  "--enable-simd");
}

TEST(DecodeImportSection, AllKindsFillIndexSpaces) {
  ModuleBuilder b;
  b.section(wb::kTypeSection, Bytes().u32(1).func_type({}, {}))
      .section(wb::kImportSection, Bytes()
                                         .u32(4)
                                         .name("env").name("f").u8(0x00).u32(0)
                                         .name("env").name("t").u8(0x01).u8(wb::kFuncRef).raw({0x01, 0x01, 0x02})
                                         .name("env").name("m").u8(0x02).raw({0x00, 0x03})
                                         .name("env").name("g").u8(0x03).u8(wb::kI64).u8(0x01))
      .section(wb::kFunctionSection, Bytes().u32(1).u32(0))
      .section(wb::kCodeSection, Bytes().u32(1).sized(Bytes().u32(0).u8(wb::kEnd)));
  auto m = decode_module(b.build(), Features());
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->imports.size(), 4u);
  EXPECT_EQ(m->imports[1].field, "t");
  EXPECT_EQ(m->imports[2].kind, ExternKind::Memory);
  EXPECT_EQ(m->num_imported_functions, 1u);
  EXPECT_EQ(m->num_imported_tables, 1u);
  EXPECT_EQ(m->num_imported_memories, 1u);
  EXPECT_EQ(m->num_imported_globals, 1u);
  ASSERT_EQ(m->functions.size(), 2u);
  EXPECT_TRUE(m->functions[0].imported);
  EXPECT_FALSE(m->functions[1].imported);  // defined functions follow imports
  EXPECT_EQ(m->tables[0].type.limits.min, 1u);
  EXPECT_EQ(m->tables[0].type.limits.max, 2u);
  EXPECT_EQ(m->memories[0].type.limits.min, 3u);
  EXPECT_FALSE(m->memories[0].type.limits.max.has_value());
  EXPECT_TRUE(m->globals[0].type.is_mutable);
  EXPECT_EQ(m->globals[0].type.type, ValType::I64);
  EXPECT_EQ(m->imports[3].index, 0u);
  EXPECT_EQ(m->globals[0].import_index, 3u);
  EXPECT_EQ(m->imports[0].offset, m->functions[0].offset);
}

TEST(DecodeImportSection, Errors) {
  expect_malformed(wb::kImportSection, Bytes().u32(1).name("a").name("b").u8(0x05).u8(0x00),
                   "malformed import kind");
  expect_malformed(wb::kImportSection, Bytes().u32(1).name("a").name("b").u8(0x80).u8(0x00),
                   "malformed import kind");
  expect_malformed(wb::kImportSection, Bytes().u32(1).name("\xff").name("b").u8(0x00).u8(0x00),
                   "malformed UTF-8 encoding");
  expect_malformed(wb::kImportSection, Bytes().u32(1).name("a").name("b").u8(0x03).u8(0x7f).u8(0x02),
                   "malformed mutability");
  Features no_mutable_globals;
  no_mutable_globals.set(Feature::MutableGlobals, false);
  expect_mentions(decode_one(wb::kImportSection,
                             Bytes().u32(1).name("a").name("b").u8(0x03).u8(0x7f).u8(0x01),
                             no_mutable_globals),
                  "--enable-mutable-globals");
}

TEST(DecodeFunctionSection, TypeIndices) {
  auto m = decode_module(ModuleBuilder()
                             .section(wb::kFunctionSection, Bytes().u32(2).u32(0).u32(300))
                             .section(wb::kCodeSection, Bytes()
                                                              .u32(2)
                                                              .sized(Bytes().u32(0).u8(wb::kEnd))
                                                              .sized(Bytes().u32(0).u8(wb::kEnd)))
                             .build(),
                         Features());
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->functions.size(), 2u);
  EXPECT_EQ(m->functions[1].type_index, 300u);  // range is checked by validation
}

TEST(DecodeTableSection, TablesAndLimits) {
  auto m = decode_one(wb::kTableSection, Bytes()
                                                .u32(2)
                                                .u8(wb::kFuncRef).raw({0x00, 0x05})
                                                .u8(wb::kExternRef).u8(0x01).u32(1).u32(100000));
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->tables.size(), 2u);
  EXPECT_EQ(m->tables[0].type.elem, ValType::FuncRef);
  EXPECT_EQ(m->tables[0].type.limits.min, 5u);
  EXPECT_EQ(m->tables[1].type.elem, ValType::ExternRef);
  EXPECT_EQ(m->tables[1].type.limits.max, 100000u);
}

TEST(DecodeTableSection, Errors) {
  expect_malformed(wb::kTableSection, Bytes().u32(1).raw({wb::kFuncRef, 0x02, 0x00}),
                   "integer too large");
  expect_malformed(wb::kTableSection, Bytes().u32(1).raw({wb::kFuncRef, 0x81, 0x00, 0x00}),
                   "integer representation too long");
  expect_malformed(wb::kTableSection, Bytes().u32(1).raw({wb::kI32, 0x00, 0x00}),
                   "malformed reference type");
  // Limits are u32: 2^32 does not fit.
  expect_malformed(wb::kTableSection,
                   Bytes().u32(1).raw({wb::kFuncRef, 0x00, 0x80, 0x80, 0x80, 0x80, 0x10}),
                   "integer too large");
}

TEST(DecodeMemorySection, Limits) {
  auto m = decode_one(wb::kMemorySection, Bytes().u32(1).raw({0x01, 0x02, 0x03}));
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->memories.size(), 1u);
  EXPECT_EQ(m->memories[0].type.limits.min, 2u);
  EXPECT_EQ(m->memories[0].type.limits.max, 3u);
  EXPECT_FALSE(m->memories[0].type.limits.shared);
  EXPECT_FALSE(m->memories[0].type.limits.is64);
}

TEST(DecodeMemorySection, SharedAndMemory64FlagsAreFeatureGated) {
  auto shared = decode_one(wb::kMemorySection, Bytes().u32(1).raw({0x03, 0x01, 0x02}));
  expect_mentions(shared, "--enable-threads");
  EXPECT_EQ(shared.error().message.substr(0, 17), "integer too large");
  expect_mentions(decode_one(wb::kMemorySection, Bytes().u32(1).raw({0x04, 0x01})),
                  "--enable-memory64");
  expect_malformed(wb::kMemorySection, Bytes().u32(1).raw({0x08, 0x01}), "integer too large",
                   Features::all());
  expect_malformed(wb::kMemorySection, Bytes().u32(1).raw({0x81, 0x00, 0x00}),
                   "integer representation too long");

  Features threads;
  threads.set(Feature::Threads, true);
  auto ok = decode_one(wb::kMemorySection, Bytes().u32(1).raw({0x03, 0x01, 0x02}), threads);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_TRUE(ok->memories[0].type.limits.shared);

  Features mem64;
  mem64.set(Feature::Memory64, true);
  // 64-bit limits may exceed 2^32.
  auto big = decode_one(wb::kMemorySection,
                        Bytes().u32(1).u8(0x05).u32(1).u32(uint64_t{1} << 40), mem64);
  ASSERT_TRUE(big.ok()) << big.error().message;
  EXPECT_TRUE(big->memories[0].type.limits.is64);
  EXPECT_EQ(big->memories[0].type.limits.max, uint64_t{1} << 40);
}

TEST(DecodeGlobalSection, TypesAndInitExpressions) {
  auto m = decode_one(wb::kGlobalSection, Bytes()
                                                 .u32(3)
                                                 .raw({wb::kI32, 0x00}).i32_const(-7)
                                                 .raw({wb::kI64, 0x01}).i64_const(1ll << 40)
                                                 .raw({wb::kFuncRef, 0x00}).ref_null(wb::kFuncRef));
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->globals.size(), 3u);
  EXPECT_FALSE(m->globals[0].type.is_mutable);
  ASSERT_EQ(m->globals[0].init.instrs.size(), 1u);  // the end is not stored
  EXPECT_EQ(m->globals[0].init.instrs[0].op, Opcode::I32Const);
  EXPECT_EQ(static_cast<uint32_t>(m->globals[0].init.instrs[0].imm), static_cast<uint32_t>(-7));
  EXPECT_TRUE(m->globals[1].type.is_mutable);
  EXPECT_EQ(m->globals[1].init.instrs[0].imm, uint64_t{1} << 40);
  EXPECT_EQ(m->globals[2].init.instrs[0].op, Opcode::RefNull);
  EXPECT_EQ(m->globals[2].init.instrs[0].type, ValType::FuncRef);
  // Offsets point at the first instruction byte.
  EXPECT_EQ(m->bytes[m->globals[0].init.offset], wb::kI32Const);
}

TEST(DecodeGlobalSection, Errors) {
  expect_malformed(wb::kGlobalSection, Bytes().u32(1).raw({wb::kI32, 0x02}).i32_const(0),
                   "malformed mutability");
  expect_malformed(wb::kGlobalSection, Bytes().u32(1).raw({wb::kI32, 0x00, wb::kI32Const, 0x00}),
                   "unexpected end");
  expect_malformed(wb::kGlobalSection, Bytes().u32(1).raw({wb::kI32, 0x00, 0xff, wb::kEnd}),
                   "illegal opcode");
}

TEST(DecodeGlobalSection, ConstExprKeepsNonConstantInstructionsForTheValidator) {
  // `block end` inside an init expression: decoded (the nested end does not
  // terminate the expression); validation rejects it later.
  auto m = decode_one(wb::kGlobalSection,
                      Bytes().u32(1).raw({wb::kI32, 0x00, 0x02, 0x40, wb::kEnd, 0x41, 0x00, wb::kEnd}));
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->globals[0].init.instrs.size(), 3u);
  EXPECT_EQ(m->globals[0].init.instrs[0].op, Opcode::Block);
  EXPECT_EQ(m->globals[0].init.instrs[1].op, Opcode::End);
}

TEST(DecodeExportSection, Exports) {
  auto m = decode_one(wb::kExportSection, Bytes()
                                                 .u32(2)
                                                 .name("f").u8(0x00).u32(3)
                                                 .name("mem").u8(0x02).u32(0));
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->exports.size(), 2u);
  EXPECT_EQ(m->exports[0].name, "f");
  EXPECT_EQ(m->exports[0].index, 3u);
  EXPECT_EQ(m->exports[1].kind, ExternKind::Memory);
}

TEST(DecodeExportSection, Errors) {
  expect_malformed(wb::kExportSection, Bytes().u32(1).name("f").u8(0x05).u32(0),
                   "malformed export kind");
  expect_malformed(wb::kExportSection, Bytes().u32(1).name("\xc0\x80").u8(0x00).u32(0),
                   "malformed UTF-8 encoding");
}

TEST(DecodeStartSection, FunctionIndex) {
  auto m = decode_one(wb::kStartSection, Bytes().u32(7));
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->start, 7u);
  expect_malformed(wb::kStartSection, Bytes().u32(1).u8(0), "section size mismatch");
}

TEST(DecodeCodeSection, Errors) {
  ModuleBuilder body_too_long;
  body_too_long.section(wb::kFunctionSection, Bytes().u32(1).u32(0))
      .section(wb::kCodeSection, Bytes().u32(1).u32(10).raw({0x00, wb::kEnd}));
  auto m = decode_module(body_too_long.build(), Features());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().message.substr(0, 14), "unexpected end");

  ModuleBuilder count_mismatch;
  count_mismatch.section(wb::kFunctionSection, Bytes().u32(2).u32(0).u32(0))
      .section(wb::kCodeSection, Bytes().u32(1).sized(Bytes().u32(0).u8(wb::kEnd)));
  auto mismatch = decode_module(count_mismatch.build(), Features());
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().message, "function and code section have inconsistent lengths");
}

}  // namespace
}  // namespace wasm2cpp
