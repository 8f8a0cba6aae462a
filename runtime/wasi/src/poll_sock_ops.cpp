// poll_oneoff and sock_*.
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>

#include <cerrno>

#include "functions.hpp"
#include "state.hpp"

namespace wasm2cpp::wasi::detail {
namespace {

constexpr uint8_t kEventClock = 0, kEventFdRead = 1, kEventFdWrite = 2;
constexpr uint16_t kSubclockAbstime = 1;
constexpr uint16_t kEventHangup = 1;
constexpr size_t kSubscriptionSize = 48, kEventSize = 32;

struct Event {
  uint64_t userdata = 0;
  Errno error = Errno::success;
  uint8_t type = 0;
  uint64_t nbytes = 0;
  uint16_t flags = 0;
};

void store_event(State& s, uint32_t at, const Event& ev) {
  std::memset(s.mem.bytes(at, kEventSize), 0, kEventSize);
  s.mem.store<uint64_t>(at, ev.userdata);
  s.mem.store<uint16_t>(at + 8, static_cast<uint16_t>(ev.error));
  s.mem.store<uint8_t>(at + 10, ev.type);
  s.mem.store<uint64_t>(at + 16, ev.nbytes);
  s.mem.store<uint16_t>(at + 24, ev.flags);
}

}  // namespace

i32 poll_oneoff(void* env, i32 in, i32 out, i32 nsubscriptions, i32 nevents) {
  State& s = state(env);
  auto count = static_cast<uint32_t>(nsubscriptions);
  auto in_at = static_cast<uint32_t>(in), out_at = static_cast<uint32_t>(out);
  if (!s.mem.ok(in_at, uint64_t{kSubscriptionSize} * count) ||
      !s.mem.ok(out_at, uint64_t{kEventSize} * count) ||
      !s.mem.ok(static_cast<uint32_t>(nevents), 4))
    return ret(Errno::fault);
  if (count == 0) return ret(Errno::inval);

  struct Clock {
    uint64_t userdata;
    i32 id;
    uint64_t deadline;  // absolute, in the clock's nanoseconds
  };
  std::vector<Event> ready;         // events known before polling
  std::vector<Clock> clocks;
  std::vector<struct pollfd> pollfds;
  std::vector<Event> fd_events;     // parallel to pollfds
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t sub = in_at + static_cast<uint32_t>(kSubscriptionSize) * i;
    uint64_t userdata = 0;
    uint8_t tag = 0;
    s.mem.load(sub, userdata);
    s.mem.load(sub + 8, tag);
    if (tag == kEventClock) {
      uint32_t id = 0;
      uint64_t timeout = 0;
      uint16_t flags = 0;
      s.mem.load(sub + 16, id);
      s.mem.load(sub + 24, timeout);
      s.mem.load(sub + 40, flags);
      std::optional<uint64_t> now = now_ns(s, static_cast<i32>(id));
      if (!now) {
        ready.push_back({userdata, Errno::inval, kEventClock, 0, 0});
        continue;
      }
      uint64_t deadline = (flags & kSubclockAbstime) ? timeout : *now + timeout;
      clocks.push_back({userdata, static_cast<i32>(id), deadline});
    } else if (tag == kEventFdRead || tag == kEventFdWrite) {
      uint32_t fd = 0;
      s.mem.load(sub + 16, fd);
      Errno error = Errno::success;
      FdEntry* e = lookup(s, static_cast<i32>(fd), rights::poll_fd_readwrite, error);
      if (!e) {
        ready.push_back({userdata, error, tag, 0, 0});
        continue;
      }
      if (e->type == FileType::regular_file) {
        // Regular files are always ready; report the bytes left to read.
        uint64_t left = 0;
        struct stat st {};
        off_t pos = ::lseek(e->host.get(), 0, SEEK_CUR);
        if (tag == kEventFdRead && pos >= 0 && ::fstat(e->host.get(), &st) == 0 &&
            st.st_size > pos)
          left = static_cast<uint64_t>(st.st_size - pos);
        ready.push_back({userdata, Errno::success, tag, left, 0});
        continue;
      }
      pollfds.push_back({e->host.get(), static_cast<short>(tag == kEventFdRead ? POLLIN : POLLOUT), 0});
      fd_events.push_back({userdata, Errno::success, tag, 0, 0});
    } else {
      return ret(Errno::inval);
    }
  }

