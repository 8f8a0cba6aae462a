// A shared wasm2cpp::Memory used by several instances on several host
// threads (issues #4 and #9): atomic read-modify-write from guest code,
// a cmpxchg spin lock, producers and consumers synchronised with
// memory.atomic.wait32/notify, timeouts, and grow racing with accesses.
// Every test runs against the module translated in both bounds-check modes.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "bounds_modes.hpp"
#include "embed_shared_explicit.hpp"
#include "embed_shared_guard.hpp"

namespace {

using GuardMode = EMBEDDING_TRANSLATION(embed_shared_guard);
using ExplicitMode = EMBEDDING_TRANSLATION(embed_shared_explicit);

template <typename M>
class SharedMemoryTest : public ::testing::Test {
 protected:
  wasm2cpp::Memory memory{{.initial = 1, .maximum = 16, .shared = true}};

  // A fresh instance importing the one shared memory.
  std::unique_ptr<typename M::Instance> instance() {
    typename M::Imports imports;
    imports.env_memory = &memory;
    return std::make_unique<typename M::Instance>(imports);
  }
};

using Modes = ::testing::Types<GuardMode, ExplicitMode>;
TYPED_TEST_SUITE(SharedMemoryTest, Modes);

TYPED_TEST(SharedMemoryTest, HostMemoryIsShared) {
  EXPECT_TRUE(this->memory.shared());
  EXPECT_EQ(this->memory.limits().maximum, 16u);
  auto a = this->instance();
  auto b = this->instance();
  this->memory.template store<uint32_t>(64, 7);
  EXPECT_EQ(a->load(64), 7);
  a->add_many(64, 5);
  EXPECT_EQ(b->load(64), 12);
}

// Two instances, four host threads: every increment is an atomic rmw in
// guest code, so the total is exact.
TYPED_TEST(SharedMemoryTest, AtomicIncrementsFromFourThreadsAreExact) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 200000;
  std::vector<std::unique_ptr<typename TypeParam::Instance>> instances;
  instances.push_back(this->instance());
  instances.push_back(this->instance());
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] { instances[t % 2]->add_many(128, kPerThread); });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(this->memory.template load<uint32_t>(128), uint32_t{kThreads * kPerThread});
}

// A lock built from cmpxchg protects a plain (non-atomic) 64-bit counter.
TYPED_TEST(SharedMemoryTest, CmpxchgSpinLockProtectsPlainCounter) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto instance = this->instance();
      for (int i = 0; i < kRounds; ++i) instance->locked_add(256, 264, t + 1);
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(this->memory.template load<uint64_t>(264), uint64_t{kRounds} * (1 + 2 + 3 + 4));
  EXPECT_EQ(this->memory.template load<uint32_t>(256), 0u);  // lock released
}

