// Calls the trivial export in a loop whose bounds come from the command line,
// so only inlining (not constant folding of the inputs) can remove the call.
#include <cstdio>
#include <cstdlib>

#include "lto_add.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  unsigned n = static_cast<unsigned>(std::strtoul(argv[1], nullptr, 10));
  lto_add::Instance instance;
  unsigned acc = 0;
  for (unsigned i = 0; i < n; ++i) acc = instance.add(acc, i);
  std::printf("sum %u\n", acc);
  return 0;
}
