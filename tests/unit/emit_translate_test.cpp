// translate(): output files, determinism, sharding, naming from the name
// section, and the shape of emitted code for hand-built modules.
#include <gtest/gtest.h>

#include "emit/translate.hpp"
#include "wasm_builder.hpp"

namespace wasm2cpp {
namespace {

using test::Bytes;
using test::ModuleBuilder;

// Three functions: "add" (i32, i32) -> i32 exported, a helper calling it,
// and a function with a loop; plus a memory, a data segment and names.
std::vector<uint8_t> sample_module(bool with_names) {
  ModuleBuilder m;
  m.section(test::kTypeSection, Bytes().u32(2).func_type({test::kI32, test::kI32}, {test::kI32}).func_type({}, {}));
  m.section(test::kFunctionSection, Bytes().u32(3).u32(0).u32(1).u32(1));
  m.section(test::kMemorySection, Bytes().u32(1).u8(0x00).u32(1));
  m.section(test::kExportSection, Bytes().u32(3)
                                      .name("add").u8(0x00).u32(0)
                                      .name("int").u8(0x00).u32(1)
                                      .name("memory").u8(0x02).u32(0));
  Bytes add_body = Bytes().u32(0).raw({0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b});
  // call add(1, 2); drop
  Bytes call_body = Bytes().u32(0).raw({0x41, 0x01, 0x41, 0x02, 0x10, 0x00, 0x1a, 0x0b});
  // loop: br_if 0 (i32.load (i32.const 65536)) ; end. The address is past
  // the declared minimum, so the access is not statically in bounds.
  Bytes loop_body = Bytes().u32(0).raw(
      {0x03, 0x40, 0x41, 0x80, 0x80, 0x04, 0x28, 0x02, 0x00, 0x0d, 0x00, 0x0b, 0x0b});
  m.section(test::kCodeSection, Bytes().u32(3).sized(add_body).sized(call_body).sized(loop_body));
  m.section(test::kDataSection, Bytes().u32(1).u8(0x00).i32_const(16).name("hi\n"));
  if (with_names) {
    Bytes function_names = Bytes().u32(3).u32(0).name("add").u32(1).name("caller").u32(2).name("add");
    m.custom("name", Bytes().u8(1).sized(function_names));
  }
  return m.build();
}

TranslateOptions options(uint32_t shards = 1) {
  TranslateOptions o;
  o.name = "sample";
  o.input_name = "sample.wasm";
  o.output_stem = "sample";
  o.shards = shards;
  return o;
}

TranslatedModule translate_ok(const std::vector<uint8_t>& wasm, const TranslateOptions& o) {
  auto result = translate(wasm, o);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : TranslatedModule{};
}

bool contains(const std::string& text, std::string_view needle) { return text.find(needle) != std::string::npos; }

TEST(EmitTranslate, ProducesHeaderAndSource) {
  TranslatedModule out = translate_ok(sample_module(false), options());
  EXPECT_EQ(out.header.name, "sample.hpp");
  ASSERT_EQ(out.sources.size(), 1u);
  EXPECT_EQ(out.sources[0].name, "sample.cpp");
  EXPECT_TRUE(contains(out.header.contents, "namespace sample {"));
  EXPECT_TRUE(contains(out.header.contents, "int32_t add(int32_t p0, int32_t p1);"));
  // The export "int" is a keyword: sanitised.
  EXPECT_TRUE(contains(out.header.contents, "void int_();"));
  EXPECT_TRUE(contains(out.header.contents, "wasm2cpp::Memory& memory();"));
  EXPECT_TRUE(contains(out.header.contents, "from sample.wasm"));
  EXPECT_TRUE(contains(out.header.contents, "--bounds-checks=guard"));
}

TEST(EmitTranslate, FpContractPragmasPrecedeEveryInclude) {
  TranslatedModule out = translate_ok(sample_module(false), options());
  const std::string& src = out.sources[0].contents;
  size_t clang_pragma = src.find("#pragma clang fp contract(off)");
  size_t gcc_pragma = src.find("#pragma GCC optimize(\"fp-contract=off\")");
  size_t first_include = src.find("#include");
  ASSERT_NE(clang_pragma, std::string::npos);
  ASSERT_NE(gcc_pragma, std::string::npos);
  EXPECT_LT(clang_pragma, first_include);
  EXPECT_LT(gcc_pragma, first_include);
}

TEST(EmitTranslate, IsDeterministic) {
  for (uint32_t shards : {1u, 3u}) {
    TranslatedModule a = translate_ok(sample_module(true), options(shards));
    TranslatedModule b = translate_ok(sample_module(true), options(shards));
    EXPECT_EQ(a.header.contents, b.header.contents);
    ASSERT_EQ(a.sources.size(), shards);
    ASSERT_EQ(b.sources.size(), shards);
    for (size_t i = 0; i < a.sources.size(); ++i) {
      EXPECT_EQ(a.sources[i].name, b.sources[i].name);
      EXPECT_EQ(a.sources[i].contents, b.sources[i].contents);
    }
  }
}

TEST(EmitTranslate, ShardsSplitFunctionsAndKeepInstanceInFirstFile) {
  TranslatedModule out = translate_ok(sample_module(false), options(3));
  ASSERT_EQ(out.sources.size(), 3u);
  EXPECT_EQ(out.sources[1].name, "sample_1.cpp");
  EXPECT_EQ(out.sources[2].name, "sample_2.cpp");
  int definitions = 0;
  for (const OutputFile& f : out.sources) {
    // External linkage when split; every definition appears exactly once.
    for (const char* fn : {"int32_t fn0(void*", "void fn1(void* env)", "void fn2(void* env)"}) {
      size_t first = f.contents.find(std::string(fn));
      if (first != std::string::npos && f.contents.find(std::string(fn), first + 1) != std::string::npos) ++definitions;
    }
    EXPECT_FALSE(contains(f.contents, "static int32_t fn0"));
  }
  EXPECT_EQ(definitions, 3);
  EXPECT_TRUE(contains(out.sources[0].contents, "Instance::Instance(const Imports&"));
  EXPECT_FALSE(contains(out.sources[1].contents, "Instance::Instance(const Imports&"));
}

TEST(EmitTranslate, UsesNameSectionNamesUniquely) {
  TranslatedModule out = translate_ok(sample_module(true), options());
  const std::string& src = out.sources[0].contents;
  EXPECT_TRUE(contains(src, "static int32_t fn_add(void*"));
  EXPECT_TRUE(contains(src, "static void fn_caller(void* env)"));
  // Two functions named "add": the second is disambiguated.
  EXPECT_TRUE(contains(src, "static void fn_add_2(void* env)"));
  EXPECT_TRUE(contains(src, "fn_add(ctx, int32_t(1u), int32_t(2u))"));
}

TEST(EmitTranslate, FunctionBodyShape) {
  TranslatedModule out = translate_ok(sample_module(false), options());
  const std::string& src = out.sources[0].contents;
  // Params copied into unsigned locals; slots declared zero-initialised.
  EXPECT_TRUE(contains(src, "uint32_t l0 = uint32_t(p0);"));
  EXPECT_TRUE(contains(src, "uint32_t s0_i32 = 0;"));
  // Operands are forwarded: local.get and constants write no slot.
  EXPECT_TRUE(contains(src, "s0_i32 = l0 + l1;"));
  // A function with calls checks the stack first.
  EXPECT_TRUE(contains(src, "WASM2CPP_STACK_CHECK();"));
  // Loops get a label only when branched to; the guard-mode load uses the
  // cached base.
  EXPECT_TRUE(contains(src, "label_1: {"));
  EXPECT_TRUE(contains(src, "uint8_t* mem0 = ctx->mem0_base;"));
  // The Context keeps the base, set once when the memory is created.
  EXPECT_TRUE(contains(src, "uint8_t* mem0_base = nullptr;"));
  EXPECT_TRUE(contains(src, "ctx->mem0_base = ctx->mem0->data();"));
  // The loaded value only decides a branch, which a compiler may fold away
  // with the load: guard mode passes it through the value barrier.
  EXPECT_TRUE(contains(src, "wasm2cpp::load_kept<uint32_t>(mem0 + 65536u)"));
}

TEST(EmitTranslate, ExplicitBoundsChecksCacheAndReloadSize) {
  TranslateOptions o = options();
  o.bounds_checks = BoundsChecks::Explicit;
  TranslatedModule out = translate_ok(sample_module(false), o);
  const std::string& src = out.sources[0].contents;
  EXPECT_TRUE(contains(src, "uint64_t mem0_size = ctx->mem0->size_bytes();"));
  EXPECT_TRUE(contains(src, "wasm2cpp::check32(65536u, 0u, 4, mem0_size);"));
  EXPECT_TRUE(contains(out.header.contents, "--bounds-checks=explicit"));
}

TEST(EmitTranslate, DataSegmentsAreEscapedBytes) {
  TranslatedModule out = translate_ok(sample_module(false), options());
  EXPECT_TRUE(contains(out.sources[0].contents, "static const char kData0[] =\n    \"hi\\012\";"));
}

TEST(EmitTranslate, ReportsInvalidModules) {
  std::vector<uint8_t> bad = {0x00, 0x61, 0x73, 0x6d, 0x02, 0x00, 0x00, 0x00};
  auto result = translate(bad, options());
  EXPECT_FALSE(result.ok());
}

}  // namespace
}  // namespace wasm2cpp
