/* Clocks, sleeping, random bytes, sched_yield. Output is deterministic. */
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

#include "check.h"

static int64_t ns(clockid_t clock) {
  struct timespec ts;
  CHECK(clock_gettime(clock, &ts) == 0);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int main(void) {
  struct timespec res;
  CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0);
  CHECK(res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000);
  CHECK(clock_getres(CLOCK_REALTIME, &res) == 0);

  int64_t wall = ns(CLOCK_REALTIME);
  CHECK(wall > (int64_t)1600000000 * 1000000000);  /* after 2020 */
  CHECK(llabs(wall / 1000000000 - (int64_t)time(NULL)) <= 2);

  int64_t before = ns(CLOCK_MONOTONIC);
  int64_t previous = before;
  for (int i = 0; i < 1000; ++i) {
    int64_t now = ns(CLOCK_MONOTONIC);
    CHECK(now >= previous);
    previous = now;
  }
  struct timespec nap = {0, 30 * 1000000};
  CHECK(nanosleep(&nap, NULL) == 0);
  int64_t slept = ns(CLOCK_MONOTONIC) - before;
  CHECK(slept >= 30 * 1000000);
  CHECK(slept < 5 * (int64_t)1000000000);
  printf("slept at least 30ms: %s\n", slept >= 30 * 1000000 ? "yes" : "no");

  CHECK(ns(CLOCK_PROCESS_CPUTIME_ID) >= 0);

  __wasi_timestamp_t t;
  CHECK(__wasi_clock_time_get(99, 1, &t) == __WASI_ERRNO_INVAL);
  CHECK(__wasi_clock_res_get(99, &t) == __WASI_ERRNO_INVAL);

  unsigned char a[64], b[64];
  CHECK(getentropy(a, sizeof a) == 0);
  CHECK(getentropy(b, sizeof b) == 0);
  CHECK(memcmp(a, b, sizeof a) != 0);
  int nonzero = 0;
  for (size_t i = 0; i < sizeof a; ++i) nonzero += a[i] != 0;
  CHECK(nonzero > 32);
  CHECK(__wasi_random_get(a, 0) == 0);
  uint32_t r1 = arc4random(), r2 = arc4random();
  printf("arc4random differs: %s\n", r1 != r2 ? "yes" : "no");
  CHECK(sched_yield() == 0);
  return failures();
}
