// Host access to linear memory: typed views, bounds checks, and what grow
// does to views taken before it.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "embed_memory.hpp"

namespace {

TEST(EmbeddingMemory, TypedViewSeesGuestWritesAndGuestSeesViewWrites) {
  embed_memory::Instance instance;
  wasm2cpp::Memory& memory = instance.memory();
  ASSERT_EQ(memory.size_bytes(), wasm2cpp::kPageSize);

  std::span<uint32_t> words = memory.view<uint32_t>(0, memory.size_bytes() / 4);
  ASSERT_EQ(words.size(), wasm2cpp::kPageSize / 4);
  words[10] = 0xDEADBEEFu;
  EXPECT_EQ(static_cast<uint32_t>(instance.load_u32(40)), 0xDEADBEEFu);

  instance.store_u32(44, 1234);
  EXPECT_EQ(words[11], 1234u);
  EXPECT_EQ(memory.load<uint32_t>(44), 1234u);

  // The data segment is visible through a byte view and read_string.
  std::span<uint8_t> bytes = memory.view<uint8_t>(16, 5);
  EXPECT_EQ(std::string(bytes.begin(), bytes.end()), "hello");
  EXPECT_EQ(memory.read_string(16, 5), "hello");
  EXPECT_EQ(static_cast<void*>(bytes.data()), static_cast<void*>(memory.data() + 16));
}

TEST(EmbeddingMemory, HostStoreAndWriteReachTheGuest) {
  embed_memory::Instance instance;
  wasm2cpp::Memory& memory = instance.memory();
  memory.store<uint32_t>(100, 0x01020304u);
  EXPECT_EQ(instance.load_u32(100), 0x01020304);

  const uint8_t little_endian[] = {0x78, 0x56, 0x34, 0x12};
  memory.write(200, std::span<const uint8_t>(little_endian));
  EXPECT_EQ(instance.load_u32(200), 0x12345678);
  EXPECT_EQ(memory.load<uint16_t>(201), 0x3456);
}

TEST(EmbeddingMemory, LastInBoundsAccessesSucceed) {
  embed_memory::Instance instance;
  wasm2cpp::Memory& memory = instance.memory();
  const uint64_t size = memory.size_bytes();
  memory.store<uint32_t>(size - 4, 77);
  EXPECT_EQ(memory.load<uint32_t>(size - 4), 77u);
  EXPECT_EQ(memory.view<uint8_t>(size, 0).size(), 0u);  // empty view at the end
  EXPECT_EQ(memory.read_string(size - 1, 1).size(), 1u);
  EXPECT_EQ(instance.load_u32(static_cast<int32_t>(size - 4)), 77);
}

TEST(EmbeddingMemory, OutOfBoundsHostAccessThrows) {
  embed_memory::Instance instance;
  wasm2cpp::Memory& memory = instance.memory();
  const uint64_t size = memory.size_bytes();
  const uint8_t four[] = {1, 2, 3, 4};

  EXPECT_THROW(memory.view<uint32_t>(0, size / 4 + 1), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.view<uint8_t>(size + 1, 0), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.load<uint32_t>(size - 3), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.load<uint8_t>(size), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.store<uint32_t>(size - 2, 1), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.read_string(size - 4, 5), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.write(size - 3, std::span<const uint8_t>(four)), wasm2cpp::OutOfBounds);
  // A failed store writes nothing.
  EXPECT_EQ(memory.load<uint16_t>(size - 2), 0u);
}

TEST(EmbeddingMemory, AddressPlusLengthOverflowIsOutOfBounds) {
  embed_memory::Instance instance;
  wasm2cpp::Memory& memory = instance.memory();
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  const uint8_t four[] = {1, 2, 3, 4};

  // addr + len wraps around to a small number: must still be rejected.
  EXPECT_THROW(memory.read_string(kMax, 2), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.read_string(16, kMax), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.write(kMax - 1, std::span<const uint8_t>(four)), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.load<uint32_t>(kMax - 1), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.store<uint64_t>(kMax - 3, 1), wasm2cpp::OutOfBounds);
  // count * sizeof(T) overflows.
  EXPECT_THROW(memory.view<uint32_t>(0, kMax / 2), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.view<uint64_t>(8, (kMax / 8) + 1), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.view<uint8_t>(kMax, 1), wasm2cpp::OutOfBounds);
}

TEST(EmbeddingMemory, MisalignedViewIsRejected) {
  embed_memory::Instance instance;
  EXPECT_THROW(instance.memory().view<uint32_t>(2, 1), wasm2cpp::OutOfBounds);
  EXPECT_NO_THROW(instance.memory().view<uint32_t>(4, 1));
}

TEST(EmbeddingMemory, ViewSurvivesGuestGrow) {
  embed_memory::Instance instance;
  wasm2cpp::Memory& memory = instance.memory();
  uint8_t* base_before = memory.data();
  std::span<uint32_t> before = memory.view<uint32_t>(0, 16);
  before[0] = 11;

  // The new range is not reachable before the grow.
  EXPECT_THROW(memory.view<uint32_t>(wasm2cpp::kPageSize, 1), wasm2cpp::OutOfBounds);
  EXPECT_EQ(instance.grow(2), 1);  // old size in pages
  EXPECT_EQ(instance.size_pages(), 3);
  EXPECT_EQ(memory.size_pages(), 3u);
  EXPECT_EQ(memory.size_bytes(), 3 * wasm2cpp::kPageSize);

  // The base never moves: the old view is still valid for its old range.
  EXPECT_EQ(memory.data(), base_before);
  EXPECT_EQ(before[0], 11u);
  before[1] = 22;
  EXPECT_EQ(instance.load_u32(4), 22);
  EXPECT_EQ(before.size(), 16u);

  // A new view covers the grown range; new pages are zero.
  std::span<uint32_t> grown = memory.view<uint32_t>(wasm2cpp::kPageSize, 2 * wasm2cpp::kPageSize / 4);
  EXPECT_EQ(grown[0], 0u);
  grown[0] = 33;
  EXPECT_EQ(instance.load_u32(static_cast<int32_t>(wasm2cpp::kPageSize)), 33);
}

TEST(EmbeddingMemory, ViewSurvivesHostGrowAndGuestSeesNewSize) {
  embed_memory::Instance instance;
  wasm2cpp::Memory& memory = instance.memory();
  uint8_t* base_before = memory.data();
  std::span<uint8_t> before = memory.view<uint8_t>(16, 5);

  EXPECT_EQ(memory.grow(3), 1);
  EXPECT_EQ(instance.size_pages(), 4);
  EXPECT_EQ(memory.data(), base_before);
  EXPECT_EQ(std::string(before.begin(), before.end()), "hello");
  before[0] = 'j';
  EXPECT_EQ(memory.read_string(16, 5), "jello");

  const int32_t last = static_cast<int32_t>(4 * wasm2cpp::kPageSize - 4);
  instance.store_u32(last, 99);
  EXPECT_EQ(memory.load<uint32_t>(static_cast<uint64_t>(last)), 99u);

  // Past the declared maximum (4 pages) grow fails from both sides, and
  // nothing changes.
  EXPECT_EQ(memory.grow(1), -1);
  EXPECT_EQ(instance.grow(1), -1);
  EXPECT_EQ(memory.size_pages(), 4u);
  EXPECT_EQ(before[0], 'j');
}

TEST(EmbeddingMemory, HostCapLimitsGuestGrow) {
  embed_memory::Instance instance;
  instance.memory().set_max_pages_cap(2);
  EXPECT_EQ(instance.grow(2), -1);
  EXPECT_EQ(instance.grow(1), 1);
  EXPECT_EQ(instance.size_pages(), 2);
}

}  // namespace
