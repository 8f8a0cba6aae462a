// VarName: the emitter's allocation-free variable names. Every way a family
// file uses a name (formatting, FMT_COMPILE, as a std::string_view,
// `cond ? name : ""`) must give exactly the name's text.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "emit/function_emitter.hpp"

namespace wasm2cpp::emit {
namespace {

TEST(EmitVarName, SpellsPrefixIndexAndSuffix) {
  EXPECT_EQ(VarName('s', 0, "i32").view(), "s0_i32");
  EXPECT_EQ(VarName('s', 9, "f64").view(), "s9_f64");
  EXPECT_EQ(VarName('s', 10, "v128").view(), "s10_v128");
  EXPECT_EQ(VarName('s', 99, "fref").view(), "s99_fref");
  EXPECT_EQ(VarName('s', 100, "eref").view(), "s100_eref");
  EXPECT_EQ(VarName('l', 12345, nullptr).view(), "l12345");
  // The largest index with the longest suffix still fits.
  EXPECT_EQ(VarName('s', 4294967295u, "v128").view(), "s4294967295_v128");
}

TEST(EmitVarName, FormatsAndConvertsAsItsText) {
  const VarName name('s', 42, "i64");
  EXPECT_EQ(fmt::format(FMT_COMPILE("{} = {};"), name, VarName('l', 3, nullptr)), "s42_i64 = l3;");
  EXPECT_EQ(fmt::format("[{:>9}]", name), "[  s42_i64]");  // runtime format specs too
  const std::string_view view = name;
  EXPECT_EQ(view, "s42_i64");
  std::string appended = "x = ";
  appended += name.view();
  EXPECT_EQ(appended, "x = s42_i64");
  for (bool has : {true, false}) {
    const VarName chosen = has ? name : "";
    EXPECT_EQ(chosen.view(), has ? "s42_i64" : "");
  }
  EXPECT_TRUE(VarName().empty());
  EXPECT_EQ(VarName("ctx").view(), "ctx");
}

// A name becomes a heap string only where a caller says so (view()), never
// by an implicit conversion in the emitter's hot paths.
static_assert(!std::is_convertible_v<VarName, std::string>);
static_assert(std::is_convertible_v<VarName, std::string_view>);

TEST(EmitVarName, HoldsTheLongestConstantSpelling) {
  // The longest forwarded constant (FunctionEmitter::alias_constant).
  const std::string longest = "std::bit_cast<double>(0x0123456789abcdefull)";
  EXPECT_EQ(VarName::of(longest).view(), longest);
  const std::string full(VarName::kCapacity, 'x');
  EXPECT_EQ(VarName::of(full).view(), full);
}

// A name that does not fit must stop the translator, not be cut into
// another (or invalid) C++ name.
TEST(EmitVarNameDeathTest, RejectsTextBeyondItsCapacity) {
  const std::string too_long(VarName::kCapacity + 1, 'x');
  EXPECT_DEATH(VarName::of(too_long), "internal error: length <= kCapacity");
  EXPECT_DEATH(VarName(too_long.c_str()), "internal error: length <= kCapacity");
}

}  // namespace
}  // namespace wasm2cpp::emit
