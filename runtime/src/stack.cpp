// Per-thread stack limits for WASM2CPP_STACK_CHECK().
//
// The limit starts at the top of the address space, so the first check on
// every thread lands in stack_check_slow(), which looks up the thread's real
// stack bounds and stores `lowest usable address + margin`. From then on the
// check is one compare; a frame below the limit raises CallStackExhausted
// while `margin` bytes are still free for the unwinder and the host's
// handler.
#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <cstdint>

#include "wasm2cpp/stack.hpp"

namespace wasm2cpp::detail {

namespace {
constexpr uintptr_t kUninitialised = ~uintptr_t{0};
// With an unlimited stack rlimit, glibc reports the main thread's stack as
// reaching down to the next mapping (terabytes). Trust at most this much, so
// runaway recursion traps instead of eating all memory.
constexpr uintptr_t kMaxTrustedStack = uintptr_t{256} << 20;
std::atomic<uint64_t> g_margin{256 * 1024};

// Lowest address and size of the calling thread's stack; false if unknown.
bool current_stack_bounds(uintptr_t& low, uintptr_t& size) {
#if defined(__APPLE__)
  pthread_t self = pthread_self();
  auto high = reinterpret_cast<uintptr_t>(pthread_get_stackaddr_np(self));
  size = pthread_get_stacksize_np(self);
  low = high - size;
#else
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return false;
  void* addr = nullptr;
  size_t bytes = 0;
  int rc = pthread_attr_getstack(&attr, &addr, &bytes);
  pthread_attr_destroy(&attr);
  if (rc != 0 || addr == nullptr || bytes == 0) return false;
  low = reinterpret_cast<uintptr_t>(addr);
  size = bytes;
#endif
  if (size > kMaxTrustedStack) {
    low += size - kMaxTrustedStack;
    size = kMaxTrustedStack;
  }
  return true;
}
}  // namespace

thread_local constinit uintptr_t stack_limit = kUninitialised;

void stack_check_slow(char* frame) {
  if (stack_limit == kUninitialised) {
    uintptr_t low = 0, size = 0;
    if (!current_stack_bounds(low, size)) {
      stack_limit = 0;  // unknown bounds: checks are disabled on this thread
      return;
    }
    // Small stacks (a 512 KiB thread) keep half of themselves usable.
    uint64_t margin = std::min<uint64_t>(g_margin.load(std::memory_order_relaxed), size / 2);
    stack_limit = low + margin;
  }
  if (reinterpret_cast<uintptr_t>(frame) < stack_limit) trap(TrapKind::CallStackExhausted);
}

void set_stack_margin(uint64_t bytes) { g_margin.store(bytes, std::memory_order_relaxed); }

}  // namespace wasm2cpp::detail
