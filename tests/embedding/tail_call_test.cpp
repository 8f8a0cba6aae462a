// Guaranteed tail calls (return_call, return_call_indirect): a million-deep
// mutual recursion completes in constant native stack space, directly,
// through a table, with mixed signatures, across two instances and through
// a trampoline buffer too small for the callee; host functions can be
// tail-called; indirect-call traps are kept; non-tail recursion still traps.
//
// The recursion depth is far beyond what the stack could hold as ordinary
// calls (the runaway tests show where ordinary recursion ends), so passing
// tests mean the tail calls did not grow the stack.
#include <gtest/gtest.h>

#include <cstdint>
#include <tuple>

#include "bounds_modes.hpp"
#include "embed_tailcall.hpp"
#include "embed_tailcall_explicit.hpp"
#include "embed_tailcall_peer.hpp"
#include "embed_tailcall_ping.hpp"

namespace {

constexpr int64_t kDepth = 1'000'000;

template <typename Imports>
Imports host_imports() {
  Imports imports;
  imports.env_host = [](int64_t x) { return x * 3; };
  return imports;
}

template <typename T>
class TailCallTest : public testing::Test {};

using Guard = EMBEDDING_TRANSLATION(embed_tailcall);
using Explicit = EMBEDDING_TRANSLATION(embed_tailcall_explicit);
using BoundsModes = testing::Types<Guard, Explicit>;
TYPED_TEST_SUITE(TailCallTest, BoundsModes);

TYPED_TEST(TailCallTest, DirectMutualRecursionRunsInConstantStack) {
  typename TypeParam::Instance instance(host_imports<typename TypeParam::Imports>());
  EXPECT_EQ(instance.even(kDepth), 1);
  EXPECT_EQ(instance.even(kDepth + 1), 0);
  EXPECT_EQ(instance.odd(kDepth + 1), 1);
  EXPECT_EQ(instance.even(10 * kDepth + 3), 0);
}

TYPED_TEST(TailCallTest, IndirectMutualRecursionRunsInConstantStack) {
  typename TypeParam::Instance instance(host_imports<typename TypeParam::Imports>());
  EXPECT_EQ(instance.even_indirect(kDepth), 1);
  EXPECT_EQ(instance.even_indirect(kDepth + 1), 0);
}

TYPED_TEST(TailCallTest, MixedSignaturesCarryEveryArgumentAndBothResults) {
  typename TypeParam::Instance instance(host_imports<typename TypeParam::Imports>());
  // Each a -> b -> a round adds 1 to the float accumulator; 2^24 is where
  // f32 stops counting by one, far above this depth.
  auto [tag, acc] = instance.mixed(kDepth, 0.5f);
  EXPECT_EQ(tag, -1);
  EXPECT_EQ(acc, 0.5 + kDepth);
  auto [tag1, acc1] = instance.mixed(1, 2.0f);
  EXPECT_EQ(tag1, -1);
  EXPECT_EQ(acc1, 3.0);
}

TYPED_TEST(TailCallTest, HostFunctionsCanBeTailCalled) {
  typename TypeParam::Instance instance(host_imports<typename TypeParam::Imports>());
  EXPECT_EQ(instance.to_host(4), 15);
  EXPECT_EQ(instance.to_host_indirect(7), 21);
}

TYPED_TEST(TailCallTest, ReturnCallIndirectKeepsTheIndirectCallTraps) {
  typename TypeParam::Instance instance(host_imports<typename TypeParam::Imports>());
  auto trap_kind = [&](int64_t depth, int32_t slot) {
    try {
      instance.indirect_at(depth, slot);
    } catch (const wasm2cpp::Trap& trap) {
      return trap.kind();
    }
    ADD_FAILURE() << "no trap";
    return wasm2cpp::TrapKind::HostTrap;
  };
  for (int64_t depth : {int64_t{0}, kDepth}) {
    EXPECT_EQ(trap_kind(depth, 8), wasm2cpp::TrapKind::UndefinedElement);
    EXPECT_EQ(trap_kind(depth, 5), wasm2cpp::TrapKind::UninitializedElement);
    EXPECT_EQ(trap_kind(depth, 2), wasm2cpp::TrapKind::IndirectCallTypeMismatch);
  }
  // Slot 0 has the right type: even_i(4).
  EXPECT_EQ(instance.indirect_at(kDepth, 0), 1);
}

TYPED_TEST(TailCallTest, NonTailRecursionStillExhaustsTheStack) {
  typename TypeParam::Instance instance(host_imports<typename TypeParam::Imports>());
  for (int round = 0; round < 2; ++round) {
    try {
      instance.runaway(1);
      ADD_FAILURE() << "runaway returned";
    } catch (const wasm2cpp::Trap& trap) {
      EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::CallStackExhausted);
    }
    try {
      instance.runaway_mixed(1);
      ADD_FAILURE() << "runaway_mixed returned";
    } catch (const wasm2cpp::Trap& trap) {
      EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::CallStackExhausted);
    }
  }
  // Still usable afterwards.
  EXPECT_EQ(instance.even(kDepth), 1);
}

TEST(TailCallAcrossInstances, PingPongThroughTableAndImportRunsInConstantStack) {
  embed_tailcall_ping::Instance ping;
  embed_tailcall_peer::Imports peer_imports;
  peer_imports.ping_ping = ping.exports().function<int64_t(int64_t)>("ping");
  peer_imports.ping_table = &ping.table();
  embed_tailcall_peer::Instance pong(peer_imports);
  // pong's odd steps go through $big, whose arguments need a larger buffer
  // than ping's trampoline has. Every chain that starts above 0 ends in
  // pong(0) = 200 (ping(k) -> pong(k-1) -> [big ->] pong/ping ...).
  EXPECT_EQ(ping.ping(0), 100);
  EXPECT_EQ(ping.ping(kDepth), 200);
  EXPECT_EQ(ping.ping(kDepth + 1), 200);
  EXPECT_EQ(pong.pong(3 * kDepth + 1), 200);
}

}  // namespace
