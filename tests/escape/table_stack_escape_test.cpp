// Tables and the stack: out-of-bounds table indices, signature confusion
// across modules sharing a table (same arity and machine register class,
// different wasm types), and stack exhaustion on small thread stacks. Both
// bounds modes.
#include <gtest/gtest.h>
#include <pthread.h>

#include <cstdint>
#include <functional>
#include <string>

#include "escape_recursion_explicit.hpp"
#include "escape_recursion_guard.hpp"
#include "escape_support.hpp"
#include "escape_table_consumer_explicit.hpp"
#include "escape_table_consumer_guard.hpp"
#include "escape_table_provider_explicit.hpp"
#include "escape_table_provider_guard.hpp"

namespace {

using escape::expect_trap;
using wasm2cpp::TrapKind;

template <typename Provider, typename Consumer, typename ConsumerImports>
struct TablePair {
  using ProviderInstance = Provider;
  using ConsumerInstance = Consumer;
  using Imports = ConsumerImports;
};

template <typename Pair>
class TableEscape : public testing::Test {};
using TablePairs = testing::Types<
    TablePair<escape_table_provider_guard::Instance, escape_table_consumer_guard::Instance,
              escape_table_consumer_guard::Imports>,
    TablePair<escape_table_provider_explicit::Instance, escape_table_consumer_explicit::Instance,
              escape_table_consumer_explicit::Imports>>;
TYPED_TEST_SUITE(TableEscape, TablePairs);

TYPED_TEST(TableEscape, SignaturesAreCheckedAcrossModules) {
  typename TypeParam::ProviderInstance provider;
  typename TypeParam::Imports imports;
  imports.provider_table = &provider.table();
  typename TypeParam::ConsumerInstance consumer(imports);

  // The right type works from either module (types match structurally).
  EXPECT_EQ(provider.call_i32(0, 41), 42);
  EXPECT_EQ(consumer.call_i32(0, 41), 42);
  EXPECT_EQ(consumer.call_i64(1, int64_t{1} << 40), (int64_t{1} << 40) + 1);
  EXPECT_EQ(consumer.call_f32(2, 1.5f), -1.5f);
  // Every other type traps, including same params with another result.
  const TrapKind mismatch = TrapKind::IndirectCallTypeMismatch;
  expect_trap([&] { consumer.call_i32(1, 1); }, mismatch, "i32 through i64 slot");
  expect_trap([&] { consumer.call_i32(2, 1); }, mismatch, "i32 through f32 slot");
  expect_trap([&] { consumer.call_i64(0, 1); }, mismatch, "i64 through i32 slot");
  expect_trap([&] { consumer.call_f32(0, 1.0f); }, mismatch, "f32 through i32 slot");
  expect_trap([&] { consumer.call_i32_i64(0, 1); }, mismatch, "(i32)->i64 through (i32)->i32");
  // A host-written slot with a foreign signature is checked the same way.
  provider.table().set(3, provider.table().get(1));
  EXPECT_EQ(consumer.call_i64(3, 7), 8);
  expect_trap([&] { consumer.call_i32(3, 7); }, mismatch, "host-set slot");
}

TYPED_TEST(TableEscape, IndicesOutsideTheTableTrap) {
  typename TypeParam::ProviderInstance provider;
  typename TypeParam::Imports imports;
  imports.provider_table = &provider.table();
  typename TypeParam::ConsumerInstance consumer(imports);

  expect_trap([&] { consumer.call_i32(3, 0); }, TrapKind::UninitializedElement, "null slot");
  for (int32_t index : {4, 5, 1 << 20, INT32_MAX, -1, INT32_MIN}) {
    const std::string at = " at " + std::to_string(index);
    expect_trap([&] { consumer.call_i32(index, 0); }, TrapKind::UndefinedElement,
                "call_indirect" + at);
    expect_trap([&] { provider.table_get_is_null(index); }, TrapKind::TableOutOfBounds,
                "table.get" + at);
    expect_trap([&] { provider.table_set_null(index); }, TrapKind::TableOutOfBounds,
                "table.set" + at);
  }
  // table.fill past the end traps before writing anything.
  expect_trap([&] { provider.table_fill_null(2, 3); }, TrapKind::TableOutOfBounds, "fill");
  expect_trap([&] { provider.table_fill_null(1, -1); }, TrapKind::TableOutOfBounds, "fill huge");
  EXPECT_EQ(consumer.call_f32(2, 2.0f), -2.0f);
  EXPECT_EQ(consumer.call_i64(1, 1), 2);

  // Growth moves the end for both modules; the new slots are null.
  EXPECT_EQ(provider.table_grow(2), 4);
  EXPECT_EQ(provider.table_size(), 6);
  expect_trap([&] { consumer.call_i32(5, 0); }, TrapKind::UninitializedElement, "grown slot");
  expect_trap([&] { consumer.call_i32(6, 0); }, TrapKind::UndefinedElement, "past grown end");
  EXPECT_EQ(provider.table_get_is_null(5), 1);
  expect_trap([&] { provider.table_get_is_null(6); }, TrapKind::TableOutOfBounds, "get 6");
  // Past the declared maximum (8): -1, size unchanged.
  EXPECT_EQ(provider.table_grow(3), -1);
  EXPECT_EQ(provider.table_size(), 6);
  EXPECT_THROW(provider.table().get(6), wasm2cpp::OutOfBounds);
  EXPECT_THROW(provider.table().set(6, wasm2cpp::FuncRef{}), wasm2cpp::OutOfBounds);
}

// Runs `body` on a new thread with a stack of `stack_bytes` and waits.
void run_on_small_stack(size_t stack_bytes, const std::function<void()>& body) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, stack_bytes), 0);
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, trampoline, const_cast<std::function<void()>*>(&body)),
            0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

template <typename Instance>
class StackEscape : public testing::Test {};
using RecursionModes =
    testing::Types<escape_recursion_guard::Instance, escape_recursion_explicit::Instance>;
TYPED_TEST_SUITE(StackEscape, RecursionModes);

TYPED_TEST(StackEscape, UnboundedRecursionTrapsOnTheMainThread) {
  TypeParam m;
  expect_trap([&] { m.down(0); }, TrapKind::CallStackExhausted, "down");
  expect_trap([&] { m.fat(0); }, TrapKind::CallStackExhausted, "fat");
  // The instance (and the thread) stay usable.
  EXPECT_EQ(m.depth(1000), 1000);
}

TYPED_TEST(StackEscape, UnboundedRecursionTrapsOnSmallThreadStacks) {
  TypeParam m;
  for (size_t stack : {size_t{256} << 10, size_t{128} << 10}) {
    SCOPED_TRACE(testing::Message() << "stack " << stack);
    bool down_trapped = false, fat_trapped = false;
    int32_t depth = -1;
    run_on_small_stack(stack, [&] {
      try {
        m.down(0);
      } catch (const wasm2cpp::Trap& t) {
        down_trapped = t.kind() == TrapKind::CallStackExhausted;
      }
      try {
        m.fat(0);
      } catch (const wasm2cpp::Trap& t) {
        fat_trapped = t.kind() == TrapKind::CallStackExhausted;
      }
      depth = m.depth(100);
    });
    EXPECT_TRUE(down_trapped);
    EXPECT_TRUE(fat_trapped);
    EXPECT_EQ(depth, 100);
  }
}

}  // namespace
