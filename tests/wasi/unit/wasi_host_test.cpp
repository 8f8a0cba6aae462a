// Host-side tests of wasm2cpp::wasi: the linked signatures, bounds checks on
// guest pointers, proc_exit, the sandbox under concurrent renames, the
// command-line parser and the runner's exit statuses.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/fs.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "sandbox.hpp"
#include "wasm2cpp/wasi/command.hpp"
#include "wasm2cpp/wasi/wasi.hpp"

namespace fs = std::filesystem;
using namespace wasm2cpp;
using wasi::Errno;

namespace {

// A scratch folder: root/sandbox (preopened) and root/secret.txt.
struct Scratch {
  fs::path root;
  Scratch() {
    char pattern[] = "/tmp/wasm2cpp-wasi-XXXXXX";
    root = ::mkdtemp(pattern);
    fs::create_directory(root / "sandbox");
    std::ofstream(root / "secret.txt") << "TOP SECRET";
  }
  ~Scratch() { fs::remove_all(root); }
};

class Host {
 public:
  explicit Host(const fs::path& sandbox, bool bind = true) : memory_(Memory::Limits{1, 1}) {
    wasi::Config config;
    config.args = {"prog", "arg"};
    config.env = {"A=1"};
    config.preopens.push_back({sandbox.string(), "/sandbox"});
    context_ = std::make_unique<wasi::Context>(std::move(config));
    context_->link(linker_);
    if (bind) context_->bind_memory(memory_);
  }
  template <typename Sig>
  Function<Sig> fn(const char* name) {
    const ExternValue* v = linker_.find(wasi::kModuleName, name);
    EXPECT_NE(v, nullptr) << name;
    return Function<Sig>::from_ref(std::get<FuncRef>(*v));
  }
  // Puts `text` at guest address `at`.
  int32_t put(uint32_t at, std::string_view text) {
    std::memcpy(memory_.data() + at, text.data(), text.size());
    return static_cast<int32_t>(at);
  }
  int32_t path_open(std::string_view path, int32_t follow, int32_t oflags = 0) {
    put(1000, path);
    return fn<int32_t(int32_t, int32_t, int32_t, int32_t, int32_t, int64_t, int64_t, int32_t,
                      int32_t)>("path_open")(3, follow, 1000, static_cast<int32_t>(path.size()),
                                             oflags, (1 << 1) | (1 << 6), 0, 0, 2000);
  }
  uint32_t load_u32(uint32_t at) { return memory_.load<uint32_t>(at); }
  Memory& memory() { return memory_; }
  Linker& linker() { return linker_; }

 private:
  Memory memory_;
  Linker linker_;
  std::unique_ptr<wasi::Context> context_;
};

constexpr int32_t kFault = 21;

}  // namespace