  // Wait until an fd is ready or the earliest clock expires; never when an
  // event is already known.
  auto earliest_wait = [&]() -> std::optional<uint64_t> {
    std::optional<uint64_t> wait;
    for (const Clock& c : clocks) {
      std::optional<uint64_t> now = now_ns(s, c.id);
      uint64_t left = (now && c.deadline > *now) ? c.deadline - *now : 0;
      if (!wait || left < *wait) wait = left;
    }
    return wait;
  };
  for (;;) {
    std::optional<uint64_t> wait = ready.empty() ? earliest_wait() : std::optional<uint64_t>(0);
    struct timespec ts {};
    if (wait) {
      ts.tv_sec = static_cast<time_t>(*wait / 1000000000u);
      ts.tv_nsec = static_cast<long>(*wait % 1000000000u);
    }
    int r = ::ppoll(pollfds.data(), pollfds.size(), wait ? &ts : nullptr, nullptr);
    if (r < 0) {
      if (errno == EINTR) continue;
      return ret_host(errno);
    }
    for (size_t i = 0; i < pollfds.size(); ++i) {
      short revents = pollfds[i].revents;
      if (!revents) continue;
      Event ev = fd_events[i];
      if (revents & POLLNVAL) ev.error = Errno::badf;
      else if (revents & POLLERR) ev.error = Errno::io;
      if (revents & POLLHUP) ev.flags |= kEventHangup;
      if (ev.type == kEventFdRead && ev.error == Errno::success) {
        int avail = 0;
        if (::ioctl(pollfds[i].fd, FIONREAD, &avail) == 0 && avail > 0)
          ev.nbytes = static_cast<uint64_t>(avail);
      }
      ready.push_back(ev);
    }
    for (const Clock& c : clocks) {
      std::optional<uint64_t> now = now_ns(s, c.id);
      if (now && *now >= c.deadline) ready.push_back({c.userdata, Errno::success, kEventClock, 0, 0});
    }
    // A custom clock source may not advance while we sleep: after a timeout
    // the earliest clock has fired by definition.
    if (ready.empty() && r == 0 && !clocks.empty()) {
      const Clock* first = &clocks[0];
      for (const Clock& c : clocks) if (c.deadline < first->deadline) first = &c;
      ready.push_back({first->userdata, Errno::success, kEventClock, 0, 0});
    }
    if (!ready.empty()) break;
  }
  for (size_t i = 0; i < ready.size(); ++i)
    store_event(s, out_at + static_cast<uint32_t>(kEventSize * i), ready[i]);
  s.mem.store<uint32_t>(static_cast<uint32_t>(nevents), static_cast<uint32_t>(ready.size()));
  return ret(Errno::success);
}

namespace {

FdEntry* socket_entry(State& s, i32 fd, uint64_t required, Errno& error) {
  FdEntry* e = lookup(s, fd, 0, error);
  if (!e) return nullptr;
  if (e->type != FileType::socket_stream && e->type != FileType::socket_dgram) {
    error = Errno::notsock;
    return nullptr;
  }
  if ((e->rights_base & required) != required) {
    error = Errno::notcapable;
    return nullptr;
  }
  return e;
}

}  // namespace

