// Module framing: header, section ids, order, sizes and the cross-section
// count checks.
#include <gtest/gtest.h>

#include "decode/decode_module.hpp"
#include "wasm_builder.hpp"

namespace wasm2cpp {
namespace {

namespace wb = wasm_builder;

using wb::Bytes;
using wb::ModuleBuilder;

Expected<Module> decode(const std::vector<uint8_t>& bytes, const Features& f = Features()) {
  return decode_module(bytes, f);
}

// The error message must start with the spec's wording (details may follow).
void expect_malformed(const std::vector<uint8_t>& bytes, const std::string& message,
                      const Features& f = Features()) {
  auto m = decode(bytes, f);
  ASSERT_FALSE(m.ok()) << "expected failure: " << message;
  EXPECT_EQ(m.error().message.substr(0, message.size()), message)
      << "actual: " << m.error().message;
}

TEST(DecodeModule, EmptyModule) {
  auto m = decode(ModuleBuilder().build());
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_TRUE(m->functions.empty());
  EXPECT_EQ(m->bytes.size(), 8u);
}

TEST(DecodeModule, Header) {
  expect_malformed({}, "unexpected end");
  expect_malformed({0x00, 0x61, 0x73}, "unexpected end");
  expect_malformed({0x00, 0x61, 0x73, 0x6d, 0x01, 0x00}, "unexpected end");
  expect_malformed({0x00, 0x41, 0x53, 0x4d, 0x01, 0x00, 0x00, 0x00}, "magic header not detected");
  expect_malformed({0x00, 0x61, 0x73, 0x6d, 0x02, 0x00, 0x00, 0x00}, "unknown binary version");
  expect_malformed({0x00, 0x61, 0x73, 0x6d, 0x00, 0x00, 0x00, 0x01}, "unknown binary version");
}

TEST(DecodeModule, SectionIds) {
  expect_malformed(ModuleBuilder().raw({0x0e, 0x00}).build(), "malformed section id");
  expect_malformed(ModuleBuilder().raw({0x7f, 0x00}).build(), "malformed section id");
  // The id is a byte, not a LEB128: 0x80 is simply unknown.
  expect_malformed(ModuleBuilder().raw({0x80, 0x00, 0x01, 0x00}).build(), "malformed section id");
}

TEST(DecodeModule, FeatureGatedSectionIdsNameTheFlag) {
  Features no_bulk;
  no_bulk.set(Feature::BulkMemory, false);
  auto m = decode(ModuleBuilder().section(wb::kDataCountSection, Bytes().u32(0)).build(),
                  no_bulk);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.error().message.find("--enable-bulk-memory"), std::string::npos);
  auto tag = decode(ModuleBuilder().raw({0x0d, 0x00}).build());
  ASSERT_FALSE(tag.ok());
  EXPECT_NE(tag.error().message.find("--enable-exceptions"), std::string::npos);
}

TEST(DecodeModule, SectionOrder) {
  ModuleBuilder out_of_order;
  out_of_order.section(wb::kFunctionSection, Bytes().u32(0))
      .section(wb::kTypeSection, Bytes().u32(0));
  expect_malformed(out_of_order.build(), "unexpected content after last section");

  ModuleBuilder duplicate;
  duplicate.section(wb::kTypeSection, Bytes().u32(0)).section(wb::kTypeSection, Bytes().u32(0));
  expect_malformed(duplicate.build(), "unexpected content after last section");

  // The data count section goes between element and code.
  ModuleBuilder data_count_after_code;
  data_count_after_code.section(wb::kCodeSection, Bytes().u32(0))
      .section(wb::kDataCountSection, Bytes().u32(0));
  expect_malformed(data_count_after_code.build(), "unexpected content after last section");

  ModuleBuilder data_count_before_code;
  data_count_before_code.section(wb::kElementSection, Bytes().u32(0))
      .section(wb::kDataCountSection, Bytes().u32(0))
      .section(wb::kCodeSection, Bytes().u32(0))
      .section(wb::kDataSection, Bytes().u32(0));
  EXPECT_TRUE(decode(data_count_before_code.build()).ok());
}

TEST(DecodeModule, CustomSectionsAnywhere) {
  ModuleBuilder m;
  m.custom("a", Bytes())
      .section(wb::kTypeSection, Bytes().u32(0))
      .custom("b", Bytes{1, 2, 3})
      .section(wb::kFunctionSection, Bytes().u32(0))
      .custom("a", Bytes());
  auto decoded = decode(m.build());
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  ASSERT_EQ(decoded->customs.size(), 3u);
  EXPECT_EQ(decoded->customs[1].name, "b");
  ASSERT_EQ(decoded->customs[1].payload.size(), 3u);
  EXPECT_EQ(decoded->customs[1].payload[2], 3);
}

TEST(DecodeModule, SectionSizes) {
  // Payload longer than what the section decoder consumes.
  expect_malformed(ModuleBuilder().section(wb::kTypeSection, Bytes().u32(0).u8(0)).build(),
                   "section size mismatch");
  // Declared size beyond the end of the module.
  expect_malformed(ModuleBuilder().raw({0x01, 0x05, 0x00}).build(), "length out of bounds");
  // Content ending inside the section: 1 type declared, none given.
  expect_malformed(ModuleBuilder().section(wb::kTypeSection, Bytes().u32(1)).build(),
                   "unexpected end");
  // Section size LEB128 too long.
  expect_malformed(ModuleBuilder().raw({0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00}).build(),
                   "integer representation too long");
}

TEST(DecodeModule, FunctionAndCodeCountsMustAgree) {
  ModuleBuilder missing_code;
  missing_code.section(wb::kTypeSection, Bytes().u32(1).func_type({}, {}))
      .section(wb::kFunctionSection, Bytes().u32(1).u32(0));
  expect_malformed(missing_code.build(), "function and code section have inconsistent lengths");

  ModuleBuilder missing_functions;
  missing_functions.section(wb::kCodeSection,
                            Bytes().u32(1).sized(Bytes().u32(0).u8(wb::kEnd)));
  expect_malformed(missing_functions.build(),
                   "function and code section have inconsistent lengths");

  ModuleBuilder both_empty;
  both_empty.section(wb::kFunctionSection, Bytes().u32(0)).section(wb::kCodeSection, Bytes().u32(0));
  EXPECT_TRUE(decode(both_empty.build()).ok());
}

TEST(DecodeModule, DataCountMustMatchDataSection) {
  ModuleBuilder mismatch;
  mismatch.section(wb::kMemorySection, Bytes().u32(1).raw({0x00, 0x01}))
      .section(wb::kDataCountSection, Bytes().u32(2))
      .section(wb::kDataSection, Bytes().u32(1).u32(1).name("x"));
  expect_malformed(mismatch.build(), "data count and data section have inconsistent lengths");

  ModuleBuilder no_data_section;
  no_data_section.section(wb::kDataCountSection, Bytes().u32(1));
  expect_malformed(no_data_section.build(),
                   "data count and data section have inconsistent lengths");

  ModuleBuilder zero_without_data;
  zero_without_data.section(wb::kDataCountSection, Bytes().u32(0));
  auto ok = decode(zero_without_data.build());
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->data_count, 0u);
}

