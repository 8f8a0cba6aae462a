// Helpers used only by the generated instance implementation (the
// constructor in the module's first source file): instantiation failure and
// the guard-mode memory requirement. Not part of the host API. Function
// bodies need only code.hpp.
#pragma once

#include <memory>

#include "wasm2cpp/code.hpp"
#include "wasm2cpp/memory.hpp"

namespace wasm2cpp {

// A failed instantiation may already have written funcrefs (whose env is the
// instance's context) into imported tables, or data into imported memories.
// Those must stay valid, so the context is kept for the process lifetime
// instead of being freed.
void retain_failed_instance(std::shared_ptr<void> context);

// Guard-mode code performs no bounds checks: it may only run against a
// memory whose whole 32-bit range (plus offset) is reserved. Throws
// std::runtime_error otherwise.
void require_guarded(const Memory& memory);

}  // namespace wasm2cpp
