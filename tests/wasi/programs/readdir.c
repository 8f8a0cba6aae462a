/* A directory of 1500 entries listed through readdir (several fd_readdir
   calls with cookies) and through raw fd_readdir with a tiny buffer. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

#include "check.h"

enum { kFiles = 1500 };

int main(void) {
  CHECK(mkdir("/sandbox/big", 0755) == 0);
  for (int i = 0; i < kFiles; ++i) {
    char path[64];
    snprintf(path, sizeof path, "/sandbox/big/file-with-a-longish-name-%04d", i);
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0);
    close(fd);
  }
  static char seen[kFiles];
  DIR* dir = opendir("/sandbox/big");
  CHECK(dir != NULL);
  int files = 0, dots = 0;
  struct dirent* d;
  while ((d = readdir(dir))) {
    if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, "..")) {
      ++dots;
      continue;
    }
    int index = atoi(d->d_name + strlen("file-with-a-longish-name-"));
    CHECK(index >= 0 && index < kFiles && !seen[index]);
    CHECK(d->d_type == DT_REG);
    seen[index] = 1;
    ++files;
  }
  closedir(dir);
  printf("readdir: %d files\n", files);
  /* POSIX and wasmtime list "." and ".."; node leaves them out */
  printf("deviation: readdir dot entries: %d\n", dots);
  CHECK(files == kFiles);

  /* raw fd_readdir with a 40-byte buffer: entries are cut, cookies resume */
  int fd = open("/sandbox/big", O_RDONLY | O_DIRECTORY);
  CHECK(fd >= 0);
  __wasi_dircookie_t cookie = 0;
  int raw = 0, raw_dots = 0, calls = 0;
  uint8_t buf[40 + 64];
  for (;;) {
    __wasi_size_t used = 0;
    CHECK(__wasi_fd_readdir((__wasi_fd_t)fd, buf, 40, cookie, &used) == 0);
    ++calls;
    if (used < sizeof(__wasi_dirent_t)) break;
    __wasi_dirent_t ent;
    memcpy(&ent, buf, sizeof ent);
    if (used == 40 && sizeof ent + ent.d_namlen > 40) {
      /* only part of the name fitted: read this one entry with a big buffer */
      CHECK(__wasi_fd_readdir((__wasi_fd_t)fd, buf, sizeof buf, cookie, &used) == 0);
      memcpy(&ent, buf, sizeof ent);
    }
    const char* name = (const char*)buf + sizeof ent;
    if ((ent.d_namlen == 1 && name[0] == '.') || (ent.d_namlen == 2 && !memcmp(name, "..", 2)))
      ++raw_dots;
    else
      ++raw;
    cookie = ent.d_next;
    if (calls > 10 * kFiles) break;
  }
  printf("fd_readdir: %d entries\n", raw);
  printf("deviation: fd_readdir dot entries: %d\n", raw_dots);
  CHECK(raw == kFiles);
  close(fd);

  for (int i = 0; i < kFiles; ++i) {
    char path[64];
    snprintf(path, sizeof path, "/sandbox/big/file-with-a-longish-name-%04d", i);
    CHECK(unlink(path) == 0);
  }
  CHECK(rmdir("/sandbox/big") == 0);
  return failures();
}
