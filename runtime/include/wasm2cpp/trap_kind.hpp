// Trap kinds and the trap() entry point: all that generated function bodies
// need from the trap machinery, without the exception classes (trap.hpp,
// which pulls in <stdexcept> and <string>).
#pragma once

#include <cstdint>

namespace wasm2cpp {

// X(enumerator, message). Messages are the ones the spec testsuite expects.
#define WASM2CPP_FOREACH_TRAP(X)                                      \
  X(Unreachable, "unreachable")                                       \
  X(MemoryOutOfBounds, "out of bounds memory access")                 \
  X(TableOutOfBounds, "out of bounds table access")                   \
  X(UndefinedElement, "undefined element")                            \
  X(UninitializedElement, "uninitialized element")                    \
  X(IndirectCallTypeMismatch, "indirect call type mismatch")          \
  X(IntegerDivideByZero, "integer divide by zero")                    \
  X(IntegerOverflow, "integer overflow")                              \
  X(InvalidConversionToInteger, "invalid conversion to integer")      \
  X(CallStackExhausted, "call stack exhausted")                       \
  X(NullReference, "null reference")                                  \
  X(UnalignedAtomic, "unaligned atomic")                              \
  X(ExpectedSharedMemory, "expected shared memory")                   \
  X(HostTrap, "host trap")

enum class TrapKind : uint8_t {
#define X(e, msg) e,
  WASM2CPP_FOREACH_TRAP(X)
#undef X
};

const char* trap_message(TrapKind kind);

// Raise a trap (throws wasm2cpp::Trap, trap.hpp) from generated code. Out of
// line and cold so that the non-trapping path of every check is a compare
// and a never-taken branch.
#if defined(__GNUC__)
[[noreturn]] __attribute__((cold, noinline)) void trap(TrapKind kind);
#else
[[noreturn]] void trap(TrapKind kind);
#endif

}  // namespace wasm2cpp
