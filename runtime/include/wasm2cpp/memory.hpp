// Linear memory: 64 KiB pages, host-side bounds-checked access, and the raw
// base/size that generated code reads.
//
// Address stability: a Memory reserves its whole possible address range up
// front (for 32-bit memories: 4 GiB plus an 4 GiB + 64 KiB inaccessible guard
// region, so a guard-mode access `base + u32 addr + u32 offset` can never leave
// the reservation). Growing only changes page protections, so `data()` never
// changes and views taken before a grow stay valid (they still cover only the
// range they were created for). Where the reservation cannot be made (no
// virtual memory, memory64 beyond the cap), the memory is not `guarded()` and
// modules translated with --bounds-checks=guard refuse to link it.
//
// Threads: a shared memory (Limits::shared) may be used by several instances
// on several threads at once. Its base never moves (as for every Memory),
// its size is read atomically and grow() is serialised, so guest and host
// code on any thread see a consistent size that only increases. Waiters
// parked by memory.atomic.wait32/wait64 (or the host's wait32/wait64) are
// woken by notify on the same address. See docs/threads.md.
#pragma once

#include <atomic>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <type_traits>

#include "wasm2cpp/atomics.hpp"
#include "wasm2cpp/trap.hpp"

namespace wasm2cpp {

inline constexpr uint64_t kPageSize = 65536;

// Guard-page faults. On the first guarded Memory the runtime installs a
// SIGSEGV/SIGBUS handler that turns a fault inside a guarded reservation into
// a Trap (MemoryOutOfBounds) thrown from the faulting instruction, and passes
// every other fault to the handler installed before it. A host that installs
// its own handler afterwards must call this first from that handler (with its
// siginfo_t* and ucontext_t* arguments) and return immediately when it
// returns true. Async-signal-safe.
bool handle_guard_fault(int signal, void* siginfo, void* ucontext) noexcept;

class Memory {
 public:
  struct Limits {
    uint64_t initial = 0;               // pages
    std::optional<uint64_t> maximum;    // pages
    bool shared = false;
    bool memory64 = false;
  };

  explicit Memory(const Limits& limits);
  ~Memory();
  Memory(const Memory&) = delete;
  Memory& operator=(const Memory&) = delete;

  const Limits& limits() const noexcept { return limits_; }
  bool guarded() const noexcept { return guarded_; }
  bool shared() const noexcept { return limits_.shared; }

  // The size only ever increases; the acquire load pairs with grow()'s
  // release, so pages inside the size read here are committed.
  uint64_t size_bytes() const noexcept { return size_.load(std::memory_order_acquire); }
  uint64_t size_pages() const noexcept { return size_bytes() / kPageSize; }
  uint8_t* data() noexcept { return base_; }
  const uint8_t* data() const noexcept { return base_; }

  // memory.grow semantics: returns the old size in pages, or -1 when the new
  // size would exceed the maximum (declared, host cap, or address space) or
  // the pages cannot be committed. New pages are zero. Thread-safe: growths
  // from several threads are serialised.
  int64_t grow(uint64_t delta_pages) noexcept;

  // A host-set cap (pages) below the declared maximum; grow fails above it.
  void set_max_pages_cap(uint64_t pages) noexcept { cap_pages_ = pages; }

  // ---- host access: every call is bounds-checked, throwing OutOfBounds ----

  // A typed view of `count` elements at `addr`. T must be trivially copyable;
  // `addr` must be aligned to alignof(T) (else OutOfBounds "misaligned view").
  // Values are in the guest's byte order (little-endian).
  template <typename T>
  std::span<T> view(uint64_t addr, uint64_t count) {
    static_assert(std::is_trivially_copyable_v<T>);
    check_range(addr, count, sizeof(T));
    if (reinterpret_cast<uintptr_t>(base_ + addr) % alignof(T) != 0) throw_misaligned(addr);
    return std::span<T>(reinterpret_cast<T*>(base_ + addr), static_cast<size_t>(count));
  }

  template <typename T>
  T load(uint64_t addr) const {
    static_assert(std::is_trivially_copyable_v<T>);
    check_range(addr, 1, sizeof(T));
    T value;
    std::memcpy(&value, base_ + addr, sizeof(T));
    return value;
  }

  template <typename T>
  void store(uint64_t addr, const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    check_range(addr, 1, sizeof(T));
    std::memcpy(base_ + addr, &value, sizeof(T));
  }

  // ---- threads: wait and notify (memory.atomic.* semantics) ---------------
  // Every call traps (wasm2cpp::Trap) like the guest instruction: out of
  // bounds, unaligned (4 bytes for wait32 and notify, 8 for wait64), and
  // waiting on a memory that is not shared ("expected shared memory").

  // Blocks while the value at `addr` equals `expected` until notified or
  // `timeout_ns` elapses (negative: no timeout). Returns 0 when woken by a
  // notify, 1 when the value differed (no wait), 2 on timeout.
  uint32_t wait32(uint64_t addr, uint32_t expected, int64_t timeout_ns) {
    return atomic_wait32(addr, 0, expected, timeout_ns);
  }
  uint32_t wait64(uint64_t addr, uint64_t expected, int64_t timeout_ns) {
    return atomic_wait64(addr, 0, expected, timeout_ns);
  }
  // Wakes up to `count` waiters on `addr`, oldest first; returns how many.
  // On a memory that is not shared there are no waiters: returns 0.
  uint32_t notify(uint64_t addr, uint32_t count) { return atomic_notify(addr, 0, count); }

  std::string read_string(uint64_t addr, uint64_t len) const;
  void write(uint64_t addr, std::span<const std::byte> bytes);
  void write(uint64_t addr, std::span<const uint8_t> bytes);
  void read(uint64_t addr, std::span<std::byte> out) const;

  // ---- used by generated code: these trap (wasm2cpp::Trap) on failure -----

  // memory.fill / memory.copy / memory.init: bounds-checked before any byte
  // is written (MemoryOutOfBounds), overlap-safe.
  void fill(uint64_t dst, uint8_t value, uint64_t len);
  static void copy(Memory& dst_mem, uint64_t dst, const Memory& src_mem, uint64_t src, uint64_t len);
  void init(uint64_t dst, std::span<const uint8_t> segment, uint64_t src, uint64_t len);

  // memory.atomic.wait32/wait64/notify at `addr + offset` (added without
  // wrap-around: an overflow is out of bounds). wait_notify.cpp.
  uint32_t atomic_wait32(uint64_t addr, uint64_t offset, uint32_t expected, int64_t timeout_ns);
  uint32_t atomic_wait64(uint64_t addr, uint64_t offset, uint64_t expected, int64_t timeout_ns);
  uint32_t atomic_notify(uint64_t addr, uint64_t offset, uint32_t count);

  // Bounds check for host accessors: throws OutOfBounds.
  void check_range(uint64_t addr, uint64_t count, uint64_t elem_size) const;

 private:
  [[noreturn]] void throw_misaligned(uint64_t addr) const;

  // The effective address of a wait/notify, checked (bounds, then
  // alignment to `bytes`): traps on failure.
  uint64_t checked_atomic_address(uint64_t addr, uint64_t offset, uint64_t bytes) const;

  uint8_t* base_ = nullptr;
  std::atomic<uint64_t> size_{0};  // current size in bytes; grows only
  std::mutex grow_mutex_;          // serialises grow()
  uint64_t reserved_ = 0;       // bytes of address space reserved at base_
  uint64_t cap_pages_ = ~uint64_t{0};
  Limits limits_;
  bool guarded_ = false;
};

}  // namespace wasm2cpp
