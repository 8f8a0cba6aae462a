// Traps and exceptions crossing the host/guest boundary: a trap throws
// wasm2cpp::Trap with the right kind and leaves the instance usable; a host
// import's own exception reaches the export's caller unchanged.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "embed_traps.hpp"

namespace {

// Calls `f` and returns the kind of the Trap it throws; fails the test when
// it throws nothing.
template <typename F>
wasm2cpp::TrapKind trap_kind_of(F&& f) {
  try {
    f();
  } catch (const wasm2cpp::Trap& trap) {
    return trap.kind();
  }
  ADD_FAILURE() << "no trap";
  return wasm2cpp::TrapKind::HostTrap;
}

embed_traps::Imports doubling_host() {
  return embed_traps::Imports{.host_call = [](int32_t x) { return 2 * x; }};
}

TEST(EmbeddingTraps, TrapKindsAndMessages) {
  embed_traps::Instance instance(doubling_host());
  using wasm2cpp::TrapKind;
  EXPECT_EQ(trap_kind_of([&] { instance.unreachable(); }), TrapKind::Unreachable);
  EXPECT_EQ(trap_kind_of([&] { instance.div_s(1, 0); }), TrapKind::IntegerDivideByZero);
  EXPECT_EQ(trap_kind_of([&] { instance.div_s(std::numeric_limits<int32_t>::min(), -1); }),
            TrapKind::IntegerOverflow);
  EXPECT_EQ(trap_kind_of([&] { instance.load_u32(65536 - 3); }), TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(trap_kind_of([&] { instance.load_u32(-1); }), TrapKind::MemoryOutOfBounds);
  try {
    instance.div_s(1, 0);
    ADD_FAILURE() << "no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_STREQ(trap.what(), "integer divide by zero");
  }
}

TEST(EmbeddingTraps, StackExhaustionIsATrap) {
  embed_traps::Instance instance(doubling_host());
  EXPECT_EQ(trap_kind_of([&] { instance.recurse(0); }), wasm2cpp::TrapKind::CallStackExhausted);
  // Twice: the stack budget is restored after the first unwind.
  EXPECT_EQ(trap_kind_of([&] { instance.recurse(0); }), wasm2cpp::TrapKind::CallStackExhausted);
  EXPECT_EQ(instance.div_s(9, 3), 3);
}

TEST(EmbeddingTraps, InstanceKeepsWorkingAfterTraps) {
  embed_traps::Instance instance(doubling_host());
  for (int round = 0; round < 3; ++round) {
    EXPECT_THROW(instance.unreachable(), wasm2cpp::Trap);
    EXPECT_THROW(instance.load_u32(1 << 20), wasm2cpp::Trap);
    EXPECT_EQ(instance.div_s(-12, 4), -3);
    EXPECT_EQ(instance.call_host(20), 41);
  }
  // State changed before each trap (the entry counter) is kept: 4 entries
  // per round.
  EXPECT_EQ(instance.calls().value, 12);
  instance.memory().store<uint32_t>(8, 5);
  EXPECT_EQ(instance.load_u32(8), 5);
}

struct HostFailure {
  int code;
  std::string detail;
};

class HostError : public std::runtime_error {
 public:
  explicit HostError(int value) : std::runtime_error("host rejected"), value(value) {}
  int value;
};

TEST(EmbeddingTraps, HostExceptionReachesCallerUnchanged) {
  embed_traps::Instance instance(embed_traps::Imports{.host_call = [](int32_t x) -> int32_t {
    if (x < 0) throw HostError(x);
    if (x == 0) throw HostFailure{17, "zero"};
    return x * 3;
  }});

  try {
    instance.call_host(-5);
    ADD_FAILURE() << "no exception";
  } catch (const HostError& error) {
    EXPECT_EQ(error.value, -5);
    EXPECT_STREQ(error.what(), "host rejected");
  }
  // A non-std exception type arrives too, not converted to a Trap.
  try {
    instance.call_host(0);
    ADD_FAILURE() << "no exception";
  } catch (const HostFailure& failure) {
    EXPECT_EQ(failure.code, 17);
    EXPECT_EQ(failure.detail, "zero");
  } catch (const wasm2cpp::Trap&) {
    ADD_FAILURE() << "host exception became a trap";
  }

  // The guest ran up to the import call (stored x), then unwound.
  EXPECT_EQ(instance.memory().load<int32_t>(0), 0);
  EXPECT_EQ(instance.calls().value, 2);
  // And the instance is still usable.
  EXPECT_EQ(instance.call_host(4), 13);
  EXPECT_EQ(instance.memory().load<int32_t>(0), 4);
  EXPECT_EQ(instance.calls().value, 3);
}

TEST(EmbeddingTraps, HostTrapTrapsTheGuest) {
  embed_traps::Instance instance(embed_traps::Imports{.host_call = [](int32_t x) -> int32_t {
    if (x == 13) throw wasm2cpp::Trap(wasm2cpp::TrapKind::HostTrap, "unlucky number");
    return x;
  }});
  try {
    instance.call_host(13);
    ADD_FAILURE() << "no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), wasm2cpp::TrapKind::HostTrap);
    EXPECT_STREQ(trap.what(), "unlucky number");
  }
  EXPECT_EQ(instance.call_host(12), 13);
}

TEST(EmbeddingTraps, TrapThroughExportsLookup) {
  embed_traps::Instance instance(doubling_host());
  auto div = instance.exports().function<int32_t(int32_t, int32_t)>("div_s");
  EXPECT_EQ(div(10, 5), 2);
  EXPECT_EQ(trap_kind_of([&] { div(10, 0); }), wasm2cpp::TrapKind::IntegerDivideByZero);
  EXPECT_EQ(div(10, 2), 5);
}

}  // namespace