// The signatures of wasi_snapshot_preview1 (witx): one letter per param, ':'
// results (i = i32, I = i64).
TEST(WasiHost, DefinesEveryPreview1FunctionWithItsSignature) {
  const std::map<std::string, std::string> expected = {
      {"args_get", "ii:i"}, {"args_sizes_get", "ii:i"}, {"environ_get", "ii:i"},
      {"environ_sizes_get", "ii:i"}, {"clock_res_get", "ii:i"}, {"clock_time_get", "iIi:i"},
      {"fd_advise", "iIIi:i"}, {"fd_allocate", "iII:i"}, {"fd_close", "i:i"},
      {"fd_datasync", "i:i"}, {"fd_fdstat_get", "ii:i"}, {"fd_fdstat_set_flags", "ii:i"},
      {"fd_fdstat_set_rights", "iII:i"}, {"fd_filestat_get", "ii:i"},
      {"fd_filestat_set_size", "iI:i"}, {"fd_filestat_set_times", "iIIi:i"},
      {"fd_pread", "iiiIi:i"}, {"fd_prestat_get", "ii:i"}, {"fd_prestat_dir_name", "iii:i"},
      {"fd_pwrite", "iiiIi:i"}, {"fd_read", "iiii:i"}, {"fd_readdir", "iiiIi:i"},
      {"fd_renumber", "ii:i"}, {"fd_seek", "iIii:i"}, {"fd_sync", "i:i"}, {"fd_tell", "ii:i"},
      {"fd_write", "iiii:i"}, {"path_create_directory", "iii:i"},
      {"path_filestat_get", "iiiii:i"}, {"path_filestat_set_times", "iiiiIIi:i"},
      {"path_link", "iiiiiii:i"}, {"path_open", "iiiiiIIii:i"}, {"path_readlink", "iiiiii:i"},
      {"path_remove_directory", "iii:i"}, {"path_rename", "iiiiii:i"},
      {"path_symlink", "iiiii:i"}, {"path_unlink_file", "iii:i"}, {"poll_oneoff", "iiii:i"},
      {"proc_exit", "i:"}, {"proc_raise", "i:i"}, {"sched_yield", ":i"}, {"random_get", "ii:i"},
      {"sock_accept", "iii:i"}, {"sock_recv", "iiiiii:i"}, {"sock_send", "iiiii:i"},
      {"sock_shutdown", "ii:i"}};
  Scratch scratch;
  Host host(scratch.root / "sandbox");
  for (const auto& [name, signature] : expected) {
    const ExternValue* v = host.linker().find(wasi::kModuleName, name);
    ASSERT_NE(v, nullptr) << name;
    ASSERT_TRUE(std::holds_alternative<FuncRef>(*v)) << name;
    EXPECT_EQ(std::get<FuncRef>(*v).type->signature, signature) << name;
  }
  EXPECT_EQ(wasi::Context::function_names().size(), expected.size());
}

TEST(WasiHost, ErrnoValuesAreThoseOfTheSpec) {
  EXPECT_EQ(static_cast<int>(wasi::errno_from_host(ENOENT)), 44);
  EXPECT_EQ(static_cast<int>(wasi::errno_from_host(EBADF)), 8);
  EXPECT_EQ(static_cast<int>(wasi::errno_from_host(EFAULT)), 21);
  EXPECT_EQ(static_cast<int>(wasi::errno_from_host(EINVAL)), 28);
  EXPECT_EQ(static_cast<int>(wasi::errno_from_host(ENOTEMPTY)), 55);
  EXPECT_EQ(static_cast<int>(wasi::errno_from_host(EXDEV)), 75);
  EXPECT_EQ(static_cast<int>(Errno::notcapable), 76);
  EXPECT_STREQ(wasi::errno_name(Errno::loop), "loop");
}

TEST(WasiHost, UnboundMemoryIsAFault) {
  Scratch scratch;
  Host host(scratch.root / "sandbox", /*bind=*/false);
  EXPECT_EQ(host.fn<int32_t(int32_t, int32_t)>("args_sizes_get")(0, 4), kFault);
  EXPECT_EQ(host.fn<int32_t(int32_t, int32_t, int32_t, int32_t)>("fd_write")(1, 0, 0, 0), kFault);
}

TEST(WasiHost, OutOfBoundsPointersAreFaultsAndNothingIsWritten) {
  Scratch scratch;
  Host host(scratch.root / "sandbox");
  auto args_sizes_get = host.fn<int32_t(int32_t, int32_t)>("args_sizes_get");
  EXPECT_EQ(args_sizes_get(65533, 0), kFault);  // 4 bytes at 65533 cross the end
  EXPECT_EQ(args_sizes_get(-4, 0), kFault);     // 0xfffffffc
  EXPECT_EQ(args_sizes_get(65532, 0), 0);       // the last 4 bytes are fine
  EXPECT_EQ(host.load_u32(65532), 2u);
  // args_get checks both arrays before writing either.
  std::memset(host.memory().data(), 0xAB, 64);
  EXPECT_EQ(host.fn<int32_t(int32_t, int32_t)>("args_get")(0, 65530), kFault);
  EXPECT_EQ(host.load_u32(0), 0xABABABABu);
  // fd_write: an iovec whose buffer crosses the end.
  host.memory().store<uint32_t>(100, 65530);
  host.memory().store<uint32_t>(104, 100);
  EXPECT_EQ(host.fn<int32_t(int32_t, int32_t, int32_t, int32_t)>("fd_write")(1, 100, 1, 200),
            kFault);
  // u32 wrap-around of ptr + len.
  host.memory().store<uint32_t>(104, 0xffffffffu);
  host.memory().store<uint32_t>(100, 16);
  EXPECT_EQ(host.fn<int32_t(int32_t, int32_t, int32_t, int32_t)>("fd_write")(1, 100, 1, 200),
            kFault);
  EXPECT_EQ(host.fn<int32_t(int32_t, int32_t)>("random_get")(65000, 1000), kFault);
}

