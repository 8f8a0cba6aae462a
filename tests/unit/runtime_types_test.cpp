// Function types are interned process-wide; Function<> wraps callables.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "wasm2cpp/function.hpp"
#include "wasm2cpp/trap.hpp"
#include "wasm2cpp/types.hpp"

namespace wasm2cpp {
namespace {

TEST(RuntimeTypes, InternGivesOnePointerPerSignature) {
  TypeId a = intern_func_type("ii:i");
  std::string copy = "ii:i";
  TypeId b = intern_func_type(copy);
  copy[0] = 'I';  // the interned entry must not alias the caller's string
  EXPECT_EQ(a, b);
  EXPECT_EQ(a->signature, "ii:i");
  EXPECT_NE(a, intern_func_type("ii:I"));
  EXPECT_NE(a, intern_func_type("ii:"));
  EXPECT_EQ(intern_func_type(":"), intern_func_type(std::string(":")));
}

TEST(RuntimeTypes, InternIsThreadSafe) {
  constexpr int kThreads = 4, kSignatures = 500;
  std::vector<std::vector<TypeId>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < kSignatures; ++i)
        seen[t].push_back(intern_func_type("concurrent" + std::to_string(i) + ":i"));
    });
  }
  for (auto& th : threads) th.join();
  std::set<TypeId> distinct(seen[0].begin(), seen[0].end());
  EXPECT_EQ(distinct.size(), size_t{kSignatures});
  for (int t = 1; t < kThreads; ++t) EXPECT_EQ(seen[t], seen[0]);
}

TEST(RuntimeTypes, SignatureOfMatchesLetters) {
  EXPECT_EQ(SignatureOf<int32_t(int32_t, int64_t)>::string(), "iI:i");
  EXPECT_EQ(SignatureOf<void(float, double, v128)>::string(), "fFv:");
  EXPECT_EQ((SignatureOf<std::tuple<int32_t, ExternRef>(FuncRef)>::string()), "r:ie");
  EXPECT_EQ(SignatureOf<void()>::string(), ":");
  EXPECT_EQ(SignatureOf<int32_t(int32_t, int64_t)>::id(), intern_func_type("iI:i"));
}

int32_t add_with_env(void* env, int32_t a, int32_t b) { return a + b + *static_cast<int32_t*>(env); }

TEST(RuntimeTypes, FunctionFromRawPointer) {
  int32_t bias = 100;
  Function<int32_t(int32_t, int32_t)> f(&add_with_env, &bias);
  EXPECT_TRUE(f);
  EXPECT_EQ(f(1, 2), 103);
  EXPECT_EQ(f.owner(), nullptr);
  FuncRef ref = f.ref();
  EXPECT_EQ(ref.type, intern_func_type("ii:i"));
  EXPECT_EQ(ref.env, &bias);
  auto back = Function<int32_t(int32_t, int32_t)>::from_ref(ref);
  EXPECT_EQ(back(5, 5), 110);
}

TEST(RuntimeTypes, FunctionFromLambdas) {
  Function<int64_t(int64_t)> twice = [](int64_t x) { return 2 * x; };
  EXPECT_EQ(twice(21), 42);

  int calls = 0;
  Function<void(int32_t)> count = [&calls](int32_t n) { calls += n; };
  count(3);
  count(4);
  EXPECT_EQ(calls, 7);

  // Copies share the stored callable (and its state).
  auto shared_state = std::make_shared<int>(0);
  Function<int32_t()> counter = [shared_state] { return ++*shared_state; };
  Function<int32_t()> copy = counter;
  EXPECT_EQ(counter(), 1);
  EXPECT_EQ(copy(), 2);
  EXPECT_NE(counter.owner(), nullptr);
  EXPECT_EQ(shared_state.use_count(), 2);  // one stored lambda, plus ours
  counter = {};
  EXPECT_EQ(copy(), 3);
  copy = {};
  EXPECT_EQ(shared_state.use_count(), 1);
  EXPECT_FALSE(copy);
}

