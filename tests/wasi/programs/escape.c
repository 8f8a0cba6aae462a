/* Escape attempts from the preopened /sandbox (fd 3). The runner puts
   secret.txt next to the sandbox directory; no attempt may read, create,
   change or delete anything outside. Each line says whether it was denied. */
#include <fcntl.h>
#include <unistd.h>
#include <wasi/api.h>

#include "check.h"


static int denied = 0, allowed = 0;

static void expect_denied(const char* what, __wasi_errno_t e) {
  printf("%-44s %s\n", what, e ? "denied" : "ESCAPED");
  if (e) ++denied; else ++allowed;
  CHECK(e != 0);
}

static __wasi_errno_t open_at(const char* path, __wasi_lookupflags_t follow, __wasi_oflags_t oflags,
                              __wasi_fd_t* fd) {
  return __wasi_path_open(3, follow, path, oflags,
                          __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE |
                              __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_PATH_OPEN,
                          0, 0, fd);
}

static __wasi_errno_t try_open(const char* path, __wasi_lookupflags_t follow) {
  __wasi_fd_t fd;
  __wasi_errno_t e = open_at(path, follow, 0, &fd);
  if (!e) {
    char buf[64] = {0};
    __wasi_iovec_t iov = {(uint8_t*)buf, sizeof buf - 1};
    __wasi_size_t n;
    CHECK(__wasi_fd_read(fd, &iov, 1, &n) == 0);
    printf("  read: %s\n", buf);
    CHECK(__wasi_fd_close(fd) == 0);
  }
  return e;
}

