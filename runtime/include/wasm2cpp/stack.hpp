// Stack-exhaustion protection at the cost of one compare per call: each
// generated function that can recurse compares its stack pointer with a
// per-thread limit. The limit starts at the top of the address space, so the
// first check on a new thread takes the slow path, which computes the real
// limit (the thread's stack bounds minus a safety margin for the trap's own
// unwinding) and returns; later failures raise CallStackExhausted.
#pragma once

#include <cstdint>

#include "wasm2cpp/trap_kind.hpp"

namespace wasm2cpp::detail {

// An address (not a pointer: a constant initialiser cannot be a
// reinterpret_cast) so that its initial value can be the top of the address
// space.
extern thread_local constinit uintptr_t stack_limit
#if defined(__ELF__)
    __attribute__((tls_model("initial-exec")))
#endif
    ;

// Slow path: initialise this thread's limit, or trap if it is exhausted.
void stack_check_slow(char* frame);

// Set the margin (bytes kept free below the limit) for threads initialised
// after this call. Default 256 KiB.
void set_stack_margin(uint64_t bytes);

}  // namespace wasm2cpp::detail

// The current stack pointer. __builtin_frame_address(0) would do, but it
// forces a frame pointer (push/mov/pop) into every function that checks;
// reading the stack pointer costs one register move and sees the bottom of
// the frame rather than its top, which is the more precise bound. The asm is
// not volatile: the value is constant inside the function body, so the
// compiler may schedule it freely.
#if defined(__GNUC__) && defined(__x86_64__)
#define WASM2CPP_READ_STACK_POINTER_(var) __asm__("mov %%rsp, %0" : "=r"(var))
#elif defined(__GNUC__) && defined(__aarch64__)
#define WASM2CPP_READ_STACK_POINTER_(var) __asm__("mov %0, sp" : "=r"(var))
#else
#define WASM2CPP_READ_STACK_POINTER_(var) var = static_cast<char*>(__builtin_frame_address(0))
#endif

#define WASM2CPP_STACK_CHECK()                                                         \
  do {                                                                                 \
    char* wasm2cpp_frame_;                                                             \
    WASM2CPP_READ_STACK_POINTER_(wasm2cpp_frame_);                                     \
    if (__builtin_expect(reinterpret_cast<uintptr_t>(wasm2cpp_frame_) <                \
                             ::wasm2cpp::detail::stack_limit,                          \
                         0))                                                           \
      ::wasm2cpp::detail::stack_check_slow(wasm2cpp_frame_);                           \
  } while (0)

// For functions whose frame is large (many locals): the check at entry sees
// the top of the frame, so also require `frame_bytes` (an upper estimate of
// the frame size) below it to stay above the limit. Without this, a frame
// larger than the margin could step over the guard page below the stack.
#define WASM2CPP_STACK_CHECK_FRAME(frame_bytes)                                        \
  do {                                                                                 \
    char* wasm2cpp_frame_;                                                             \
    WASM2CPP_READ_STACK_POINTER_(wasm2cpp_frame_);                                     \
    wasm2cpp_frame_ -= (frame_bytes);                                                  \
    if (__builtin_expect(reinterpret_cast<uintptr_t>(wasm2cpp_frame_) <                \
                             ::wasm2cpp::detail::stack_limit,                          \
                         0))                                                           \
      ::wasm2cpp::detail::stack_check_slow(wasm2cpp_frame_);                           \
  } while (0)
