// A suite program through its wasm2cpp-generated module. BENCH_HEADER and
// BENCH_NAMESPACE name the module; BENCH_ENGINE says guard or explicit.
#include BENCH_HEADER

#include "suite.hpp"

int main(int argc, char** argv) {
  BENCH_NAMESPACE::Instance instance;
  return suite::measure(BENCH_ENGINE, BENCH_PROGRAM, suite::work_size(argc, argv, BENCH_N),
                        [&](uint32_t n) {
                          return static_cast<uint32_t>(instance.run(static_cast<int32_t>(n)));
                        });
}
