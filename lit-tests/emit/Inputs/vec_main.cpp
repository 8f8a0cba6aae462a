// Drives vec.wat; arguments come from the command line so nothing folds.
#include <cstdio>
#include <cstdlib>

#include "vec.hpp"

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  int32_t a = std::atoi(argv[1]), b = std::atoi(argv[2]);
  vec::Instance instance;
  std::printf("%d %d %d\n", instance.shuffle_add(a, b), instance.lane_roundtrip(a),
              instance.min_signs(float(a) * 0.0f, -float(b) * 0.0f));
  return 0;
}
