// tail-call.test: runs the tail-call cycles a million hops deep.
#include <cstdio>
#include <cstdlib>

#include "tailcall.hpp"

int main(int argc, char** argv) {
  long long n = argc > 1 ? std::atoll(argv[1]) : 1000000;
  tailcall::Instance instance;
  std::printf("down %lld indirect %lld plain %lld\n", static_cast<long long>(instance.down(n)),
              static_cast<long long>(instance.down_indirect(n)),
              static_cast<long long>(instance.plain(n)));
}
