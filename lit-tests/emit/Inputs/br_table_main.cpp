// Runs Inputs/br-table.wat's functions; the expected output
// was computed by node 20 from the same .wasm.
#include <cstdio>
#include <cstdlib>

#include "br_table.hpp"

int main(int argc, char** argv) {
  const int base = argc > 1 ? std::atoi(argv[1]) : 0;  // 0: nothing folds
  br_table::Instance instance;
  std::printf("interp %d %d %d\n", instance.interp(base + 1), instance.interp(base + 5),
              instance.interp(base + 1000));
  std::printf("pick");
  for (int i = 0; i < 9; ++i) std::printf(" %d", instance.pick(base + i));
  std::printf("\nsmall %d %d %d\n", instance.small(base + 1), instance.small(base + 7),
              instance.small(base + 100));
  std::printf("flat");
  for (int i : {0, 1, 2, 3, 4, -1}) std::printf(" %d", instance.flat(base + i));
  std::printf("\n");
  return 0;
}
