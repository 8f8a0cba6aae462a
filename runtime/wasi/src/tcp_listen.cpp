// Preopened listening sockets (Config::tcp_listen): created by the host before
// the guest runs, because preview 1 has no socket/bind/listen of its own.
#include <netdb.h>
#include <sys/socket.h>

#include <cerrno>
#include <system_error>

#include "state.hpp"

namespace wasm2cpp::wasi::detail {

namespace {

[[noreturn]] void fail(int error, const std::string& address, const std::string& what) {
  throw std::system_error(error, std::generic_category(),
                          "wasi: cannot listen on '" + address + "': " + what);
}

}  // namespace

UniqueFd open_tcp_listener(const std::string& address) {
  // "HOST:PORT", "[V6]:PORT"; the port is required (0: any free port).
  size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon + 1 == address.size())
    fail(EINVAL, address, "expected HOST:PORT");
  std::string host = address.substr(0, colon);
  const std::string port = address.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host.empty()) fail(EINVAL, address, "expected HOST:PORT");

  struct addrinfo hints {};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  struct addrinfo* found = nullptr;
  if (int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0)
    fail(EINVAL, address, ::gai_strerror(rc));
  int last_error = EADDRNOTAVAIL;
  UniqueFd result;
  for (struct addrinfo* ai = found; ai && !result; ai = ai->ai_next) {
    UniqueFd fd(::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol));
    if (!fd) {
      last_error = errno;
      continue;
    }
    int one = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd.get(), ai->ai_addr, ai->ai_addrlen) != 0 ||
        ::listen(fd.get(), SOMAXCONN) != 0) {
      last_error = errno;
      continue;
    }
    result = std::move(fd);
  }
  ::freeaddrinfo(found);
  if (!result) fail(last_error, address, std::generic_category().message(last_error));
  return result;
}

}  // namespace wasm2cpp::wasi::detail
