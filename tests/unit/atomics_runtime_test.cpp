// Runtime side of the threads proposal: the atomic access helpers generated
// code calls, the wait/notify parking lot (per address, FIFO, timeouts,
// traps) and a shared Memory's size and grow under concurrency.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include "wasm2cpp/memory.hpp"

namespace wasm2cpp {
namespace {

Memory::Limits shared_limits(uint64_t initial, uint64_t maximum) {
  return Memory::Limits{.initial = initial, .maximum = maximum, .shared = true, .memory64 = false};
}

TrapKind trap_kind_of(auto&& call) {
  try {
    call();
  } catch (const Trap& trap) {
    return trap.kind();
  }
  return TrapKind::HostTrap;  // did not trap
}

TEST(AtomicsRuntime, RmwHelpersReturnTheOldValue) {
  Memory memory(shared_limits(1, 1));
  uint8_t* base = memory.data();
  atomic_store<uint32_t>(base + 8, 40);
  EXPECT_EQ(atomic_rmw_add<uint32_t>(base + 8, 2), 40u);
  EXPECT_EQ(atomic_rmw_sub<uint32_t>(base + 8, 50), 42u);
  EXPECT_EQ(atomic_load<uint32_t>(base + 8), uint32_t(42 - 50));
  EXPECT_EQ(atomic_rmw_xchg<uint16_t>(base + 16, 0xbeef), 0u);
  EXPECT_EQ(atomic_rmw_and<uint16_t>(base + 16, 0x0ff0), 0xbeefu);
  EXPECT_EQ(atomic_rmw_or<uint16_t>(base + 16, 0x1), 0x0ee0u);
  EXPECT_EQ(atomic_rmw_xor<uint16_t>(base + 16, 0xffff), 0x0ee1u);
  EXPECT_EQ(atomic_load<uint16_t>(base + 16), 0xf11eu);
  // A narrow add wraps inside its width and leaves the neighbours alone.
  atomic_store<uint8_t>(base + 24, 0xff);
  EXPECT_EQ(atomic_rmw_add<uint8_t>(base + 24, 1), 0xffu);
  EXPECT_EQ(memory.load<uint32_t>(24), 0u);
}

TEST(AtomicsRuntime, CmpxchgStoresOnlyOnMatchAndReturnsTheLoadedValue) {
  Memory memory(shared_limits(1, 1));
  uint8_t* base = memory.data();
  atomic_store<uint64_t>(base, 7);
  EXPECT_EQ(atomic_rmw_cmpxchg<uint64_t>(base, 6, 100), 7u);  // mismatch: unchanged
  EXPECT_EQ(atomic_load<uint64_t>(base), 7u);
  EXPECT_EQ(atomic_rmw_cmpxchg<uint64_t>(base, 7, 100), 7u);  // match: replaced
  EXPECT_EQ(atomic_load<uint64_t>(base), 100u);
}

TEST(AtomicsRuntime, AlignmentSlowPathReportsBoundsFirst) {
  Memory memory(shared_limits(1, 1));
  EXPECT_EQ(trap_kind_of([&] { trap_unaligned_atomic(memory, 2, 4); }), TrapKind::UnalignedAtomic);
  EXPECT_EQ(trap_kind_of([&] { trap_unaligned_atomic(memory, 65534, 4); }),
            TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(trap_kind_of([&] { check_atomic_alignment<8>(memory, 12); }), TrapKind::UnalignedAtomic);
  EXPECT_EQ(trap_kind_of([&] { check_atomic_alignment<8>(memory, 16); }), TrapKind::HostTrap);
}

TEST(AtomicsRuntime, WaitChecksInTheSpecOrder) {
  Memory memory(shared_limits(1, 1));
  EXPECT_EQ(trap_kind_of([&] { memory.atomic_wait32(65536, 0, 0, 0); }), TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(trap_kind_of([&] { memory.atomic_wait64(4, 0, 0, 0); }), TrapKind::UnalignedAtomic);
  // addr + offset is computed without wrap-around.
  EXPECT_EQ(trap_kind_of([&] { memory.atomic_notify(~uint64_t{0} - 3, 8, 1); }),
            TrapKind::MemoryOutOfBounds);
  Memory unshared({.initial = 1, .maximum = 1});
  EXPECT_EQ(trap_kind_of([&] { unshared.wait64(8, 0, 0); }), TrapKind::ExpectedSharedMemory);
  EXPECT_EQ(unshared.notify(8, 1), 0u);
}

TEST(AtomicsRuntime, WaitResults) {
  Memory memory(shared_limits(1, 1));
  memory.store<uint64_t>(32, 0x1'0000'0002ull);
  EXPECT_EQ(memory.wait32(32, 1, -1), 1u);             // not equal
  EXPECT_EQ(memory.wait64(32, 2, -1), 1u);             // compares all 64 bits
  EXPECT_EQ(memory.wait64(32, 0x1'0000'0002ull, 0), 2u);  // equal, timed out at once
  EXPECT_EQ(memory.atomic_wait32(28, 4, 2, 1000), 2u);  // addr + offset = 32
  // A huge timeout does not overflow the deadline: it is woken normally.
  std::atomic<uint32_t> result{99};
  std::thread waiter([&] { result = memory.wait32(32, 2, INT64_MAX); });
  while (memory.notify(32, 1) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  waiter.join();
  EXPECT_EQ(result.load(), 0u);
}

// Waiters on different addresses (which may share a bucket) are woken only by
// a notify on their own address, oldest first, at most `count` of them.
TEST(AtomicsRuntime, NotifyWakesOnlyItsAddressAndAtMostCount) {
  Memory memory(shared_limits(1, 1));
  constexpr int kPerAddress = 3;
  std::atomic<int> woken_a{0};
  std::atomic<int> woken_b{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kPerAddress; ++i) {
    threads.emplace_back([&] { woken_a += memory.wait32(0, 0, -1) == 0; });
    threads.emplace_back([&] { woken_b += memory.wait32(4096, 0, -1) == 0; });
  }
  // Let every waiter park: a notify counts exactly the parked ones.
  uint32_t parked_a = 0;
  while (parked_a < kPerAddress) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    uint32_t woken = memory.notify(0, 1);
    parked_a += woken;
    EXPECT_LE(woken, 1u);
  }
  EXPECT_EQ(memory.notify(0, 10), 0u);  // nobody left at address 0
  uint32_t parked_b = 0;
  while (parked_b < kPerAddress) parked_b += memory.notify(4096, kPerAddress);
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(woken_a.load(), kPerAddress);
  EXPECT_EQ(woken_b.load(), kPerAddress);
}

TEST(AtomicsRuntime, ConcurrentGrowsAddUpExactly) {
  Memory memory(shared_limits(0, 64));
  std::atomic<uint32_t> successes{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        uint64_t before = memory.size_pages();
        int64_t old = memory.grow(1);
        if (old >= 0) {
          ++successes;
          EXPECT_GE(static_cast<uint64_t>(old), before);
          memory.store<uint32_t>(static_cast<uint64_t>(old) * kPageSize, 1);  // committed
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(successes.load(), 64u);
  EXPECT_EQ(memory.size_pages(), 64u);
  EXPECT_EQ(memory.grow(1), -1);
}

}  // namespace
}  // namespace wasm2cpp
