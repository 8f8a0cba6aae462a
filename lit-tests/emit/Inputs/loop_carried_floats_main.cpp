// Runs Inputs/loop-carried-floats.wat's functions; the expected output
// was computed by node 20 from the same .wasm.
#include <cstdio>
#include <cstdlib>

#include "lf.hpp"

int main(int argc, char** argv) {
  const int base = argc > 1 ? std::atoi(argv[1]) : 0;  // 0: nothing folds
  lf::Instance instance;
  std::printf("nest %.17g %.17g %.17g flat %.17g %.17g\n", instance.nest(base + 1),
              instance.nest(base + 4), instance.nest(base + 10), instance.flat(base + 1),
              instance.flat(base + 6));
  return 0;
}
