// Tail-call micro-benchmark driver (bench/tailcall/run): ns per hop.
#include <chrono>
#include <cstdio>

#include "tailcall.hpp"

template <typename F>
void measure(const char* name, long long hops, F&& f) {
  f(1000);  // warm up (first-use paths, registry, stack limit)
  auto start = std::chrono::steady_clock::now();
  long long result = f(hops);
  auto stop = std::chrono::steady_clock::now();
  double ns = std::chrono::duration<double, std::nano>(stop - start).count() / static_cast<double>(hops);
  std::printf("%-10s %8.2f ns/hop  (result %lld)\n", name, ns, result);
}

int main() {
  tailcall::Instance instance;
  const long long hops = 50'000'000;
  measure("ordinary", hops, [&](long long n) { return instance.ordinary(n); });
  measure("direct", hops, [&](long long n) { return instance.direct(n); });
  measure("mixed", hops, [&](long long n) { return instance.mixed(n); });
  measure("indirect", hops, [&](long long n) { return instance.indirect(n); });
}