TEST(WasiHost, ProcExitThrowsItsCode) {
  Scratch scratch;
  Host host(scratch.root / "sandbox");
  try {
    host.fn<void(int32_t)>("proc_exit")(17);
    FAIL() << "proc_exit returned";
  } catch (const wasi::ProcExit& e) {
    EXPECT_EQ(e.code(), 17u);
  }
  EXPECT_EQ(host.fn<int32_t(int32_t)>("proc_raise")(15), static_cast<int32_t>(Errno::nosys));
}

// A thread keeps swapping sandbox/d between a real directory and a symlink to
// ".." (outside); opening d/secret.txt must never reach the outside file,
// whichever resolver is in use.
static void race(int resolver) {
  Scratch scratch;
  fs::path sandbox = scratch.root / "sandbox";
  fs::create_directory(sandbox / "d");
  std::ofstream(sandbox / "d" / "secret.txt") << "inside";
  fs::create_directory_symlink("..", sandbox / "x");
  wasi::detail::force_resolver_for_testing(resolver);
  Host host(sandbox);
  std::atomic<bool> stop{false};
  std::thread flipper([&] {
    int dir = ::open(sandbox.c_str(), O_RDONLY | O_DIRECTORY);
    while (!stop.load()) ::syscall(SYS_renameat2, dir, "d", dir, "x", RENAME_EXCHANGE);
    ::close(dir);
  });
  int opened = 0, escaped = 0;
  for (int i = 0; i < 3000; ++i) {
    for (int32_t follow : {0, 1}) {
      if (host.path_open("d/secret.txt", follow) != 0) continue;
      ++opened;
      int32_t fd = static_cast<int32_t>(host.load_u32(2000));
      host.memory().store<uint32_t>(3000, 3100);
      host.memory().store<uint32_t>(3004, 32);
      std::memset(host.memory().data() + 3100, 0, 32);
      ASSERT_EQ(host.fn<int32_t(int32_t, int32_t, int32_t, int32_t)>("fd_read")(fd, 3000, 1, 3200), 0);
      if (std::string(reinterpret_cast<char*>(host.memory().data() + 3100)) != "inside") ++escaped;
      host.fn<int32_t(int32_t)>("fd_close")(fd);
    }
    host.put(1000, "d/newdir");
    if (host.fn<int32_t(int32_t, int32_t, int32_t)>("path_create_directory")(3, 1000, 8) == 0)
      host.fn<int32_t(int32_t, int32_t, int32_t)>("path_remove_directory")(3, 1000, 8);
  }
  stop = true;
  flipper.join();
  wasi::detail::force_resolver_for_testing(-1);
  EXPECT_EQ(escaped, 0);
  EXPECT_GT(opened, 0);  // the race really alternated
  EXPECT_FALSE(fs::exists(scratch.root / "newdir"));
}

TEST(WasiSandbox, RenameRaceNeverEscapesWithOpenat2) { race(1); }
TEST(WasiSandbox, RenameRaceNeverEscapesWithPortableResolver) { race(0); }

