// A module with three memories (multi-memory): one imported from a host
// Memory, two exported; the host reaches each by its import or export name,
// and bounds are per memory. In both bounds-check modes.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <span>

#include "bounds_modes.hpp"
#include "embed_multimem_explicit.hpp"
#include "embed_multimem_guard.hpp"

namespace {

template <typename Module>
class MultiMemory : public testing::Test {};

using Guard = EMBEDDING_TRANSLATION(embed_multimem_guard);
using Explicit = EMBEDDING_TRANSLATION(embed_multimem_explicit);
using Modes = testing::Types<Guard, Explicit>;
TYPED_TEST_SUITE(MultiMemory, Modes);

TYPED_TEST(MultiMemory, EachMemoryByItsImportOrExportName) {
  wasm2cpp::Memory scratch({.initial = 1, .maximum = 4});
  typename TypeParam::Instance inst(typename TypeParam::Imports{.env_scratch = &scratch});

  const uint8_t input[] = {10, 20, 30, 40, 50};
  scratch.write(100, std::span<const uint8_t>(input));
  inst.copy_in(7, 100, 5);
  // heap[7 + i] = scratch[100 + i] + lookup[i % 4], lookup = 1 2 3 4
  std::span<uint8_t> out = inst.heap().template view<uint8_t>(7, 5);
  EXPECT_EQ(out[0], 11);
  EXPECT_EQ(out[1], 22);
  EXPECT_EQ(out[2], 33);
  EXPECT_EQ(out[3], 44);
  EXPECT_EQ(out[4], 51);
  EXPECT_EQ(scratch.load<uint8_t>(100), 10);  // the source is untouched

  EXPECT_EQ(inst.heap().size_pages(), 2u);
  EXPECT_EQ(inst.heap_pages(), 2);
  EXPECT_EQ(inst.lookup().size_pages(), 1u);
  EXPECT_EQ(inst.lookup().template load<uint32_t>(0), 0x04030201u);
  EXPECT_EQ(&inst.exports().memory("heap"), &inst.heap());
  EXPECT_EQ(&inst.exports().memory("lookup"), &inst.lookup());
}

TYPED_TEST(MultiMemory, GrowingTheImportedMemoryIsVisibleToTheHost) {
  wasm2cpp::Memory scratch({.initial = 1, .maximum = 4});
  typename TypeParam::Instance inst(typename TypeParam::Imports{.env_scratch = &scratch});
  EXPECT_EQ(inst.grow_scratch(2), 1);
  EXPECT_EQ(scratch.size_pages(), 3u);
  EXPECT_EQ(inst.grow_scratch(2), -1);  // the host's maximum is 4 pages
  EXPECT_EQ(inst.heap().size_pages(), 2u);  // the others do not move
  scratch.store<uint8_t>(3 * 65536 - 1, 7);
  inst.copy_in(0, 3 * 65536 - 1, 1);
  EXPECT_EQ(inst.heap().template load<uint8_t>(0), 8);
}

// Each access is checked against its own memory: a source address valid in
// the 2-page heap is out of bounds in the 1-page scratch memory.
TYPED_TEST(MultiMemory, BoundsArePerMemory) {
  wasm2cpp::Memory scratch({.initial = 1, .maximum = 4});
  typename TypeParam::Instance inst(typename TypeParam::Imports{.env_scratch = &scratch});
  try {
    inst.copy_in(0, 65536 + 16, 1);
    ADD_FAILURE() << "no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::MemoryOutOfBounds);
  }
  try {
    inst.copy_in(2 * 65536 - 2, 0, 4);  // the heap's last two bytes, then past it
    ADD_FAILURE() << "no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::MemoryOutOfBounds);
  }
  // The instance stays usable after a trap.
  inst.copy_in(0, 0, 1);
  EXPECT_EQ(inst.heap().template load<uint8_t>(0), 1);  // scratch[0] = 0, lookup[0] = 1
}

}  // namespace
