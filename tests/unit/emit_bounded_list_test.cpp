// BoundedList (translator/emit/bounded_list.hpp): the in-place lists the
// guard-mode load analyses track slots and locals with.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "emit/bounded_list.hpp"

namespace wasm2cpp::emit {
namespace {

std::vector<uint32_t> items(const BoundedList<uint32_t, 8>& list) {
  return std::vector<uint32_t>(list.begin(), list.end());
}

TEST(EmitBoundedList, KeepsOrderAndErasesEveryMatch) {
  BoundedList<uint32_t, 8> list{4};
  EXPECT_FALSE(list.empty());
  list.push_back(7);
  list.push_back(4);
  list.push_back(9);
  EXPECT_TRUE(list.contains(7));
  EXPECT_FALSE(list.contains(5));
  list.erase(4);  // both copies, the rest in order
  EXPECT_EQ(items(list), (std::vector<uint32_t>{7, 9}));
  list.erase_if([](uint32_t v) { return v >= 8; });
  EXPECT_EQ(items(list), (std::vector<uint32_t>{7}));
  EXPECT_EQ(list[0], 7u);
  list.clear();
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.size(), 0u);
}

TEST(EmitBoundedList, HoldsExactlyItsCapacity) {
  BoundedList<uint32_t, 8> list;
  for (uint32_t i = 0; i < 8; ++i) list.push_back(i);
  EXPECT_EQ(list.size(), 8u);
  // One more is a translator bug (the analyses' windows bound their lists):
  // an internal error, not a silent overflow.
  EXPECT_DEATH(list.push_back(8), "internal error");
}

}  // namespace
}  // namespace wasm2cpp::emit
