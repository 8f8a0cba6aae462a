// Driver for lit-tests/emit/atomics.test: prints each result, or the trap.
#include <cstdio>

#include "atomics.hpp"

template <typename F>
void show(const char* what, F&& call) {
  try {
    std::printf("%s = %lld\n", what, static_cast<long long>(call()));
  } catch (const wasm2cpp::Trap& trap) {
    std::printf("%s trapped: %s\n", what, trap.what());
  }
}

int main() {
  atomics::Instance instance;
  show("rmw8_add(1, 250)", [&] { return instance.rmw8_add(1, 250); });
  show("rmw8_add(1, 0x107)", [&] { return instance.rmw8_add(1, 0x107); });  // wraps to 8 bits
  show("cmpxchg16(4, 0x10001, 9)", [&] { return instance.cmpxchg16(4, 0x10001, 9); });  // expected wraps to 1: stores
  show("load32(4)", [&] { return instance.load32(4); });
  show("store_load(8, -1)", [&] { return instance.store_load(8, -1); });
  show("wait(16, 0, 1000)", [&] { return instance.wait(16, 0, 1000); });
  show("wait(16, 1, -1)", [&] { return instance.wait(16, 1, -1); });
  show("notify(0)", [&] { return instance.notify(0); });
  show("load32(2)", [&] { return instance.load32(2); });
  show("load32(65536 * 2)", [&] { return instance.load32(65536 * 2); });
  show("rmw8_add(65533, 1)", [&] { return instance.rmw8_add(65533, 1); });
}
