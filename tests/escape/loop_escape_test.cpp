// Versioned loops (translator/emit/loop_versioning.hpp) keep wasm's
// semantics exactly: a loop that stays in bounds runs its unchecked copy and
// writes what wasm writes (also when its counter wraps past 2^32 or runs
// downwards), and a loop that would leave memory in some iteration traps at
// that access with every earlier store done and no later one. Both bounds
// modes run the same tests (tests/escape/wat/loop_affine.wat).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "escape_loop_affine_explicit.hpp"
#include "escape_loop_affine_guard.hpp"
#include "escape_support.hpp"

namespace {

using escape::expect_trap;
using wasm2cpp::TrapKind;

constexpr uint32_t kPage = 65536;

template <typename Instance>
class LoopEscape : public testing::Test {
 protected:
  static uint32_t u32_at(Instance& m, uint64_t address) {
    uint32_t v;
    std::memcpy(&v, m.memory().data() + address, 4);
    return v;
  }
  static uint64_t u64_at(Instance& m, uint64_t address) {
    uint64_t v;
    std::memcpy(&v, m.memory().data() + address, 8);
    return v;
  }
  static std::vector<uint8_t> bytes(Instance& m, uint64_t from, uint64_t to) {
    return std::vector<uint8_t>(m.memory().data() + from, m.memory().data() + to);
  }
};

using BoundsModes = testing::Types<escape_loop_affine_guard::Instance, escape_loop_affine_explicit::Instance>;
TYPED_TEST_SUITE(LoopEscape, BoundsModes);

TYPED_TEST(LoopEscape, InBoundsLoopWritesEveryIteration) {
  TypeParam m;
  m.fill_up(100, 50);
  for (uint32_t i = 0; i < 50; ++i) EXPECT_EQ(this->u32_at(m, 100 + 4 * i), 100 + 4 * i) << i;
  EXPECT_EQ(this->u32_at(m, 96), 0u);
  EXPECT_EQ(this->u32_at(m, 300), 0u);
  // Exactly up to the end of memory, and a single iteration.
  m.fill_up(kPage - 40, 10);
  EXPECT_EQ(this->u32_at(m, kPage - 4), kPage - 4);
  m.fill_up(8, 1);
  EXPECT_EQ(this->u32_at(m, 8), 8u);
}

TYPED_TEST(LoopEscape, LastIterationOutOfBoundsTrapsAfterTheEarlierStores) {
  TypeParam m;
  // Stores at kPage - 36, ..., kPage - 4, then kPage (out of bounds).
  expect_trap([&] { m.fill_up(kPage - 36, 10); }, TrapKind::MemoryOutOfBounds, "fill_up");
  for (uint32_t a = kPage - 36; a < kPage; a += 4) EXPECT_EQ(this->u32_at(m, a), a) << a;
  EXPECT_EQ(this->u32_at(m, kPage - 40), 0u);
  // Straddling the end: the first store is already partly outside.
  expect_trap([&] { m.fill_up(kPage - 2, 3); }, TrapKind::MemoryOutOfBounds, "fill_up straddling");
  EXPECT_EQ(this->bytes(m, kPage - 2, kPage), std::vector<uint8_t>(2, 0));
  // After growth the same loop fits.
  ASSERT_EQ(m.grow(1), 1);
  m.fill_up(kPage - 36, 10);
  EXPECT_EQ(this->u32_at(m, kPage), kPage);
}

TYPED_TEST(LoopEscape, NegativeStrideDownToTheBottom) {
  TypeParam m;
  // p = 800, 792, ..., 8: stores at p + 8, stops when p < 8.
  m.fill_down(800, 8);
  for (uint32_t p = 8; p <= 800; p += 8) EXPECT_EQ(this->u64_at(m, p + 8), p) << p;
  EXPECT_EQ(this->u64_at(m, 8), 0u);
  // dst = 0: p reaches 0, wraps to 2^32 - 8, and the store at 2^32 traps
  // after every store down to address 8.
  m.memory().template store<uint64_t>(8, 0x1234);
  expect_trap([&] { m.fill_down(400, 0); }, TrapKind::MemoryOutOfBounds, "fill_down wrap");
  EXPECT_EQ(this->u64_at(m, 8), 0u);  // p = 0 stored 0 there
  EXPECT_EQ(this->u64_at(m, 16), 8u);
  EXPECT_EQ(this->u64_at(m, 408), 400u);
}

TYPED_TEST(LoopEscape, CounterWrapsPast2To32) {
  TypeParam m;
  // i = 2^32 - 2, 2^32 - 1, 0, 1: addresses 16 + 4i wrap to 8, 12, 16, 20.
  m.store_wrapped(16, -2, 2);
  EXPECT_EQ(this->u32_at(m, 8), 0xfffffffeu);
  EXPECT_EQ(this->u32_at(m, 12), 0xffffffffu);
  EXPECT_EQ(this->u32_at(m, 16), 0u);
  EXPECT_EQ(this->u32_at(m, 20), 1u);
  EXPECT_EQ(this->u32_at(m, 24), 0u);
  // base 4: i = -2 stores at 2^32 - 4: out of bounds in the first iteration.
  expect_trap([&] { m.store_wrapped(4, -2, 2); }, TrapKind::MemoryOutOfBounds, "store_wrapped");
  EXPECT_EQ(this->u32_at(m, 4), 0u);
}

TYPED_TEST(LoopEscape, TwoStreamsTrapWhereTheSourceEnds) {
  TypeParam m;
  for (uint32_t i = 0; i < 20; ++i) m.memory().template store<uint32_t>(1000 + 4 * i, 10 * i);
  m.copy_next(2000, 1000, 10);
  for (uint32_t i = 0; i < 10; ++i) EXPECT_EQ(this->u32_at(m, 2000 + 4 * i), 10 * (i + 1) + 1) << i;
  EXPECT_EQ(this->u32_at(m, 2040), 0u);
  // The source (read at +4) leaves memory in iteration 5: five stores done.
  const uint32_t src = kPage - 24;
  expect_trap([&] { m.copy_next(3000, src, 8); }, TrapKind::MemoryOutOfBounds, "copy_next");
  for (uint32_t i = 0; i < 5; ++i) EXPECT_EQ(this->u32_at(m, 3000 + 4 * i), 1u) << i;
  EXPECT_EQ(this->u32_at(m, 3020), 0u);
  // n <= 0 still runs the body once (a do-while loop).
  m.copy_next(4000, 1000, -5);
  EXPECT_EQ(this->u32_at(m, 4000), 11u);
  EXPECT_EQ(this->u32_at(m, 4004), 0u);
}

TYPED_TEST(LoopEscape, CountDownLoop) {
  TypeParam m;
  uint32_t expected = 0;
  for (uint32_t i = 0; i < 300; ++i) {
    m.memory().template store<uint8_t>(kPage - 300 + i, uint8_t(i * 7));
    expected += uint8_t(i * 7);
  }
  EXPECT_EQ(uint32_t(m.sum_down(kPage - 300, 300)), expected);
  // One byte too far: the first load (the highest address) traps.
  expect_trap([&] { m.sum_down(kPage - 299, 300); }, TrapKind::MemoryOutOfBounds, "sum_down");
}

TYPED_TEST(LoopEscape, OffsetNear2To32TrapsInTheFirstIteration) {
  TypeParam m;
  expect_trap([&] { m.far_offset(64, 128); }, TrapKind::MemoryOutOfBounds, "far_offset");
  EXPECT_EQ(this->u32_at(m, 64), 0x5a5au);  // the store before the load
  EXPECT_EQ(this->u32_at(m, 66), 0u);       // no second iteration
}

TYPED_TEST(LoopEscape, HoistedLoadsSeeEveryEarlierStore) {
  // axpy2 against the same loop run in wasm order, for arrays apart, just
  // touching, overlapping by one element at either end, and y == x + 4
  // (where the first lane's store feeds the second lane's load), and a
  // run whose last iteration leaves memory.
  auto reference = [](std::vector<uint32_t> memory, uint32_t x, uint32_t y, uint32_t n) {
    uint32_t i = 0;
    do {
      for (uint32_t lane = 0; lane < 2; ++lane) {
        const uint32_t yi = (y + 4 * (i + lane)) / 4, xi = (x + 4 * (i + lane)) / 4;
        memory[yi] = memory[yi] + 3 * memory[xi];
      }
      i += 2;
    } while (i < n);
    return memory;
  };
  const uint32_t n = 16, bytes = 4 * n;
  const uint32_t x = 4096;
  for (uint32_t y : {x + 2 * bytes, x + bytes, x + bytes - 4, x - bytes + 4, x + 4, x - 4, x}) {
    TypeParam m;
    std::vector<uint32_t> words(3 * bytes / 4 + 2048);
    for (uint32_t w = 0; w < words.size(); ++w) words[w] = w * 7 + 1;
    std::memcpy(m.memory().data(), words.data(), words.size() * 4);
    m.axpy2(x, y, n);
    std::vector<uint32_t> expected = reference(words, x, y, n);
    std::vector<uint32_t> got(words.size());
    std::memcpy(got.data(), m.memory().data(), got.size() * 4);
    EXPECT_EQ(got, expected) << "y - x = " << int64_t{y} - int64_t{x};
  }
  // y runs off the end in the last iteration: the first lane's store there
  // happens, the second lane's load of y traps.
  TypeParam m;
  m.memory().template store<uint32_t>(100 + 4 * 14, 2);
  expect_trap([&] { m.axpy2(100, kPage - 4 * 15, n); }, TrapKind::MemoryOutOfBounds, "axpy2");
  EXPECT_EQ(this->u32_at(m, kPage - 4), 3 * 2u + 0u);
}

TYPED_TEST(LoopEscape, VectorLoopStoresEveryIterationAndTrapsAtTheEnd) {
  TypeParam m;
  for (uint32_t w = 0; w < 64; ++w) {
    m.memory().template store<uint32_t>(1024 + 4 * w, w);
    m.memory().template store<uint32_t>(4096 + 4 * w, 1000 * w);
  }
  m.vec_add(1024, 4096, 256);
  for (uint32_t w = 0; w < 64; ++w) EXPECT_EQ(this->u32_at(m, 1024 + 4 * w), 1001 * w) << w;
  EXPECT_EQ(this->u32_at(m, 1024 + 256), 0u);
  // The source's last vector straddles the end of memory: every earlier
  // iteration's store is done, the last one's is not.
  m.memory().template store<uint32_t>(kPage - 24, 5);
  m.memory().template store<uint32_t>(kPage - 8, 7);
  expect_trap([&] { m.vec_add(2048, kPage - 56, 64); }, TrapKind::MemoryOutOfBounds, "vec_add");
  EXPECT_EQ(this->u32_at(m, 2048 + 32), 5u);
  EXPECT_EQ(this->u32_at(m, 2048 + 48), 0u);
}

TYPED_TEST(LoopEscape, VectorLoadLoopTrapsWhenItsLastLoadLeavesMemory) {
  TypeParam m;
  for (uint32_t w = 0; w < 16; ++w) m.memory().template store<uint32_t>(kPage - 64 + 4 * w, w + 1);
  // Loads at src + 16 + i for i = 0, 16, 32: the last ends at the page end.
  EXPECT_EQ(static_cast<uint32_t>(m.vec_sum(kPage - 64, 48)), 136u - 10u);
  // One vector further: its load leaves memory, so the loop must trap even
  // though the sum it would feed is never needed in full.
  expect_trap([&] { m.vec_sum(kPage - 64, 64); }, TrapKind::MemoryOutOfBounds, "vec_sum");
  expect_trap([&] { m.vec_sum(kPage - 24, 16); }, TrapKind::MemoryOutOfBounds, "vec_sum straddling");
}

TYPED_TEST(LoopEscape, NarrowVectorFormsLoopTrapsAtTheFirstAccessThatLeavesMemory) {
  TypeParam m;
  for (uint32_t w = 0; w < 4; ++w) m.memory().template store<uint32_t>(kPage - 16 + 4 * w, 10 + w);
  m.splat_copy(1024, kPage - 16, 16);
  for (uint32_t w = 0; w < 4; ++w) EXPECT_EQ(this->u32_at(m, 1024 + 4 * w), 10 + w) << w;
  // The splat load of the third iteration leaves memory: the first two
  // iterations' stores are done, the third's is not.
  expect_trap([&] { m.splat_copy(2048, kPage - 8, 16); }, TrapKind::MemoryOutOfBounds, "splat");
  EXPECT_EQ(this->u32_at(m, 2048), 12u);
  EXPECT_EQ(this->u32_at(m, 2052), 13u);
  EXPECT_EQ(this->u32_at(m, 2056), 0u);
  // The 8-byte zero load of the third iteration straddles the end of
  // memory while its 4-byte store would not: it still traps there, before
  // that store (the word keeps its earlier value, 13).
  expect_trap([&] { m.splat_copy(kPage - 12, 1024, 12); }, TrapKind::MemoryOutOfBounds, "zero load");
  EXPECT_EQ(this->u32_at(m, kPage - 12), 10u);
  EXPECT_EQ(this->u32_at(m, kPage - 8), 11u);
  EXPECT_EQ(this->u32_at(m, kPage - 4), 13u);
}

}  // namespace
