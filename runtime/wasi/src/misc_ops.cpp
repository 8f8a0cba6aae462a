// args_*, environ_*, clock_*, random_get, sched_yield, proc_*.
#include <sched.h>
#include <sys/random.h>
#include <time.h>

#include <cerrno>

#include "functions.hpp"
#include "state.hpp"

namespace wasm2cpp::wasi::detail {
namespace {

// Writes `strings` as the (pointer array, NUL-terminated bytes) pair of
// args_get / environ_get, after checking both ranges.
i32 write_string_list(State& s, const std::vector<std::string>& strings, i32 ptrs, i32 buf) {
  uint64_t total = 0;
  for (const auto& str : strings) total += str.size() + 1;
  auto ptrs_at = static_cast<uint32_t>(ptrs);
  auto buf_at = static_cast<uint32_t>(buf);
  if (!s.mem.ok(ptrs_at, uint64_t{4} * strings.size()) || !s.mem.ok(buf_at, total))
    return ret(Errno::fault);
  uint32_t cursor = buf_at;
  for (size_t i = 0; i < strings.size(); ++i) {
    s.mem.store<uint32_t>(ptrs_at + static_cast<uint32_t>(4 * i), cursor);
    uint8_t* dst = s.mem.bytes(cursor, strings[i].size() + 1);
    std::memcpy(dst, strings[i].data(), strings[i].size());
    dst[strings[i].size()] = 0;
    cursor += static_cast<uint32_t>(strings[i].size() + 1);
  }
  return ret(Errno::success);
}

i32 write_sizes(State& s, const std::vector<std::string>& strings, i32 count_ptr, i32 size_ptr) {
  uint64_t total = 0;
  for (const auto& str : strings) total += str.size() + 1;
  if (total > UINT32_MAX) return ret(Errno::overflow);
  if (!s.mem.ok(static_cast<uint32_t>(count_ptr), 4) || !s.mem.ok(static_cast<uint32_t>(size_ptr), 4))
    return ret(Errno::fault);
  s.mem.store<uint32_t>(static_cast<uint32_t>(count_ptr), static_cast<uint32_t>(strings.size()));
  s.mem.store<uint32_t>(static_cast<uint32_t>(size_ptr), static_cast<uint32_t>(total));
  return ret(Errno::success);
}

bool host_clock(i32 id, clockid_t& out) {
  switch (id) {
    case 0: out = CLOCK_REALTIME; return true;
    case 1: out = CLOCK_MONOTONIC; return true;
    case 2: out = CLOCK_PROCESS_CPUTIME_ID; return true;
    case 3: out = CLOCK_THREAD_CPUTIME_ID; return true;
    default: return false;
  }
}

}  // namespace

i32 args_get(void* env, i32 argv, i32 argv_buf) {
  State& s = state(env);
  return write_string_list(s, s.config.args, argv, argv_buf);
}
i32 args_sizes_get(void* env, i32 argc, i32 argv_buf_size) {
  State& s = state(env);
  return write_sizes(s, s.config.args, argc, argv_buf_size);
}
i32 environ_get(void* env, i32 environ, i32 environ_buf) {
  State& s = state(env);
  return write_string_list(s, s.config.env, environ, environ_buf);
}
i32 environ_sizes_get(void* env, i32 count, i32 size) {
  State& s = state(env);
  return write_sizes(s, s.config.env, count, size);
}

i32 clock_res_get(void* env, i32 id, i32 resolution) {
  State& s = state(env);
  clockid_t clock;
  if (!host_clock(id, clock)) return ret(Errno::inval);
  struct timespec ts {};
  if (::clock_getres(clock, &ts) != 0) return ret_host(errno);
  uint64_t ns = uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
  return ret(s.mem.store<uint64_t>(static_cast<uint32_t>(resolution), ns) ? Errno::success
                                                                           : Errno::fault);
}

std::optional<uint64_t> now_ns(State& s, i32 id) {
  if (s.config.clock) return s.config.clock(static_cast<uint32_t>(id));
  clockid_t clock;
  if (!host_clock(id, clock)) return std::nullopt;
  struct timespec ts {};
  if (::clock_gettime(clock, &ts) != 0) return std::nullopt;
  return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}

i32 clock_time_get(void* env, i32 id, i64 /*precision*/, i32 time) {
  State& s = state(env);
  std::optional<uint64_t> ns = now_ns(s, id);
  if (!ns) return ret(Errno::inval);
  return ret(s.mem.store<uint64_t>(static_cast<uint32_t>(time), *ns) ? Errno::success
                                                                      : Errno::fault);
}

i32 random_get(void* env, i32 buf, i32 len) {
  State& s = state(env);
  uint8_t* dst = s.mem.bytes(static_cast<uint32_t>(buf), static_cast<uint32_t>(len));
  if (!dst) return ret(Errno::fault);
  std::span<uint8_t> out(dst, static_cast<uint32_t>(len));
  if (s.config.random) {
    s.config.random(out);
    return ret(Errno::success);
  }
  while (!out.empty()) {
    ssize_t n = ::getrandom(out.data(), out.size(), 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ret_host(errno);
    }
    out = out.subspan(static_cast<size_t>(n));
  }
  return ret(Errno::success);
}

i32 sched_yield(void*) {
  ::sched_yield();
  return ret(Errno::success);
}

// Raising signals in the host process would let a guest kill its embedder.
i32 proc_raise(void*, i32) { return ret(Errno::nosys); }

void proc_exit(void*, i32 code) { throw ProcExit(static_cast<uint32_t>(code)); }

}  // namespace wasm2cpp::wasi::detail
