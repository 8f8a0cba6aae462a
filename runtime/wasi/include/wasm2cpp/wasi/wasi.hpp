// WASI preview 1 ("wasi_snapshot_preview1") for translated modules.
//
//   wasm2cpp::wasi::Config config;
//   config.args = {"prog", "x"};
//   config.preopens.push_back({"/srv/data", "/data"});
//   wasm2cpp::wasi::Context wasi(std::move(config));
//   wasm2cpp::Linker linker;
//   wasi.link(linker);              // defines all wasi_snapshot_preview1 functions
//   m::Instance inst(linker);
//   wasi.bind_memory(inst.memory());
//   try { inst._start(); } catch (const wasm2cpp::wasi::ProcExit& e) { return e.code(); }
//
// Guest pointers are only ever dereferenced through bounds-checked accessors:
// a bad pointer or length makes the call return Errno::fault (21). Paths are
// resolved strictly beneath the preopened directories (see docs/wasi.md).
// The Context must outlive every instance linked against it. Not thread-safe.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "wasm2cpp/linker.hpp"
#include "wasm2cpp/memory.hpp"

namespace wasm2cpp::wasi {

inline constexpr const char* kModuleName = "wasi_snapshot_preview1";

// The errno values of WASI preview 1 (wasi_snapshot_preview1.witx).
enum class Errno : uint16_t {
  success = 0, toobig, acces, addrinuse, addrnotavail, afnosupport, again, already, badf,
  badmsg, busy, canceled, child, connaborted, connrefused, connreset, deadlk, destaddrreq, dom,
  dquot, exist, fault, fbig, hostunreach, idrm, ilseq, inprogress, intr, inval, io, isconn, isdir,
  loop, mfile, mlink, msgsize, multihop, nametoolong, netdown, netreset, netunreach, nfile, nobufs,
  nodev, noent, noexec, nolck, nolink, nomem, nomsg, noprotoopt, nospc, nosys, notconn, notdir,
  notempty, notrecoverable, notsock, notsup, notty, nxio, overflow, ownerdead, perm, pipe, proto,
  protonosupport, prototype, range, rofs, spipe, srch, stale, timedout, txtbsy, xdev, notcapable,
};

// Host errno -> WASI errno (unknown values map to Errno::io).
Errno errno_from_host(int host_errno) noexcept;
const char* errno_name(Errno e) noexcept;

// Thrown by proc_exit. It unwinds through generated code exactly like
// wasm2cpp::Trap (it is not a Trap: catch it first, or catch std::exception).
// The instance should not be used afterwards.
class ProcExit : public std::exception {
 public:
  explicit ProcExit(uint32_t code) noexcept : code_(code) {}
  uint32_t code() const noexcept { return code_; }
  const char* what() const noexcept override { return "wasi proc_exit"; }

 private:
  uint32_t code_;
};

// A host directory made reachable to the guest under `guest_path` (the name
// fd_prestat_dir_name reports; wasi-libc matches absolute guest paths on it).
struct Preopen {
  std::string host_path;
  std::string guest_path;
};

struct Config {
  std::vector<std::string> args;     // args[0] is the program name
  std::vector<std::string> env;      // "KEY=VALUE"
  std::vector<Preopen> preopens;     // fds 3, 4, ... in order
  // Listening TCP sockets "HOST:PORT" ("[::1]:8080"; port 0 picks a free one),
  // created by the Context and given to the guest after the preopened
  // directories, for sock_accept (wasmtime's --tcplisten).
  std::vector<std::string> tcp_listen;
  // Host fds behind guest fds 0, 1, 2 (duplicated; -1: the guest fd is closed).
  int stdin_fd = 0;
  int stdout_fd = 1;
  int stderr_fd = 2;
  // Optional sources replacing the host clocks / getrandom (deterministic
  // runs, tests). clock: (wasi clock id) -> nanoseconds, nullopt = EINVAL.
  std::function<std::optional<uint64_t>(uint32_t clock_id)> clock;
  std::function<void(std::span<uint8_t>)> random;
};

namespace detail {
struct State;
}

class Context {
 public:
  // Opens the preopened directories and listening sockets (throws
  // std::system_error naming the directory or address that fails).
  explicit Context(Config config);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  // Defines every wasi_snapshot_preview1 function into `linker`.
  void link(Linker& linker);
  // The guest memory every pointer argument refers to. Until it is bound,
  // calls that take pointers return Errno::fault.
  void bind_memory(Memory& memory) noexcept;

  // Names of all functions link() defines.
  static std::span<const char* const> function_names() noexcept;

 private:
  std::unique_ptr<detail::State> state_;
};

}  // namespace wasm2cpp::wasi
