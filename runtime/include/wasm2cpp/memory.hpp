// Linear memory: 64 KiB pages, host-side bounds-checked access, and the raw
// base/size that generated code reads. The class itself is in
// memory_core.hpp (all that generated function bodies include); this header
// completes the host API: Limits, view() and read_string().
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <type_traits>

#include "wasm2cpp/atomics.hpp"
#include "wasm2cpp/memory_core.hpp"
#include "wasm2cpp/trap.hpp"

namespace wasm2cpp {

struct Memory::Limits {
  uint64_t initial = 0;               // pages
  std::optional<uint64_t> maximum;    // pages
  bool shared = false;
  bool memory64 = false;
};

template <typename T>
auto Memory::view(uint64_t addr, uint64_t count) {
  static_assert(std::is_trivially_copyable_v<T>);
  check_range(addr, count, sizeof(T));
  if (reinterpret_cast<uintptr_t>(base_ + addr) % alignof(T) != 0) throw_misaligned(addr);
  return std::span<T>(reinterpret_cast<T*>(base_ + addr), static_cast<size_t>(count));
}

inline auto Memory::read_string(uint64_t addr, uint64_t len) const {
  check_range(addr, len, 1);
  return std::string(reinterpret_cast<const char*>(base_ + addr), static_cast<size_t>(len));
}

}  // namespace wasm2cpp
