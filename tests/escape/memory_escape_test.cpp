// Linear memory cannot be left: every access width at and around the end of
// memory (before and after growth), huge static offsets (the effective
// address never wraps), bulk operations, memory64 addresses near 2^32 and
// 2^64, and host views. Both bounds modes run the same tests.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "escape_memory64_explicit.hpp"
#include "escape_memory_explicit.hpp"
#include "escape_memory_guard.hpp"
#include "escape_support.hpp"

namespace {

using escape::expect_trap;
using wasm2cpp::TrapKind;

std::vector<uint8_t> tail_bytes(wasm2cpp::Memory& memory, uint64_t count) {
  const uint8_t* end = memory.data() + memory.size_bytes();
  return std::vector<uint8_t>(end - count, end);
}

template <typename Instance>
class MemoryEscape : public testing::Test {
 protected:

  struct Access {
    const char* name;
    uint32_t width;
    std::function<void(Instance&, uint32_t)> run;
  };

  // One entry per access width and kind (loads return their value, so guard
  // mode cannot drop them; stores write a recognisable pattern).
  static std::vector<Access> accesses() {
    return {
        {"load8", 1, [](Instance& m, uint32_t a) { m.load8(int32_t(a)); }},
        {"load16", 2, [](Instance& m, uint32_t a) { m.load16(int32_t(a)); }},
        {"load32", 4, [](Instance& m, uint32_t a) { m.load32(int32_t(a)); }},
        {"load64", 8, [](Instance& m, uint32_t a) { m.load64(int32_t(a)); }},
        {"load_f32", 4, [](Instance& m, uint32_t a) { m.load_f32(int32_t(a)); }},
        {"load_f64", 8, [](Instance& m, uint32_t a) { m.load_f64(int32_t(a)); }},
        {"load128", 16, [](Instance& m, uint32_t a) { m.load128(int32_t(a)); }},
        {"load64_s8", 1, [](Instance& m, uint32_t a) { m.load64_s8(int32_t(a)); }},
        {"load64_u32", 4, [](Instance& m, uint32_t a) { m.load64_u32(int32_t(a)); }},
        {"load128_splat32", 4, [](Instance& m, uint32_t a) { m.load128_splat32(int32_t(a)); }},
        {"load128_lane64", 8, [](Instance& m, uint32_t a) { m.load128_lane64(int32_t(a)); }},
        {"store8", 1, [](Instance& m, uint32_t a) { m.store8(int32_t(a), 0x5a); }},
        {"store16", 2, [](Instance& m, uint32_t a) { m.store16(int32_t(a), 0x5a5a); }},
        {"store32", 4, [](Instance& m, uint32_t a) { m.store32(int32_t(a), 0x5a5a5a5a); }},
        {"store64", 8,
         [](Instance& m, uint32_t a) { m.store64(int32_t(a), int64_t(0x5a5a5a5a5a5a5a5a)); }},
        {"store128", 16,
         [](Instance& m, uint32_t a) { m.store128(int32_t(a), int64_t(0x5a5a5a5a5a5a5a5a)); }},
    };
  }

