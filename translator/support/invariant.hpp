// Always-on checks of the translator's own invariants: conditions that
// decoding and validation already guarantee, where a violation would not be
// bad input (that is an Error) but a translator bug that would otherwise
// emit wrong C++ silently. One compare each, off the hot paths' common
// case; unlike assert() they stay in Release builds, because a silently
// miscompiled module is worse than a stopped translation.
#pragma once

namespace wasm2cpp {

// Prints "wasm2cpp: internal error: <what> (file:line)" and aborts.
[[noreturn]] void invariant_failed(const char* what, const char* file, int line);

}  // namespace wasm2cpp

#define WASM2CPP_INVARIANT(condition) \
  ((condition) ? void(0) : ::wasm2cpp::invariant_failed(#condition, __FILE__, __LINE__))
