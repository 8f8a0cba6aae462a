// Guaranteed tail calls (return_call, return_call_indirect) for generated
// code. See docs/generated-code.md, "Tail calls".
//
// A function that a tail call may reach gets a second entry point, its tail
// entry: `R tail_fn(wasm2cpp::TailCall* tc)`. It reads its arguments from the
// buffer in `tc` (and its environment from tc->env), then runs the same body
// as the ordinary entry. A tail call inside a tail entry writes the callee's
// arguments into the same buffer and then
//   - with clang: jumps to the callee's tail entry ([[clang::musttail]]: all
//     tail entries with the same results have the same C++ signature);
//   - otherwise: stores the callee's tail entry in tc->next and returns to the
//     trampoline loop (run_tail_calls), which calls it.
// Either way the native stack does not grow. An ordinary entry that performs
// a tail call starts the trampoline in its own frame.
//
// Results never go through the buffer: every function in one chain of tail
// calls has the same result types (a validation rule), so the tail entries
// simply return them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "wasm2cpp/table_core.hpp"
#include "wasm2cpp/trap_kind.hpp"
#include "wasm2cpp/value_types.hpp"

#if defined(__clang__) && defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::musttail)
#define WASM2CPP_HAS_MUSTTAIL 1
#endif
#endif
#ifndef WASM2CPP_HAS_MUSTTAIL
#define WASM2CPP_HAS_MUSTTAIL 0
#endif

namespace wasm2cpp {

struct TailCall;
// A type-erased tail entry: really `R (*)(TailCall*)` for the chain's R.
using ErasedTailEntry = void (*)();

// The state of one trampoline: lives in the frame of the ordinary entry that
// started it.
struct TailCall {
  // The tail entry to run next; null once the last one has returned. Each
  // tail entry clears it on entry (after reading its arguments).
  ErasedTailEntry next;
  // The environment (instance Context) of the function to run next.
  void* env;
  // Argument buffer: `capacity` bytes, 16-byte aligned.
  unsigned char* data;
  uint32_t capacity;
};

// Every trampoline buffer holds at least this many bytes, so tail calls whose
// arguments fit need no capacity check.
inline constexpr uint32_t kTailCallMinCapacity = 128;

// Arguments are stored in order, each at the next multiple of its alignment,
// byte-copied (the buffer is untyped storage).
template <typename T>
inline void tail_put(unsigned char* at, T value) noexcept {
  static_assert(std::is_trivially_copyable_v<T>);
  std::memcpy(at, &value, sizeof(T));
}

template <typename T>
inline T tail_get(const unsigned char* at) noexcept {
  static_assert(std::is_trivially_copyable_v<T>);
  T value;
  std::memcpy(&value, at, sizeof(T));
  return value;
}

template <typename R>
using TailEntry = R (*)(TailCall*);

// The trampoline: runs `entry` (whose arguments are already in tc->data) and
// every tail entry it hands on to, in this frame. Not inlined into callers
// in practice (it is small; either way the stack does not grow per call).
template <typename R>
inline R run_tail_calls(TailCall* tc, TailEntry<R> entry) {
  if constexpr (std::is_void_v<R>) {
    entry(tc);
    while (tc->next != nullptr) reinterpret_cast<TailEntry<R>>(tc->next)(tc);
  } else {
    R result = entry(tc);
    while (tc->next != nullptr) result = reinterpret_cast<TailEntry<R>>(tc->next)(tc);
    return result;
  }
}

// return_call_indirect's target: call_indirect's checks, in the spec's order
// (index in bounds, not null, exact type), without the call.
inline FuncRef tail_call_target(FuncTable* table, uint32_t index, TypeId type) {
  if (index >= table->size()) [[unlikely]]
    trap(TrapKind::UndefinedElement);
  const FuncRef ref = table->elements()[index];
  if (ref.code == nullptr) [[unlikely]]
    trap(TrapKind::UninitializedElement);
  if (ref.type != type) [[unlikely]]
    trap(TrapKind::IndirectCallTypeMismatch);
  return ref;
}

// ---- The tail-entry registry -------------------------------------------
//
// return_call_indirect (and return_call to an import) only has a FuncRef:
// the ordinary entry's code pointer. Every translated module that uses tail
// calls registers (ordinary entry -> tail entry) for its functions that a
// funcref can reach (element segments, ref.func, exports), so a tail call
// through a funcref into any such module stays constant-space. Anything
// else (host functions, modules without tail calls) is simply called: a
// host frame is not wasm recursion.

struct TailEntryPair {
  void (*code)();
  ErasedTailEntry entry;
};

// Registers `count` pairs for the lifetime of the object (a namespace-scope
// static in the generated .cpp; unregistered when the code is unloaded).
class TailEntryRegistration {
 public:
  TailEntryRegistration(const TailEntryPair* pairs, size_t count);
  template <size_t N>
  explicit TailEntryRegistration(const TailEntryPair (&pairs)[N])
      : TailEntryRegistration(pairs, N) {}
  ~TailEntryRegistration();
  TailEntryRegistration(const TailEntryRegistration&) = delete;
  TailEntryRegistration& operator=(const TailEntryRegistration&) = delete;

 private:
  const TailEntryPair* pairs_;
  size_t count_;
};

// The registered tail entry for an ordinary entry, or null. Lock-free: one
// hash probe sequence in an immutable table.
ErasedTailEntry find_tail_entry(void (*code)()) noexcept;

template <typename R>
inline TailEntry<R> find_tail_entry_as(void (*code)()) noexcept {
  return reinterpret_cast<TailEntry<R>>(find_tail_entry(code));
}

}  // namespace wasm2cpp

// Inside a tail entry, after the arguments are in tc->data: continue with
// `entry` (a TailEntry<R>) in constant stack space. The trailing arguments
// are the dummy return value (nothing for void results, `{}` otherwise).
#if WASM2CPP_HAS_MUSTTAIL
#define WASM2CPP_TAIL_JUMP(tc, entry, ...) [[clang::musttail]] return (entry)(tc)
#else
#define WASM2CPP_TAIL_JUMP(tc, entry, ...)                        \
  do {                                                            \
    (tc)->next = reinterpret_cast<::wasm2cpp::ErasedTailEntry>(entry); \
    return __VA_ARGS__;                                           \
  } while (0)
#endif