// Counts the live copies of itself: a callable whose destruction is visible.
struct Counted {
  static inline int alive = 0;
  static inline int destroyed = 0;
  int value;
  explicit Counted(int v) : value(v) { ++alive; }
  Counted(const Counted& o) : value(o.value) { ++alive; }
  Counted(Counted&& o) noexcept : value(o.value) { ++alive; }
  ~Counted() {
    --alive;
    ++destroyed;
  }
  int32_t operator()(int32_t x) const { return x + value; }
};

TEST(RuntimeTypes, OwnerSharesAndDestroysOnce) {
  Counted::alive = Counted::destroyed = 0;
  Owner empty;
  EXPECT_EQ(empty, nullptr);
  EXPECT_FALSE(empty);
  EXPECT_EQ(empty.get(), nullptr);
  EXPECT_EQ(empty.use_count(), 0);
  {
    Owner a = Owner::make<Counted>(7);
    EXPECT_NE(a, nullptr);
    EXPECT_EQ(static_cast<Counted*>(a.get())->value, 7);
    EXPECT_EQ(Counted::alive, 1);
    Owner b = a;
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.use_count(), 2);
    Owner c = std::move(b);
    EXPECT_EQ(b, nullptr);  // NOLINT(bugprone-use-after-move): moved-from is empty
    EXPECT_EQ(a.use_count(), 2);
    a = nullptr;
    EXPECT_EQ(Counted::alive, 1);
    EXPECT_EQ(c.use_count(), 1);
    a = c;
    c = Owner();
    EXPECT_EQ(Counted::alive, 1);
  }
  EXPECT_EQ(Counted::alive, 0);
  EXPECT_EQ(Counted::destroyed, 1);
}

TEST(RuntimeTypes, OwnerCountsAcrossThreads) {
  Counted::alive = Counted::destroyed = 0;
  {
    Owner shared = Owner::make<Counted>(1);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&shared] {
        for (int i = 0; i < 10000; ++i) Owner copy = shared;
      });
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(shared.use_count(), 1);
  }
  EXPECT_EQ(Counted::alive, 0);
  EXPECT_EQ(Counted::destroyed, 1);
}

// Copying a Function shares its callable: it is destroyed exactly once, when
// the last copy goes away.
TEST(RuntimeTypes, FunctionCopiesShareTheCallable) {
  Counted::alive = Counted::destroyed = 0;
  std::vector<Function<int32_t(int32_t)>> copies;
  {
    Function<int32_t(int32_t)> f = Counted(10);
    EXPECT_EQ(Counted::alive, 1);  // the temporary is gone, one stored copy
    for (int i = 0; i < 3; ++i) copies.push_back(f);
    EXPECT_EQ(f.owner().use_count(), 4);
    EXPECT_EQ(Counted::alive, 1);
  }
  EXPECT_EQ(Counted::alive, 1);
  EXPECT_EQ(copies[2](5), 15);
  Function<int32_t(int32_t)> again = Function<int32_t(int32_t)>::from_ref(copies[0].ref(), copies[0].owner());
  copies.clear();
  EXPECT_EQ(Counted::alive, 1);  // `again` shares ownership
  EXPECT_EQ(again(1), 11);
  again = {};
  EXPECT_EQ(Counted::alive, 0);
  EXPECT_EQ(Counted::destroyed, 2);  // the temporary, then the stored one
}

TEST(RuntimeTypes, FunctionCanThrowTrapThroughIt) {
  Function<void()> f = [] { trap(TrapKind::Unreachable); };
  try {
    f();
    FAIL() << "no trap";
  } catch (const Trap& t) {
    EXPECT_EQ(t.kind(), TrapKind::Unreachable);
    EXPECT_STREQ(t.what(), "unreachable");
  }
}

TEST(RuntimeTypes, TrapMessagesAreTheSpecOnes) {
  EXPECT_STREQ(trap_message(TrapKind::MemoryOutOfBounds), "out of bounds memory access");
  EXPECT_STREQ(trap_message(TrapKind::IndirectCallTypeMismatch), "indirect call type mismatch");
  EXPECT_STREQ(trap_message(TrapKind::CallStackExhausted), "call stack exhausted");
  Trap custom(TrapKind::HostTrap, "host said no");
  EXPECT_EQ(custom.kind(), TrapKind::HostTrap);
  EXPECT_STREQ(custom.what(), "host said no");
}

}  // namespace
}  // namespace wasm2cpp