TEST(WasiSandbox, ResolverRefusesEscapes) {
  Scratch scratch;
  fs::path sandbox = scratch.root / "sandbox";
  fs::create_directories(sandbox / "a" / "b");
  fs::create_directory_symlink("../..", sandbox / "a" / "up");
  for (int resolver : {0, 1}) {
    wasi::detail::force_resolver_for_testing(resolver);
    int base = ::open(sandbox.c_str(), O_RDONLY | O_DIRECTORY);
    wasi::detail::Resolved r;
    EXPECT_EQ(wasi::detail::resolve_beneath(base, "a/b/../../..", false, r), Errno::notcapable);
    EXPECT_EQ(wasi::detail::resolve_beneath(base, "a/up/secret.txt", false, r), Errno::notcapable);
    EXPECT_EQ(wasi::detail::resolve_beneath(base, "/etc", false, r), Errno::notcapable);
    ASSERT_EQ(wasi::detail::resolve_beneath(base, "a/b/../x", false, r), Errno::success);
    EXPECT_EQ(r.name, "x");
    ASSERT_EQ(wasi::detail::resolve_beneath(base, "a/b/..", false, r), Errno::success);
    EXPECT_EQ(r.name, ".");
    wasi::detail::UniqueFd fd;
    EXPECT_EQ(wasi::detail::open_beneath(base, "a/up/secret.txt", O_RDONLY, 0, true, fd),
              Errno::notcapable);
    ::close(base);
  }
  wasi::detail::force_resolver_for_testing(-1);
}

TEST(WasiCommand, ParsesRunnerOptionsAndGuestArguments) {
  const char* argv[] = {"/usr/bin/prog", "--dir", "/tmp::/t", "--dir=/srv", "--env", "A=1",
                        "--env=B=x=y", "--", "--dir", "arg"};
  wasi::CommandLine cl;
  ASSERT_EQ(wasi::parse_command_line(10, argv, "", cl), "");
  EXPECT_EQ(cl.config.args, (std::vector<std::string>{"prog", "--dir", "arg"}));
  ASSERT_EQ(cl.config.preopens.size(), 2u);
  EXPECT_EQ(cl.config.preopens[0].host_path, "/tmp");
  EXPECT_EQ(cl.config.preopens[0].guest_path, "/t");
  EXPECT_EQ(cl.config.preopens[1].guest_path, "/srv");
  EXPECT_EQ(cl.config.env, (std::vector<std::string>{"A=1", "B=x=y"}));

  const char* positional[] = {"prog", "file.txt", "--flag"};
  wasi::CommandLine cl2;
  ASSERT_EQ(wasi::parse_command_line(3, positional, "name", cl2), "");
  EXPECT_EQ(cl2.config.args, (std::vector<std::string>{"name", "file.txt", "--flag"}));

  for (std::vector<const char*> bad : {std::vector<const char*>{"p", "--env", "NOVALUE"},
                                       {"p", "--dir"}, {"p", "--bogus"}, {"p", "--dir", "::g"}}) {
    wasi::CommandLine cl3;
    EXPECT_NE(wasi::parse_command_line(static_cast<int>(bad.size()), bad.data(), "", cl3), "");
  }
}

TEST(WasiCommand, ExitStatuses) {
  EXPECT_EQ(wasi::run_guarded({}, [](wasi::Context&) -> int { throw wasi::ProcExit(9); }), 9);
  EXPECT_EQ(wasi::run_guarded({}, [](wasi::Context&) -> int { throw Trap(TrapKind::Unreachable); }),
            wasi::kExitTrap);
  EXPECT_EQ(wasi::run_guarded({}, [](wasi::Context&) -> int { throw LinkError("x"); }),
            wasi::kExitRunnerError);
  wasi::Config missing;
  missing.preopens.push_back({"/nonexistent/dir", "/d"});
  EXPECT_EQ(wasi::run_guarded(std::move(missing), [](wasi::Context&) { return 0; }),
            wasi::kExitRunnerError);
  EXPECT_EQ(wasi::run_guarded({}, [](wasi::Context&) { return 3; }), 3);
}

