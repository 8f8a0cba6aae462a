// Element section (encodings 0-7) and data section (encodings 0-2).
#include <gtest/gtest.h>

#include "decode/decode_module.hpp"
#include "wasm_builder.hpp"

namespace wasm2cpp {
namespace {

namespace wb = wasm_builder;

using wb::Bytes;
using wb::ModuleBuilder;

Expected<Module> decode_elems(const Bytes& segments, uint32_t count,
                              const Features& f = Features()) {
  return decode_module(
      ModuleBuilder().section(wb::kElementSection, Bytes().u32(count).append(segments)).build(),
      f);
}

Expected<Module> decode_datas(const Bytes& segments, uint32_t count,
                              const Features& f = Features()) {
  return decode_module(
      ModuleBuilder().section(wb::kDataSection, Bytes().u32(count).append(segments)).build(), f);
}

void expect_single_ref_func(const ConstExpr& item, uint32_t func) {
  ASSERT_EQ(item.instrs.size(), 1u);
  EXPECT_EQ(item.instrs[0].op, Opcode::RefFunc);
  EXPECT_EQ(item.instrs[0].a, func);
}

TEST(DecodeElementSection, FunctionIndexEncodings) {
  Bytes segs;
  segs.u32(0).i32_const(1).u32(2).u32(5).u32(6);                 // 0: active table 0
  segs.u32(1).u8(0x00).u32(1).u32(7);                             // 1: passive
  segs.u32(2).u32(3).i32_const(4).u8(0x00).u32(1).u32(8);         // 2: active table 3
  segs.u32(3).u8(0x00).u32(2).u32(9).u32(10);                     // 3: declarative
  auto m = decode_elems(segs, 4);
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->elems.size(), 4u);

  const ElemSegment& e0 = m->elems[0];
  EXPECT_EQ(e0.mode, ElemSegment::Mode::Active);
  EXPECT_EQ(e0.table_index, 0u);
  EXPECT_EQ(e0.type, ValType::FuncRef);
  ASSERT_EQ(e0.offset.instrs.size(), 1u);
  EXPECT_EQ(e0.offset.instrs[0].imm, 1u);
  // Function-index encodings keep plain indices (no ConstExpr per item).
  EXPECT_TRUE(e0.items.empty());
  EXPECT_EQ(e0.func_indices, (std::vector<uint32_t>{5, 6}));

  EXPECT_EQ(m->elems[1].mode, ElemSegment::Mode::Passive);
  EXPECT_EQ(m->elems[1].func_indices, (std::vector<uint32_t>{7}));

  EXPECT_EQ(m->elems[2].mode, ElemSegment::Mode::Active);
  EXPECT_EQ(m->elems[2].table_index, 3u);
  EXPECT_EQ(m->elems[2].func_indices, (std::vector<uint32_t>{8}));

  EXPECT_EQ(m->elems[3].mode, ElemSegment::Mode::Declarative);
  EXPECT_EQ(m->elems[3].func_indices, (std::vector<uint32_t>{9, 10}));
  EXPECT_EQ(m->elems[3].size(), 2u);
}

TEST(DecodeElementSection, ExpressionEncodings) {
  Bytes segs;
  segs.u32(4).i32_const(0).u32(2).ref_func(1).ref_null(wb::kFuncRef);   // 4
  segs.u32(5).u8(wb::kExternRef).u32(1).ref_null(wb::kExternRef);     // 5
  segs.u32(6).u32(1).i32_const(2).u8(wb::kFuncRef).u32(1).ref_func(3);  // 6
  segs.u32(7).u8(wb::kFuncRef).u32(0);                                  // 7
  auto m = decode_elems(segs, 4);
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->elems.size(), 4u);

  EXPECT_EQ(m->elems[0].mode, ElemSegment::Mode::Active);
  EXPECT_EQ(m->elems[0].type, ValType::FuncRef);
  ASSERT_EQ(m->elems[0].items.size(), 2u);
  expect_single_ref_func(m->elems[0].items[0], 1);
  EXPECT_EQ(m->elems[0].items[1].instrs[0].op, Opcode::RefNull);

  EXPECT_EQ(m->elems[1].mode, ElemSegment::Mode::Passive);
  EXPECT_EQ(m->elems[1].type, ValType::ExternRef);
  EXPECT_EQ(m->elems[1].items[0].instrs[0].type, ValType::ExternRef);

  EXPECT_EQ(m->elems[2].table_index, 1u);
  expect_single_ref_func(m->elems[2].items[0], 3);

