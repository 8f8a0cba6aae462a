// Internal to the runtime: guard-page mode support (memory.cpp and
// guard_pages.cpp).
#pragma once

#include <cstdint>

#include "wasm2cpp/memory.hpp"

namespace wasm2cpp::detail {

// A guarded 32-bit memory reserves 8 GiB + 64 KiB: every `base + u32 addr +
// u32 offset + access size (<= 16)` lands inside, and everything past the
// committed size is PROT_NONE.
inline constexpr uint64_t kGuardedReservationBytes = (uint64_t{8} << 30) + kPageSize;

// True where a fault in a reservation can be turned into a Trap (x86-64
// Linux). Elsewhere memories are never guarded and code uses explicit checks.
bool guard_pages_supported() noexcept;

// Installs the fault handler (first call) and records
// [base, base + kGuardedReservationBytes) as a guarded region. False if the
// handler cannot be installed or the registry is full: the caller then falls
// back to an unguarded memory.
bool register_guarded_region(const uint8_t* base) noexcept;
void unregister_guarded_region(const uint8_t* base) noexcept;

// Whether `address` lies in a live guarded reservation (async-signal-safe).
bool in_guarded_region(uintptr_t address) noexcept;

}  // namespace wasm2cpp::detail