int main(void) {
  const __wasi_lookupflags_t follow = __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW;
  /* set-up inside the sandbox */
  CHECK(__wasi_path_create_directory(3, "a") == 0);
  CHECK(__wasi_path_create_directory(3, "a/b") == 0);
  int fd = open("/sandbox/inside.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 0 && write(fd, "inside", 6) == 6);
  close(fd);
  /* Symlinks pointing outside: creating them is harmless (following them is
     what is refused); node refuses to create them at all, so with node the
     attempts below fail with ENOENT instead. */
  printf("deviation: symlink up: %u\n", __wasi_path_symlink("..", 3, "up"));
  printf("deviation: symlink up2: %u\n", __wasi_path_symlink("a/b/../../..", 3, "up2"));
  printf("deviation: symlink abs: %u\n", __wasi_path_symlink("/etc/passwd", 3, "abs"));
  CHECK(__wasi_path_symlink("loop2", 3, "loop1") == 0);
  CHECK(__wasi_path_symlink("loop1", 3, "loop2") == 0);
  printf("deviation: symlink upup: %u\n", __wasi_path_symlink("../up", 3, "a/b/upup"));
  CHECK(__wasi_path_symlink("a", 3, "to_a") == 0);
  CHECK(__wasi_path_symlink("a/../inside.txt", 3, "in_link") == 0);

  /* allowed: ".." and symlinks that stay inside */
  CHECK(try_open("a/b/../../inside.txt", 0) == 0);
  CHECK(try_open("to_a/../inside.txt", 0) == 0);
  CHECK(try_open("in_link", follow) == 0);
  CHECK(try_open("./a/./../inside.txt", 0) == 0);

  /* open */
  expect_denied("open ../secret.txt", try_open("../secret.txt", 0));
  expect_denied("open a/../../secret.txt", try_open("a/../../secret.txt", 0));
  expect_denied("open a/b/../../../secret.txt", try_open("a/b/../../../secret.txt", 0));
  expect_denied("open /etc/passwd", try_open("/etc/passwd", 0));
  expect_denied("open ..", try_open("..", 0));
  expect_denied("open up/secret.txt (symlink ..)", try_open("up/secret.txt", 0));
  expect_denied("open up2/secret.txt", try_open("up2/secret.txt", follow));
  expect_denied("open a/b/upup/secret.txt", try_open("a/b/upup/secret.txt", follow));
  expect_denied("open abs (follow absolute symlink)", try_open("abs", follow));
  expect_denied("open loop1 (symlink loop)", try_open("loop1", follow));
  expect_denied("open up (follow, directory)", try_open("up", follow));
  __wasi_fd_t out;
  expect_denied("create ../created.txt",
                open_at("../created.txt", 0, __WASI_OFLAGS_CREAT, &out));
  expect_denied("create up/created.txt",
                open_at("up/created.txt", follow, __WASI_OFLAGS_CREAT, &out));
  expect_denied("truncate ../secret.txt",
                open_at("../secret.txt", 0, __WASI_OFLAGS_TRUNC, &out));

  /* the other path functions */
  __wasi_filestat_t st;
  expect_denied("stat ../secret.txt", __wasi_path_filestat_get(3, 0, "../secret.txt", &st));
  expect_denied("stat up/secret.txt", __wasi_path_filestat_get(3, follow, "up/secret.txt", &st));
  expect_denied("stat abs (follow)", __wasi_path_filestat_get(3, follow, "abs", &st));
  expect_denied("mkdir ../newdir", __wasi_path_create_directory(3, "../newdir"));
  expect_denied("mkdir up/newdir", __wasi_path_create_directory(3, "up/newdir"));
  expect_denied("rename inside.txt -> ../moved",
                __wasi_path_rename(3, "inside.txt", 3, "../moved"));
  expect_denied("rename ../secret.txt -> stolen",
                __wasi_path_rename(3, "../secret.txt", 3, "stolen"));
  expect_denied("link ../secret.txt -> hard", __wasi_path_link(3, 0, "../secret.txt", 3, "hard"));
  expect_denied("link inside.txt -> up/hard", __wasi_path_link(3, 0, "inside.txt", 3, "up/hard"));
  expect_denied("unlink ../secret.txt", __wasi_path_unlink_file(3, "../secret.txt"));
  expect_denied("unlink up/secret.txt", __wasi_path_unlink_file(3, "up/secret.txt"));
  expect_denied("rmdir ../sandbox", __wasi_path_remove_directory(3, "../sandbox"));
  expect_denied("symlink up/evil", __wasi_path_symlink("x", 3, "up/evil"));
  char buf[64];
  __wasi_size_t used;
  expect_denied("readlink ../x",
                __wasi_path_readlink(3, "../x", (uint8_t*)buf, sizeof buf, &used));
  expect_denied("utimes ../secret.txt",
                __wasi_path_filestat_set_times(3, 0, "../secret.txt", 0, 0,
                                               __WASI_FSTFLAGS_MTIM_NOW));

  /* through an fd opened on a subdirectory: its ".." is still the sandbox */
  __wasi_fd_t sub;
  CHECK(__wasi_path_open(3, 0, "a", __WASI_OFLAGS_DIRECTORY,
                         __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_FD_READDIR, __WASI_RIGHTS_FD_READ,
                         0, &sub) == 0);
  __wasi_errno_t e = __wasi_path_open(sub, 0, "../inside.txt", 0, __WASI_RIGHTS_FD_READ, 0, 0, &out);
  printf("subdir fd: ../inside.txt %s\n", e ? "denied" : "allowed");
  if (!e) CHECK(__wasi_fd_close(out) == 0);
  expect_denied("subdir fd: ../../secret.txt",
                __wasi_path_open(sub, 0, "../../secret.txt", 0, __WASI_RIGHTS_FD_READ, 0, 0, &out));

  /* libc-level absolute paths outside every preopen */
  errno = 0;
  expect_denied("libc open /etc/passwd", open("/etc/passwd", O_RDONLY) >= 0 ? 0 : (__wasi_errno_t)errno);

  printf("denied %d, escaped %d\n", denied, allowed);
  const char* links[] = {"loop1", "loop2", "to_a", "in_link", "inside.txt"};
  for (size_t i = 0; i < sizeof links / sizeof *links; ++i)
    CHECK(__wasi_path_unlink_file(3, links[i]) == 0);
  const char* outside_links[] = {"up", "up2", "abs", "a/b/upup"};
  for (size_t i = 0; i < sizeof outside_links / sizeof *outside_links; ++i)
    (void)__wasi_path_unlink_file(3, outside_links[i]);
  CHECK(__wasi_path_remove_directory(3, "a/b") == 0);
  CHECK(__wasi_path_remove_directory(3, "a") == 0);
  return failures();
}
