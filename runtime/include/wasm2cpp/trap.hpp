// Traps and host-visible errors. A trap unwinds from the trap site to the
// host as a C++ exception (free on the non-trapping path); generated code
// never holds objects with destructors, so unwinding through it is trivial.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "wasm2cpp/trap_kind.hpp"

namespace wasm2cpp {

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

}  // namespace wasm2cpp
