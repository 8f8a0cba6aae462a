#include "cli/build_toolchain.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

#include "cli/build_paths.hpp"

extern char** environ;

namespace wasm2cpp::cli {
namespace fs = std::filesystem;
namespace {

std::string static_library_name(const char* base) {
  return std::string(build_paths::kStaticLibPrefix) + base + build_paths::kStaticLibSuffix;
}

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// A usable runtime in `include_dir` / `lib_dir`, or nullopt.
std::optional<RuntimeLocation> layout_at(const fs::path& include_dir, const fs::path& lib_dir,
                                         std::string origin) {
  if (!is_file(include_dir / "wasm2cpp" / "runtime.hpp")) return std::nullopt;
  RuntimeLocation location;
  location.include_dirs = {include_dir};
  location.runtime_library = lib_dir / static_library_name("wasm2cpp_runtime");
  if (!is_file(location.runtime_library)) return std::nullopt;
  fs::path wasi = lib_dir / static_library_name("wasm2cpp_wasi");
  if (is_file(wasi) && is_file(include_dir / "wasm2cpp" / "wasi" / "command.hpp"))
    location.wasi_library = wasi;
  location.origin = std::move(origin);
  return location;
}

std::optional<fs::path> own_executable() {
#if defined(__APPLE__)
  uint32_t size = 0;
  _NSGetExecutablePath(nullptr, &size);
  std::string buffer(size, '\0');
  if (_NSGetExecutablePath(buffer.data(), &size) != 0) return std::nullopt;
  buffer.resize(std::strlen(buffer.c_str()));
  fs::path path = buffer;
#else
  fs::path path = "/proc/self/exe";
#endif
  std::error_code ec;
  // Symlinks resolved: a /usr/local/bin link into /opt/wasm2cpp/bin finds /opt/wasm2cpp.
  fs::path resolved = fs::canonical(path, ec);
  if (ec) return std::nullopt;
  return resolved;
}

std::optional<fs::path> find_in_path(const std::string& program) {
  if (program.find('/') != std::string::npos) return fs::path(program);
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    size_t colon = dirs.find(':');
    std::string_view dir = dirs.substr(0, colon);
    fs::path candidate = fs::path(dir.empty() ? "." : std::string(dir)) / program;
    if (::access(candidate.c_str(), X_OK) == 0 && is_file(candidate)) return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

// Signals that stop the build: remembered by the handler, acted on by run_jobs.
volatile std::sig_atomic_t g_signal = 0;
extern "C" void remember_signal(int signal_number) { g_signal = signal_number; }

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};

void copy_log_to_stderr(const fs::path& log) {
  // Not `std::cerr << in.rdbuf()`: an empty log would set failbit on cerr
  // and silence every later message.
  std::ifstream in(log, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::cerr << text;
  std::cerr.flush();
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const char* name = ::strsignal(WTERMSIG(status));
    return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) +
           (name ? std::string(" (") + name + ")" : "");
  }
  return "ended with status " + std::to_string(status);
}

}  // namespace

std::optional<RuntimeLocation> find_runtime(const fs::path& prefix,
                                            std::vector<std::string>& tried) {
  // The library directory relative to a prefix: bin/<kBinToLib>, e.g. "lib"
  // or "lib/x86_64-linux-gnu", then the common names.
  const fs::path prefix_lib = (fs::path("bin") / build_paths::kBinToLib).lexically_normal();
  const fs::path prefix_include = (fs::path("bin") / build_paths::kBinToInclude).lexically_normal();
  auto try_prefix = [&](const fs::path& root, const std::string& what)
      -> std::optional<RuntimeLocation> {
    for (const fs::path& lib : {prefix_lib, fs::path("lib"), fs::path("lib64")}) {
      if (auto found = layout_at(root / prefix_include, root / lib, what + " " + root.string()))
        return found;
    }
    tried.push_back(what + " " + root.string() + " (" + (root / prefix_include).string() +
                    ", " + (root / prefix_lib).string() + ")");
    return std::nullopt;
  };
  if (!prefix.empty()) return try_prefix(fs::absolute(prefix), "--runtime-prefix");

  if (auto self = own_executable()) {
    // Installed: <prefix>/bin/wasm2cpp next to <prefix>/include, <prefix>/lib.
    const fs::path bin = self->parent_path();
    fs::path include_dir = (bin / build_paths::kBinToInclude).lexically_normal();
    fs::path lib_dir = (bin / build_paths::kBinToLib).lexically_normal();
    if (auto found = layout_at(include_dir, lib_dir, "installed prefix " +
                                                         bin.parent_path().string()))
      return found;
    tried.push_back("next to " + self->string() + " (" + include_dir.string() + ", " +
                    lib_dir.string() + ")");
  }

  // The build tree this translator comes from.
  if (*build_paths::kBuildTreeRuntimeLib != '\0') {
    RuntimeLocation location;
    location.include_dirs = {build_paths::kBuildTreeInclude};
    location.runtime_library = build_paths::kBuildTreeRuntimeLib;
    if (*build_paths::kBuildTreeWasiLib != '\0' && is_file(build_paths::kBuildTreeWasiLib)) {
      location.include_dirs.emplace_back(build_paths::kBuildTreeWasiInclude);
      location.wasi_library = build_paths::kBuildTreeWasiLib;
    }
    location.origin = "build tree";
    if (is_file(location.runtime_library) &&
        is_file(location.include_dirs[0] / "wasm2cpp" / "runtime.hpp"))
      return location;
    tried.push_back("the build tree (" + location.runtime_library.string() + ")");
  }
  return std::nullopt;
}