TEST(DecodeModule, CodeBodiesAreSpansIntoOwnedBytes) {
  ModuleBuilder m;
  m.empty_functions(2).empty_code();
  auto decoded = decode(m.build());
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  ASSERT_EQ(decoded->functions.size(), 2u);
  for (const Function& f : decoded->functions) {
    ASSERT_EQ(f.body.size(), 2u);  // zero locals, end
    EXPECT_GE(f.body.data(), decoded->bytes.data());
    EXPECT_LE(f.body.data() + f.body.size(), decoded->bytes.data() + decoded->bytes.size());
    EXPECT_EQ(f.body.data() - decoded->bytes.data(), static_cast<ptrdiff_t>(f.body_offset));
    EXPECT_EQ(f.body[1], wb::kEnd);
  }
  // Moving the module keeps the spans valid (the vector's buffer moves).
  Module moved = std::move(decoded.value());
  EXPECT_EQ(moved.functions[1].body.data(), moved.bytes.data() + moved.functions[1].body_offset);
}

TEST(DecodeModule, UnexpectedEndOfSectionIsDistinguished) {
  // The global's init expression runs past the section (not the module).
  ModuleBuilder m;
  m.section(wb::kGlobalSection, Bytes().u32(1).raw({wb::kI32, 0x00, wb::kI32Const}))
      .custom("pad", Bytes{0, 0, 0, 0});
  expect_malformed(m.build(), "unexpected end of section or function");
}

}  // namespace
}  // namespace wasm2cpp
