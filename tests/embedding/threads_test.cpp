// Two instances of one module on two threads at once: independent memories,
// correct results. (One instance is never shared between threads.)
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <thread>

#include "embed_memory.hpp"

namespace {

// The sum embed_memory's fill(seed, count) + sum(count) must produce.
uint32_t expected_sum(uint32_t seed, uint32_t count) {
  uint32_t total = 0;
  for (uint32_t i = 0; i < count; ++i) total += seed * i + i;
  return total;
}

struct Outcome {
  bool ok = true;
  uint32_t last_sum = 0;
  int traps = 0;
};

void work(embed_memory::Instance& instance, uint32_t seed, Outcome& outcome) {
  constexpr uint32_t kCount = 4096;
  for (int round = 0; round < 200; ++round) {
    instance.fill(static_cast<int32_t>(seed), kCount);
    const auto sum = static_cast<uint32_t>(instance.sum(kCount));
    if (sum != expected_sum(seed, kCount)) outcome.ok = false;
    outcome.last_sum = sum;
    // A trap on this thread does not disturb the other instance.
    try {
      instance.load_u32(-4);
    } catch (const wasm2cpp::Trap&) {
      ++outcome.traps;
    }
  }
}

TEST(EmbeddingThreads, TwoInstancesOnTwoThreads) {
  embed_memory::Instance first;
  embed_memory::Instance second;
  ASSERT_NE(first.memory().data(), second.memory().data());
  std::array<Outcome, 2> outcomes;
  std::thread a([&] { work(first, 3, outcomes[0]); });
  std::thread b([&] { work(second, 1000, outcomes[1]); });
  a.join();
  b.join();

  EXPECT_TRUE(outcomes[0].ok);
  EXPECT_TRUE(outcomes[1].ok);
  EXPECT_EQ(outcomes[0].traps, 200);
  EXPECT_EQ(outcomes[1].traps, 200);
  EXPECT_EQ(outcomes[0].last_sum, expected_sum(3, 4096));
  EXPECT_EQ(outcomes[1].last_sum, expected_sum(1000, 4096));
  // Each memory holds its own thread's data.
  EXPECT_EQ(first.memory().load<uint32_t>(4 * 5), 3u * 5 + 5);
  EXPECT_EQ(second.memory().load<uint32_t>(4 * 5), 1000u * 5 + 5);
}

TEST(EmbeddingThreads, InstanceCreatedOnOneThreadUsedOnAnother) {
  embed_memory::Instance instance;
  instance.store_u32(0, 123);
  int32_t seen = 0;
  std::thread worker([&] { seen = instance.load_u32(0); });
  worker.join();
  EXPECT_EQ(seen, 123);
}

}  // namespace
