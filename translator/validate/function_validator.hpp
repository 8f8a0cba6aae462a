// Validation of one function body with the spec's algorithm (operand and
// control stacks, unreachable code), producing the typed FunctionIR.
// Requires validate_module() to have succeeded on `module`.
#pragma once

#include <cstdint>

#include "ir/function_ir.hpp"
#include "ir/module.hpp"
#include "support/error.hpp"
#include "support/features.hpp"

namespace wasm2cpp {

// `func_index` is in the function index space and must name a defined
// (not imported) function.
Expected<FunctionIR> validate_function(const Module& module, uint32_t func_index,
                                       const Features& features);

}  // namespace wasm2cpp
