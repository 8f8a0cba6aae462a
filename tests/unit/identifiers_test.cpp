#include "support/identifiers.hpp"

#include <gtest/gtest.h>

namespace wasm2cpp {
namespace {

TEST(Identifiers, SanitizeKeepsIdentifiers) {
  EXPECT_EQ(sanitize_namespace_name("calc", true), "calc");
  EXPECT_EQ(sanitize_namespace_name("Calc_2", true), "Calc_2");
}

TEST(Identifiers, SanitizeReplacesAndCollapsesOtherBytes) {
  EXPECT_EQ(sanitize_namespace_name("my-module.v2", true), "my_module_v2");
  EXPECT_EQ(sanitize_namespace_name("a--b..c", true), "a_b_c");
  EXPECT_EQ(sanitize_namespace_name("a__b", true), "a_b");  // "__" is reserved
  EXPECT_EQ(sanitize_namespace_name("caf\xc3\xa9", true), "caf");
}

TEST(Identifiers, SanitizeAvoidsReservedForms) {
  EXPECT_EQ(sanitize_namespace_name("1-my.module", true), "m1_my_module");
  EXPECT_EQ(sanitize_namespace_name("_Upper", true), "Upper");
  EXPECT_EQ(sanitize_namespace_name("class", true), "class_");
  EXPECT_EQ(sanitize_namespace_name("std", true), "std_");
  EXPECT_EQ(sanitize_namespace_name("wasm2cpp", true), "wasm2cpp_");
  EXPECT_EQ(sanitize_namespace_name("-x-", true), "x");
}

// `namespace fma {}` after <cmath> does not compile; nested, it does.
TEST(Identifiers, GlobalLibraryNamesAreTakenOnlyAtGlobalScope) {
  for (std::string_view name : {"fma", "time", "printf", "malloc", "memcpy", "abort", "FILE"}) {
    EXPECT_TRUE(is_taken_at_global_scope(name)) << name;
    EXPECT_TRUE(namespace_name_problem(name, true).has_value()) << name;
    EXPECT_FALSE(namespace_name_problem(name, false).has_value()) << name;
    EXPECT_EQ(sanitize_namespace_name(name, true), std::string(name) + "_");
    EXPECT_EQ(sanitize_namespace_name(name, false), name);
  }
  for (std::string_view name : {"calc", "fmadd", "timer_plugin", "accumulate"})
    EXPECT_FALSE(is_taken_at_global_scope(name)) << name;
  auto problem = namespace_name_problem("fma", true);
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("--namespace"), std::string::npos) << *problem;
}

TEST(Identifiers, SanitizeNeverReturnsSomethingUnusable) {
  for (std::string_view text : {"", "_", "---", "\xff\xfe", "0", "__", "and", "a b c", "fma"}) {
    std::string name = sanitize_namespace_name(text, true);
    EXPECT_FALSE(namespace_name_problem(name, true).has_value())
        << "'" << text << "' -> '" << name << "'";
  }
  EXPECT_EQ(sanitize_namespace_name("", true), "module");
  EXPECT_EQ(sanitize_namespace_name("0", true), "m0");
}

TEST(Identifiers, NameProblems) {
  EXPECT_FALSE(namespace_name_problem("calc", true).has_value());
  EXPECT_TRUE(namespace_name_problem("_calc", true).has_value());
  EXPECT_TRUE(namespace_name_problem("", true).has_value());
  EXPECT_TRUE(namespace_name_problem("1x", true).has_value());
  EXPECT_TRUE(namespace_name_problem("a-b", true).has_value());
  EXPECT_TRUE(namespace_name_problem("a::b", true).has_value());
  EXPECT_TRUE(namespace_name_problem("a__b", true).has_value());
  EXPECT_TRUE(namespace_name_problem("_X", false).has_value());
  EXPECT_TRUE(namespace_name_problem("namespace", false).has_value());
  EXPECT_TRUE(namespace_name_problem("xor_eq", false).has_value());
  EXPECT_TRUE(namespace_name_problem("std", true).has_value());
}

TEST(Identifiers, NamespacePathProblems) {
  EXPECT_FALSE(namespace_path_problem("acme").has_value());
  EXPECT_FALSE(namespace_path_problem("acme::plugins::v2").has_value());
  EXPECT_FALSE(namespace_path_problem("acme::time").has_value());  // nested: fine
  EXPECT_TRUE(namespace_path_problem("time::acme").has_value());   // global: taken
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
}  // namespace wasm2cpp
