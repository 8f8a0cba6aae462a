// Drives exn.wat; arguments come from the command line so nothing folds.
#include <cstdio>
#include <cstdlib>

#include "exn.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  int32_t n = std::atoi(argv[1]);
  exn::Instance instance;
  std::printf("%d %d %d %d %d\n", instance.sum(n), instance.delegated(n), instance.delegated(0),
              instance.rethrown(n), instance.rethrown(0));
  try {
    instance.load(-n);
    std::printf("no trap\n");
  } catch (const wasm2cpp::Trap& trap) {
    std::printf("trap: %s\n", trap.what());
  }
  return 0;
}
