/* fd_renumber, fd_close, fd_fdstat_set_rights / set_flags, preopen queries. */
#include <fcntl.h>
#include <unistd.h>
#include <wasi/api.h>

#include "check.h"

int main(void) {
  int a = open("/sandbox/a.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
  int b = open("/sandbox/b.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(a >= 0 && b >= 0 && a != b);
  /* b now refers to a.txt; the old a is gone */
  CHECK(__wasi_fd_renumber((__wasi_fd_t)a, (__wasi_fd_t)b) == 0);
  CHECK(write(b, "through b\n", 10) == 10);
  __wasi_fdstat_t st;
  CHECK(__wasi_fd_fdstat_get((__wasi_fd_t)a, &st) == __WASI_ERRNO_BADF);
  CHECK(__wasi_fd_renumber((__wasi_fd_t)b, 1234) == __WASI_ERRNO_BADF);
  CHECK(__wasi_fd_renumber(1234, (__wasi_fd_t)b) == __WASI_ERRNO_BADF);
  CHECK(__wasi_fd_renumber((__wasi_fd_t)b, (__wasi_fd_t)b) == 0);
  close(b);
  char buf[32] = {0};
  int fd = open("/sandbox/a.txt", O_RDONLY);
  CHECK(read(fd, buf, sizeof buf - 1) == 10);
  printf("a.txt: %s", buf);
  close(fd);
  memset(buf, 0, sizeof buf);
  fd = open("/sandbox/b.txt", O_RDONLY);
  CHECK(read(fd, buf, sizeof buf - 1) == 0);
  close(fd);

  /* the lowest free fd is reused */
  int c = open("/sandbox/a.txt", O_RDONLY);
  CHECK(c == a);
  close(c);

  /* rights can be dropped, never regained */
  fd = open("/sandbox/a.txt", O_RDWR);
  CHECK(__wasi_fd_fdstat_get((__wasi_fd_t)fd, &st) == 0);
  CHECK(st.fs_filetype == __WASI_FILETYPE_REGULAR_FILE);
  CHECK(st.fs_rights_base & __WASI_RIGHTS_FD_WRITE);
  __wasi_rights_t reduced = st.fs_rights_base & ~__WASI_RIGHTS_FD_WRITE;
  CHECK(__wasi_fd_fdstat_set_rights((__wasi_fd_t)fd, reduced, st.fs_rights_inheriting) == 0);
  __wasi_ciovec_t iov = {(const uint8_t*)"x", 1};
  __wasi_size_t written;
  CHECK(__wasi_fd_write((__wasi_fd_t)fd, &iov, 1, &written) == __WASI_ERRNO_NOTCAPABLE);
  CHECK(__wasi_fd_fdstat_set_rights((__wasi_fd_t)fd, st.fs_rights_base, st.fs_rights_inheriting) ==
        __WASI_ERRNO_NOTCAPABLE);
  CHECK(read(fd, buf, 4) == 4);
  /* append via fdstat_set_flags */
  CHECK(__wasi_fd_fdstat_set_flags((__wasi_fd_t)fd, __WASI_FDFLAGS_APPEND) == 0);
  /* node's fdstat does not report flags set this way */
  CHECK(__wasi_fd_fdstat_get((__wasi_fd_t)fd, &st) == 0);
  printf("deviation: append flag after set_flags: %d\n", !!(st.fs_flags & __WASI_FDFLAGS_APPEND));
  close(fd);

  /* a directory opened without write rights cannot create files */
  __wasi_fd_t dir;
  /* an empty path names nothing (node opens the directory itself) */
  __wasi_errno_t empty = __wasi_path_open(3, 0, "", 0, 0, 0, 0, &dir);
  printf("deviation: path_open of \"\": errno %u\n", empty);
  if (!empty) CHECK(__wasi_fd_close(dir) == 0);
  CHECK(__wasi_path_open(3, 0, ".", __WASI_OFLAGS_DIRECTORY,
                         __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_FD_READDIR,
                         __WASI_RIGHTS_FD_READ, 0, &dir) == 0);
  __wasi_fd_t file;
  CHECK(__wasi_path_open(dir, 0, "new.txt", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_READ, 0, 0,
                         &file) == __WASI_ERRNO_NOTCAPABLE);
  /* rights beyond what the directory passes on are refused */
  CHECK(__wasi_path_open(dir, 0, "a.txt", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, 0,
                         &file) == __WASI_ERRNO_NOTCAPABLE);
  CHECK(__wasi_path_open(dir, 0, "a.txt", 0, __WASI_RIGHTS_FD_READ, 0, 0, &file) == 0);
  CHECK(__wasi_fd_fdstat_get(file, &st) == 0);
  printf("inherited rights: read=%d write=%d\n", !!(st.fs_rights_base & __WASI_RIGHTS_FD_READ),
         !!(st.fs_rights_base & __WASI_RIGHTS_FD_WRITE));
  CHECK(__wasi_fd_close(file) == 0);
  CHECK(__wasi_fd_close(dir) == 0);

  /* preopen queries */
  __wasi_prestat_t pre;
  CHECK(__wasi_fd_prestat_get(3, &pre) == 0 && pre.tag == __WASI_PREOPENTYPE_DIR);
  char name[64] = {0};
  CHECK(__wasi_fd_prestat_dir_name(3, (uint8_t*)name, pre.u.dir.pr_name_len) == 0);
  printf("preopen 3: %s\n", name);
  /* not a preopen: EBADF (node: EINVAL) */
  printf("deviation: fd_prestat_get(0): errno %u\n", __wasi_fd_prestat_get(0, &pre));
  CHECK(__wasi_fd_prestat_get(200, &pre) == __WASI_ERRNO_BADF);
  CHECK(unlink("/sandbox/a.txt") == 0 && unlink("/sandbox/b.txt") == 0);
  return failures();
}
