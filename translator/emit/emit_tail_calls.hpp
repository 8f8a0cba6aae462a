// Internal to the emitter: the module-wide plan for guaranteed tail calls
// (which functions get a tail entry, which are registered for funcref tail
// calls, the trampoline buffer size) and the text shared by the families.
// The runtime half is runtime/include/wasm2cpp/tail_call.hpp; the scheme is
// described in docs/generated-code.md ("Tail calls").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ir/module.hpp"
#include "support/features.hpp"

namespace wasm2cpp::emit {

struct ModuleInfo;

// Must equal wasm2cpp::kTailCallMinCapacity (runtime/include/wasm2cpp/tail_call.hpp).
inline constexpr uint32_t kTailCallMinCapacity = 128;

struct TailCallPlan {
  // The module contains return_call or return_call_indirect. When false,
  // nothing below applies and the output is exactly as without tail calls.
  bool any = false;
  // Per function index: a defined function that gets a tail entry: one that
  // makes tail calls and is a direct return_call target or reachable
  // through a funcref.
  std::vector<bool> has_entry;
  // Per function index: its (ordinary entry -> tail entry) pair is
  // registered for return_call_indirect and for other modules.
  std::vector<bool> registered;
  // Bytes in the argument buffer of trampolines this module starts: enough
  // for the arguments of every tail call in the module.
  uint32_t buffer_bytes = kTailCallMinCapacity;

  bool entry(uint32_t func) const { return func < has_entry.size() && has_entry[func]; }
};

// Scans the function bodies for tail calls (only when the tail-call feature
// is enabled; an undecodable body is left to the validator to reject).
TailCallPlan plan_tail_calls(const Module& module, const Features& features);

// Bytes the arguments of `type` take in a tail-call buffer, and the offset
// of each (in order, each aligned to its own alignment).
uint32_t tail_argument_bytes(const FuncType& type);
std::vector<uint32_t> tail_argument_offsets(const FuncType& type);

// The C++ name of function `func`'s tail entry.
std::string tail_entry_name(const ModuleInfo& info, uint32_t func);

// Tail entries jump to each other with [[clang::musttail]], which clang
// ignores in functions with disable_tail_calls (set for the whole generated
// file by a pragma, see translate.cpp): their declarations and definitions
// are wrapped in these two, which close and reopen that region.
std::string leave_no_tail_call_region();
std::string reenter_no_tail_call_region();

// Tail-entry declarations and the registration of funcref-reachable ones,
// for the end of the declarations section ("" without tail calls).
std::string emit_tail_entry_declarations(const ModuleInfo& info, bool shared_linkage);

}  // namespace wasm2cpp::emit
