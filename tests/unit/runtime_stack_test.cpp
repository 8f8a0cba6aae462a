// Stack exhaustion: WASM2CPP_STACK_CHECK() traps with CallStackExhausted
// before the native stack runs out, on the main thread and on threads with
// small stacks, and the thread stays usable.
#include <gtest/gtest.h>
#include <pthread.h>

#include <algorithm>
#include <cstdint>

#include "wasm2cpp/function.hpp"
#include "wasm2cpp/stack.hpp"
#include "wasm2cpp/trap.hpp"

namespace wasm2cpp {
namespace {

thread_local uintptr_t t_lowest_frame = ~uintptr_t{0};

// Unbounded recursion shaped like generated code (check first, no objects
// with destructors). Called through opaque_fn() so the compiler can neither
// turn the recursion into a loop nor prove it nothrow.
__attribute__((noinline)) uint64_t recurse(uint64_t depth) {
  WASM2CPP_STACK_CHECK();
  volatile char pad[96];
  pad[depth % sizeof(pad)] = char(depth);
  t_lowest_frame = std::min(t_lowest_frame, reinterpret_cast<uintptr_t>(__builtin_frame_address(0)));
  return opaque_fn(&recurse)(depth + 1) + pad[0];
}

__attribute__((noinline)) uint64_t bounded(uint64_t depth) {
  WASM2CPP_STACK_CHECK();
  return depth == 0 ? 0 : 1 + opaque_fn(&bounded)(depth - 1);
}

// A function with a large frame: the check must account for all of it.
__attribute__((noinline)) uint64_t big_frame(uint64_t depth) {
  WASM2CPP_STACK_CHECK_FRAME(300 * 1024);
  volatile char locals[300 * 1024];
  locals[0] = char(depth);
  locals[sizeof(locals) - 1] = char(depth);
  return opaque_fn(&big_frame)(depth + 1) + locals[0];
}

bool exhausts_stack() {
  try {
    opaque_fn(&recurse)(0);
  } catch (const Trap& t) {
    return t.kind() == TrapKind::CallStackExhausted;
  }
  return false;
}

struct StackBounds {
  uintptr_t low = 0, size = 0;
};
StackBounds current_stack() {
  pthread_attr_t attr;
  StackBounds b;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return b;
  void* addr;
  size_t size;
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  b.low = reinterpret_cast<uintptr_t>(addr);
  b.size = size;
  return b;
}

// Runs `body` on a new thread with a stack of `stack_bytes`.
template <typename F>
void run_on_thread(size_t stack_bytes, F body) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, stack_bytes), 0);
  pthread_t thread;
  auto entry = [](void* arg) -> void* {
    (*static_cast<F*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, entry, &body), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

TEST(RuntimeStack, UnboundedRecursionTrapsOnTheMainThread) {
  EXPECT_TRUE(exhausts_stack());
  EXPECT_TRUE(exhausts_stack());  // again: the thread is still usable
  EXPECT_EQ(bounded(1000), 1000u);
}

TEST(RuntimeStack, UnboundedRecursionTrapsOnASmallThread) {
  bool first = false, second = false;
  uint64_t after = 0;
  StackBounds bounds;
  uintptr_t lowest = 0;
  run_on_thread(512 * 1024, [&] {
    first = exhausts_stack();
    second = exhausts_stack();
    after = bounded(500);
    bounds = current_stack();
    lowest = t_lowest_frame;
  });
  EXPECT_TRUE(first);
  EXPECT_TRUE(second);
  EXPECT_EQ(after, 500u);
  // Half of a 512 KiB stack stays free for unwinding: the deepest frame sits
  // just above low + 256 KiB, so the recursion used most of the other half.
  ASSERT_NE(bounds.low, 0u);
  EXPECT_GE(lowest, bounds.low + 256 * 1024);
  EXPECT_LT(lowest, bounds.low + 256 * 1024 + 4096);
}

TEST(RuntimeStack, MarginAppliesToThreadsInitialisedLater) {
  detail::set_stack_margin(1024 * 1024);
  StackBounds bounds;
  uintptr_t lowest = 0;
  bool trapped = false;
  run_on_thread(4 * 1024 * 1024, [&] {
    trapped = exhausts_stack();
    bounds = current_stack();
    lowest = t_lowest_frame;
  });
  detail::set_stack_margin(256 * 1024);
  EXPECT_TRUE(trapped);
  EXPECT_GE(lowest, bounds.low + 1024 * 1024);
  EXPECT_LT(lowest, bounds.low + 1024 * 1024 + 4096);
}

TEST(RuntimeStack, LargeFramesAreAccountedFor) {
  // Each frame (300 KiB) is larger than the margin; without the frame size in
  // the check, the last frame would overrun the 1 MiB stack.
  bool trapped = false;
  run_on_thread(1024 * 1024, [&] {
    try {
      opaque_fn(&big_frame)(0);
    } catch (const Trap& t) {
      trapped = t.kind() == TrapKind::CallStackExhausted;
    }
  });
  EXPECT_TRUE(trapped);
}

TEST(RuntimeStack, DeepButBoundedRecursionIsFine) {
  uint64_t result = 0;
  run_on_thread(8 * 1024 * 1024, [&] { result = bounded(20000); });
  EXPECT_EQ(result, 20000u);
}

}  // namespace
}  // namespace wasm2cpp
