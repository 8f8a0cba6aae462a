// Linear memory: reservation, growth and the bounds-checked operations.
//
// The base address never moves: the whole range a memory may ever use is
// reserved (PROT_NONE, MAP_NORESERVE) at construction and growing only
// commits pages with mprotect. Pages are never decommitted, so pages exposed
// by a grow have never been written and read as zero.
//
// Threads (shared memories): size_ is accessed atomically (__atomic builtins:
// memory_core.hpp stays free of <atomic>), read with acquire by explicit
// checks, memory.size and host accessors; grow is serialised by a mutex and
// commits the new pages before publishing the new size with release, so a
// thread that sees the new size also sees committed pages. The reservation
// scheme guarantees the base never moves, which shared memories require.
#include <sys/mman.h>

#include <algorithm>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>

#include "guard_pages.hpp"
#include "wasm2cpp/memory.hpp"

namespace wasm2cpp {
namespace {

constexpr uint64_t kMemory32MaxPages = 65536;          // 4 GiB
constexpr uint64_t kMemory64MaxPages = uint64_t{1} << 48;  // 2^64 bytes
// Unguarded memories (memory64, or when the guard reservation fails) reserve
// at most this much address space; they cannot grow past it.
constexpr uint64_t kUnguardedReservationCap = uint64_t{256} << 30;  // 256 GiB

uint8_t* reserve(uint64_t bytes) {
  void* p = mmap(nullptr, static_cast<size_t>(bytes), PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? nullptr : static_cast<uint8_t*>(p);
}

std::string hex(uint64_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string s = "0x";
  int shift = 60;
  while (shift > 0 && ((value >> shift) & 0xf) == 0) shift -= 4;
  for (; shift >= 0; shift -= 4) s += digits[(value >> shift) & 0xf];
  return s;
}

}  // namespace

struct Memory::State {
  Limits limits;
  std::mutex grow_mutex;  // serialises grow()
  uint64_t reserved = 0;  // bytes of address space reserved at base_
  uint64_t cap_pages = ~uint64_t{0};
};

Memory::Memory(const Limits& limits) {
  uint64_t page_limit = limits.memory64 ? kMemory64MaxPages : kMemory32MaxPages;
  uint64_t max_pages = std::min(limits.maximum.value_or(page_limit), page_limit);
  if (limits.initial > max_pages)
    throw std::length_error("memory initial size exceeds its maximum");
  state_ = new State{limits, {}, 0, ~uint64_t{0}};
  shared_ = limits.shared;
  uint64_t& reserved = state_->reserved;

  if (!limits.memory64 && detail::guard_pages_supported()) {
    if (uint8_t* p = reserve(detail::kGuardedReservationBytes)) {
      if (detail::register_guarded_region(p)) {
        base_ = p;
        reserved = detail::kGuardedReservationBytes;
        guarded_ = true;
      } else {
        munmap(p, detail::kGuardedReservationBytes);
      }
    }
  }
  if (base_ == nullptr) {
    // Reserve the maximum, capped; on failure settle for less, but never
    // less than the initial size.
    uint64_t want = std::clamp(max_pages, uint64_t{1}, kUnguardedReservationCap / kPageSize);
    uint64_t need = std::max<uint64_t>(limits.initial, 1);
    while (base_ == nullptr) {
      base_ = reserve(want * kPageSize);
      if (base_ != nullptr) break;
      if (want == need) {
        delete state_;
        throw std::bad_alloc();
      }
      want = std::max(need, want / 2);
    }
    reserved = want * kPageSize;
  }

  uint64_t initial_bytes = limits.initial * kPageSize;
  if (initial_bytes != 0 &&
      mprotect(base_, static_cast<size_t>(initial_bytes), PROT_READ | PROT_WRITE) != 0) {
    if (guarded_) detail::unregister_guarded_region(base_);
    munmap(base_, static_cast<size_t>(reserved));
    delete state_;
    throw std::bad_alloc();
  }
  __atomic_store_n(&size_, initial_bytes, __ATOMIC_RELEASE);
}

Memory::~Memory() {
  if (guarded_) detail::unregister_guarded_region(base_);
  munmap(base_, static_cast<size_t>(state_->reserved));
  delete state_;
}

const Memory::Limits& Memory::limits() const noexcept { return state_->limits; }

void Memory::set_max_pages_cap(uint64_t pages) noexcept {
  std::lock_guard<std::mutex> lock(state_->grow_mutex);
  state_->cap_pages = pages;
}

int64_t Memory::grow(uint64_t delta_pages) noexcept {
  std::lock_guard<std::mutex> lock(state_->grow_mutex);
  // Only grow() writes the size, under the lock.
  const uint64_t old_size = __atomic_load_n(&size_, __ATOMIC_RELAXED);
  const Limits& limits = state_->limits;
  uint64_t old_pages = old_size / kPageSize;
  if (delta_pages == 0) return static_cast<int64_t>(old_pages);

  uint64_t page_limit = limits.memory64 ? kMemory64MaxPages : kMemory32MaxPages;
  uint64_t limit = std::min({limits.maximum.value_or(page_limit), page_limit, state_->cap_pages});
  if (!guarded_) limit = std::min(limit, state_->reserved / kPageSize);
  if (old_pages > limit || delta_pages > limit - old_pages) return -1;

  uint64_t new_size = (old_pages + delta_pages) * kPageSize;
  uint8_t* fresh = base_ + old_size;
  size_t fresh_bytes = static_cast<size_t>(new_size - old_size);
  if (mprotect(fresh, fresh_bytes, PROT_READ | PROT_WRITE) != 0) {
    // mprotect may have changed part of the range: make it inaccessible again
    // so a failed grow has no effect, not even in guard mode.
    mprotect(fresh, fresh_bytes, PROT_NONE);
    return -1;
  }
  __atomic_store_n(&size_, new_size, __ATOMIC_RELEASE);
  return static_cast<int64_t>(old_pages);
}

void Memory::check_range(uint64_t addr, uint64_t count, uint64_t elem_size) const {
  uint64_t bytes;
  const uint64_t size = size_bytes();
  if (__builtin_mul_overflow(count, elem_size, &bytes) || addr > size || bytes > size - addr) {
    throw OutOfBounds("out of bounds memory access: " + std::to_string(count) + " x " +
                      std::to_string(elem_size) + " bytes at " + hex(addr) +
                      " in a memory of " + std::to_string(size) + " bytes");
  }
}

void Memory::throw_misaligned(uint64_t addr) const {
  throw OutOfBounds("misaligned view at " + hex(addr));
}

void Memory::write_bytes(uint64_t addr, const void* bytes, uint64_t size) {
  check_range(addr, size, 1);
  if (size != 0) std::memcpy(base_ + addr, bytes, static_cast<size_t>(size));
}

void Memory::read_bytes(uint64_t addr, void* out, uint64_t size) const {
  check_range(addr, size, 1);
  if (size != 0) std::memcpy(out, base_ + addr, static_cast<size_t>(size));
}

void Memory::fill(uint64_t dst, uint8_t value, uint64_t len) {
  const uint64_t size = size_bytes();
  if (dst > size || len > size - dst) trap(TrapKind::MemoryOutOfBounds);
  if (len != 0) std::memset(base_ + dst, value, static_cast<size_t>(len));
}

void Memory::copy(Memory& dst_mem, uint64_t dst, const Memory& src_mem, uint64_t src,
                  uint64_t len) {
  const uint64_t dst_size = dst_mem.size_bytes();
  const uint64_t src_size = src_mem.size_bytes();
  if (dst > dst_size || len > dst_size - dst || src > src_size || len > src_size - src)
    trap(TrapKind::MemoryOutOfBounds);
  if (len != 0) std::memmove(dst_mem.base_ + dst, src_mem.base_ + src, static_cast<size_t>(len));
}

void Memory::init(uint64_t dst, SegmentView<uint8_t> segment, uint64_t src, uint64_t len) {
  const uint64_t size = size_bytes();
  if (dst > size || len > size - dst || src > segment.size() || len > segment.size() - src)
    trap(TrapKind::MemoryOutOfBounds);
  if (len != 0) std::memcpy(base_ + dst, segment.data() + src, static_cast<size_t>(len));
}

}  // namespace wasm2cpp