i32 sock_accept(void* env, i32 fd, i32 flags, i32 fd_out) {
  State& s = state(env);
  Errno error = Errno::success;
  FdEntry* e = socket_entry(s, fd, rights::sock_accept, error);
  if (!e) return ret(error);
  if (flags & ~kFdflagNonblock) return ret(Errno::inval);
  if (!s.mem.ok(static_cast<uint32_t>(fd_out), 4)) return ret(Errno::fault);
  int host = ::accept4(e->host.get(), nullptr, nullptr,
                       SOCK_CLOEXEC | ((flags & kFdflagNonblock) ? SOCK_NONBLOCK : 0));
  if (host < 0) return ret_host(errno);
  auto entry = std::make_unique<FdEntry>();
  entry->host.reset(host);
  classify(*entry);
  s.mem.store<uint32_t>(static_cast<uint32_t>(fd_out), s.insert(std::move(entry)));
  return ret(Errno::success);
}

i32 sock_recv(void* env, i32 fd, i32 ri_data, i32 ri_data_len, i32 ri_flags, i32 ro_datalen,
              i32 ro_flags) {
  State& s = state(env);
  Errno error = Errno::success;
  FdEntry* e = socket_entry(s, fd, rights::fd_read, error);
  if (!e) return ret(error);
  constexpr i32 kRecvPeek = 1, kRecvWaitall = 2;
  if (ri_flags & ~(kRecvPeek | kRecvWaitall)) return ret(Errno::inval);
  std::vector<struct iovec> vec;
  if (!gather_iovecs(s, ri_data, ri_data_len, vec) ||
      !s.mem.ok(static_cast<uint32_t>(ro_datalen), 4) || !s.mem.ok(static_cast<uint32_t>(ro_flags), 2))
    return ret(Errno::fault);
  struct msghdr msg {};
  msg.msg_iov = vec.data();
  msg.msg_iovlen = vec.size();
  int host_flags = ((ri_flags & kRecvPeek) ? MSG_PEEK : 0) | ((ri_flags & kRecvWaitall) ? MSG_WAITALL : 0);
  ssize_t n;
  do n = ::recvmsg(e->host.get(), &msg, host_flags);
  while (n < 0 && errno == EINTR);
  if (n < 0) return ret_host(errno);
  s.mem.store<uint32_t>(static_cast<uint32_t>(ro_datalen), static_cast<uint32_t>(n));
  // roflags: RECV_DATA_TRUNCATED = 1
  s.mem.store<uint16_t>(static_cast<uint32_t>(ro_flags), (msg.msg_flags & MSG_TRUNC) ? 1 : 0);
  return ret(Errno::success);
}

i32 sock_send(void* env, i32 fd, i32 si_data, i32 si_data_len, i32 si_flags, i32 so_datalen) {
  State& s = state(env);
  Errno error = Errno::success;
  FdEntry* e = socket_entry(s, fd, rights::fd_write, error);
  if (!e) return ret(error);
  if (si_flags != 0) return ret(Errno::inval);
  std::vector<struct iovec> vec;
  if (!gather_iovecs(s, si_data, si_data_len, vec) || !s.mem.ok(static_cast<uint32_t>(so_datalen), 4))
    return ret(Errno::fault);
  struct msghdr msg {};
  msg.msg_iov = vec.data();
  msg.msg_iovlen = vec.size();
  ssize_t n;
  do n = ::sendmsg(e->host.get(), &msg, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  if (n < 0) return ret_host(errno);
  s.mem.store<uint32_t>(static_cast<uint32_t>(so_datalen), static_cast<uint32_t>(n));
  return ret(Errno::success);
}

i32 sock_shutdown(void* env, i32 fd, i32 how) {
  State& s = state(env);
  Errno error = Errno::success;
  FdEntry* e = socket_entry(s, fd, rights::sock_shutdown, error);
  if (!e) return ret(error);
  // sdflags: RD = 1, WR = 2
  int host_how;
  switch (how) {
    case 1: host_how = SHUT_RD; break;
    case 2: host_how = SHUT_WR; break;
    case 3: host_how = SHUT_RDWR; break;
    default: return ret(Errno::inval);
  }
  return ::shutdown(e->host.get(), host_how) == 0 ? ret(Errno::success) : ret_host(errno);
}

}  // namespace wasm2cpp::wasi::detail
