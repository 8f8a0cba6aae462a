// The CLI's sources are linked only into the wasm2cpp executable, so the unit
// under test is compiled into this test directly.
#include "cli/identifiers.cpp"  // NOLINT(bugprone-suspicious-include)

#include <gtest/gtest.h>

namespace wasm2cpp::cli {
namespace {

TEST(CliIdentifiers, SanitizeKeepsIdentifiers) {
  EXPECT_EQ(sanitize_namespace_name("calc"), "calc");
  EXPECT_EQ(sanitize_namespace_name("Calc_2"), "Calc_2");
}

TEST(CliIdentifiers, SanitizeReplacesAndCollapsesOtherBytes) {
  EXPECT_EQ(sanitize_namespace_name("my-module.v2"), "my_module_v2");
  EXPECT_EQ(sanitize_namespace_name("a--b..c"), "a_b_c");
  EXPECT_EQ(sanitize_namespace_name("a__b"), "a_b");  // "__" is reserved
  EXPECT_EQ(sanitize_namespace_name("caf\xc3\xa9"), "caf");
}

TEST(CliIdentifiers, SanitizeAvoidsReservedForms) {
  EXPECT_EQ(sanitize_namespace_name("1-my.module"), "m1_my_module");
  EXPECT_EQ(sanitize_namespace_name("_Upper"), "Upper");
  EXPECT_EQ(sanitize_namespace_name("class"), "class_");
  EXPECT_EQ(sanitize_namespace_name("std"), "std_");
  EXPECT_EQ(sanitize_namespace_name("wasm2cpp"), "wasm2cpp_");
  EXPECT_EQ(sanitize_namespace_name("-x-"), "x");
}

TEST(CliIdentifiers, SanitizeNeverReturnsSomethingUnusable) {
  for (std::string_view text : {"", "_", "---", "\xff\xfe", "0", "__", "and", "a b c"}) {
    std::string name = sanitize_namespace_name(text);
    EXPECT_FALSE(namespace_name_problem(name).has_value())
        << "'" << text << "' -> '" << name << "'";
  }
  EXPECT_EQ(sanitize_namespace_name(""), "module");
  EXPECT_EQ(sanitize_namespace_name("0"), "m0");
}

TEST(CliIdentifiers, NameProblems) {
  EXPECT_FALSE(namespace_name_problem("calc").has_value());
  EXPECT_TRUE(namespace_name_problem("_calc").has_value());
  EXPECT_TRUE(namespace_name_problem("").has_value());
  EXPECT_TRUE(namespace_name_problem("1x").has_value());
  EXPECT_TRUE(namespace_name_problem("a-b").has_value());
  EXPECT_TRUE(namespace_name_problem("a::b").has_value());
  EXPECT_TRUE(namespace_name_problem("a__b").has_value());
  EXPECT_TRUE(namespace_name_problem("_X").has_value());
  EXPECT_TRUE(namespace_name_problem("namespace").has_value());
  EXPECT_TRUE(namespace_name_problem("xor_eq").has_value());
  EXPECT_TRUE(namespace_name_problem("std").has_value());
}

TEST(CliIdentifiers, NamespacePathProblems) {
  EXPECT_FALSE(namespace_path_problem("acme").has_value());
  EXPECT_FALSE(namespace_path_problem("acme::plugins::v2").has_value());
  EXPECT_TRUE(namespace_path_problem("").has_value());
  EXPECT_TRUE(namespace_path_problem("acme::").has_value());
  EXPECT_TRUE(namespace_path_problem("::acme").has_value());
  EXPECT_TRUE(namespace_path_problem("acme:::x").has_value());
  EXPECT_TRUE(namespace_path_problem("acme::int").has_value());
  auto problem = namespace_path_problem("acme::1x");
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("'1x'"), std::string::npos) << *problem;
}

}  // namespace
}  // namespace wasm2cpp::cli
