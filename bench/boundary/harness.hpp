// Shared timing and reporting for the boundary benchmark. Every engine's
// driver measures the same six cases with the same loops and prints one JSON
// object per case on stdout, which bench/run collects round by round.
#pragma once

#include <time.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace boundary {

// 100 million calls, as issue #12 asks; BOUNDARY_SCALE divides it for quick runs.
inline int64_t calls() {
  const char* scale = std::getenv("BOUNDARY_SCALE");
  int64_t divisor = scale ? std::atoll(scale) : 1;
  return 100'000'000 / (divisor > 0 ? divisor : 1);
}
constexpr uint32_t kBufferBytes = 1u << 20;
// 1 MiB passes per memory case: enough to amortise the timer, small enough
// that the whole suite of cases takes about a second per engine.
inline int memory_passes() { return static_cast<int>(calls() / 200'000) + 1; }

// CPU time of this thread, not wall time: the benchmark machine is shared
// with builds (load averages above 10 on 2 cores), and time spent descheduled
// is not time spent crossing the boundary.
inline double now_ns() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

// Keeps a value alive without letting the compiler see through it.
template <typename T>
inline void keep(const T& value) {
  asm volatile("" : : "r,m"(value) : "memory");
}

inline void report(const char* engine, const char* name, const char* unit, double value) {
  std::printf("{\"engine\": \"%s\", \"case\": \"%s\", \"unit\": \"%s\", \"value\": %.6f}\n",
              engine, name, unit, value);
  std::fflush(stdout);
}

// The expected results, so a broken engine is an error and not a fast number.
inline int32_t expected_call_host(int64_t n) {
  uint32_t acc = 0;
  for (int64_t i = 0; i < n; ++i) acc += static_cast<uint32_t>(i);
  return static_cast<int32_t>(acc);
}

inline uint32_t byte_sum(const uint8_t* bytes, uint32_t len) {
  uint32_t total = 0;
  for (uint32_t i = 0; i < len; ++i) total += bytes[i];
  return total;
}

[[noreturn]] inline void fail(const char* engine, const char* what) {
  std::fprintf(stderr, "%s: wrong result in %s\n", engine, what);
  std::exit(1);
}

// The engine-independent part: `Engine` supplies add(a, b), call_host(n),
// bytes() (the 1 MiB buffer in linear memory, as a host pointer), sum(len)
// and fill(len, seed). `export_call_divisor` shortens case (a) for engines
// whose calls are so slow that 100 million would take minutes.
template <typename Engine>
void run_all(const char* engine_name, Engine& engine, int64_t export_call_divisor = 1) {
  // (a) host -> guest: a dependent chain of calls, like a host loop would make.
  {
    const int64_t n = calls() / export_call_divisor;
    int32_t acc = 0;
    for (int64_t i = 0; i < n / 100; ++i) acc = engine.add(acc, static_cast<int32_t>(i));  // warm
    acc = 0;
    const double start = now_ns();
    for (int64_t i = 0; i < n; ++i) acc = engine.add(acc, static_cast<int32_t>(i));
    const double elapsed = now_ns() - start;
    keep(acc);
    if (acc != expected_call_host(n)) fail(engine_name, "call_export");
    report(engine_name, "call_export", "ns/call", elapsed / static_cast<double>(n));
  }

  const int64_t n = calls();
  // (b) guest -> host: the guest's loop calls the host import n times.
  {
    engine.call_host(static_cast<int32_t>(n / 100));  // warm
    const double start = now_ns();
    const int32_t result = engine.call_host(static_cast<int32_t>(n));
    const double elapsed = now_ns() - start;
    if (result != expected_call_host(n)) fail(engine_name, "call_import");
    report(engine_name, "call_import", "ns/call", elapsed / static_cast<double>(n));
  }

  // (c) memory shared without copies: the host writes through its view, the
  // guest sums; the guest fills, the host reads through its view.
  const int passes = memory_passes();
  const double total_bytes = static_cast<double>(kBufferBytes) * passes;
  std::vector<uint8_t> host(kBufferBytes);
  for (uint32_t i = 0; i < kBufferBytes; ++i) host[i] = static_cast<uint8_t>(i * 7 + 3);
  uint8_t* shared = engine.bytes();
  {
    std::memcpy(shared, host.data(), kBufferBytes);  // warm: fault the pages in
    const double start = now_ns();
    for (int pass = 0; pass < passes; ++pass) {
      host[0] = static_cast<uint8_t>(pass);
      std::memcpy(shared, host.data(), kBufferBytes);
      keep(shared);
    }
    report(engine_name, "host_write", "ns/byte", (now_ns() - start) / total_bytes);
  }
  {
    const uint32_t expected = byte_sum(host.data(), kBufferBytes);
    uint32_t result = 0;
    const double start = now_ns();
    for (int pass = 0; pass < passes; ++pass) result = engine.sum(kBufferBytes);
    report(engine_name, "guest_sum", "ns/byte", (now_ns() - start) / total_bytes);
    if (result != expected) fail(engine_name, "guest_sum");
  }
  {
    engine.fill(kBufferBytes, 1);
    const double start = now_ns();
    for (int pass = 0; pass < passes; ++pass) engine.fill(kBufferBytes, static_cast<uint32_t>(pass));
    report(engine_name, "guest_fill", "ns/byte", (now_ns() - start) / total_bytes);
  }
  {
    const double start = now_ns();
    for (int pass = 0; pass < passes; ++pass) {
      std::memcpy(host.data(), shared, kBufferBytes);
      keep(host[pass % kBufferBytes]);
    }
    report(engine_name, "host_read", "ns/byte", (now_ns() - start) / total_bytes);
    // The last fill wrote pattern + word index with seed passes-1.
    uint64_t word;
    std::memcpy(&word, host.data() + 8 * 5, 8);
    if (word != static_cast<uint64_t>(passes - 1) * 0x0101010101010101ull + 5)
      fail(engine_name, "host_read");
  }
}

}  // namespace boundary