std::vector<std::string> choose_compiler(const std::string& cxx_option) {
  if (!cxx_option.empty()) return {cxx_option};
  if (const char* env = std::getenv("CXX"); env && *env) {
    std::vector<std::string> words;
    std::string_view text = env;
    while (!text.empty()) {
      size_t start = text.find_first_not_of(" \t");
      if (start == std::string_view::npos) break;
      size_t end = text.find_first_of(" \t", start);
      words.emplace_back(text.substr(start, end - start));
      if (end == std::string_view::npos) break;
      text.remove_prefix(end);
    }
    if (!words.empty()) return words;
  }
  for (const char* candidate : {"clang++", "g++"})
    if (find_in_path(candidate)) return {candidate};
  return {"clang++"};  // not found: the spawn error names it
}

std::string format_command(const std::vector<std::string>& argv) {
  std::string line;
  for (const std::string& arg : argv) {
    if (!line.empty()) line += ' ';
    const bool plain = !arg.empty() && arg.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=+./:,@%") ==
        std::string::npos;
    if (plain) {
      line += arg;
      continue;
    }
    line += '\'';
    for (char c : arg) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += '\'';
  }
  return line;
}

SignalCatcher::SignalCatcher() {
  g_signal = 0;
  struct sigaction action {};
  action.sa_handler = remember_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: waitpid returns EINTR
  static_assert(std::size(kStopSignals) == kSignals);
  for (size_t i = 0; i < kSignals; ++i) sigaction(kStopSignals[i], &action, &previous_[i]);
}

SignalCatcher::~SignalCatcher() {
  for (size_t i = 0; i < kSignals; ++i) sigaction(kStopSignals[i], &previous_[i], nullptr);
}

int SignalCatcher::caught() const { return g_signal; }

std::optional<JobFailure> run_jobs(const std::vector<Job>& jobs, unsigned parallel, bool verbose,
                                   int& interrupted_by) {
  SignalCatcher catcher;
  interrupted_by = 0;
  std::map<pid_t, size_t> running;
  std::optional<JobFailure> failure;
  size_t next = 0;
  auto stop_all = [&](int signal_number) {
    for (const auto& [pid, index] : running) ::kill(pid, signal_number);
  };
  while ((next < jobs.size() && !failure && !g_signal) || !running.empty()) {
    while (next < jobs.size() && running.size() < std::max(1u, parallel) && !failure &&
           !g_signal) {
      const Job& job = jobs[next];
      if (verbose) std::cerr << format_command(job.argv) << "\n";
      posix_spawn_file_actions_t actions;
      posix_spawn_file_actions_init(&actions);
      posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, job.log.c_str(),
                                       O_WRONLY | O_CREAT | O_TRUNC, 0644);
      posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
      std::vector<char*> argv;
      for (const std::string& arg : job.argv) argv.push_back(const_cast<char*>(arg.c_str()));
      argv.push_back(nullptr);
      pid_t pid = 0;
      int rc = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
      posix_spawn_file_actions_destroy(&actions);
      if (rc != 0) {
        failure = JobFailure{next, "cannot run '" + job.argv[0] + "': " + std::strerror(rc),
                             rc == ENOENT};
        break;
      }
      running.emplace(pid, next++);
    }
    if (running.empty()) break;
    if (g_signal) stop_all(SIGTERM);
    int status = 0;
    pid_t pid = ::waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;  // a signal: the loop stops the jobs
      break;                         // ECHILD: nothing left
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;
    const size_t index = it->second;
    running.erase(it);
    if (!g_signal) copy_log_to_stderr(jobs[index].log);
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!ok && !failure && !g_signal) {
      // No new jobs start; the running ones are left to finish rather than
      // killed: a compiler driver killed mid-job can leave its helper's
      // temporary file behind (the driver deletes it, then cc1plus writes
      // it), and the cleanup promise covers every temporary.
      failure = JobFailure{index, describe_status(status)};
    }
  }
  interrupted_by = g_signal;
  return failure;
}

}  // namespace wasm2cpp::cli