  EXPECT_EQ(m->elems[3].mode, ElemSegment::Mode::Declarative);
  EXPECT_TRUE(m->elems[3].items.empty());
  EXPECT_TRUE(m->elems[3].func_indices.empty());
}

TEST(DecodeElementSection, Errors) {
  auto bad_flags = decode_elems(Bytes().u32(8).u8(0x00).u32(0), 1);
  ASSERT_FALSE(bad_flags.ok());
  EXPECT_NE(bad_flags.error().message.find("malformed elements segment kind"), std::string::npos);

  auto bad_elem_kind = decode_elems(Bytes().u32(1).u8(0x01).u32(0), 1);
  ASSERT_FALSE(bad_elem_kind.ok());
  EXPECT_NE(bad_elem_kind.error().message.find("malformed element kind"), std::string::npos);

  auto bad_ref_type = decode_elems(Bytes().u32(5).u8(wb::kI32).u32(0), 1);
  ASSERT_FALSE(bad_ref_type.ok());
  EXPECT_NE(bad_ref_type.error().message.find("malformed reference type"), std::string::npos);

  auto truncated = decode_elems(Bytes().u32(0).i32_const(0).u32(3).u32(1), 1);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().message.substr(0, 14), "unexpected end");

  Features no_bulk;
  no_bulk.set(Feature::BulkMemory, false);
  auto gated = decode_elems(Bytes().u32(1).u8(0x00).u32(0), 1, no_bulk);
  ASSERT_FALSE(gated.ok());
  EXPECT_NE(gated.error().message.find("--enable-bulk-memory"), std::string::npos);
}

TEST(DecodeDataSection, Encodings) {
  Bytes segs;
  segs.u32(0).i32_const(16).name("abc");           // active memory 0
  segs.u32(1).name("xy");                          // passive
  segs.u32(2).u32(0).i32_const(32).u32(0);         // active, explicit memory 0, empty
  auto m = decode_datas(segs, 3);
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->datas.size(), 3u);
  EXPECT_EQ(m->datas[0].mode, DataSegment::Mode::Active);
  EXPECT_EQ(m->datas[0].memory_index, 0u);
  EXPECT_EQ(m->datas[0].offset.instrs[0].imm, 16u);
  ASSERT_EQ(m->datas[0].bytes.size(), 3u);
  EXPECT_EQ(m->datas[0].bytes[2], 'c');
  // The bytes are a view into the module's own copy of the input.
  EXPECT_GE(m->datas[0].bytes.data(), m->bytes.data());
  EXPECT_EQ(m->datas[1].mode, DataSegment::Mode::Passive);
  EXPECT_EQ(m->datas[1].bytes.size(), 2u);
  EXPECT_EQ(m->datas[2].offset.instrs[0].imm, 32u);
  EXPECT_TRUE(m->datas[2].bytes.empty());
  EXPECT_EQ(m->bytes[m->datas[1].offset_in_module], 0x01);  // the flags byte
}

TEST(DecodeDataSection, Errors) {
  auto bad_flags = decode_datas(Bytes().u32(3).u32(0), 1);
  ASSERT_FALSE(bad_flags.ok());
  EXPECT_NE(bad_flags.error().message.find("malformed data segment kind"), std::string::npos);

  // Seven bytes declared, six given.
  auto short_bytes = decode_datas(Bytes().u32(0).i32_const(0).u32(7).raw({1, 2, 3, 4, 5, 6}), 1);
  ASSERT_FALSE(short_bytes.ok());
  EXPECT_EQ(short_bytes.error().message, "unexpected end of section or function");

  // Five declared, six given: one byte left over in the section.
  auto extra_bytes = decode_datas(Bytes().u32(0).i32_const(0).u32(5).raw({1, 2, 3, 4, 5, 6}), 1);
  ASSERT_FALSE(extra_bytes.ok());
  EXPECT_EQ(extra_bytes.error().message, "section size mismatch");

  Features no_bulk;
  no_bulk.set(Feature::BulkMemory, false);
  auto gated = decode_datas(Bytes().u32(1).u32(0), 1, no_bulk);
  ASSERT_FALSE(gated.ok());
  EXPECT_NE(gated.error().message.find("--enable-bulk-memory"), std::string::npos);
}

TEST(DecodeDataSection, HugeCountDoesNotAllocate) {
  // 2^32-1 segments declared in a 6-byte section: rejected from the count.
  auto m = decode_module(ModuleBuilder()
                             .section(wb::kDataSection, Bytes().u32(0xffffffffu).u8(0x01))
                             .build(),
                         Features());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().message.substr(0, 14), "unexpected end");
}

}  // namespace
}  // namespace wasm2cpp
