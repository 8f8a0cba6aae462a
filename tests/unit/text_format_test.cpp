// The emitter's fast formatter must write exactly what fmt writes.
#include "support/text_format.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace {

using wasm2cpp::text::format;
using wasm2cpp::text::format_append;

// A macro: the format string must stay a compile-time constant for both.
#define EXPECT_SAME_AS_FMT(...) EXPECT_EQ(format(__VA_ARGS__), fmt::format(__VA_ARGS__))

TEST(TextFormat, StringsAndIntegersLikeFmt) {
  std::string name = "s12_i32";
  std::string_view view = "mem0";
  const char* literal = "wasm2cpp::opaque";
  EXPECT_SAME_AS_FMT("{} = {};", name, view);
  EXPECT_SAME_AS_FMT("{}({}) + {}u", literal, name, 17u);
  EXPECT_SAME_AS_FMT("{0} {1} {0}", name, view);
  EXPECT_SAME_AS_FMT("{{{}}} {{ }}", name);
  EXPECT_SAME_AS_FMT("");
  EXPECT_SAME_AS_FMT("no fields");
  EXPECT_SAME_AS_FMT("{}{}{}", std::string(), std::string(40, 'x'), std::string_view());
}

TEST(TextFormat, IntegerExtremes) {
  EXPECT_SAME_AS_FMT("{} {} {}", std::numeric_limits<int64_t>::min(),
                     std::numeric_limits<int64_t>::max(), std::numeric_limits<uint64_t>::max());
  EXPECT_SAME_AS_FMT("{} {} {}", int32_t{-1}, int16_t{-32768}, uint16_t{65535});
  EXPECT_SAME_AS_FMT("{} {}", 0, -0);
  EXPECT_SAME_AS_FMT("{}ull {}u", uint64_t{1} << 63, uint32_t{0x80000000u});
}

TEST(TextFormat, HexAndZeroPadding) {
  for (uint64_t bits : {uint64_t{0}, uint64_t{1}, uint64_t{0x7ff8000000000001ull},
                        uint64_t{0xffffffffffffffffull}, uint64_t{0xabcdef}}) {
    EXPECT_SAME_AS_FMT("0x{:016x}ull", bits);
    EXPECT_SAME_AS_FMT("0x{:08x}u", static_cast<uint32_t>(bits));
    EXPECT_SAME_AS_FMT("{:x} {:d} {:0x} {:03d}", bits, bits, bits, bits);
  }
  EXPECT_SAME_AS_FMT("{:08x} {:05d} {:x}", int32_t{-255}, int64_t{-42}, int64_t{-1});
}

TEST(TextFormat, OtherSpecsAndTypesFallBackToFmt) {
  // Not handled by the fast path: the result must still be fmt's.
  EXPECT_SAME_AS_FMT("{:>6}|{:<4}|{:^5}", std::string("ab"), 7, std::string_view("c"));
  EXPECT_SAME_AS_FMT("{:8x}|{:+}|{:#x}", 255u, 3, 255u);
  EXPECT_SAME_AS_FMT("{} {} {}", 'c', true, 1.5);
  EXPECT_SAME_AS_FMT("{} {}", static_cast<unsigned char>(200), static_cast<signed char>(-3));
}

TEST(TextFormat, SameFormatStringWithOtherArguments) {
  // Parsed formats are cached by address: a second use with other argument
  // values (and text where there was text) must not reuse anything stale.
  for (uint32_t i = 0; i < 300; i += 7) {
    std::string name = "s" + std::to_string(i) + std::string(i % 40, 'x');
    EXPECT_SAME_AS_FMT("{} = {}u; // {:08x}", name, i, i * 2654435761u);
    EXPECT_SAME_AS_FMT("{1}{0}{{}}", i, name);
  }
}

// Hundreds of distinct format literals, with a field where another has
// literal text: more than the parse cache has slots, so entries are evicted
// and reused by formats of another shape.
#define FIELD_FIRST(n) EXPECT_SAME_AS_FMT("{}" #n "{}", a, b);
#define LITERAL_FIRST(n) EXPECT_SAME_AS_FMT(#n "{}" #n, b);
#define BOTH(n) FIELD_FIRST(n) LITERAL_FIRST(n)
#define TEN(n) BOTH(n##0) BOTH(n##1) BOTH(n##2) BOTH(n##3) BOTH(n##4) \
  BOTH(n##5) BOTH(n##6) BOTH(n##7) BOTH(n##8) BOTH(n##9)
#define HUNDRED(n) TEN(n##0) TEN(n##1) TEN(n##2) TEN(n##3) TEN(n##4) \
  TEN(n##5) TEN(n##6) TEN(n##7) TEN(n##8) TEN(n##9)

TEST(TextFormat, ManyFormatStringsInTurn) {
  for (int round = 0; round < 3; ++round) {
    std::string a = "name" + std::to_string(round);
    uint32_t b = 1000u + static_cast<uint32_t>(round);
    HUNDRED(1)
    HUNDRED(2)
  }
}

TEST(TextFormat, AppendKeepsWhatIsThere) {
  std::string out = "head:";
  format_append(out, "{}={:08x};", std::string("x"), 0xbeefu);
  format_append(out, "{:>3}", 5);  // fallback path appends too
  EXPECT_EQ(out, "head:x=0000beef;  5");
}

}  // namespace
