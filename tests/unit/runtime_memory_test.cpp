// Linear memory: growth, base stability, host accessors and the bulk
// operations used by generated code.
#include <gtest/gtest.h>

#include <array>
#include <limits>
#include <vector>

#include "wasm2cpp/memory.hpp"
#include "wasm2cpp/trap.hpp"

namespace wasm2cpp {
namespace {

constexpr uint64_t kMax64 = std::numeric_limits<uint64_t>::max();

template <typename F>
bool traps_oob(F&& f) {
  try {
    f();
  } catch (const Trap& t) {
    return t.kind() == TrapKind::MemoryOutOfBounds;
  }
  return false;
}

bool all_zero(const Memory& m, uint64_t from, uint64_t to) {
  for (uint64_t i = from; i < to; ++i)
    if (m.data()[i] != 0) return false;
  return true;
}

TEST(RuntimeMemory, InitialSizeIsZeroedAndAccessible) {
  Memory m(Memory::Limits{2, 10});
  EXPECT_EQ(m.size_pages(), 2u);
  EXPECT_EQ(m.size_bytes(), 2 * kPageSize);
  EXPECT_NE(m.data(), nullptr);
  EXPECT_TRUE(all_zero(m, 0, m.size_bytes()));
  m.data()[2 * kPageSize - 1] = 7;  // the last byte is writable
  EXPECT_EQ(m.load<uint8_t>(2 * kPageSize - 1), 7);
}

TEST(RuntimeMemory, GrowReturnsOldSizeAndRespectsTheMaximum) {
  Memory m(Memory::Limits{1, 3});
  EXPECT_EQ(m.grow(0), 1);
  EXPECT_EQ(m.grow(1), 1);
  EXPECT_EQ(m.grow(1), 2);
  EXPECT_EQ(m.size_pages(), 3u);
  EXPECT_EQ(m.grow(1), -1);  // past the declared maximum
  EXPECT_EQ(m.size_pages(), 3u);
  EXPECT_EQ(m.grow(0), 3);
  EXPECT_EQ(m.grow(kMax64), -1);  // overflow of old + delta must not wrap
  EXPECT_EQ(m.grow(kMax64 - 2), -1);
  EXPECT_EQ(m.size_pages(), 3u);
}

TEST(RuntimeMemory, GrowWithoutMaximumStopsAt65536PagesFor32Bit) {
  Memory m(Memory::Limits{0, std::nullopt});
  EXPECT_EQ(m.grow(65537), -1);
  EXPECT_EQ(m.size_pages(), 0u);
  EXPECT_EQ(m.grow(2), 0);
}

TEST(RuntimeMemory, FullFourGiBMemory) {
  Memory m(Memory::Limits{0, std::nullopt});
  ASSERT_EQ(m.grow(65536), 0);  // commits 4 GiB of (untouched) address space
  EXPECT_EQ(m.size_bytes(), uint64_t{1} << 32);
  EXPECT_EQ(m.grow(1), -1);
  m.store<uint32_t>((uint64_t{1} << 32) - 4, 0xabcdef01u);
  EXPECT_EQ(m.load<uint32_t>((uint64_t{1} << 32) - 4), 0xabcdef01u);
  EXPECT_THROW(m.load<uint32_t>((uint64_t{1} << 32) - 3), OutOfBounds);
}

TEST(RuntimeMemory, HostCapLimitsGrowth) {
  Memory m(Memory::Limits{1, 100});
  m.set_max_pages_cap(4);
  EXPECT_EQ(m.grow(3), 1);
  EXPECT_EQ(m.grow(1), -1);
  EXPECT_EQ(m.size_pages(), 4u);
  m.set_max_pages_cap(2);  // a cap below the current size: no growth, no shrink
  EXPECT_EQ(m.grow(1), -1);
  EXPECT_EQ(m.grow(0), 4);
}

TEST(RuntimeMemory, GrownPagesAreZeroAndTheBaseNeverMoves) {
  Memory m(Memory::Limits{1, 64});
  uint8_t* base = m.data();
  std::memset(base, 0xff, kPageSize);
  for (int i = 0; i < 20; ++i) {
    uint64_t old_size = m.size_bytes();
    ASSERT_EQ(m.grow(3), int64_t(old_size / kPageSize));
    EXPECT_EQ(m.data(), base);
    EXPECT_TRUE(all_zero(m, old_size, m.size_bytes()));
    std::memset(base + old_size, 0xaa, m.size_bytes() - old_size);
  }
  EXPECT_EQ(m.load<uint8_t>(0), 0xff);  // old contents preserved
}

TEST(RuntimeMemory, ZeroPageMemory) {
  Memory m(Memory::Limits{0, 0});
  EXPECT_EQ(m.size_bytes(), 0u);
  EXPECT_NE(m.data(), nullptr);
  EXPECT_EQ(m.grow(1), -1);
  EXPECT_EQ(m.grow(0), 0);
  EXPECT_THROW(m.load<uint8_t>(0), OutOfBounds);
  EXPECT_EQ(m.read_string(0, 0), "");
  m.fill(0, 1, 0);  // zero length at the end is fine
  EXPECT_TRUE(traps_oob([&] { m.fill(1, 1, 0); }));
}

TEST(RuntimeMemory, Memory64UsesExplicitChecksAndGrows) {
  Memory m(Memory::Limits{1, 1000, false, true});
  EXPECT_FALSE(m.guarded());
  EXPECT_EQ(m.grow(999), 1);
  EXPECT_EQ(m.grow(1), -1);
  m.store<uint64_t>(1000 * kPageSize - 8, 42);
  EXPECT_EQ(m.load<uint64_t>(1000 * kPageSize - 8), 42u);

  Memory unbounded(Memory::Limits{0, std::nullopt, false, true});
  EXPECT_EQ(unbounded.grow(16), 0);
  EXPECT_EQ(unbounded.grow(kMax64 / kPageSize), -1);
}

TEST(RuntimeMemory, InitialAboveMaximumIsRejected) {
  EXPECT_THROW(Memory(Memory::Limits{3, 2}), std::length_error);
  EXPECT_THROW(Memory(Memory::Limits{65537, std::nullopt}), std::length_error);
}

TEST(RuntimeMemory, GuardedOn64BitLinux) {
#if defined(__linux__) && defined(__x86_64__)
  EXPECT_TRUE(Memory(Memory::Limits{1, 2}).guarded());
  EXPECT_TRUE(Memory(Memory::Limits{1, 2, true, false}).guarded());  // shared
#else
  GTEST_SKIP() << "no guard pages on this platform";
#endif
}

TEST(RuntimeMemory, HostLoadStoreAreBoundsChecked) {
  Memory m(Memory::Limits{1, 1});
  m.store<uint32_t>(kPageSize - 4, 0x01020304u);
  EXPECT_EQ(m.load<uint32_t>(kPageSize - 4), 0x01020304u);
  EXPECT_EQ(m.load<uint8_t>(kPageSize - 4), 0x04);  // little-endian
  EXPECT_THROW(m.load<uint32_t>(kPageSize - 3), OutOfBounds);
  EXPECT_THROW(m.store<uint16_t>(kPageSize - 1, 0), OutOfBounds);
  EXPECT_THROW(m.load<uint8_t>(kPageSize), OutOfBounds);
  EXPECT_THROW(m.load<uint64_t>(kMax64 - 3), OutOfBounds);  // addr + size wraps
  EXPECT_THROW(m.load<uint8_t>(kMax64), OutOfBounds);
}

TEST(RuntimeMemory, ViewsAreBoundsAndAlignmentChecked) {
  Memory m(Memory::Limits{1, 2});
  auto words = m.view<uint32_t>(16, 4);
  ASSERT_EQ(words.size(), 4u);
  words[3] = 0xdeadbeef;
  EXPECT_EQ(m.load<uint32_t>(28), 0xdeadbeefu);
  EXPECT_EQ(m.view<uint8_t>(kPageSize, 0).size(), 0u);
  EXPECT_EQ(m.view<uint32_t>(kPageSize - 16, 4).size(), 4u);
  EXPECT_THROW(m.view<uint32_t>(kPageSize - 12, 4), OutOfBounds);
  EXPECT_THROW(m.view<uint32_t>(2, 1), OutOfBounds);  // misaligned
  // count * sizeof(T) overflowing 64 bits
  EXPECT_THROW(m.view<uint64_t>(0, (kMax64 / 8) + 2), OutOfBounds);
  EXPECT_THROW(m.view<uint8_t>(1, kMax64), OutOfBounds);
  // A view taken before a grow still points at the same bytes afterwards.
  ASSERT_EQ(m.grow(1), 1);
  EXPECT_EQ(words[3], 0xdeadbeefu);
}

TEST(RuntimeMemory, StringAndByteAccess) {
  Memory m(Memory::Limits{1, 1});
  const std::string text = "hello, wasm";
  m.write(kPageSize - text.size(),
          std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  EXPECT_EQ(m.read_string(kPageSize - text.size(), text.size()), text);
  EXPECT_EQ(m.read_string(kPageSize, 0), "");
  EXPECT_THROW(m.read_string(kPageSize - 3, 4), OutOfBounds);
  EXPECT_THROW(m.read_string(5, kMax64), OutOfBounds);
  EXPECT_THROW(m.read_string(kMax64, 2), OutOfBounds);

  std::array<std::byte, 3> out{};
  m.read(kPageSize - 3, out);
  EXPECT_EQ(char(out[0]), 'a');
  EXPECT_THROW(m.read(kPageSize - 2, out), OutOfBounds);
  std::array<std::byte, 2> in{std::byte{1}, std::byte{2}};
  EXPECT_THROW(m.write(kPageSize - 1, std::span<const std::byte>(in)), OutOfBounds);
  EXPECT_EQ(m.load<uint8_t>(kPageSize - 1), 'm');  // nothing written by the failed write
  m.write(0, std::span<const std::byte>(in));
  EXPECT_EQ(m.load<uint16_t>(0), 0x0201);
}

TEST(RuntimeMemory, FillEdges) {
  Memory m(Memory::Limits{1, 1});
  m.fill(10, 0x5a, 5);
  EXPECT_EQ(m.load<uint8_t>(9), 0);
  EXPECT_EQ(m.load<uint8_t>(10), 0x5a);
  EXPECT_EQ(m.load<uint8_t>(14), 0x5a);
  EXPECT_EQ(m.load<uint8_t>(15), 0);
  m.fill(kPageSize, 1, 0);  // zero length exactly at the end: no trap
  m.fill(kPageSize - 2, 0x11, 2);
  EXPECT_TRUE(traps_oob([&] { m.fill(kPageSize + 1, 1, 0); }));
  // Out of range: trap before writing anything.
  EXPECT_TRUE(traps_oob([&] { m.fill(kPageSize - 4, 0x77, 5); }));
  EXPECT_EQ(m.load<uint8_t>(kPageSize - 4), 0);
  EXPECT_TRUE(traps_oob([&] { m.fill(1, 0x77, kMax64); }));
  EXPECT_TRUE(traps_oob([&] { m.fill(kMax64, 0x77, 2); }));
  EXPECT_EQ(m.load<uint8_t>(1), 0);
}

TEST(RuntimeMemory, CopyEdgesAndOverlap) {
  Memory m(Memory::Limits{1, 1});
  for (int i = 0; i < 8; ++i) m.store<uint8_t>(i, uint8_t(i + 1));
  Memory::copy(m, 2, m, 0, 6);  // forward overlap
  EXPECT_EQ(m.read_string(0, 8), std::string("\x01\x02\x01\x02\x03\x04\x05\x06", 8));
  Memory::copy(m, 0, m, 2, 6);  // backward overlap
  EXPECT_EQ(m.read_string(0, 6), std::string("\x01\x02\x03\x04\x05\x06", 6));

  Memory::copy(m, kPageSize, m, 0, 0);  // zero length at the end
  Memory::copy(m, 0, m, kPageSize, 0);
  EXPECT_TRUE(traps_oob([&] { Memory::copy(m, kPageSize + 1, m, 0, 0); }));
  EXPECT_TRUE(traps_oob([&] { Memory::copy(m, 0, m, kPageSize + 1, 0); }));
  EXPECT_TRUE(traps_oob([&] { Memory::copy(m, kPageSize - 2, m, 0, 3); }));
  EXPECT_EQ(m.load<uint16_t>(kPageSize - 2), 0);  // nothing written
  EXPECT_TRUE(traps_oob([&] { Memory::copy(m, 0, m, kPageSize - 2, 3); }));
  EXPECT_EQ(m.load<uint8_t>(0), 1);
  EXPECT_TRUE(traps_oob([&] { Memory::copy(m, 0, m, 4, kMax64); }));

  Memory other(Memory::Limits{1, 1});
  Memory::copy(other, 100, m, 0, 4);
  EXPECT_EQ(other.load<uint32_t>(100), m.load<uint32_t>(0));
  EXPECT_TRUE(traps_oob([&] { Memory::copy(other, 0, m, kPageSize - 1, 2); }));
}

TEST(RuntimeMemory, InitEdges) {
  Memory m(Memory::Limits{1, 1});
  const std::vector<uint8_t> segment = {1, 2, 3, 4, 5};
  m.init(100, segment, 1, 3);
  EXPECT_EQ(m.load<uint8_t>(99), 0);
  EXPECT_EQ(m.load<uint8_t>(100), 2);
  EXPECT_EQ(m.load<uint8_t>(102), 4);
  EXPECT_EQ(m.load<uint8_t>(103), 0);
  m.init(kPageSize, segment, 5, 0);  // both at their ends, zero length
  m.init(kPageSize - 5, segment, 0, 5);
  EXPECT_TRUE(traps_oob([&] { m.init(0, segment, 6, 0); }));
  EXPECT_TRUE(traps_oob([&] { m.init(kPageSize + 1, segment, 0, 0); }));
  EXPECT_TRUE(traps_oob([&] { m.init(200, segment, 2, 4); }));
  EXPECT_EQ(m.load<uint8_t>(200), 0);  // nothing written
  EXPECT_TRUE(traps_oob([&] { m.init(kPageSize - 2, segment, 0, 3); }));
  EXPECT_TRUE(traps_oob([&] { m.init(0, segment, 1, kMax64); }));
  EXPECT_TRUE(traps_oob([&] { m.init(0, std::span<const uint8_t>(), 0, 1); }));
  m.init(0, std::span<const uint8_t>(), 0, 0);  // a dropped segment, zero length
}

TEST(RuntimeMemory, ManyMemoriesCanCoexist) {
  // Each guarded memory reserves 8 GiB of address space; a few hundred must
  // be fine, and destroying them must release the reservations.
  for (int round = 0; round < 3; ++round) {
    std::vector<std::unique_ptr<Memory>> memories;
    for (int i = 0; i < 200; ++i) {
      memories.push_back(std::make_unique<Memory>(Memory::Limits{1, 2}));
      memories.back()->store<uint32_t>(0, uint32_t(i));
    }
    for (int i = 0; i < 200; ++i) EXPECT_EQ(memories[i]->load<uint32_t>(0), uint32_t(i));
  }
}

}  // namespace
}  // namespace wasm2cpp
