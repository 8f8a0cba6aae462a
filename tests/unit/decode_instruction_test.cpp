// The instruction reader's short path (try_read_short_instruction) against
// the general one (read_instruction_into): for the encodings it accepts it
// must produce the same RawInstr and consume the same bytes; for every other
// encoding it must decline without consuming anything.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "decode/instruction_reader.hpp"

namespace wasm2cpp {
namespace {

constexpr uint64_t kBase = 1000;

struct Decoded {
  bool ok = false;
  RawInstr instr;
  size_t consumed = 0;
};

Decoded general(const std::vector<uint8_t>& bytes, const Features& features) {
  ByteCursor cursor(bytes, kBase);
  std::vector<uint32_t> targets;
  Decoded d;
  d.ok = read_instruction_into(cursor, features, targets, d.instr).ok();
  d.consumed = static_cast<size_t>(cursor.offset() - kBase);
  return d;
}

Decoded short_path(const std::vector<uint8_t>& bytes, const Features& features) {
  ByteCursor cursor(bytes, kBase);
  Decoded d;
  d.instr.a = 77;  // stale fields from a previous instruction must be overwritten
  d.instr.b = 78;
  d.instr.imm = 79;
  d.instr.select_types.push_back(ValType::F64);
  d.ok = try_read_short_instruction(cursor, features, d.instr);
  d.consumed = static_cast<size_t>(cursor.offset() - kBase);
  return d;
}

void expect_same(const std::vector<uint8_t>& bytes, const Features& features = Features()) {
  SCOPED_TRACE(testing::PrintToString(bytes));
  const Decoded expected = general(bytes, features);
  ASSERT_TRUE(expected.ok);
  const Decoded got = short_path(bytes, features);
  ASSERT_TRUE(got.ok);
  EXPECT_EQ(got.consumed, expected.consumed);
  EXPECT_EQ(got.instr.op, expected.instr.op);
  EXPECT_EQ(got.instr.offset, expected.instr.offset);
  EXPECT_EQ(got.instr.a, expected.instr.a);
  EXPECT_EQ(got.instr.b, expected.instr.b);
  EXPECT_EQ(got.instr.imm, expected.instr.imm);
  EXPECT_EQ(got.instr.block_type.kind, expected.instr.block_type.kind);
  EXPECT_EQ(got.instr.block_type.value, expected.instr.block_type.value);
  EXPECT_EQ(got.instr.block_type.type_index, expected.instr.block_type.type_index);
  EXPECT_TRUE(got.instr.select_types.empty());
}

void expect_declined(const std::vector<uint8_t>& bytes, const Features& features = Features()) {
  SCOPED_TRACE(testing::PrintToString(bytes));
  const Decoded got = short_path(bytes, features);
  EXPECT_FALSE(got.ok);
  EXPECT_EQ(got.consumed, 0u);
}

TEST(DecodeShortInstruction, MatchesTheGeneralReader) {
  expect_same({0x6a});                    // i32.add
  expect_same({0x0b});                    // end
  expect_same({0x00});                    // unreachable
  expect_same({0x41, 0x7f});              // i32.const -1
  expect_same({0x42, 0x3f});              // i64.const 63
  expect_same({0x20, 0x05});              // local.get 5
  expect_same({0x23, 0x7f});              // global.get 127
  expect_same({0x0d, 0x02});              // br_if 2
  expect_same({0x10, 0x11});              // call 17
  expect_same({0x02, 0x40});              // block (empty)
  expect_same({0x03, 0x7e});              // loop (result i64)
  expect_same({0x04, 0x7c});              // if (result f64)
  expect_same({0x28, 0x02, 0x10});        // i32.load align=4 offset=16
  expect_same({0x36, 0x1f, 0x7f});        // i32.store, flags 31 (checked later)
  expect_same({0xc0}, Features());        // i32.extend8_s (sign-extension is on)
  // Indices and integer constants in any valid LEB128 length, float bits.
  expect_same({0x41, 0x80, 0x01});                          // i32.const 128 (two bytes)
  expect_same({0x41, 0xff, 0xff, 0xff, 0xff, 0x07});        // i32.const INT32_MAX
  expect_same({0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01});  // i64.const 2^35
  expect_same({0x20, 0x80, 0x01});                          // local.get 128
  expect_same({0x10, 0xe5, 0x8e, 0x26});                    // call 624485
  expect_same({0x0c, 0x80, 0x00});                          // br 0, padded (valid)
  expect_same({0x43, 0x00, 0x00, 0xc0, 0x7f});              // f32.const nan
  expect_same({0x44, 1, 2, 3, 4, 5, 6, 7, 8});              // f64.const
  Features mem64 = Features();
  mem64.set(Feature::Memory64, true);
  expect_same({0x29, 0x03, 0x05}, mem64);  // i64.load, memory64 reads a u64 offset
}

TEST(DecodeShortInstruction, DeclinesEverythingElse) {
  expect_declined({});
  // Malformed LEB128 and truncated immediates: the general reader reports them.
  expect_declined({0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00});  // i32.const too long
  expect_declined({0x41, 0xff, 0xff, 0xff, 0xff, 0x0f});        // i32.const too large
  expect_declined({0x20, 0x80});                                // truncated local index
  expect_declined({0x20, 0x80, 0x80, 0x80, 0x80, 0x10});        // index too large
  expect_declined({0x43, 0x00, 0x00, 0x80});                    // truncated f32.const
  expect_declined({0x44, 0, 0, 0, 0, 0, 0, 0});                 // truncated f64.const
  expect_declined({0x28, 0x02, 0x80, 0x01});  // two-byte offset
  expect_declined({0x28, 0x40, 0x00, 0x00});  // explicit memory index
  expect_declined({0x28, 0x20, 0x00});        // malformed flags
  expect_declined({0x28, 0x02});              // truncated memarg
  expect_declined({0x02, 0x7b});              // v128 block type
  expect_declined({0x02, 0x00});              // type-index block type
  expect_declined({0x0e, 0x00, 0x00});        // br_table
  expect_declined({0x1c, 0x01, 0x7f});        // select t
  expect_declined({0xfc, 0x00});              // prefixed
  expect_declined({0xff});                    // illegal
  expect_declined({0xc0}, Features::none());  // feature off
  expect_declined({0x41});                    // truncated constant
}

}  // namespace
}  // namespace wasm2cpp
