// The runtime half of guaranteed tail calls (wasm2cpp/tail_call.hpp): the
// tail-entry registry, the trampoline loop, the argument buffer and
// return_call_indirect's checks. The generated-code half is tested end to
// end in tests/embedding/tail_call_test.cpp and lit-tests/emit/tail-call.test.
#include "wasm2cpp/tail_call.hpp"
#include "wasm2cpp/table.hpp"
#include "wasm2cpp/trap.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace {

using wasm2cpp::ErasedTailEntry;
using wasm2cpp::TailCall;
using wasm2cpp::TailEntryPair;

// Hand-written tail entries in the non-musttail protocol: count down n,
// alternating between two entries; the result is the entry that saw 0.
int64_t count_b(TailCall* tc);
int64_t count_a(TailCall* tc) {
  int64_t n = wasm2cpp::tail_get<int64_t>(tc->data);
  tc->next = nullptr;
  if (n == 0) return 'a';
  wasm2cpp::tail_put<int64_t>(tc->data, n - 1);
  tc->next = reinterpret_cast<ErasedTailEntry>(&count_b);
  return 0;
}
int64_t count_b(TailCall* tc) {
  int64_t n = wasm2cpp::tail_get<int64_t>(tc->data);
  tc->next = nullptr;
  if (n == 0) return 'b';
  wasm2cpp::tail_put<int64_t>(tc->data, n - 1);
  tc->next = reinterpret_cast<ErasedTailEntry>(&count_a);
  return 0;
}

int64_t run_count(int64_t n) {
  alignas(16) unsigned char buffer[wasm2cpp::kTailCallMinCapacity];
  TailCall tc{nullptr, nullptr, buffer, sizeof buffer};
  wasm2cpp::tail_put<int64_t>(buffer, n);
  return wasm2cpp::run_tail_calls<int64_t>(&tc, &count_a);
}

TEST(TailCallRuntime, TrampolineRunsEveryHandedOnEntry) {
  EXPECT_EQ(run_count(0), 'a');
  EXPECT_EQ(run_count(1), 'b');
  EXPECT_EQ(run_count(1'000'001), 'b');
  EXPECT_EQ(run_count(1'000'000), 'a');
}

TEST(TailCallRuntime, BufferRoundTripsEveryValueType) {
  alignas(16) unsigned char buffer[64] = {};
  wasm2cpp::v128 v{};
  for (int i = 0; i < 16; ++i) v.bytes[i] = static_cast<uint8_t>(i * 7 + 1);
  wasm2cpp::FuncRef ref{reinterpret_cast<wasm2cpp::TypeId>(buffer), reinterpret_cast<void (*)()>(&count_a),
                        buffer + 3};
  wasm2cpp::tail_put(buffer + 0, -2.5f);
  wasm2cpp::tail_put(buffer + 16, v);
  wasm2cpp::tail_put(buffer + 32, ref);
  EXPECT_EQ(wasm2cpp::tail_get<float>(buffer + 0), -2.5f);
  EXPECT_EQ(wasm2cpp::tail_get<wasm2cpp::v128>(buffer + 16), v);
  EXPECT_EQ(wasm2cpp::tail_get<wasm2cpp::FuncRef>(buffer + 32), ref);
}

// Distinct code addresses to register: a table of distinct functions is not
// needed, the registry only compares addresses.
void (*fake_code(uintptr_t i))() { return reinterpret_cast<void (*)()>(0x100000 + 16 * i); }
ErasedTailEntry fake_entry(uintptr_t i) { return reinterpret_cast<ErasedTailEntry>(0x900000 + 16 * i); }

TEST(TailCallRuntime, RegistryFindsRegisteredEntriesUntilUnregistered) {
  std::vector<TailEntryPair> pairs;
  for (uintptr_t i = 0; i < 100; ++i) pairs.push_back({fake_code(i), fake_entry(i)});
  EXPECT_EQ(wasm2cpp::find_tail_entry(fake_code(5)), nullptr);
  {
    wasm2cpp::TailEntryRegistration registration(pairs.data(), pairs.size());
    for (uintptr_t i = 0; i < 100; ++i) EXPECT_EQ(wasm2cpp::find_tail_entry(fake_code(i)), fake_entry(i)) << i;
    EXPECT_EQ(wasm2cpp::find_tail_entry(fake_code(100)), nullptr);
    {
      // A second registration of an overlapping set (two shards, or a
      // module loaded twice) keeps the entries after either goes away.
      wasm2cpp::TailEntryRegistration again(pairs.data(), 10);
      EXPECT_EQ(wasm2cpp::find_tail_entry(fake_code(3)), fake_entry(3));
    }
    EXPECT_EQ(wasm2cpp::find_tail_entry(fake_code(3)), fake_entry(3));
  }
  for (uintptr_t i = 0; i < 100; ++i) EXPECT_EQ(wasm2cpp::find_tail_entry(fake_code(i)), nullptr) << i;
}

TEST(TailCallRuntime, TargetChecksFollowCallIndirectOrder) {
  wasm2cpp::FuncTable table(wasm2cpp::TableLimits{3, 3});
  auto type = reinterpret_cast<wasm2cpp::TypeId>(&table);
  auto other_type = reinterpret_cast<wasm2cpp::TypeId>(&type);
  table.elements()[1] = wasm2cpp::FuncRef{type, reinterpret_cast<void (*)()>(&count_a), nullptr};
  table.elements()[2] = wasm2cpp::FuncRef{other_type, reinterpret_cast<void (*)()>(&count_b), nullptr};
  auto kind_of = [&](uint32_t index) {
    try {
      wasm2cpp::tail_call_target(&table, index, type);
    } catch (const wasm2cpp::Trap& trap) {
      return trap.kind();
    }
    ADD_FAILURE() << "no trap for " << index;
    return wasm2cpp::TrapKind::HostTrap;
  };
  EXPECT_EQ(kind_of(3), wasm2cpp::TrapKind::UndefinedElement);
  EXPECT_EQ(kind_of(0), wasm2cpp::TrapKind::UninitializedElement);
  EXPECT_EQ(kind_of(2), wasm2cpp::TrapKind::IndirectCallTypeMismatch);
  EXPECT_EQ(wasm2cpp::tail_call_target(&table, 1, type).code, reinterpret_cast<void (*)()>(&count_a));
}

}  // namespace
