/* stdin -> upper-case on stdout, line count on stderr; fd types. */
#include <ctype.h>
#include <unistd.h>
#include <wasi/api.h>

#include "check.h"

int main(void) {
  char buf[4096];
  ssize_t n;
  int lines = 0;
  size_t total = 0;
  while ((n = read(0, buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; ++i) {
      if (buf[i] == '\n') ++lines;
      buf[i] = (char)toupper((unsigned char)buf[i]);
    }
    CHECK(write(1, buf, (size_t)n) == n);
    total += (size_t)n;
  }
  CHECK(n == 0);
  fprintf(stderr, "%d lines, %zu bytes\n", lines, total);
  __wasi_fdstat_t st;
  CHECK(__wasi_fd_fdstat_get(1, &st) == 0);
  CHECK(__wasi_fd_fdstat_get(42, &st) == __WASI_ERRNO_BADF);
  /* scatter write */
  __wasi_ciovec_t iov[3] = {{(const uint8_t*)"one ", 4}, {(const uint8_t*)"", 0},
                            {(const uint8_t*)"two\n", 4}};
  __wasi_size_t written = 0;
  CHECK(__wasi_fd_write(1, iov, 3, &written) == 0 && written == 8);
  printf("stdout printf\n");
  return failures();
}
