// Boundary benchmark through Debian's wabt wasm2c (1.0.x API) and its own
// runtime (libwasm-rt-impl). A real host must catch traps on every entry
// into the guest: wasm2c's way is wasm_rt_impl_try() (a setjmp; sigsetjmp
// in the default signal-handler bounds-check mode) before each call. Build
// with BOUNDARY_WASM2C_NO_TRY to measure the bare calls for reference.
#include <cstdlib>

extern "C" {
#include "wasm-rt-impl.h"
#include "guest_w2c.h"

// The import, named the way wasm2c 1.0.32 mangles "env" "host_add".
struct Z_env_instance_t {
  int unused;
};
u32 Z_envZ_host_add(struct Z_env_instance_t*, u32 a, u32 b) { return a + b; }
}

#include "harness.hpp"

#ifdef BOUNDARY_WASM2C_NO_TRY
#define BOUNDARY_ENGINE "wasm2c-notry"
#define EXPORT_CALL_DIVISOR 1
#define GUARDED(call) return call
#else
#define BOUNDARY_ENGINE "wasm2c"
// wasm_rt_impl_try() is a sigsetjmp that saves the signal mask (a system
// call): 5 million calls measure it as well as 100 million.
#define EXPORT_CALL_DIVISOR 20
// What every host call into wasm2c code looks like when traps must not
// abort the process.
#define GUARDED(call)                                   \
  do {                                                  \
    if (wasm_rt_impl_try() != 0) boundary::fail(BOUNDARY_ENGINE, "trap"); \
    return call;                                        \
  } while (0)
#endif

namespace {

struct Wasm2cEngine {
  Z_guest_instance_t* instance;
  int32_t add(int32_t a, int32_t b) { GUARDED(static_cast<int32_t>(Z_guestZ_add(instance, a, b))); }
  int32_t call_host(int32_t n) { GUARDED(static_cast<int32_t>(Z_guestZ_call_host(instance, n))); }
  int32_t sum(uint32_t len) { GUARDED(static_cast<int32_t>(Z_guestZ_sum(instance, len))); }
  void fill(uint32_t len, uint32_t seed) { GUARDED(Z_guestZ_fill(instance, len, seed)); }
  uint8_t* bytes() {
    return Z_guestZ_memory(instance)->data + Z_guestZ_buffer_ptr(instance);
  }
};

}  // namespace

int main() {
  wasm_rt_init();
  Z_guest_init_module();
  static Z_guest_instance_t instance;
  static Z_env_instance_t env;
  Z_guest_instantiate(&instance, &env);
  Wasm2cEngine engine{&instance};
  boundary::run_all(BOUNDARY_ENGINE, engine, EXPORT_CALL_DIVISOR);
  Z_guest_free(&instance);
  wasm_rt_free();
  return 0;
}
