// The wasi_snapshot_preview1 host functions, in the calling convention of
// generated code (env = detail::State*). All i32 results are WASI errnos.
#pragma once

#include <cstdint>

namespace wasm2cpp::wasi::detail {

using i32 = int32_t;
using i64 = int64_t;

// X(name, params...) for every function returning an errno.
#define WASM2CPP_WASI_FUNCTIONS(X)                                                        \
  X(args_get, i32, i32)                                                                   \
  X(args_sizes_get, i32, i32)                                                             \
  X(environ_get, i32, i32)                                                                \
  X(environ_sizes_get, i32, i32)                                                          \
  X(clock_res_get, i32, i32)                                                              \
  X(clock_time_get, i32, i64, i32)                                                        \
  X(fd_advise, i32, i64, i64, i32)                                                        \
  X(fd_allocate, i32, i64, i64)                                                           \
  X(fd_close, i32)                                                                        \
  X(fd_datasync, i32)                                                                     \
  X(fd_fdstat_get, i32, i32)                                                              \
  X(fd_fdstat_set_flags, i32, i32)                                                        \
  X(fd_fdstat_set_rights, i32, i64, i64)                                                  \
  X(fd_filestat_get, i32, i32)                                                            \
  X(fd_filestat_set_size, i32, i64)                                                       \
  X(fd_filestat_set_times, i32, i64, i64, i32)                                            \
  X(fd_pread, i32, i32, i32, i64, i32)                                                    \
  X(fd_prestat_get, i32, i32)                                                             \
  X(fd_prestat_dir_name, i32, i32, i32)                                                   \
  X(fd_pwrite, i32, i32, i32, i64, i32)                                                   \
  X(fd_read, i32, i32, i32, i32)                                                          \
  X(fd_readdir, i32, i32, i32, i64, i32)                                                  \
  X(fd_renumber, i32, i32)                                                                \
  X(fd_seek, i32, i64, i32, i32)                                                          \
  X(fd_sync, i32)                                                                         \
  X(fd_tell, i32, i32)                                                                    \
  X(fd_write, i32, i32, i32, i32)                                                         \
  X(path_create_directory, i32, i32, i32)                                                 \
  X(path_filestat_get, i32, i32, i32, i32, i32)                                           \
  X(path_filestat_set_times, i32, i32, i32, i32, i64, i64, i32)                           \
  X(path_link, i32, i32, i32, i32, i32, i32, i32)                                         \
  X(path_open, i32, i32, i32, i32, i32, i64, i64, i32, i32)                               \
  X(path_readlink, i32, i32, i32, i32, i32, i32)                                          \
  X(path_remove_directory, i32, i32, i32)                                                 \
  X(path_rename, i32, i32, i32, i32, i32, i32)                                            \
  X(path_symlink, i32, i32, i32, i32, i32)                                                \
  X(path_unlink_file, i32, i32, i32)                                                      \
  X(poll_oneoff, i32, i32, i32, i32)                                                      \
  X(proc_raise, i32)                                                                      \
  X(sched_yield)                                                                          \
  X(random_get, i32, i32)                                                                 \
  X(sock_accept, i32, i32, i32)                                                           \
  X(sock_recv, i32, i32, i32, i32, i32, i32)                                              \
  X(sock_send, i32, i32, i32, i32, i32)                                                   \
  X(sock_shutdown, i32, i32)

#define WASM2CPP_WASI_DECLARE(name, ...) i32 name(void* env __VA_OPT__(, ) __VA_ARGS__);
WASM2CPP_WASI_FUNCTIONS(WASM2CPP_WASI_DECLARE)
#undef WASM2CPP_WASI_DECLARE

// proc_exit (i32) -> (): throws ProcExit.
[[noreturn]] void proc_exit(void* env, i32 code);

}  // namespace wasm2cpp::wasi::detail
