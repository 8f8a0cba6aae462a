/* Out-of-bounds guest pointers and lengths: every call returns EFAULT and
   the host never touches memory outside the guest's. */
#include <stdint.h>
#include <wasi/api.h>

#include "check.h"

/* The raw import: wasi-libc's wrapper would strlen() the path itself. */
__attribute__((import_module("wasi_snapshot_preview1"), import_name("path_open"))) int32_t
raw_path_open(int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags,
              int64_t rights_base, int64_t rights_inheriting, int32_t fdflags, int32_t fd_out);

#define FAR(type) ((type)(uintptr_t)0xfffffff0u)

static void expect_fault(const char* what, __wasi_errno_t e) {
  printf("%-36s errno %u\n", what, e);
  CHECK(e == __WASI_ERRNO_FAULT);
}

int main(void) {
  __wasi_size_t n = 0;
  static char buf[16];
  __wasi_ciovec_t far_buf = {FAR(const uint8_t*), 64};
  __wasi_ciovec_t wrap_buf = {(const uint8_t*)buf, 0xfffffff0u};
  expect_fault("fd_write iovs out of bounds", __wasi_fd_write(1, FAR(const __wasi_ciovec_t*), 1, &n));
  expect_fault("fd_write buffer out of bounds", __wasi_fd_write(1, &far_buf, 1, &n));
  expect_fault("fd_write length wraps", __wasi_fd_write(1, &wrap_buf, 1, &n));
  __wasi_ciovec_t ok = {(const uint8_t*)"x", 1};
  expect_fault("fd_write nwritten out of bounds", __wasi_fd_write(1, &ok, 1, FAR(__wasi_size_t*)));
  expect_fault("fd_write huge iovs_len", __wasi_fd_write(1, &ok, 0x20000000u, &n));
  __wasi_iovec_t rd = {FAR(uint8_t*), 8};
  expect_fault("fd_read buffer out of bounds", __wasi_fd_read(0, &rd, 1, &n));
  expect_fault("args_sizes_get", __wasi_args_sizes_get(FAR(__wasi_size_t*), &n));
  expect_fault("args_get", __wasi_args_get(FAR(uint8_t**), FAR(uint8_t*)));
  expect_fault("environ_get", __wasi_environ_get(FAR(uint8_t**), FAR(uint8_t*)));
  expect_fault("clock_time_get", __wasi_clock_time_get(0, 1, FAR(__wasi_timestamp_t*)));
  expect_fault("random_get", __wasi_random_get(FAR(uint8_t*), 32));
  expect_fault("fd_fdstat_get", __wasi_fd_fdstat_get(1, FAR(__wasi_fdstat_t*)));
  expect_fault("fd_prestat_get", __wasi_fd_prestat_get(3, FAR(__wasi_prestat_t*)));
  expect_fault("fd_prestat_dir_name", __wasi_fd_prestat_dir_name(3, FAR(uint8_t*), 64));
  expect_fault("path_open path", (__wasi_errno_t)raw_path_open(3, 0, (int32_t)0xfffffff0u, 64, 0, 0, 0, 0,
                                                             (int32_t)(uintptr_t)&n));
  expect_fault("path_filestat_get buf", __wasi_path_filestat_get(3, 0, ".", FAR(__wasi_filestat_t*)));
  expect_fault("fd_readdir buf", __wasi_fd_readdir(3, FAR(uint8_t*), 64, 0, &n));
  expect_fault("poll_oneoff", __wasi_poll_oneoff(FAR(const __wasi_subscription_t*),
                                                 FAR(__wasi_event_t*), 4, &n));
  /* nothing was written to stdout by the faulting calls */
  printf("still alive\n");
  return failures();
}
