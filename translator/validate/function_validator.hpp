// Validation of one function body with the spec's algorithm (operand and
// control stacks, unreachable code), producing the typed FunctionIR.
// Requires validate_module() to have succeeded on `module`.
#pragma once

#include <cstdint>
#include <memory>

#include "ir/function_ir.hpp"
#include "ir/module.hpp"
#include "support/error.hpp"
#include "support/features.hpp"

namespace wasm2cpp {

// Implementation limit on the number of locals (params + declared) of one
// function. The spec allows up to 2^32-1; every local becomes a C++ variable,
// so a body declaring more is rejected ("too many locals") before any
// per-local state is allocated.
inline constexpr uint32_t kMaxFunctionLocals = 50000;

// `func_index` is in the function index space and must name a defined
// (not imported) function.
Expected<FunctionIR> validate_function(const Module& module, uint32_t func_index,
                                       const Features& features);

// The same, reusable: keeps its scratch stacks between calls and writes into
// `out` reusing its vectors' capacity, so validating a whole module allocates
// only when a function is bigger than every one before it. One instance per
// thread. On error `out` holds unspecified partial contents.
class FunctionValidator {
 public:
  FunctionValidator();
  ~FunctionValidator();
  FunctionValidator(const FunctionValidator&) = delete;
  FunctionValidator& operator=(const FunctionValidator&) = delete;

  Expected<void> validate(const Module& module, uint32_t func_index, const Features& features,
                          FunctionIR& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace wasm2cpp
