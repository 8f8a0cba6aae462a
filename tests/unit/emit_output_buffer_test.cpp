// The emitter's output assembly: the size-reload placeholders written while
// a body is emitted are replaced (explicit bounds) or removed (guard) when
// the function is finished, and the body buffer reused from function to
// function leaves nothing of one function in the next.
#include <gtest/gtest.h>

#include <sstream>

#include "emit/translate.hpp"
#include "wasm_builder.hpp"

namespace wasm2cpp {
namespace {

using test::Bytes;
using test::ModuleBuilder;

// "add" (i32, i32) -> i32 and "reader" () -> i32, which loads, calls add
// (which could grow the memory, so cached sizes are reloaded) and loads again.
std::vector<uint8_t> load_call_load_module() {
  ModuleBuilder m;
  m.section(test::kTypeSection,
            Bytes().u32(2).func_type({test::kI32, test::kI32}, {test::kI32}).func_type({}, {test::kI32}));
  m.section(test::kFunctionSection, Bytes().u32(2).u32(0).u32(1));
  m.section(test::kMemorySection, Bytes().u32(1).u8(0x00).u32(1));
  m.section(test::kExportSection, Bytes().u32(1).name("reader").u8(0x00).u32(1));
  Bytes add_body = Bytes().u32(0).raw({0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b});
  Bytes reader_body = Bytes().u32(0).raw({
      // The address is the first byte past the declared minimum: an access
      // inside it would be statically in bounds and need no check at all.
      0x41, 0x80, 0x80, 0x04, 0x28, 0x02, 0x00,  // i32.load (i32.const 65536)
      0x41, 0x80, 0x80, 0x04, 0x28, 0x02, 0x00,  // i32.load (i32.const 65536)
      0x10, 0x00,                                // call add
      0x41, 0x80, 0x80, 0x04, 0x28, 0x02, 0x00,  // i32.load (i32.const 65536)
      0x6a, 0x0b});                              // i32.add, end
  m.section(test::kCodeSection, Bytes().u32(2).sized(add_body).sized(reader_body));
  return m.build();
}

TranslateOptions options(BoundsChecks bounds) {
  TranslateOptions o;
  o.name = "buffers";
  o.input_name = "buffers.wasm";
  o.output_stem = "buffers";
  o.bounds_checks = bounds;
  return o;
}

std::string translate_source(const std::vector<uint8_t>& wasm, BoundsChecks bounds) {
  auto result = translate(wasm, options(bounds));
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  if (!result.ok() || result.value().sources.empty()) return {};
  return result.value().sources[0].contents;
}

// The text of the definition of `function` (from its signature to the
// closing brace at the start of a line).
std::string definition(const std::string& source, const std::string& signature) {
  size_t start = source.find(signature + " {\n");
  if (start == std::string::npos) return {};
  size_t end = source.find("\n}\n", start);
  return end == std::string::npos ? std::string() : source.substr(start, end + 3 - start);
}

bool has_line_with_trailing_space(const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line.back() == ' ') return true;
  return false;
}

TEST(EmitOutputBuffer, ExplicitModeReloadsTheCachedSizeAfterACall) {
  std::string source = translate_source(load_call_load_module(), BoundsChecks::Explicit);
  std::string reader = definition(source, "static int32_t fn1(void* env)");
  ASSERT_FALSE(reader.empty()) << source;
  EXPECT_EQ(source.find('\x01'), std::string::npos);
  size_t declaration = reader.find("uint64_t mem0_size = ctx->mem0->size_bytes();\n");
  size_t call = reader.find("fn0(ctx");
  ASSERT_NE(declaration, std::string::npos) << reader;
  ASSERT_NE(call, std::string::npos) << reader;
  // The reload is its own statement on the line after the call.
  size_t reload = reader.find("\n  mem0_size = ctx->mem0->size_bytes();\n", call);
  EXPECT_NE(reload, std::string::npos) << reader;
  EXPECT_EQ(reader.find("\n  mem0_size = ctx->mem0->size_bytes();\n"), reload) << reader;
  EXPECT_FALSE(has_line_with_trailing_space(source));
}

TEST(EmitOutputBuffer, GuardModeDropsThePlaceholderAndItsIndentation) {
  std::string source = translate_source(load_call_load_module(), BoundsChecks::Guard);
  std::string reader = definition(source, "static int32_t fn1(void* env)");
  ASSERT_FALSE(reader.empty()) << source;
  EXPECT_EQ(source.find('\x01'), std::string::npos);
  EXPECT_EQ(source.find("mem0_size"), std::string::npos);
  EXPECT_FALSE(has_line_with_trailing_space(source));
}

TEST(EmitOutputBuffer, ReusedBuffersCarryNothingBetweenModules) {
  // A large function, then a different module, then the first again: the
  // reused body buffer must leave each translation as if it were the first.
  const std::vector<uint8_t> module = load_call_load_module();
  ModuleBuilder other;
  other.section(test::kTypeSection, Bytes().u32(1).func_type({}, {}));
  other.section(test::kFunctionSection, Bytes().u32(1).u32(0));
  other.section(test::kCodeSection, Bytes().u32(1).sized(Bytes().u32(0).raw({0x01, 0x0b})));
  std::string first = translate_source(module, BoundsChecks::Explicit);
  std::string between = translate_source(other.build(), BoundsChecks::Explicit);
  std::string again = translate_source(module, BoundsChecks::Explicit);
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(between.find("fn1("), std::string::npos);
  EXPECT_EQ(first, again);
}

}  // namespace
}  // namespace wasm2cpp
