/* poll_oneoff: relative and absolute clock timeouts, the earliest of several
   clocks, fd readiness of regular files, invalid subscriptions. */
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

#include "check.h"

static uint64_t now(void) {
  __wasi_timestamp_t t = 0;
  CHECK(__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t) == 0);
  return t;
}

static __wasi_subscription_t clock_sub(uint64_t userdata, uint64_t timeout, int abstime) {
  __wasi_subscription_t s;
  memset(&s, 0, sizeof s);
  s.userdata = userdata;
  s.u.tag = __WASI_EVENTTYPE_CLOCK;
  s.u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  s.u.u.clock.timeout = timeout;
  s.u.u.clock.flags = abstime ? __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME : 0;
  return s;
}

int main(void) {
  __wasi_event_t events[4];
  __wasi_size_t n = 0;

  /* one relative clock */
  uint64_t start = now();
  __wasi_subscription_t subs[3] = {clock_sub(7, 50 * 1000000ull, 0)};
  CHECK(__wasi_poll_oneoff(subs, events, 1, &n) == 0);
  CHECK(n == 1 && events[0].userdata == 7 && events[0].error == 0 &&
        events[0].type == __WASI_EVENTTYPE_CLOCK);
  CHECK(now() - start >= 50 * 1000000ull);
  printf("relative clock: n=%u userdata=%llu\n", (unsigned)n, (unsigned long long)events[0].userdata);

  /* absolute deadline */
  start = now();
  subs[0] = clock_sub(8, start + 40 * 1000000ull, 1);
  CHECK(__wasi_poll_oneoff(subs, events, 1, &n) == 0);
  CHECK(n == 1 && events[0].userdata == 8);
  CHECK(now() - start >= 40 * 1000000ull);
  printf("absolute clock: n=%u userdata=%llu\n", (unsigned)n, (unsigned long long)events[0].userdata);

  /* the earliest of two clocks fires first */
  start = now();
  subs[0] = clock_sub(1, 2000 * 1000000ull, 0);
  subs[1] = clock_sub(2, 20 * 1000000ull, 0);
  CHECK(__wasi_poll_oneoff(subs, events, 2, &n) == 0);
  CHECK(n == 1 && events[0].userdata == 2);
  CHECK(now() - start < 1500 * 1000000ull);
  printf("earliest clock: n=%u userdata=%llu\n", (unsigned)n, (unsigned long long)events[0].userdata);

  /* a regular file is ready at once, with the bytes left to read */
  int fd = open("/sandbox/poll.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 0);
  CHECK(write(fd, "0123456789", 10) == 10);
  CHECK(lseek(fd, 4, SEEK_SET) == 4);
  memset(&subs[0], 0, sizeof subs[0]);
  subs[0].userdata = 3;
  subs[0].u.tag = __WASI_EVENTTYPE_FD_READ;
  subs[0].u.u.fd_read.file_descriptor = (__wasi_fd_t)fd;
  subs[1] = clock_sub(4, 5000 * 1000000ull, 0);
  start = now();
  CHECK(__wasi_poll_oneoff(subs, events, 2, &n) == 0);
  CHECK(n == 1 && events[0].userdata == 3 && events[0].type == __WASI_EVENTTYPE_FD_READ);
  CHECK(events[0].fd_readwrite.nbytes == 6);
  CHECK(now() - start < 4000 * 1000000ull);
  printf("file ready: n=%u nbytes=%llu\n", (unsigned)n, (unsigned long long)events[0].fd_readwrite.nbytes);

  /* poll() from libc on the file and a timeout-only poll() */
  struct pollfd pfd = {fd, POLLIN | POLLOUT, 0};
  CHECK(poll(&pfd, 1, 1000) == 1 && (pfd.revents & POLLIN) && (pfd.revents & POLLOUT));
  start = now();
  CHECK(poll(NULL, 0, 30) == 0);
  CHECK(now() - start >= 30 * 1000000ull);
  close(fd);
  CHECK(unlink("/sandbox/poll.txt") == 0);

  /* a closed fd reports EBADF in its event */
  memset(&subs[0], 0, sizeof subs[0]);
  subs[0].userdata = 9;
  subs[0].u.tag = __WASI_EVENTTYPE_FD_READ;
  subs[0].u.u.fd_read.file_descriptor = 77;
  CHECK(__wasi_poll_oneoff(subs, events, 1, &n) == 0);
  CHECK(n == 1 && events[0].userdata == 9 && events[0].error == __WASI_ERRNO_BADF);
  printf("bad fd: error=%u\n", events[0].error);

  /* no subscriptions */
  CHECK(__wasi_poll_oneoff(subs, events, 0, &n) == __WASI_ERRNO_INVAL);
  return failures();
}
