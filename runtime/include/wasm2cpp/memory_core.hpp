// The Memory class as generated function bodies see it: the base and size
// they read and the out-of-line operations they call (grow, fill, copy,
// init, wait/notify), with no standard library beyond <cstdint>/<cstring>.
// Host code includes memory.hpp, which completes the host API (Limits,
// view, read_string) with <optional>, <span> and <string>.
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

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "wasm2cpp/trap_kind.hpp"

namespace wasm2cpp {

inline constexpr uint64_t kPageSize = 65536;

// A read-only run of segment items (data bytes, element refs) as generated
// code keeps it in its Context; memory.init/table.init read it, data.drop
// and elem.drop empty it. Converts from any contiguous range with data()
// and size() (std::span, std::vector, ...).
template <typename T>
struct SegmentView {
  const T* items = nullptr;
  uint64_t count = 0;

  constexpr SegmentView() = default;
  constexpr SegmentView(const T* items_in, uint64_t count_in) : items(items_in), count(count_in) {}
  template <typename Range, typename = decltype(static_cast<const T*>(static_cast<const Range*>(nullptr)->data()))>
  constexpr SegmentView(const Range& range)  // NOLINT(google-explicit-constructor)
      : items(range.data()), count(range.size()) {}

  constexpr const T* data() const noexcept { return items; }
  constexpr uint64_t size() const noexcept { return count; }
  constexpr bool empty() const noexcept { return count == 0; }
};

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
  // initial/maximum pages, shared, memory64 (memory.hpp).
  struct Limits;

  explicit Memory(const Limits& limits);
  ~Memory();
  Memory(const Memory&) = delete;
  Memory& operator=(const Memory&) = delete;

  const Limits& limits() const noexcept;
  bool guarded() const noexcept { return guarded_; }
  bool shared() const noexcept { return shared_; }

  // The size only ever increases; the acquire load pairs with grow()'s
  // release, so pages inside the size read here are committed.
  uint64_t size_bytes() const noexcept { return __atomic_load_n(&size_, __ATOMIC_ACQUIRE); }
  uint64_t size_pages() const noexcept { return size_bytes() / kPageSize; }
  uint8_t* data() noexcept { return base_; }
  const uint8_t* data() const noexcept { return base_; }

  // memory.grow semantics: returns the old size in pages, or -1 when the new
  // size would exceed the maximum (declared, host cap, or address space) or
  // the pages cannot be committed. New pages are zero. Thread-safe: growths
  // from several threads are serialised.
  int64_t grow(uint64_t delta_pages) noexcept;

  // A host-set cap (pages) below the declared maximum; grow fails above it.
  void set_max_pages_cap(uint64_t pages) noexcept;

  // ---- host access: every call is bounds-checked, throwing OutOfBounds ----

  // A typed std::span of `count` elements at `addr` (memory.hpp). T must be
  // trivially copyable; `addr` must be aligned to alignof(T) (else
  // OutOfBounds "misaligned view"). Values are in the guest's byte order
  // (little-endian).
  template <typename T>
  auto view(uint64_t addr, uint64_t count);

  template <typename T>
  T load(uint64_t addr) const {
    static_assert(__is_trivially_copyable(T));
    check_range(addr, 1, sizeof(T));
    T value;
    std::memcpy(&value, base_ + addr, sizeof(T));
    return value;
  }

  template <typename T>
  void store(uint64_t addr, const T& value) {
    static_assert(__is_trivially_copyable(T));
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

  // The bytes at [addr, addr + len) as a std::string (memory.hpp).
  auto read_string(uint64_t addr, uint64_t len) const;
  // Copies a contiguous range of bytes (std::span<const std::byte>,
  // std::span<const uint8_t>, std::vector<uint8_t>, ...) to `addr`, or the
  // bytes at `addr` into one (std::span<std::byte>, std::array, ...).
  template <typename Bytes>
  void write(uint64_t addr, const Bytes& bytes) {
    write_bytes(addr, bytes.data(), static_cast<uint64_t>(bytes.size()) * sizeof(*bytes.data()));
  }
  template <typename Bytes>
  void read(uint64_t addr, Bytes&& out) const {
    read_bytes(addr, out.data(), static_cast<uint64_t>(out.size()) * sizeof(*out.data()));
  }
  void write_bytes(uint64_t addr, const void* bytes, uint64_t size);
  void read_bytes(uint64_t addr, void* out, uint64_t size) const;

  // ---- used by generated code: these trap (wasm2cpp::Trap) on failure -----

  // memory.fill / memory.copy / memory.init: bounds-checked before any byte
  // is written (MemoryOutOfBounds), overlap-safe.
  void fill(uint64_t dst, uint8_t value, uint64_t len);
  static void copy(Memory& dst_mem, uint64_t dst, const Memory& src_mem, uint64_t src, uint64_t len);
  void init(uint64_t dst, SegmentView<uint8_t> segment, uint64_t src, uint64_t len);

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

  // What only the out-of-line code touches (limits, the grow lock, the
  // reservation): memory.cpp, so this header needs neither <mutex> nor
  // <optional>.
  struct State;

  uint8_t* base_ = nullptr;
  uint64_t size_ = 0;  // current size in bytes; grows only; __atomic accesses
  State* state_ = nullptr;
  bool guarded_ = false;
  bool shared_ = false;
};

}  // namespace wasm2cpp
