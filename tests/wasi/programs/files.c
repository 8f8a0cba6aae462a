/* Files and directories through wasi-libc: create, write, read, seek, pread/
   pwrite, truncate, append, stat, rename, link, symlink/readlink, utimes,
   unlink, rmdir. Run with the sandbox preopened as /sandbox. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "check.h"

static void write_file(const char* path, const char* text) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 0);
  CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
  CHECK(close(fd) == 0);
}

static const char* read_file(const char* path) {
  static char buf[256];
  memset(buf, 0, sizeof buf);
  int fd = open(path, O_RDONLY);
  if (fd < 0) return "<open failed>";
  ssize_t n = read(fd, buf, sizeof buf - 1);
  CHECK(n >= 0);
  close(fd);
  return buf;
}

int main(void) {
  CHECK(chdir("/sandbox") == 0);
  CHECK(mkdir("/sandbox/d", 0755) == 0);
  CHECK(mkdir("d", 0755) == -1 && errno == EEXIST);
  CHECK(mkdir("d/e", 0755) == 0);

  write_file("d/a.txt", "hello world\n");
  printf("read: %s", read_file("d/a.txt"));

  /* seek, tell, read at offsets */
  int fd = open("d/a.txt", O_RDWR);
  CHECK(fd >= 0);
  CHECK(lseek(fd, 6, SEEK_SET) == 6);
  char buf[32] = {0};
  CHECK(read(fd, buf, 5) == 5);
  printf("after seek: %s\n", buf);
  CHECK(lseek(fd, 0, SEEK_CUR) == 11);
  CHECK(lseek(fd, -3, SEEK_END) == 9);
  CHECK(lseek(fd, -100, SEEK_SET) == -1 && errno == EINVAL);

  /* pread / pwrite leave the position alone */
  CHECK(pwrite(fd, "HELLO", 5, 0) == 5);
  memset(buf, 0, sizeof buf);
  CHECK(pread(fd, buf, 11, 0) == 11);
  printf("pread: %s\n", buf);
  CHECK(lseek(fd, 0, SEEK_CUR) == 9);

  /* truncate and stat */
  CHECK(ftruncate(fd, 5) == 0);
  struct stat st;
  CHECK(fstat(fd, &st) == 0);
  printf("size after ftruncate: %lld regular: %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
  CHECK(ftruncate(fd, 4096) == 0);
  CHECK(fstat(fd, &st) == 0 && st.st_size == 4096);
  CHECK(ftruncate(fd, 5) == 0);
  CHECK(fsync(fd) == 0);
  CHECK(fdatasync(fd) == 0);
  CHECK(close(fd) == 0);
  CHECK(close(fd) == -1 && errno == EBADF);

  /* append mode */
  fd = open("d/a.txt", O_WRONLY | O_APPEND);
  CHECK(fd >= 0);
  CHECK(write(fd, "+tail", 5) == 5);
  CHECK(fcntl(fd, F_GETFL) & O_APPEND);
  close(fd);
  printf("appended: %s\n", read_file("d/a.txt"));

  /* O_EXCL, O_DIRECTORY, reading a directory, writing a read-only fd */
  CHECK(open("d/a.txt", O_WRONLY | O_CREAT | O_EXCL, 0644) == -1 && errno == EEXIST);
  CHECK(open("d/a.txt", O_RDONLY | O_DIRECTORY) == -1 && errno == ENOTDIR);
  CHECK(open("d/missing", O_RDONLY) == -1 && errno == ENOENT);
  fd = open("d/a.txt", O_RDONLY);
  CHECK(write(fd, "x", 1) == -1 && errno == EBADF);
  close(fd);
  CHECK(open("d", O_WRONLY) == -1 && errno == EISDIR);

  /* stat, rename, hard link, symlink */
  CHECK(stat("d/e", &st) == 0 && S_ISDIR(st.st_mode));
  CHECK(rename("d/a.txt", "d/e/b.txt") == 0);
  CHECK(access("d/a.txt", F_OK) == -1 && errno == ENOENT);
  printf("renamed: %s\n", read_file("d/e/b.txt"));
  CHECK(link("d/e/b.txt", "d/hard") == 0);
  CHECK(stat("d/hard", &st) == 0);
  printf("nlink: %d\n", (int)st.st_nlink);
  CHECK(symlink("e/b.txt", "d/sym") == 0);
  char target[64] = {0};
  CHECK(readlink("d/sym", target, sizeof target) == 7);
  printf("readlink: %s\n", target);
  CHECK(lstat("d/sym", &st) == 0 && S_ISLNK(st.st_mode));
  CHECK(stat("d/sym", &st) == 0 && S_ISREG(st.st_mode));
  printf("via symlink: %s\n", read_file("d/sym"));
  CHECK(symlink("e", "d/dirsym") == 0);
  printf("via dir symlink: %s\n", read_file("d/dirsym/b.txt"));
  CHECK(readlink("d/e/b.txt", target, sizeof target) == -1 && errno == EINVAL);

  /* timestamps */
  /* whole seconds: node's utimes goes through a double and drops nanoseconds */
  struct timespec times[2] = {{1000000000, 0}, {1200000000, 0}};
  CHECK(utimensat(AT_FDCWD, "d/e/b.txt", times, 0) == 0);
  CHECK(stat("d/e/b.txt", &st) == 0);
  printf("mtime: %lld.%09ld atime: %lld\n", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
         (long long)st.st_atim.tv_sec);

  /* removal */
  CHECK(rmdir("d/e") == -1 && errno == ENOTEMPTY);
  CHECK(unlink("d/e") == -1 && (errno == EISDIR || errno == EPERM));
  CHECK(unlink("d/sym") == 0);
  CHECK(unlink("d/dirsym") == 0);
  CHECK(unlink("d/hard") == 0);
  CHECK(unlink("d/e/b.txt") == 0);
  CHECK(rmdir("d/e/") == 0);
  CHECK(rmdir("d") == 0);
  CHECK(access("d", F_OK) == -1 && errno == ENOENT);
  return failures();
}
