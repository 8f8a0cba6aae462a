// memory.atomic.wait32/wait64 and memory.atomic.notify: a parking lot keyed
// by host address.
//
// Waiters are kept in a fixed set of buckets (address hash), each a mutex and
// a FIFO list of the threads parked on any address hashing to it; every
// waiter has its own condition variable, so a notify wakes exactly the
// waiters it counts, oldest first, and nobody wakes spuriously. The value
// comparison of a wait happens under the bucket lock, and notify takes the
// same lock: a store followed by a notify can therefore never slip between a
// waiter's comparison and its parking (no lost wake-ups).
//
// The key is the host address `base + ea`: memories never move and never
// overlap, so equal keys mean the same location of the same memory, shared
// by every instance that imports it.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

#include "wasm2cpp/memory.hpp"

namespace wasm2cpp {
namespace {

struct Waiter {
  const uint8_t* address = nullptr;
  bool notified = false;  // guarded by the bucket mutex
  std::condition_variable wakeup;
};

struct alignas(64) Bucket {
  std::mutex mutex;
  std::vector<Waiter*> waiters;  // in arrival order
};

constexpr size_t kBucketCount = 128;

Bucket& bucket_for(const uint8_t* address) {
  // Never destroyed: a detached thread may still be parked at exit.
  static Bucket* const buckets = new Bucket[kBucketCount];
  const uint64_t key = reinterpret_cast<uintptr_t>(address);
  // Fibonacci hashing spreads neighbouring (aligned) addresses.
  return buckets[(key * 0x9e3779b97f4a7c15ull) >> 57];
}
static_assert(kBucketCount == 128, "the hash keeps the top 7 bits");

template <typename T>
uint32_t park(const uint8_t* address, T expected, int64_t timeout_ns) {
  using Clock = std::chrono::steady_clock;
  Bucket& bucket = bucket_for(address);
  std::unique_lock<std::mutex> lock(bucket.mutex);
  if (atomic_load<T>(address) != expected) return 1;  // "not-equal"
  if (timeout_ns == 0) return 2;                     // "timed-out" without parking

  Waiter self;
  self.address = address;
  bucket.waiters.push_back(&self);

  const Clock::time_point now = Clock::now();
  const bool forever =
      timeout_ns < 0 || std::chrono::nanoseconds(timeout_ns) >= Clock::time_point::max() - now;
  if (forever) {
    self.wakeup.wait(lock, [&] { return self.notified; });
    return 0;
  }
  const Clock::time_point deadline =
      now + std::chrono::duration_cast<Clock::duration>(std::chrono::nanoseconds(timeout_ns));
  if (self.wakeup.wait_until(lock, deadline, [&] { return self.notified; })) return 0;  // "ok"
  // Timed out: still queued (a notifier removes whom it wakes).
  std::erase(bucket.waiters, &self);
  return 2;
}

}  // namespace

void trap_unaligned_atomic(const Memory& memory, uint64_t ea, uint64_t bytes) {
  const uint64_t size = memory.size_bytes();
  if (ea > size || bytes > size - ea) trap(TrapKind::MemoryOutOfBounds);
  trap(TrapKind::UnalignedAtomic);
}

uint64_t Memory::checked_atomic_address(uint64_t addr, uint64_t offset, uint64_t bytes) const {
  uint64_t ea;
  const uint64_t size = size_bytes();
  if (__builtin_add_overflow(addr, offset, &ea) || ea > size || bytes > size - ea)
    trap(TrapKind::MemoryOutOfBounds);
  if (ea & (bytes - 1)) trap(TrapKind::UnalignedAtomic);
  return ea;
}

uint32_t Memory::atomic_wait32(uint64_t addr, uint64_t offset, uint32_t expected,
                               int64_t timeout_ns) {
  const uint64_t ea = checked_atomic_address(addr, offset, 4);
  if (!shared_) trap(TrapKind::ExpectedSharedMemory);
  return park<uint32_t>(base_ + ea, expected, timeout_ns);
}

uint32_t Memory::atomic_wait64(uint64_t addr, uint64_t offset, uint64_t expected,
                               int64_t timeout_ns) {
  const uint64_t ea = checked_atomic_address(addr, offset, 8);
  if (!shared_) trap(TrapKind::ExpectedSharedMemory);
  return park<uint64_t>(base_ + ea, expected, timeout_ns);
}

uint32_t Memory::atomic_notify(uint64_t addr, uint64_t offset, uint32_t count) {
  const uint64_t ea = checked_atomic_address(addr, offset, 4);
  // Only a shared memory can have waiters; notify is still a (no-op)
  // synchronisation point.
  if (!shared_ || count == 0) {
    atomic_fence();
    return 0;
  }
  const uint8_t* address = base_ + ea;
  Bucket& bucket = bucket_for(address);
  std::lock_guard<std::mutex> lock(bucket.mutex);
  uint32_t woken = 0;
  auto& waiters = bucket.waiters;
  for (auto it = waiters.begin(); it != waiters.end() && woken < count;) {
    Waiter* waiter = *it;
    if (waiter->address != address) {
      ++it;
      continue;
    }
    // Notified under the lock: the waiter cannot return (and destroy its
    // condition variable) before the lock is released.
    waiter->notified = true;
    waiter->wakeup.notify_one();
    it = waiters.erase(it);
    ++woken;
  }
  return woken;
}

}  // namespace wasm2cpp
