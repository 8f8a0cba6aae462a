// Validating and emitting every defined function body, on one thread or
// several. Each function is validated and emitted independently (its IR
// and text depend only on the module and the options), so bodies can be
// made in parallel and handed over in function order: the output is the
// same for every number of threads, and so is the error (the one of the
// lowest failing function, exactly as one thread finds it).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "emit/emitter.hpp"
#include "support/error.hpp"

namespace wasm2cpp::emit {

// What translate() needs to know about a body besides its text.
struct BodyFacts {
  bool uses_simd = false;        // some v128 value: the shard includes simd.hpp
  bool uses_exceptions = false;  // exception-handling instructions
  bool may_fault = false;        // memory accesses or calls (export entry barrier)
};

// Receives one defined function's definition; called in function order.
using BodyConsumer =
    std::function<Expected<void>(uint32_t func_index, std::string_view text, const BodyFacts&)>;

// Below this much code (body bytes), automatic jobs stay on one thread:
// starting threads would cost more than they save (measured, see
// resolve_jobs).
inline constexpr uint64_t kParallelMinCodeBytes = 32 * 1024;

// The number of threads for `requested` jobs (0: automatic) and a module
// with `code_bytes` of function bodies.
uint32_t resolve_jobs(uint32_t requested, uint64_t code_bytes);

// Validates and emits every defined function of info.module with `jobs`
// threads (0: automatic), calling `consume` for each in function order.
// Stops at the first error, which is the one the lowest failing function
// (or `consume`) reports, whatever the number of threads.
Expected<void> emit_function_bodies(const ModuleInfo& info, bool shared_linkage, uint32_t jobs,
                                    const BodyConsumer& consume);

}  // namespace wasm2cpp::emit
