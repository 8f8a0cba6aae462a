// A suite program through Debian's wasm2c. The guest is entered once per
// run, so the per-call wasm_rt_impl_try() a real host needs costs nothing
// measurable here (unlike in bench/boundary).
extern "C" {
#include "wasm-rt-impl.h"
#include BENCH_W2C_HEADER
}

#include "suite.hpp"

#define BENCH_CAT2(a, b, c) a##b##c
#define BENCH_CAT(a, b, c) BENCH_CAT2(a, b, c)
#define BENCH_W2C(suffix) BENCH_CAT(Z_, BENCH_NAMESPACE, suffix)

int main(int argc, char** argv) {
  wasm_rt_init();
  BENCH_W2C(_init_module)();
  static BENCH_W2C(_instance_t) instance;
  BENCH_W2C(_instantiate)(&instance);
  const int result = suite::measure(
      "wasm2c", BENCH_PROGRAM, suite::work_size(argc, argv, BENCH_N), [&](uint32_t n) -> uint32_t {
        if (wasm_rt_impl_try() != 0) {
          std::fprintf(stderr, "wasm2c: trap\n");
          std::exit(1);
        }
        return BENCH_W2C(Z_run)(&instance, n);
      });
  BENCH_W2C(_free)(&instance);
  wasm_rt_free();
  return result;
}
