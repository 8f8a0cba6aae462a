// The emitter's fast formatter must write exactly what fmt writes.
#include "support/text_format.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <iterator>
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

// Hundreds of distinct format literals (each its own address), half with a
// field where the others have literal text: more than the parse cache has
// slots, so entries are evicted and reused by formats of another shape.
// Twenty per function: one body with hundreds of format calls takes minutes
// to optimise.
#define FORMAT_PAIR(n)                                               \
  ok = format("{}" #n "{}", a, b) == a + #n + std::to_string(b) && ok; \
  ok = format(#n "{}{}", a, b) == #n + a + std::to_string(b) && ok;
#define TWENTY_FORMATS(n)                                                                   \
  [[gnu::noinline]] bool formats_##n(const std::string& a, uint32_t b) {                   \
    bool ok = true;                                                                         \
    FORMAT_PAIR(n##0) FORMAT_PAIR(n##1) FORMAT_PAIR(n##2) FORMAT_PAIR(n##3) FORMAT_PAIR(n##4) \
    FORMAT_PAIR(n##5) FORMAT_PAIR(n##6) FORMAT_PAIR(n##7) FORMAT_PAIR(n##8) FORMAT_PAIR(n##9) \
    return ok;                                                                              \
  }
TWENTY_FORMATS(1) TWENTY_FORMATS(2) TWENTY_FORMATS(3) TWENTY_FORMATS(4) TWENTY_FORMATS(5)
TWENTY_FORMATS(6) TWENTY_FORMATS(7) TWENTY_FORMATS(8) TWENTY_FORMATS(9) TWENTY_FORMATS(10)
#undef TWENTY_FORMATS
#undef FORMAT_PAIR

TEST(TextFormat, ManyFormatStringsInTurn) {
  bool (*const groups[])(const std::string&, uint32_t) = {
      formats_1, formats_2, formats_3, formats_4, formats_5,
      formats_6, formats_7, formats_8, formats_9, formats_10};
  for (uint32_t round = 0; round < 3; ++round) {
    std::string a = "name" + std::to_string(round);
    for (size_t g = 0; g < std::size(groups); ++g)
      EXPECT_TRUE(groups[g](a, 1000u + round)) << "group " << g + 1 << ", round " << round;
  }
}

TEST(TextFormat, AppendKeepsWhatIsThere) {
  std::string out = "head:";
  format_append(out, "{}={:08x};", std::string("x"), 0xbeefu);
  format_append(out, "{:>3}", 5);  // fallback path appends too
  EXPECT_EQ(out, "head:x=0000beef;  5");
}

}  // namespace
