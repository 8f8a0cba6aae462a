// The native baseline: guest.c compiled for the host in its own translation
// unit without LTO, so each call is a plain, non-inlined C call.
#include "harness.hpp"

extern "C" {
int32_t add(int32_t a, int32_t b);
int32_t call_host(int32_t n);
uint32_t sum(uint32_t len);
void fill(uint32_t len, uint32_t seed);
uint8_t* native_buffer(void);

// What the guest imports; noinline keeps it a real call even though this
// translation unit is the only one that sees its body.
__attribute__((noinline)) int32_t host_add(int32_t a, int32_t b) { return a + b; }
}

namespace {

struct NativeEngine {
  int32_t add(int32_t a, int32_t b) { return ::add(a, b); }
  int32_t call_host(int32_t n) { return ::call_host(n); }
  int32_t sum(uint32_t len) { return static_cast<int32_t>(::sum(len)); }
  void fill(uint32_t len, uint32_t seed) { ::fill(len, seed); }
  uint8_t* bytes() { return native_buffer(); }
};

}  // namespace

int main() {
  NativeEngine engine;
  boundary::run_all("native", engine);
  return 0;
}
