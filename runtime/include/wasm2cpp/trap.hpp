// Traps and host-visible errors. A trap unwinds from the trap site to the
// host as a C++ exception (free on the non-trapping path); generated code
// never holds objects with destructors, so unwinding through it is trivial.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

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

// Thrown when guest code traps. After a trap the instance remains usable
// (its memory and globals keep whatever state the trap left).
class Trap : public std::runtime_error {
 public:
  explicit Trap(TrapKind kind);
  Trap(TrapKind kind, const std::string& message);
  TrapKind kind() const noexcept { return kind_; }

 private:
  TrapKind kind_;
};

// Thrown at instantiation when an import is missing or has the wrong type.
class LinkError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown by host-side accessors (Memory::view/load/store/...) for an
// out-of-bounds access.
class OutOfBounds : public std::out_of_range {
 public:
  using std::out_of_range::out_of_range;
};

// Raise a trap from generated code. Out of line and cold so that the
// non-trapping path of every check is a compare and a never-taken branch.
#if defined(__GNUC__)
[[noreturn]] __attribute__((cold, noinline)) void trap(TrapKind kind);
#else
[[noreturn]] void trap(TrapKind kind);
#endif

}  // namespace wasm2cpp
