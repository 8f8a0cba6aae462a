#include <gtest/gtest.h>

#include "validate/function_validator.hpp"

namespace wasm2cpp {
namespace {

TEST(FunctionValidator, Placeholder) { EXPECT_EQ(kMaxFunctionLocals, 50000u); }

}  // namespace
}  // namespace wasm2cpp
