/* Accepts one connection on the preopened listening socket (the runner's
   --tcplisten), echoes everything it receives until the peer shuts down its
   side, then shuts down its own side. Prints a summary to stdout. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

int main(void) {
  /* The listening socket is the first socket fd after stdio. */
  int listener = -1;
  for (int fd = 3; fd < 32 && listener < 0; ++fd) {
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode)) listener = fd;
  }
  if (listener < 0) {
    fprintf(stderr, "echo_server: no preopened socket\n");
    return 2;
  }
  /* wasi-libc (Debian) declares no accept(); the WASI call itself: */
  __wasi_fd_t connection;
  __wasi_errno_t error = __wasi_sock_accept((__wasi_fd_t)listener, 0, &connection);
  if (error != 0) {
    fprintf(stderr, "echo_server: sock_accept: %s\n", strerror(error));
    return 3;
  }
  printf("accepted a connection on fd %d as fd %d\n", listener, (int)connection);
  char buffer[512];
  long total = 0;
  for (;;) {
    ssize_t n = recv((int)connection, buffer, sizeof buffer, 0);
    if (n < 0) {
      fprintf(stderr, "echo_server: recv: %s\n", strerror(errno));
      return 4;
    }
    if (n == 0) break;
    for (ssize_t sent = 0; sent < n;) {
      ssize_t m = send((int)connection, buffer + sent, (size_t)(n - sent), 0);
      if (m < 0) {
        fprintf(stderr, "echo_server: send: %s\n", strerror(errno));
        return 5;
      }
      sent += m;
    }
    total += n;
  }
  if (shutdown((int)connection, SHUT_WR) != 0) {
    fprintf(stderr, "echo_server: shutdown: %s\n", strerror(errno));
    return 6;
  }
  /* The listener is a socket but not a connected one; stdout is no socket. */
  ssize_t on_listener = recv(listener, buffer, sizeof buffer, 0);
  const char* listener_error = on_listener < 0 ? strerror(errno) : "no error";
  ssize_t on_stdout = send(1, "x", 1, 0);
  printf("echoed %ld bytes; recv on the listener: %s; send on stdout: %s\n", total,
         listener_error, on_stdout < 0 ? strerror(errno) : "no error");
  close((int)connection);
  return 0;
}
