// Umbrella header for generated code and hosts.
#pragma once

// Hosts have always got <memory> with the runtime API (Function's storage
// once was a std::shared_ptr); the light headers no longer need it.
#include <memory>

#include "wasm2cpp/access.hpp"
#include "wasm2cpp/exception.hpp"
#include "wasm2cpp/function.hpp"
#include "wasm2cpp/global.hpp"
#include "wasm2cpp/linker.hpp"
#include "wasm2cpp/memory.hpp"
#include "wasm2cpp/module_api.hpp"
#include "wasm2cpp/ops.hpp"
#include "wasm2cpp/owner.hpp"
#include "wasm2cpp/stack.hpp"
#include "wasm2cpp/table.hpp"
#include "wasm2cpp/trap.hpp"
#include "wasm2cpp/types.hpp"

namespace wasm2cpp {
inline constexpr const char* kVersion = "0.1.0";
}
