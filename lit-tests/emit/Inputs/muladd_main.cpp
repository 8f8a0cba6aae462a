// a*b+c with a = b = 1 + 2^-12, c = -(1 + 2^-11): rounding the product first
// gives exactly 0; a fused multiply-add gives 2^-24. Inputs come from the
// command line so nothing is folded at compile time.
#include <bit>
#include <cstdio>
#include <cmath>
#include <cstdlib>

#include "muladd.hpp"

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  float a = std::strtof(argv[1], nullptr), b = std::strtof(argv[2], nullptr), c = std::strtof(argv[3], nullptr);
  muladd::Instance instance;
  float r = instance.mul_add(a, b, c);
  // The same with f64: a = b = 1 + 2^-27, c = -(1 + 2^-26).
  double a64 = 1.0 + std::ldexp(1.0, -27), c64 = -(1.0 + std::ldexp(1.0, -26));
  volatile double va = a64, vc = c64;
  double r64 = instance.mul_add64(va, va, vc);
  std::printf("f32 %08x f64 %016llx\n", std::bit_cast<unsigned>(r),
              static_cast<unsigned long long>(std::bit_cast<unsigned long long>(r64)));
  return 0;
}