TEST(WasiCommand, BakedDefaultsComeFirstAndRuntimeEnvWins) {
  wasi::CommandDefaults defaults;
  defaults.preopens.push_back({"/baked", "/b"});
  defaults.env = {"A=baked", "KEEP=1"};
  defaults.tcp_listen = {"127.0.0.1:0"};
  const char* argv[] = {"prog", "--dir", "/run::/r", "--env", "A=runtime", "--tcplisten",
                        "[::1]:0", "x"};
  wasi::CommandLine cl;
  ASSERT_EQ(wasi::parse_command_line(8, argv, "", defaults, cl), "");
  ASSERT_EQ(cl.config.preopens.size(), 2u);
  EXPECT_EQ(cl.config.preopens[0].guest_path, "/b");
  EXPECT_EQ(cl.config.preopens[1].guest_path, "/r");
  EXPECT_EQ(cl.config.env, (std::vector<std::string>{"KEEP=1", "A=runtime"}));
  EXPECT_EQ(cl.config.tcp_listen, (std::vector<std::string>{"127.0.0.1:0", "[::1]:0"}));
  EXPECT_EQ(cl.config.args, (std::vector<std::string>{"prog", "x"}));

  // Without runner options every argument is the guest's, the defaults stay.
  defaults.runner_options = false;
  wasi::CommandLine fixed;
  ASSERT_EQ(wasi::parse_command_line(8, argv, "tool", defaults, fixed), "");
  EXPECT_EQ(fixed.config.args,
            (std::vector<std::string>{"tool", "--dir", "/run::/r", "--env", "A=runtime",
                                      "--tcplisten", "[::1]:0", "x"}));
  EXPECT_EQ(fixed.config.env, (std::vector<std::string>{"A=baked", "KEEP=1"}));
  ASSERT_EQ(fixed.config.preopens.size(), 1u);
}

TEST(WasiSockets, PreopenedListenerAcceptsAndRejectsBadAddresses) {
  Scratch scratch;
  wasi::Config config;
  config.preopens.push_back({(scratch.root / "sandbox").string(), "/sandbox"});
  config.tcp_listen = {"127.0.0.1:0"};
  Memory memory(Memory::Limits{1, 1});
  wasi::Context context(std::move(config));
  Linker linker;
  context.link(linker);
  context.bind_memory(memory);
  auto fn = [&]<typename Sig>(const char* name, Sig*) {
    return Function<Sig>::from_ref(std::get<FuncRef>(*linker.find(wasi::kModuleName, name)));
  };
  using Fdstat = int32_t(int32_t, int32_t);
  using Accept = int32_t(int32_t, int32_t, int32_t);
  auto fdstat = fn("fd_fdstat_get", static_cast<Fdstat*>(nullptr));
  auto set_flags = fn("fd_fdstat_set_flags", static_cast<Fdstat*>(nullptr));
  auto accept = fn("sock_accept", static_cast<Accept*>(nullptr));
  // fd 4 (after the directory) is a stream socket (filetype 6) with sock_accept.
  ASSERT_EQ(fdstat(4, 0), 0);
  EXPECT_EQ(memory.data()[0], 6);
  uint64_t rights_base = 0;
  std::memcpy(&rights_base, memory.data() + 8, 8);
  EXPECT_NE(rights_base & (1ull << 29), 0u);
  // sock_accept's flags are those of the new socket; a non-blocking listener
  // with nobody connecting gives EAGAIN. On a directory: ENOTSOCK.
  ASSERT_EQ(set_flags(4, 4 /* NONBLOCK */), 0);
  EXPECT_EQ(accept(4, 0, 64), static_cast<int32_t>(Errno::again));
  EXPECT_EQ(accept(3, 0, 64), static_cast<int32_t>(Errno::notsock));
  EXPECT_EQ(accept(4, 0, 65536), static_cast<int32_t>(Errno::fault));

  for (const char* bad : {"127.0.0.1", "127.0.0.1:http", "no-such-host.invalid:1", ":5"}) {
    wasi::Config broken;
    broken.tcp_listen = {bad};
    EXPECT_THROW(wasi::Context{std::move(broken)}, std::system_error) << bad;
  }
}