// Producers and consumers on different threads and instances hand values
// through a one-slot mailbox, blocking in wait32 and woken by notify. Every
// value arrives exactly once.
TYPED_TEST(SharedMemoryTest, ProducersAndConsumersWithWaitNotify) {
  constexpr int kProducers = 2;
  constexpr int kConsumers = 2;
  constexpr int64_t kValuesPerProducer = 2000;
  constexpr int64_t kTotalValues = kProducers * kValuesPerProducer;
  std::atomic<int64_t> sum{0};
  std::atomic<int64_t> taken{0};
  std::vector<std::thread> threads;
  for (int p = 0; p < kProducers; ++p) {
    threads.emplace_back([&, p] {
      auto instance = this->instance();
      for (int64_t i = 1; i <= kValuesPerProducer; ++i) instance->put(512, i + p * kValuesPerProducer);
    });
  }
  for (int c = 0; c < kConsumers; ++c) {
    threads.emplace_back([&] {
      auto instance = this->instance();
      for (int64_t i = 0; i < kTotalValues / kConsumers; ++i) {
        sum += instance->take(512);
        ++taken;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(taken.load(), kTotalValues);
  EXPECT_EQ(sum.load(), kTotalValues * (kTotalValues + 1) / 2);
  EXPECT_EQ(this->memory.template load<uint32_t>(512), 0u);  // mailbox empty
}

TYPED_TEST(SharedMemoryTest, WaitReturnsNotEqualAndTimesOut) {
  auto instance = this->instance();
  this->memory.template store<uint32_t>(1024, 5);
  EXPECT_EQ(instance->wait32(1024, 4, -1), 1);  // not-equal: returns at once
  EXPECT_EQ(instance->wait64(1024, 4, -1), 1);
  EXPECT_EQ(instance->wait32(1024, 5, 0), 2);   // equal, zero timeout
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(instance->wait32(1024, 5, 20'000'000), 2);  // 20 ms
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(20));
  EXPECT_EQ(instance->notify(1024, 10), 0);  // nobody waits
}

TYPED_TEST(SharedMemoryTest, NotifyWakesTheRequestedNumberOfWaiters) {
  auto instance = this->instance();
  constexpr int kWaiters = 3;
  std::atomic<int> woken{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kWaiters; ++i) {
    threads.emplace_back([&] {
      auto waiter = this->instance();
      if (waiter->wait32(2048, 0, -1) == 0) ++woken;
    });
  }
  // Wake them one notify at a time; a notify issued before a waiter parked
  // wakes nobody, so retry until each is counted.
  int notified = 0;
  while (notified < kWaiters) {
    const int count = instance->notify(2048, 1);
    EXPECT_LE(count, 1);
    notified += count;
    if (count == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(woken.load(), kWaiters);
  EXPECT_EQ(instance->notify(2048, -1), 0);
}

TYPED_TEST(SharedMemoryTest, HostNotifyWakesGuestWaiter) {
  std::atomic<int> result{-1};
  std::thread waiter([&] {
    auto instance = this->instance();
    result = instance->wait64(4096, 0, -1);
  });
  uint32_t woken = 0;
  while (woken == 0) {
    woken = this->memory.notify(4096, 1);
    if (woken == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  waiter.join();
  EXPECT_EQ(woken, 1u);
  EXPECT_EQ(result.load(), 0);
}

TYPED_TEST(SharedMemoryTest, UnalignedAndOutOfBoundsAtomicsTrap) {
  auto instance = this->instance();
  auto kind = [](auto&& call) {
    try {
      call();
    } catch (const wasm2cpp::Trap& trap) {
      return trap.kind();
    }
    return wasm2cpp::TrapKind::HostTrap;  // did not trap
  };
  EXPECT_EQ(kind([&] { instance->load(2); }), wasm2cpp::TrapKind::UnalignedAtomic);
  EXPECT_EQ(kind([&] { instance->rmw16_sub(3, 1); }), wasm2cpp::TrapKind::UnalignedAtomic);
  EXPECT_EQ(kind([&] { instance->wait32(6, 0, 0); }), wasm2cpp::TrapKind::UnalignedAtomic);
  EXPECT_EQ(kind([&] { instance->notify(65530, 1); }), wasm2cpp::TrapKind::UnalignedAtomic);
  // Past the end: out of bounds wins over misalignment, as in the spec.
  EXPECT_EQ(kind([&] { instance->load(65536); }), wasm2cpp::TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(kind([&] { instance->load(65537); }), wasm2cpp::TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(kind([&] { instance->notify(65534, 1); }), wasm2cpp::TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(kind([&] { instance->wait64(65536 + 4, 0, 0); }), wasm2cpp::TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(instance->rmw16_sub(4, 1), 0);  // 0 - 1 wraps in 16 bits
  EXPECT_EQ(instance->load(4), 0xffff);
}

// Growing from one thread while others read the size and access the memory:
// sizes only increase, pages inside the size are usable, and every grow
// either succeeds once per page or reports -1 at the maximum.
TYPED_TEST(SharedMemoryTest, ConcurrentGrowIsSerialised) {
  constexpr int kThreads = 4;
  std::atomic<int> grown_pages{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto instance = this->instance();
      int32_t last = instance->size();
      for (int i = 0; i < 10; ++i) {
        const int32_t old = instance->grow(1);
        if (old >= 0) {
          ++grown_pages;
          // The page just added is accessible.
          instance->add_many(old * 65536, 1);
        }
        const int32_t now = instance->size();
        EXPECT_GE(now, last);
        last = now;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(grown_pages.load(), 15);  // from 1 to the maximum of 16 pages
  EXPECT_EQ(this->memory.size_pages(), 16u);
  for (uint32_t page = 1; page < 16; ++page)
    EXPECT_EQ(this->memory.template load<uint32_t>(page * 65536), 1u) << "page " << page;
}

TEST(SharedMemory, WaitOnUnsharedMemoryTraps) {
  wasm2cpp::Memory unshared({.initial = 1, .maximum = 1});
  EXPECT_FALSE(unshared.shared());
  try {
    unshared.wait32(0, 0, 0);
    FAIL() << "wait on an unshared memory must trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::ExpectedSharedMemory);
    EXPECT_STREQ(trap.what(), "expected shared memory");
  }
  EXPECT_EQ(unshared.notify(0, 1), 0u);  // notify is fine: no waiters
}

}  // namespace
