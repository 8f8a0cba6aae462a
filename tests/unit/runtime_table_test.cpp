// Tables: host access, table.grow, and the trapping bulk operations.
#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "wasm2cpp/function.hpp"
#include "wasm2cpp/table.hpp"

namespace wasm2cpp {
namespace {

constexpr uint64_t kMax64 = std::numeric_limits<uint64_t>::max();

template <typename F>
bool traps_table_oob(F&& f) {
  try {
    f();
  } catch (const Trap& t) {
    return t.kind() == TrapKind::TableOutOfBounds;
  }
  return false;
}

ExternRef ext(uintptr_t v) { return ExternRef{reinterpret_cast<void*>(v)}; }

int32_t forty_two(void*) { return 42; }

TEST(RuntimeTable, StartsWithTheInitialValue) {
  ExternTable t(TableLimits{3, 10}, ext(7));
  EXPECT_EQ(t.size(), 3u);
  for (uint64_t i = 0; i < 3; ++i) EXPECT_EQ(t.get(i), ext(7));
  FuncTable f(TableLimits{2, std::nullopt});
  EXPECT_TRUE(f.get(0).is_null());
  EXPECT_TRUE(f.get(1).is_null());
}

TEST(RuntimeTable, HostAccessIsBoundsChecked) {
  FuncTable t(TableLimits{2, 2});
  Function<int32_t()> fn(&forty_two, nullptr);
  t.set(1, fn.ref());
  EXPECT_EQ(t.get(1).type, intern_func_type(":i"));
  EXPECT_EQ(Function<int32_t()>::from_ref(t.get(1))(), 42);
  EXPECT_EQ(t.elements()[1], fn.ref());
  EXPECT_THROW(t.get(2), OutOfBounds);
  EXPECT_THROW(t.set(2, {}), OutOfBounds);
  EXPECT_THROW(t.get(kMax64), OutOfBounds);
}

TEST(RuntimeTable, GrowFollowsTableGrowSemantics) {
  ExternTable t(TableLimits{1, 4});
  EXPECT_EQ(t.grow(0, {}), 1);
  EXPECT_EQ(t.grow(2, ext(5)), 1);
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.get(0), ExternRef{});
  EXPECT_EQ(t.get(2), ext(5));
  EXPECT_EQ(t.grow(2, {}), -1);
  EXPECT_EQ(t.grow(kMax64, {}), -1);
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.grow(1, {}), 3);
  EXPECT_EQ(t.grow(1, {}), -1);

  ExternTable capped(TableLimits{0, std::nullopt});
  capped.set_max_elements_cap(10);
  EXPECT_EQ(capped.grow(10, {}), 0);
  EXPECT_EQ(capped.grow(1, {}), -1);
  ExternTable unbounded(TableLimits{0, std::nullopt});
  EXPECT_EQ(unbounded.grow(uint64_t{1} << 32, {}), -1);  // more than 2^32 - 1 elements
}

TEST(RuntimeTable, FillTrapsBeforeWriting) {
  ExternTable t(TableLimits{4, 4});
  t.fill(1, ext(9), 2);
  EXPECT_EQ(t.get(0), ExternRef{});
  EXPECT_EQ(t.get(1), ext(9));
  EXPECT_EQ(t.get(2), ext(9));
  EXPECT_EQ(t.get(3), ExternRef{});
  t.fill(4, ext(1), 0);  // zero length at the end
  EXPECT_TRUE(traps_table_oob([&] { t.fill(5, ext(1), 0); }));
  EXPECT_TRUE(traps_table_oob([&] { t.fill(3, ext(1), 2); }));
  EXPECT_EQ(t.get(3), ExternRef{});
  EXPECT_TRUE(traps_table_oob([&] { t.fill(1, ext(1), kMax64); }));
}

TEST(RuntimeTable, CopyHandlesOverlapAndBounds) {
  ExternTable t(TableLimits{6, 6});
  for (uint64_t i = 0; i < 6; ++i) t.set(i, ext(i + 1));
  ExternTable::copy(t, 1, t, 0, 4);  // overlapping, forward
  std::vector<uintptr_t> got;
  for (uint64_t i = 0; i < 6; ++i) got.push_back(reinterpret_cast<uintptr_t>(t.get(i).value));
  EXPECT_EQ(got, (std::vector<uintptr_t>{1, 1, 2, 3, 4, 6}));
  ExternTable::copy(t, 0, t, 2, 4);  // overlapping, backward
  got.clear();
  for (uint64_t i = 0; i < 6; ++i) got.push_back(reinterpret_cast<uintptr_t>(t.get(i).value));
  EXPECT_EQ(got, (std::vector<uintptr_t>{2, 3, 4, 6, 4, 6}));

  ExternTable::copy(t, 6, t, 6, 0);
  EXPECT_TRUE(traps_table_oob([&] { ExternTable::copy(t, 7, t, 0, 0); }));
  EXPECT_TRUE(traps_table_oob([&] { ExternTable::copy(t, 0, t, 7, 0); }));
  EXPECT_TRUE(traps_table_oob([&] { ExternTable::copy(t, 4, t, 0, 3); }));
  EXPECT_EQ(t.get(4), ext(4));  // unchanged
  ExternTable other(TableLimits{2, 2});
  ExternTable::copy(other, 0, t, 4, 2);
  EXPECT_EQ(other.get(1), ext(6));
  EXPECT_TRUE(traps_table_oob([&] { ExternTable::copy(other, 1, t, 0, 2); }));
}

TEST(RuntimeTable, InitChecksSegmentAndTable) {
  FuncTable t(TableLimits{3, 3});
  Function<int32_t()> fn(&forty_two, nullptr);
  const FuncRef segment[] = {fn.ref(), {}, fn.ref()};
  t.init(1, segment, 3, 1, 2);
  EXPECT_TRUE(t.get(0).is_null());
  EXPECT_TRUE(t.get(1).is_null());
  EXPECT_EQ(t.get(2), fn.ref());
  t.init(3, segment, 3, 3, 0);
  EXPECT_TRUE(traps_table_oob([&] { t.init(0, segment, 3, 4, 0); }));
  EXPECT_TRUE(traps_table_oob([&] { t.init(2, segment, 3, 0, 2); }));
  EXPECT_TRUE(traps_table_oob([&] { t.init(0, segment, 3, 2, 2); }));
  EXPECT_TRUE(traps_table_oob([&] { t.init(0, nullptr, 0, 0, 1); }));
  EXPECT_TRUE(t.get(0).is_null());  // nothing written by the failed inits
}

}  // namespace
}  // namespace wasm2cpp
