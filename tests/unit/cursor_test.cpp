#include "support/cursor.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace wasm2cpp {
namespace {

// Owns the bytes so the cursor's span stays valid for the test's lifetime.
struct Input {
  explicit Input(std::vector<uint8_t> b, uint64_t base = 0) : bytes(std::move(b)) {
    cursor = ByteCursor(std::span<const uint8_t>(bytes), base);
  }
  std::vector<uint8_t> bytes;
  ByteCursor cursor;
};

// The value of a read that must succeed.
template <typename T>
T ok_value(Expected<T> result) {
  EXPECT_TRUE(result.ok()) << result.error().message;
  return result.ok() ? std::move(result).value() : T{};
}

template <typename T>
void expect_error(const Expected<T>& result, const std::string& message) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, message);
}

TEST(CursorLeb, U32Values) {
  EXPECT_EQ(ok_value(Input({0x00}).cursor.read_u32()), 0u);
  EXPECT_EQ(ok_value(Input({0x7f}).cursor.read_u32()), 127u);
  EXPECT_EQ(ok_value(Input({0x80, 0x01}).cursor.read_u32()), 128u);
  EXPECT_EQ(ok_value(Input({0xe5, 0x8e, 0x26}).cursor.read_u32()), 624485u);
  EXPECT_EQ(ok_value(Input({0xff, 0xff, 0xff, 0xff, 0x0f}).cursor.read_u32()), 0xffffffffu);
  // Non-minimal encodings are allowed up to ceil(32/7) = 5 bytes.
  EXPECT_EQ(ok_value(Input({0x80, 0x80, 0x80, 0x80, 0x00}).cursor.read_u32()), 0u);
  EXPECT_EQ(ok_value(Input({0x83, 0x80, 0x00}).cursor.read_u32()), 3u);
}

TEST(CursorLeb, U32Errors) {
  expect_error(Input({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}).cursor.read_u32(),
               "integer representation too long");
  // Unused bits of the fifth byte set.
  expect_error(Input({0xff, 0xff, 0xff, 0xff, 0x1f}).cursor.read_u32(), "integer too large");
  expect_error(Input({0x80, 0x80, 0x80, 0x80, 0x70}).cursor.read_u32(), "integer too large");
  expect_error(Input({0x80, 0x80}).cursor.read_u32(), "unexpected end");
  expect_error(Input({}).cursor.read_u32(), "unexpected end");
}

TEST(CursorLeb, U32ConsumesExactlyItsBytes) {
  Input in({0x80, 0x01, 0x05});
  EXPECT_EQ(ok_value(in.cursor.read_u32()), 128u);
  EXPECT_EQ(in.cursor.offset(), 2u);
  EXPECT_EQ(ok_value(in.cursor.read_u32()), 5u);
  EXPECT_TRUE(in.cursor.at_end());
}

TEST(CursorLeb, S32Values) {
  EXPECT_EQ(ok_value(Input({0x7f}).cursor.read_s32()), -1);
  EXPECT_EQ(ok_value(Input({0x3f}).cursor.read_s32()), 63);
  EXPECT_EQ(ok_value(Input({0x40}).cursor.read_s32()), -64);
  EXPECT_EQ(ok_value(Input({0x80, 0x7f}).cursor.read_s32()), -128);
  EXPECT_EQ(ok_value(Input({0xff, 0xff, 0xff, 0xff, 0x07}).cursor.read_s32()),
            std::numeric_limits<int32_t>::max());
  EXPECT_EQ(ok_value(Input({0x80, 0x80, 0x80, 0x80, 0x78}).cursor.read_s32()),
            std::numeric_limits<int32_t>::min());
  // Padded encodings of -1 and 0.
  EXPECT_EQ(ok_value(Input({0xff, 0xff, 0xff, 0xff, 0x7f}).cursor.read_s32()), -1);
  EXPECT_EQ(ok_value(Input({0x80, 0x80, 0x80, 0x80, 0x00}).cursor.read_s32()), 0);
}

