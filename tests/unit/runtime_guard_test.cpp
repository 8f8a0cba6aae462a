// Guard-page mode: an access past the committed size of a guarded memory
// faults, and the runtime's handler turns the fault into a Trap thrown from
// the faulting instruction (no set-up per call). The "guest" functions below
// have the shape of generated code: unchecked accesses through access.hpp,
// no objects with destructors, not inlined. Host frames that catch call them
// through opaque_fn() (as a host calls exports defined in another translation
// unit, or through Function<>), see function.hpp for why that matters.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

#include "wasm2cpp/access.hpp"
#include "wasm2cpp/function.hpp"
#include "wasm2cpp/memory.hpp"
#include "wasm2cpp/trap.hpp"

namespace wasm2cpp {
namespace {

#define GUEST __attribute__((noinline))

GUEST uint32_t guest_load32(uint8_t* base, uint32_t addr) {
  return load_at<uint32_t>(base + uint64_t{addr} + 4);
}
GUEST void guest_store64(uint8_t* base, uint32_t addr, uint64_t value) {
  store_at<uint64_t>(base + uint64_t{addr}, value);
}
GUEST v128 guest_load128_max(uint8_t* base, uint32_t addr, uint32_t offset) {
  return load_at<v128>(base + uint64_t{addr} + uint64_t{offset});
}
GUEST void guest_touch(uint8_t* base, uint32_t addr) { touch_at<uint16_t>(base + uint64_t{addr}); }

// A fault inside a library function (libc's memmove, with its own CFI).
GUEST void guest_copy_out(uint8_t* base, uint32_t addr, uint8_t* out, size_t len) {
  std::memmove(out, base + uint64_t{addr}, len);
}

// A chain of distinct frames with live values in registers on the way down.
GUEST uint64_t guest_deep(uint8_t* base, uint32_t addr, int depth) {
  if (depth == 0) return guest_load32(base, addr);
  uint64_t mix = uint64_t(depth) * 0x9e3779b97f4a7c15u;
  uint64_t below = guest_deep(base, addr + 1, depth - 1);
  return below ^ mix;
}

// How a genuine segfault ends the process: killed by SIGSEGV, or, under
// AddressSanitizer (whose handler the runtime's forwards to), its report.
#if defined(__SANITIZE_ADDRESS__)
#define WASM2CPP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WASM2CPP_ASAN 1
#endif
#endif
#if defined(WASM2CPP_ASAN)
#define EXPECT_SEGFAULT(statement) \
  EXPECT_EXIT(statement, ::testing::ExitedWithCode(1), "SEGV on unknown address")
#else
#define EXPECT_SEGFAULT(statement) EXPECT_EXIT(statement, ::testing::KilledBySignal(SIGSEGV), "")
#endif

// The same chain compiled without optimisation whatever the build type
// (frame-pointer code, values in stack slots), and, with GCC, optimised.
#if defined(__clang__)
#define GUEST_O0 __attribute__((noinline, optnone))
#define GUEST_O2 GUEST
#else
#define GUEST_O0 __attribute__((noinline, optimize("O0")))
#define GUEST_O2 __attribute__((noinline, optimize("O2")))
#endif
GUEST_O0 uint32_t guest_load32_o0(uint8_t* base, uint32_t addr) {
  return load_at<uint32_t>(base + uint64_t{addr} + 4);
}
GUEST_O0 uint64_t guest_deep_o0(uint8_t* base, uint32_t addr, int depth) {
  if (depth == 0) return guest_load32_o0(base, addr);
  uint64_t mix = uint64_t(depth) * 0x9e3779b97f4a7c15u;
  return guest_deep_o0(base, addr + 1, depth - 1) ^ mix;
}
GUEST_O2 uint32_t guest_load32_o2(uint8_t* base, uint32_t addr) {
  return load_at<uint32_t>(base + uint64_t{addr} + 4);
}
GUEST_O2 uint64_t guest_deep_o2(uint8_t* base, uint32_t addr, int depth) {
  if (depth == 0) return guest_load32_o2(base, addr);
  uint64_t mix = uint64_t(depth) * 0x9e3779b97f4a7c15u;
  return guest_deep_o2(base, addr + 1, depth - 1) ^ mix;
}

bool segv_blocked() {
  sigset_t current;
  sigprocmask(SIG_BLOCK, nullptr, &current);
  return sigismember(&current, SIGSEGV) || sigismember(&current, SIGBUS);
}

template <typename F>
TrapKind trap_kind_of(F&& f) {
  try {
    f();
  } catch (const Trap& t) {
    return t.kind();
  }
  return TrapKind::HostTrap;  // "did not trap"
}

class GuardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!memory_.guarded()) GTEST_SKIP() << "guard pages unsupported on this platform";
  }
  Memory memory_{Memory::Limits{1, 4}};
};

