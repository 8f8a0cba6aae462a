// Identifier sanitisation, unique naming and literal escaping used by the
// emitter.
#include <gtest/gtest.h>

#include "emit/emitter.hpp"

namespace wasm2cpp::emit {
namespace {

TEST(EmitNaming, KeepsPlainIdentifiers) {
  EXPECT_EQ(sanitize_identifier("add"), "add");
  EXPECT_EQ(sanitize_identifier("_start"), "_start");
  EXPECT_EQ(sanitize_identifier("Mixed_Case9"), "Mixed_Case9");
}

TEST(EmitNaming, ReplacesNonIdentifierBytes) {
  EXPECT_EQ(sanitize_identifier("a-b.c d"), "a_b_c_d");
  EXPECT_EQ(sanitize_identifier("\xc3\xa9t\xc3\xa9"), "__t__");  // UTF-8 bytes
  EXPECT_EQ(sanitize_identifier(std::string_view("x\0y", 3)), "x_y");
  EXPECT_EQ(sanitize_identifier(""), "_");
}

TEST(EmitNaming, LeadingDigitGetsPrefix) {
  EXPECT_EQ(sanitize_identifier("8u_good1"), "_8u_good1");
  EXPECT_EQ(sanitize_identifier("0"), "_0");
}

TEST(EmitNaming, KeywordsAndLibraryMacrosGetSuffix) {
  EXPECT_EQ(sanitize_identifier("int"), "int_");
  EXPECT_EQ(sanitize_identifier("return"), "return_");
  EXPECT_EQ(sanitize_identifier("and"), "and_");
  EXPECT_EQ(sanitize_identifier("co_await"), "co_await_");
  EXPECT_EQ(sanitize_identifier("assert"), "assert_");
  EXPECT_EQ(sanitize_identifier("errno"), "errno_");
  EXPECT_EQ(sanitize_identifier("NULL"), "NULL_");
  EXPECT_EQ(sanitize_identifier("linux"), "linux_");
  // Near misses stay as they are.
  EXPECT_EQ(sanitize_identifier("integer"), "integer");
  EXPECT_EQ(sanitize_identifier("Int"), "Int");
}

TEST(EmitNaming, NameSetDisambiguatesDeterministically) {
  NameSet names;
  names.reserve("exports");
  EXPECT_EQ(names.claim("exports"), "exports_2");
  EXPECT_EQ(names.claim("f"), "f");
  EXPECT_EQ(names.claim("f"), "f_2");
  EXPECT_EQ(names.claim("f"), "f_3");
  // A later literal "f_2" does not collide with the generated one.
  EXPECT_EQ(names.claim("f_2"), "f_2_2");
}

TEST(EmitNaming, StringLiteralsEscapeEverythingUnsafe) {
  EXPECT_EQ(cpp_string_literal("abc"), "\"abc\"");
  EXPECT_EQ(cpp_string_literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
  // Octal escapes always have three digits, so a following digit is not
  // absorbed into the escape.
  EXPECT_EQ(cpp_string_literal(std::string_view("\0" "1", 2)), "\"\\0001\"");
  EXPECT_EQ(cpp_string_literal("\n\xff"), "\"\\012\\377\"");
  // No trigraph-like sequences.
  EXPECT_EQ(cpp_string_literal("?" "?="), "\"\\?\\?=\"");  // split: no trigraph warning here
}

TEST(EmitNaming, TypeSpellings) {
  EXPECT_EQ(public_type(ValType::I32), "int32_t");
  EXPECT_EQ(internal_type(ValType::I32), "uint32_t");
  EXPECT_EQ(internal_type(ValType::I64), "uint64_t");
  EXPECT_EQ(internal_type(ValType::F64), "double");
  EXPECT_EQ(public_type(ValType::FuncRef), "wasm2cpp::FuncRef");
  EXPECT_EQ(result_type(FuncType{{}, {}}), "void");
  EXPECT_EQ(result_type(FuncType{{ValType::I32}, {ValType::F32}}), "float");
  EXPECT_EQ(result_type(FuncType{{}, {ValType::I32, ValType::I64}}), "std::tuple<int32_t, int64_t>");
  EXPECT_EQ(code_pointer_type(FuncType{{ValType::I32, ValType::F64}, {ValType::I64}}),
            "int64_t (*)(void*, int32_t, double)");
}

}  // namespace
}  // namespace wasm2cpp::emit
