// Trap messages and the single out-of-line throw site used by generated code.
#include "wasm2cpp/trap.hpp"

namespace wasm2cpp {

const char* trap_message(TrapKind kind) {
  switch (kind) {
#define X(e, msg) \
  case TrapKind::e: return msg;
    WASM2CPP_FOREACH_TRAP(X)
#undef X
  }
  return "unknown trap";
}

Trap::Trap(TrapKind kind) : std::runtime_error(trap_message(kind)), kind_(kind) {}

Trap::Trap(TrapKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

// Cold and never inlined (see the declaration): every check in generated code
// compiles to a compare and a branch to a call of this function, keeping hot
// paths small.
void trap(TrapKind kind) { throw Trap(kind); }

}  // namespace wasm2cpp
