// Internal to validate_module: the checks split out of validate_module.cpp
// (constant expressions in module_const_expr.cpp, element and data segments
// in module_segments.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "ir/module.hpp"
#include "support/error.hpp"
#include "support/features.hpp"

namespace wasm2cpp::module_validation {

// Checks that an expression is a constant expression producing exactly one
// value of the expected type ("constant expression required", "type
// mismatch", "unknown global", "unknown function"). As in WebAssembly 2.0,
// global.get may only name an imported immutable global. One checker is
// reused for every expression of a module so its operand stack is
// allocated once.
class ConstExprChecker {
 public:
  ConstExprChecker(const Module& module, const Features& features)
      : module_(module), features_(features) {}
  Expected<void> check(const ConstExpr& expr, ValType expected);

 private:
  const Module& module_;
  const Features& features_;
  std::vector<ValType> stack_;
};

Expected<void> check_elem_segments(const Module& module, const Features& features);
Expected<void> check_data_segments(const Module& module, const Features& features);

// C.refs: every function index named by ref.func outside function bodies
// (element segments, global initialisers) or exported as a function.
std::vector<bool> collect_declared_func_refs(const Module& module);

}  // namespace wasm2cpp::module_validation