TEST_F(GuardTest, InBoundsAccessesWork) {
  guest_store64(memory_.data(), 100, 0x1122334455667788u);
  EXPECT_EQ(guest_load32(memory_.data(), 96), 0x55667788u);
  EXPECT_EQ(guest_load32(memory_.data(), kPageSize - 8), 0u);  // last 4 bytes of the page
}

TEST_F(GuardTest, LoadPastTheEndTraps) {
  EXPECT_EQ(trap_kind_of([&] { opaque_fn(&guest_load32)(memory_.data(), kPageSize - 7); }),
            TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(trap_kind_of([&] { opaque_fn(&guest_load32)(memory_.data(), 0xffffffffu); }),
            TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(trap_kind_of([&] { opaque_fn(&guest_store64)(memory_.data(), kPageSize - 4, 1); }),
            TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(trap_kind_of([&] { opaque_fn(&guest_touch)(memory_.data(), kPageSize); }),
            TrapKind::MemoryOutOfBounds);
  // The farthest possible access: u32 max address + u32 max offset + 16 bytes.
  EXPECT_EQ(trap_kind_of([&] { opaque_fn(&guest_load128_max)(memory_.data(), 0xffffffffu, 0xffffffffu); }),
            TrapKind::MemoryOutOfBounds);
  // The partial store at the boundary had no effect on the last in-bounds bytes.
  EXPECT_EQ(memory_.load<uint32_t>(kPageSize - 4), 0u);
  EXPECT_FALSE(segv_blocked());
}

TEST_F(GuardTest, GrowMakesPagesAccessibleAndTrapsMove) {
  EXPECT_EQ(trap_kind_of([&] { opaque_fn(&guest_load32)(memory_.data(), kPageSize); }),
            TrapKind::MemoryOutOfBounds);
  ASSERT_EQ(memory_.grow(1), 1);
  EXPECT_EQ(guest_load32(memory_.data(), kPageSize), 0u);
  EXPECT_EQ(trap_kind_of([&] { opaque_fn(&guest_load32)(memory_.data(), 2 * kPageSize - 4); }),
            TrapKind::MemoryOutOfBounds);
}

TEST_F(GuardTest, FaultDeepInACallChainUnwindsToTheHost) {
  // Values the host keeps across the call (callee-saved registers at -O2)
  // must survive unwinding through the trampoline.
  volatile uint64_t seed = 12345;
  uint64_t a = seed * 3, b = seed * 5, c = seed * 7, d = seed * 11, e = seed * 13;
  for (int depth : {0, 1, 5, 50, 500}) {
    bool trapped = false;
    try {
      opaque_fn(&guest_deep)(memory_.data(), kPageSize - 4 - uint32_t(depth) + 1, depth);
    } catch (const Trap& t) {
      trapped = t.kind() == TrapKind::MemoryOutOfBounds;
    }
    EXPECT_TRUE(trapped) << "depth " << depth;
    for (auto* chain : {&guest_deep_o0, &guest_deep_o2}) {
      trapped = false;
      try {
        opaque_fn(chain)(memory_.data(), kPageSize - 4 - uint32_t(depth) + 1, depth);
      } catch (const Trap& t) {
        trapped = t.kind() == TrapKind::MemoryOutOfBounds;
      }
      EXPECT_TRUE(trapped) << "depth " << depth;
    }
    // In bounds at the bottom of the chain: no trap.
    EXPECT_EQ(guest_deep(memory_.data(), 0, depth), guest_deep(memory_.data(), 0, depth));
  }
  EXPECT_EQ(a + b + c + d + e, seed * 39);
}

// guest_outer calls a host function (an import) that calls back into guest
// code which faults.
struct NestedEnv {
  uint8_t* base;
  Function<int32_t(int32_t)> host;
};
GUEST int32_t guest_inner(void* env, int32_t addr) {
  return int32_t(guest_load32(static_cast<NestedEnv*>(env)->base, uint32_t(addr)));
}
GUEST int32_t guest_outer(void* env, int32_t addr) {
  auto* e = static_cast<NestedEnv*>(env);
  return e->host(addr) + 1;
}

TEST_F(GuardTest, FaultInGuestCalledFromHostCalledFromGuest) {
  NestedEnv env{memory_.data(), {}};
  int caught_inside = 0;
  // The host callback catches the trap itself and recovers.
  env.host = [&](int32_t addr) -> int32_t {
    try {
      return opaque_fn(&guest_inner)(&env, addr);
    } catch (const Trap& t) {
      ++caught_inside;
      return t.kind() == TrapKind::MemoryOutOfBounds ? 1000 : -1;
    }
  };
  EXPECT_EQ(opaque_fn(&guest_outer)(&env, int32_t(kPageSize)), 1001);
  EXPECT_EQ(caught_inside, 1);
  EXPECT_EQ(opaque_fn(&guest_outer)(&env, 0), 1);

  // The host callback lets it propagate through the outer guest frames.
  env.host = [&](int32_t addr) -> int32_t {
    std::vector<int> owned(100, 7);  // cleanup in a frame between faults
    return opaque_fn(&guest_inner)(&env, addr) + owned[0];
  };
  EXPECT_EQ(trap_kind_of([&] { opaque_fn(&guest_outer)(&env, -1); }), TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(opaque_fn(&guest_outer)(&env, 0), 8);
}

TEST_F(GuardTest, ThousandsOfFaultsLeaveNoResidue) {
  int traps = 0;
  for (int i = 0; i < 20000; ++i) {
    try {
      opaque_fn(&guest_load32)(memory_.data(), kPageSize + uint32_t(i) * 4096);
    } catch (const Trap&) {
      ++traps;
    }
  }
  EXPECT_EQ(traps, 20000);
  EXPECT_FALSE(segv_blocked());
  // Still fine for ordinary trap() throws and in-bounds code.
  EXPECT_EQ(trap_kind_of([] { trap(TrapKind::Unreachable); }), TrapKind::Unreachable);
  EXPECT_EQ(guest_load32(memory_.data(), 0), 0u);
}

TEST_F(GuardTest, FaultsOnSeveralThreadsAtOnce) {
  Memory second(Memory::Limits{1, 1});
  ASSERT_TRUE(second.guarded());
  std::atomic<int> total{0};
  std::atomic<bool> go{false};
  auto worker = [&](Memory& m) {
    while (!go.load()) {
    }
    int local = 0;
    for (int i = 0; i < 5000; ++i) {
      try {
        opaque_fn(&guest_load32)(m.data(), kPageSize + uint32_t(i));
      } catch (const Trap& t) {
        if (t.kind() == TrapKind::MemoryOutOfBounds) ++local;
      }
    }
    total += local;
    EXPECT_FALSE(segv_blocked());
  };
  std::thread t1(worker, std::ref(memory_)), t2(worker, std::ref(second)),
      t3(worker, std::ref(memory_));
  go = true;
  t1.join();
  t2.join();
  t3.join();
  EXPECT_EQ(total.load(), 15000);
}

TEST_F(GuardTest, FaultInsideALibraryFunction) {
  std::vector<uint8_t> out(4096);
  volatile size_t len = out.size();  // a runtime length: a real call to memmove
  opaque_fn(&guest_copy_out)(memory_.data(), kPageSize - 4096, out.data(), len);
  EXPECT_EQ(trap_kind_of([&] {
              opaque_fn(&guest_copy_out)(memory_.data(), kPageSize - 100, out.data(), len);
            }),
            TrapKind::MemoryOutOfBounds);
}

TEST_F(GuardTest, FaultOnAThreadWithAnAlternateSignalStack) {
  TrapKind kind = TrapKind::HostTrap;
  std::thread thread([&] {
    std::vector<char> alt(64 * 1024);
    stack_t ss = {};
    ss.ss_sp = alt.data();
    ss.ss_size = alt.size();
    ASSERT_EQ(sigaltstack(&ss, nullptr), 0);
    kind = trap_kind_of([&] { opaque_fn(&guest_load32)(memory_.data(), kPageSize); });
    // The handler ran on the alternate stack; the trap unwound the thread's own.
    kind = trap_kind_of([&] { opaque_fn(&guest_load32)(memory_.data(), kPageSize); });
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, nullptr);
  });
  thread.join();
  EXPECT_EQ(kind, TrapKind::MemoryOutOfBounds);
}

// A host handler installed after the runtime's, delegating as documented.
std::atomic<int> g_host_handler_calls{0};
void delegating_handler(int sig, siginfo_t* info, void* context) {
  g_host_handler_calls.fetch_add(1);
  if (handle_guard_fault(sig, info, context)) return;
  _exit(3);
}

TEST_F(GuardTest, HostHandlerInstalledLaterCanDelegate) {
  struct sigaction mine = {}, previous = {};
  mine.sa_sigaction = delegating_handler;
  mine.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigemptyset(&mine.sa_mask);
  ASSERT_EQ(sigaction(SIGSEGV, &mine, &previous), 0);
  TrapKind kind = trap_kind_of([&] { opaque_fn(&guest_load32)(memory_.data(), kPageSize); });
  sigaction(SIGSEGV, &previous, nullptr);
  EXPECT_EQ(kind, TrapKind::MemoryOutOfBounds);
  EXPECT_EQ(g_host_handler_calls.load(), 1);
  siginfo_t not_ours = {};
  not_ours.si_code = SEGV_MAPERR;
  not_ours.si_addr = reinterpret_cast<void*>(uintptr_t{64});
  EXPECT_FALSE(handle_guard_fault(SIGSEGV, &not_ours, nullptr));
  not_ours.si_addr = memory_.data() + kPageSize;
  EXPECT_FALSE(handle_guard_fault(SIGUSR1, &not_ours, nullptr));
}

TEST_F(GuardTest, FaultsAfterAMemoryIsDestroyedAreNotTraps) {
  ::testing::FLAGS_gtest_death_test_style = "threadsafe";
  EXPECT_SEGFAULT(
      {
        auto* m = new Memory(Memory::Limits{1, 1});
        uint8_t* stale = m->data();
        delete m;
        volatile uint32_t value = guest_load32(stale, 0);
        (void)value;
      });
}

TEST(GuardDeathTest, GenuineSegfaultStillCrashes) {
  ::testing::FLAGS_gtest_death_test_style = "threadsafe";
  EXPECT_SEGFAULT(
      {
        Memory m(Memory::Limits{1, 1});
        (void)trap_kind_of([&] { opaque_fn(&guest_load32)(m.data(), kPageSize); });  // handler in place
        volatile uint32_t value = guest_load32(reinterpret_cast<uint8_t*>(uintptr_t{64}), 0);
        (void)value;
      });
}

void user_segv_handler(int) { _exit(42); }

TEST(GuardDeathTest, ForeignFaultsReachThePreviousHandler) {
  ::testing::FLAGS_gtest_death_test_style = "threadsafe";
  EXPECT_EXIT(
      {
        struct sigaction sa = {};
        sa.sa_handler = user_segv_handler;
        sigaction(SIGSEGV, &sa, nullptr);
        Memory m(Memory::Limits{1, 1});
        if (trap_kind_of([&] { opaque_fn(&guest_load32)(m.data(), kPageSize); }) !=
            TrapKind::MemoryOutOfBounds)
          _exit(1);
        volatile uint32_t value = guest_load32(reinterpret_cast<uint8_t*>(uintptr_t{64}), 0);
        (void)value;
        _exit(2);
      },
      ::testing::ExitedWithCode(42), "");
}

}  // namespace
}  // namespace wasm2cpp
