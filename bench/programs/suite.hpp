// Shared by the suite's drivers: time one engine's run(n) and print a JSON
// line (engine, program, milliseconds of thread CPU time, checksum).
#pragma once

#include <time.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace suite {

inline double cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// argv[1] overrides the work size the build chose (BENCH_N).
inline uint32_t work_size(int argc, char** argv, uint32_t default_n) {
  return argc > 1 ? static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10)) : default_n;
}

// A short warm-up (page faults, node's tier-up) then the timed run.
template <typename Run>
int measure(const char* engine, const char* program, uint32_t n, Run run) {
  run(n / 10 + 1);
  const double start = cpu_ms();
  const uint32_t checksum = run(n);
  const double elapsed = cpu_ms() - start;
  std::printf(
      "{\"engine\": \"%s\", \"case\": \"%s\", \"unit\": \"ms\", \"value\": %.4f, "
      "\"n\": %u, \"checksum\": %u}\n",
      engine, program, elapsed, n, checksum);
  return 0;
}

}  // namespace suite