TEST(CursorLeb, S32Errors) {
  // Bits 3..6 of the fifth byte must all equal the sign bit (bit 3).
  expect_error(Input({0xff, 0xff, 0xff, 0xff, 0x0f}).cursor.read_s32(), "integer too large");
  expect_error(Input({0x80, 0x80, 0x80, 0x80, 0x70}).cursor.read_s32(), "integer too large");
  expect_error(Input({0xff, 0xff, 0xff, 0xff, 0x4f}).cursor.read_s32(), "integer too large");
  expect_error(Input({0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}).cursor.read_s32(),
               "integer representation too long");
  expect_error(Input({0xff}).cursor.read_s32(), "unexpected end");
}

TEST(CursorLeb, S64ValuesAndErrors) {
  EXPECT_EQ(ok_value(Input({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f})
                 .cursor.read_s64()),
            -1);
  EXPECT_EQ(ok_value(Input({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f})
                 .cursor.read_s64()),
            std::numeric_limits<int64_t>::min());
  EXPECT_EQ(ok_value(Input({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00})
                 .cursor.read_s64()),
            std::numeric_limits<int64_t>::max());
  EXPECT_EQ(ok_value(Input({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00})
                 .cursor.read_s64()),
            0);
  // The tenth byte carries only the sign bit: 0x00 or 0x7f.
  expect_error(Input({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
                   .cursor.read_s64(),
               "integer too large");
  expect_error(Input({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7e})
                   .cursor.read_s64(),
               "integer too large");
  expect_error(Input({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00})
                   .cursor.read_s64(),
               "integer representation too long");
}

TEST(CursorLeb, U64ValuesAndErrors) {
  EXPECT_EQ(ok_value(Input({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
                 .cursor.read_u64()),
            std::numeric_limits<uint64_t>::max());
  expect_error(Input({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02})
                   .cursor.read_u64(),
               "integer too large");
  expect_error(Input({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00})
                   .cursor.read_u64(),
               "integer representation too long");
}

TEST(CursorLeb, S33ForBlockTypes) {
  EXPECT_EQ(ok_value(Input({0x40}).cursor.read_s33()), -64);
  // 2^32 - 1 needs 33 bits signed: bit 32 (the sign) is clear.
  EXPECT_EQ(ok_value(Input({0xff, 0xff, 0xff, 0xff, 0x0f}).cursor.read_s33()), 0xffffffffll);
  EXPECT_EQ(ok_value(Input({0x80, 0x80, 0x80, 0x80, 0x70}).cursor.read_s33()), -(1ll << 32));
  // Sign bit set but bits 5..6 clear.
  expect_error(Input({0x80, 0x80, 0x80, 0x80, 0x10}).cursor.read_s33(), "integer too large");
  expect_error(Input({0xff, 0xff, 0xff, 0xff, 0x2f}).cursor.read_s33(), "integer too large");
}

TEST(CursorLeb, ErrorOffsetsAreAbsolute) {
  Input in({0x01, 0x80, 0x80, 0x80, 0x80, 0x80}, 100);
  ASSERT_TRUE(in.cursor.read_u8().ok());
  auto r = in.cursor.read_u32();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "integer representation too long");
  EXPECT_EQ(r.error().offset, 101u);  // where the integer starts
}

TEST(Cursor, FixedWidthLittleEndian) {
  Input in({0x78, 0x56, 0x34, 0x12, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0xaa});
  EXPECT_EQ(ok_value(in.cursor.read_fixed_u32()), 0x12345678u);
  EXPECT_EQ(ok_value(in.cursor.read_fixed_u64()), 0x0807060504030201ull);
  expect_error(in.cursor.read_fixed_u32(), "unexpected end");
  // A failed read does not consume the remaining byte.
  EXPECT_EQ(ok_value(in.cursor.read_u8()), 0xaa);
  expect_error(in.cursor.read_u8(), "unexpected end");
  expect_error(in.cursor.peek_u8(), "unexpected end");
}

TEST(Cursor, PeekDoesNotAdvance) {
  Input in({0x42});
  EXPECT_EQ(ok_value(in.cursor.peek_u8()), 0x42);
  EXPECT_EQ(in.cursor.offset(), 0u);
  EXPECT_EQ(ok_value(in.cursor.read_u8()), 0x42);
}

TEST(Cursor, CountCheckedAgainstRemainingBytes) {
  // A declared count of 2^32-1 with three bytes left is rejected without
  // allocating anything.
  Input huge({0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x00, 0x00});
  expect_error(huge.cursor.read_count(1), "unexpected end");
  Input fits({0x03, 0x00, 0x00, 0x00});
  EXPECT_EQ(ok_value(fits.cursor.read_count(1)), 3u);
  Input too_small_items({0x02, 0x00, 0x00, 0x00});
  expect_error(too_small_items.cursor.read_count(2), "unexpected end");
  Input exact({0x02, 0x00, 0x00, 0x00, 0x00});
  EXPECT_EQ(ok_value(exact.cursor.read_count(2)), 2u);
}

TEST(Cursor, NamesAreValidatedUtf8) {
  EXPECT_EQ(ok_value(Input({0x03, 'a', 'b', 'c'}).cursor.read_name()), "abc");
  EXPECT_EQ(ok_value(Input({0x00}).cursor.read_name()), "");
  EXPECT_EQ(ok_value(Input({0x02, 0xc3, 0xa9}).cursor.read_name()), "\xc3\xa9");  // é
  expect_error(Input({0x02, 0xc0, 0x80}).cursor.read_name(), "malformed UTF-8 encoding");
  expect_error(Input({0x05, 'a', 'b', 'c'}).cursor.read_name(), "length out of bounds");
}

TEST(Cursor, Utf8Rules) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("\x7f"));
  EXPECT_TRUE(is_valid_utf8("\xc2\x80"));          // U+0080
  EXPECT_TRUE(is_valid_utf8("\xe0\xa0\x80"));      // U+0800
  EXPECT_TRUE(is_valid_utf8("\xed\x9f\xbf"));      // U+D7FF
  EXPECT_TRUE(is_valid_utf8("\xee\x80\x80"));      // U+E000
  EXPECT_TRUE(is_valid_utf8("\xf0\x90\x80\x80"));  // U+10000
  EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
  EXPECT_FALSE(is_valid_utf8("\xc1\xbf"));          // overlong U+007F
  EXPECT_FALSE(is_valid_utf8("\xe0\x9f\xbf"));      // overlong U+07FF
  EXPECT_FALSE(is_valid_utf8("\xf0\x8f\xbf\xbf"));  // overlong U+FFFF
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xed\xbf\xbf"));      // surrogate U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xf8\x88\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xfe"));
  EXPECT_FALSE(is_valid_utf8("\xff"));
  EXPECT_FALSE(is_valid_utf8("\xe2\x82"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xc3\x28"));          // bad continuation
}

TEST(Cursor, SubCursorKeepsAbsoluteOffsets) {
  Input in({0x00, 0x01, 0x02, 0x03, 0x04}, 1000);
  ASSERT_TRUE(in.cursor.read_u8().ok());
  auto sub = in.cursor.sub_cursor(3);
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(sub->offset(), 1001u);
  EXPECT_EQ(sub->remaining(), 3u);
  EXPECT_EQ(in.cursor.offset(), 1004u);  // the parent skipped the sub-range
  EXPECT_EQ(ok_value(sub->read_u8()), 0x01);
  EXPECT_EQ(ok_value(sub->read_u8()), 0x02);
  EXPECT_EQ(ok_value(sub->read_u8()), 0x03);
  auto past = sub->read_u8();
  ASSERT_FALSE(past.ok());
  EXPECT_EQ(past.error().offset, 1004u);
  expect_error(in.cursor.sub_cursor(2), "length out of bounds");
}

TEST(Cursor, ReadBytes) {
  Input in({0x01, 0x02, 0x03});
  auto bytes = in.cursor.read_bytes(2);
  ASSERT_TRUE(bytes.ok());
  ASSERT_EQ(bytes->size(), 2u);
  EXPECT_EQ((*bytes)[1], 0x02);
  expect_error(in.cursor.read_bytes(2), "unexpected end");
}

}  // namespace
}  // namespace wasm2cpp
