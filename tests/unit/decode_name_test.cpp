// Custom sections and the `name` section.
#include <gtest/gtest.h>

#include "decode/decode_module.hpp"
#include "wasm_builder.hpp"

namespace wasm2cpp {
namespace {

namespace wb = wasm_builder;

using wb::Bytes;
using wb::ModuleBuilder;

Bytes subsection(uint8_t id, const Bytes& payload) { return Bytes().u8(id).sized(payload); }

Expected<Module> decode_with_names(const Bytes& name_payload) {
  ModuleBuilder b;
  b.empty_functions(2).empty_code().custom("name", name_payload);
  return decode_module(b.build(), Features());
}

TEST(DecodeNameSection, ModuleFunctionAndLocalNames) {
  Bytes names;
  names.append(subsection(0, Bytes().name("mod")));
  names.append(subsection(1, Bytes().u32(2).u32(0).name("first").u32(1).name("second")));
  names.append(subsection(2, Bytes().u32(1).u32(1).u32(2).u32(0).name("x").u32(3).name("y")));
  auto m = decode_with_names(names);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->names.module_name, "mod");
  ASSERT_EQ(m->names.functions.size(), 2u);
  EXPECT_EQ(m->names.functions.at(1), "second");
  ASSERT_EQ(m->names.locals.count(1), 1u);
  EXPECT_EQ(m->names.locals.at(1).at(3), "y");
  // The section is also kept as a plain custom section.
  ASSERT_EQ(m->customs.size(), 1u);
  EXPECT_EQ(m->customs[0].name, "name");
}

TEST(DecodeNameSection, UnknownSubsectionsAreSkipped) {
  Bytes names;
  names.append(subsection(1, Bytes().u32(1).u32(0).name("f")));
  names.append(subsection(7, Bytes().u32(1).u32(0).name("global names")));
  names.append(subsection(42, Bytes{0xde, 0xad}));
  names.append(subsection(0, Bytes().name("late module name")));
  auto m = decode_with_names(names);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->names.functions.at(0), "f");
  EXPECT_EQ(m->names.module_name, "late module name");
}

TEST(DecodeNameSection, MalformedNameSectionIsIgnored) {
  // A good function-name subsection, then one whose size overruns the
  // section: the module still decodes, keeping what was complete.
  Bytes names;
  names.append(subsection(1, Bytes().u32(1).u32(0).name("kept")));
  names.raw({0x02, 0x50, 0x01});
  auto m = decode_with_names(names);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->names.functions.at(0), "kept");
  EXPECT_TRUE(m->names.locals.empty());

  // Invalid UTF-8 inside a function name: that subsection is dropped whole.
  Bytes bad_utf8;
  bad_utf8.append(subsection(1, Bytes().u32(2).u32(0).name("ok").u32(1).name("\xed\xa0\x80")));
  auto m2 = decode_with_names(bad_utf8);
  ASSERT_TRUE(m2.ok()) << m2.error().message;
  EXPECT_TRUE(m2->names.functions.empty());

  // A subsection with trailing garbage is dropped too.
  Bytes trailing;
  trailing.append(subsection(0, Bytes().name("m").u8(0x00)));
  auto m3 = decode_with_names(trailing);
  ASSERT_TRUE(m3.ok()) << m3.error().message;
  EXPECT_TRUE(m3->names.module_name.empty());
}

TEST(DecodeCustomSection, NameMustBeUtf8AndFitTheSection) {
  auto bad_name = decode_module(ModuleBuilder().custom("\xc0\x80", Bytes()).build(), Features());
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.error().message, "malformed UTF-8 encoding");

  // Name length 5 in a 3-byte section.
  auto too_long = decode_module(ModuleBuilder().raw({0x00, 0x03, 0x05, 'a', 'b'}).build(), Features());
  ASSERT_FALSE(too_long.ok());

  // An empty custom section has no name at all.
  auto empty = decode_module(ModuleBuilder().raw({0x00, 0x00}).build(), Features());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message.substr(0, 14), "unexpected end");
}

TEST(DecodeCustomSection, PayloadAndOffsets) {
  auto m = decode_module(ModuleBuilder().custom("meta", Bytes{9, 8, 7}).build(), Features());
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->customs.size(), 1u);
  const CustomSection& c = m->customs[0];
  EXPECT_EQ(c.name, "meta");
  ASSERT_EQ(c.payload.size(), 3u);
  EXPECT_EQ(c.payload.data(), m->bytes.data() + m->bytes.size() - 3);
  EXPECT_EQ(c.offset, 10u);  // header 8 + id + size
}

}  // namespace
}  // namespace wasm2cpp
