// Internal to validate_module: the checks split out of validate_module.cpp
// (constant expressions in module_const_expr.cpp, element and data segments
// in module_segments.cpp).
#pragma once

#include <cstdint>

#include "ir/module.hpp"
#include "support/error.hpp"
#include "support/features.hpp"

namespace wasm2cpp::module_validation {

// Checks that `expr` is a constant expression producing exactly one value of
// type `expected` ("constant expression required", "type mismatch",
// "unknown global", "unknown function"). As in WebAssembly 2.0, global.get
// may only name an imported immutable global.
Expected<void> check_const_expr(const Module& module, const ConstExpr& expr, ValType expected,
                                const Features& features);

Expected<void> check_elem_segments(const Module& module, const Features& features);
Expected<void> check_data_segments(const Module& module, const Features& features);

// C.refs: every function index named by ref.func outside function bodies
// (element segments, global initialisers) or exported as a function.
std::vector<bool> collect_declared_func_refs(const Module& module);

}  // namespace wasm2cpp::module_validation
