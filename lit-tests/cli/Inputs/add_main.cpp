// Host for Inputs/add.wat translated with --namespace acme::plugins, stem calc.
#include <cstdio>

#include "calc.hpp"

int main() {
  acme::plugins::calc::Instance instance;
  std::printf("add(2, 3) = %d\n", instance.add(2, 3));
  std::printf("mul(6, 7) = %d\n", instance.mul(6, 7));
  std::printf("apply(0, 10, 20) = %d\n", instance.apply(0, 10, 20));
  std::printf("apply(1, 10, 20) = %d\n", instance.apply(1, 10, 20));
  std::printf("store_load(16, -1) = %d\n", instance.store_load(16, -1));
  std::printf("calls() = %d\n", instance.calls());
  std::printf("memory pages = %llu\n",
              static_cast<unsigned long long>(instance.memory().size_pages()));
  return 0;
}
