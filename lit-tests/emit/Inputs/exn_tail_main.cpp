// Drives exn_tail.wat: prints the exception's payload, or the result.
#include <cstdio>
#include <cstdlib>

#include "exn_tail.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  exn_tail::Instance instance;
  try {
    std::printf("result %d\n", instance.f(std::atoi(argv[1])));
  } catch (const wasm2cpp::Exception& e) {
    std::printf("exception %d\n", e.get<int32_t>(0));
  }
  return 0;
}
