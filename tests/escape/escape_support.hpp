// Helpers shared by the sandbox-escape tests (header only: the test sources
// include it from their own directory).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "wasm2cpp/trap.hpp"

namespace escape {

// Runs `f` and expects a wasm2cpp::Trap of `kind`; `what` names the case in
// failure messages. A missing trap and a trap of another kind both fail.
template <typename F>
void expect_trap(F&& f, wasm2cpp::TrapKind kind, const std::string& what) {
  try {
    std::forward<F>(f)();
    ADD_FAILURE() << what << ": no trap";
  } catch (const wasm2cpp::Trap& trap) {
    EXPECT_EQ(trap.kind(), kind) << what << ": " << trap.what();
  }
}

}  // namespace escape