  // Every access at every address from 20 bytes below the end to 20 above,
  // and at addresses near 2^31 and 2^32: in bounds exactly when
  // address + width <= size; an out-of-bounds store changes nothing.
  void sweep_end(Instance& m) {
    wasm2cpp::Memory& memory = m.memory();
    const uint64_t size = memory.size_bytes();
    std::vector<uint64_t> addresses;
    for (uint64_t a = size - 20; a <= size + 20; ++a) addresses.push_back(a);
    for (uint64_t a : {0x7fffffffull, 0x80000000ull, 0xfffffff0ull, 0xfffffff8ull,
                       0xfffffffcull, 0xfffffffeull, 0xffffffffull})
      addresses.push_back(a);
    for (const Access& access : accesses()) {
      for (uint64_t a : addresses) {
        const std::string what = std::string(access.name) + " at " + std::to_string(a) +
                                 " (size " + std::to_string(size) + ")";
        std::fill(memory.data() + size - 32, memory.data() + size, uint8_t{0});
        if (a + access.width <= size) {
          EXPECT_NO_THROW(access.run(m, uint32_t(a))) << what;
        } else {
          expect_trap([&] { access.run(m, uint32_t(a)); }, TrapKind::MemoryOutOfBounds, what);
          EXPECT_EQ(tail_bytes(memory, 32), std::vector<uint8_t>(32, 0)) << what << " wrote";
        }
      }
    }
  }
};

using BoundsModes =
    testing::Types<escape_memory_guard::Instance, escape_memory_explicit::Instance>;
TYPED_TEST_SUITE(MemoryEscape, BoundsModes);

TYPED_TEST(MemoryEscape, EveryWidthAroundTheEnd) {
  TypeParam m;
  this->sweep_end(m);
}

TYPED_TEST(MemoryEscape, EveryWidthAroundTheEndAfterGrowth) {
  TypeParam m;
  ASSERT_EQ(m.grow(1), 1);
  this->sweep_end(m);
  ASSERT_EQ(m.grow(1), 2);
  this->sweep_end(m);
  // Past the maximum: no growth, and the end stays where it was.
  ASSERT_EQ(m.grow(1), -1);
  ASSERT_EQ(m.size(), 3);
  this->sweep_end(m);
  // The host grows too (same limits).
  EXPECT_EQ(m.memory().grow(1), -1);
}

TYPED_TEST(MemoryEscape, HostGrowthMovesTheEndForTheGuest) {
  TypeParam m;
  ASSERT_EQ(m.memory().grow(2), 1);
  EXPECT_EQ(m.size(), 3);
  this->sweep_end(m);
}

TYPED_TEST(MemoryEscape, HugeStaticOffsetsNeverWrap) {
  TypeParam m;
  for (uint32_t a : {0u, 1u, 2u, 0xffffu, 0x10000u, 0x80000000u, 0xffffffffu}) {
    const std::string at = " at " + std::to_string(a);
    expect_trap([&] { m.load8_offset_max(int32_t(a)); }, TrapKind::MemoryOutOfBounds,
                "load8 offset=2^32-1" + at);
    expect_trap([&] { m.load64_offset_max(int32_t(a)); }, TrapKind::MemoryOutOfBounds,
                "load64 offset=2^32-1" + at);
    expect_trap([&] { m.store32_offset_max(int32_t(a), 7); }, TrapKind::MemoryOutOfBounds,
                "store32 offset=2^32-1" + at);
    expect_trap([&] { m.load32_offset_page(int32_t(a)); }, TrapKind::MemoryOutOfBounds,
                "load32 offset=65536" + at);
    // 2^31 + 2^31 would be address 0 if the sum wrapped to 32 bits.
    expect_trap([&] { m.load32_offset_2g(int32_t(a)); }, TrapKind::MemoryOutOfBounds,
                "load32 offset=2^31" + at);
  }
  EXPECT_EQ(tail_bytes(m.memory(), 16), std::vector<uint8_t>(16, 0));
  // Once the memory has two pages, offset=65536 reaches the second one.
  ASSERT_EQ(m.grow(1), 1);
  m.memory().template store<uint32_t>(65536 + 65532, 0x11223344u);
  EXPECT_EQ(uint32_t(m.load32_offset_page(65532)), 0x11223344u);
  expect_trap([&] { m.load32_offset_page(65533); }, TrapKind::MemoryOutOfBounds,
              "load32 offset=65536 at 65533 (2 pages)");
}

TYPED_TEST(MemoryEscape, BulkOperationsCheckTheWholeRangeFirst) {
  TypeParam m;
  wasm2cpp::Memory& memory = m.memory();
  const int32_t size = int32_t(memory.size_bytes());
  const std::vector<uint8_t> zeros(16, 0);
  // Partly out of bounds: trap, and nothing written (bulk memory semantics).
  expect_trap([&] { m.fill(size - 4, 0xaa, 5); }, TrapKind::MemoryOutOfBounds, "fill");
  expect_trap([&] { m.fill(size - 4, 0xaa, -1); }, TrapKind::MemoryOutOfBounds, "fill 2^32-1");
  expect_trap([&] { m.fill(-1, 0xaa, 2); }, TrapKind::MemoryOutOfBounds, "fill at 2^32-1");
  expect_trap([&] { m.copy(size - 2, 0, 4); }, TrapKind::MemoryOutOfBounds, "copy dst");
  expect_trap([&] { m.copy(0, size - 2, 4); }, TrapKind::MemoryOutOfBounds, "copy src");
  expect_trap([&] { m.copy(-1, 0, 2); }, TrapKind::MemoryOutOfBounds, "copy dst 2^32-1");
  expect_trap([&] { m.init(size - 2, 0, 4); }, TrapKind::MemoryOutOfBounds, "init dst");
  expect_trap([&] { m.init(0, 8, 3); }, TrapKind::MemoryOutOfBounds, "init past the segment");
  expect_trap([&] { m.init(0, -1, 2); }, TrapKind::MemoryOutOfBounds, "init src 2^32-1");
  EXPECT_EQ(tail_bytes(memory, 16), zeros);
  EXPECT_EQ(memory.read_string(0, 2), std::string("\x01\x02", 2));
  // Zero-length operations at the very end are fine; one past it traps.
  EXPECT_NO_THROW(m.fill(size, 0xaa, 0));
  EXPECT_NO_THROW(m.copy(size, size, 0));
  EXPECT_NO_THROW(m.init(size, 10, 0));
  expect_trap([&] { m.fill(size + 1, 0xaa, 0); }, TrapKind::MemoryOutOfBounds, "fill empty");
  // The last bytes themselves are writable.
  m.fill(size - 4, 0xaa, 4);
  EXPECT_EQ(tail_bytes(memory, 4), std::vector<uint8_t>(4, 0xaa));
}

TYPED_TEST(MemoryEscape, HostViewsStopAtTheEnd) {
  TypeParam m;
  wasm2cpp::Memory& memory = m.memory();
  const uint64_t size = memory.size_bytes();
  EXPECT_NO_THROW(memory.view<uint32_t>(size - 4, 1));
  EXPECT_THROW(memory.view<uint32_t>(size - 4, 2), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.view<uint8_t>(size, 1), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.view<uint64_t>(size - 8, uint64_t{1} << 61), wasm2cpp::OutOfBounds);
  EXPECT_THROW(memory.load<uint64_t>(size - 7), wasm2cpp::OutOfBounds);
  // After a guest grow the new end applies to new views.
  ASSERT_EQ(m.grow(1), 1);
  EXPECT_NO_THROW(memory.view<uint32_t>(size - 4, 2));
  EXPECT_NO_THROW(memory.view<uint8_t>(size, size));
  EXPECT_THROW(memory.view<uint8_t>(size, size + 1), wasm2cpp::OutOfBounds);
}

// memory64 (explicit checks only): 64-bit effective addresses must not wrap.
TEST(Memory64Escape, AddressesNear4GAnd2To64) {
  escape_memory64_explicit::Instance m;
  constexpr uint64_t kMax = ~uint64_t{0};
  const uint64_t size = m.memory().size_bytes();
  ASSERT_EQ(size, 65536u);
  EXPECT_NO_THROW(m.load8(int64_t(size - 1)));
  EXPECT_NO_THROW(m.load128(int64_t(size - 16)));
  for (uint64_t a : {size, size - 3, uint64_t{0xffffffff}, uint64_t{1} << 32,
                     (uint64_t{1} << 32) + 1, kMax, kMax - 1, kMax - 3, kMax - 15,
                     uint64_t{1} << 63}) {
    const std::string at = " at " + std::to_string(a);
    if (a + 1 > size || a + 1 == 0)
      expect_trap([&] { m.load8(int64_t(a)); }, TrapKind::MemoryOutOfBounds, "load8" + at);
    expect_trap([&] { m.load32(int64_t(a)); }, TrapKind::MemoryOutOfBounds, "load32" + at);
    expect_trap([&] { m.load64(int64_t(a)); }, TrapKind::MemoryOutOfBounds, "load64" + at);
    expect_trap([&] { m.load128(int64_t(a)); }, TrapKind::MemoryOutOfBounds, "load128" + at);
    expect_trap([&] { m.store64(int64_t(a), 1); }, TrapKind::MemoryOutOfBounds, "store64" + at);
  }
  // a + offset = 2^64 exactly (or more): wraps to 0.. if computed in 64 bits.
  for (uint64_t a : {uint64_t{0}, uint64_t{1}, uint64_t{16}, kMax - (uint64_t{1} << 32) + 1}) {
    const std::string at = " at " + std::to_string(a);
    expect_trap([&] { m.load8_offset_4g(int64_t(a)); }, TrapKind::MemoryOutOfBounds,
                "offset=2^32" + at);
    expect_trap([&] { m.load8_offset_max(int64_t(a)); }, TrapKind::MemoryOutOfBounds,
                "offset=2^64-1" + at);
    expect_trap([&] { m.load32_offset_max(int64_t(a)); }, TrapKind::MemoryOutOfBounds,
                "load32 offset=2^64-1" + at);
  }
  expect_trap([&] { m.fill(int64_t(kMax), 0, 2); }, TrapKind::MemoryOutOfBounds, "fill at max");
  expect_trap([&] { m.fill(1, 0, int64_t(kMax)); }, TrapKind::MemoryOutOfBounds, "fill max len");
  EXPECT_EQ(tail_bytes(m.memory(), 16), std::vector<uint8_t>(16, 0));
  // Growth: past the maximum fails; within it the end moves by a page.
  EXPECT_EQ(m.grow(int64_t{1} << 48), -1);
  EXPECT_EQ(m.grow(1), 1);
  EXPECT_NO_THROW(m.load64(int64_t(2 * size - 8)));
  expect_trap([&] { m.load64(int64_t(2 * size - 7)); }, TrapKind::MemoryOutOfBounds,
              "load64 after grow");
  EXPECT_THROW(m.memory().view<uint8_t>(kMax, 2), wasm2cpp::OutOfBounds);
}

}  // namespace
