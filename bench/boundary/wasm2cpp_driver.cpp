// Boundary benchmark through a wasm2cpp-generated module (guard or explicit
// bounds checks, with or without LTO: the CMake target decides).
#include "guest.hpp"
#include "harness.hpp"

#ifndef BOUNDARY_ENGINE
#define BOUNDARY_ENGINE "wasm2cpp"
#endif

namespace {

struct Wasm2cppEngine {
  guest::Instance& instance;
  int32_t add(int32_t a, int32_t b) { return instance.add(a, b); }
  int32_t call_host(int32_t n) { return instance.call_host(n); }
  int32_t sum(uint32_t len) { return instance.sum(static_cast<int32_t>(len)); }
  void fill(uint32_t len, uint32_t seed) {
    instance.fill(static_cast<int32_t>(len), static_cast<int32_t>(seed));
  }
  // The host's view of the guest's buffer: a span into linear memory itself.
  uint8_t* bytes() {
    const auto offset = static_cast<uint32_t>(instance.buffer_ptr());
    return instance.memory().view<uint8_t>(offset, boundary::kBufferBytes).data();
  }
};

}  // namespace

int main() {
  // A capture-less lambda: the cheapest host function a user can write.
  guest::Imports imports{.env_host_add = [](int32_t a, int32_t b) { return a + b; }};
  guest::Instance instance(imports);
  Wasm2cppEngine engine{instance};
  boundary::run_all(BOUNDARY_ENGINE, engine);
  return 0;
}
