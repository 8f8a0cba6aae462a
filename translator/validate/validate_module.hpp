// Module-level validation (everything except function bodies): limits, index
// spaces, constant expressions, segments, exports, start function, and the
// set of functions ref.func may name (C.refs). Fills
// Module::declared_func_refs.
#pragma once

#include "ir/module.hpp"
#include "support/error.hpp"
#include "support/features.hpp"

namespace wasm2cpp {

Expected<void> validate_module(Module& module, const Features& features);

}  // namespace wasm2cpp
