// Native baseline of a suite program: its C source compiled for the host.
#include "suite.hpp"

extern "C" uint32_t run(uint32_t n);

int main(int argc, char** argv) {
  return suite::measure("native", BENCH_PROGRAM, suite::work_size(argc, argv, BENCH_N), run);
}
