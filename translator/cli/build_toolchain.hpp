// The pieces `wasm2cpp build` needs from the host: where the runtime is, which
// C++ compiler to run, and running compiler processes (several at a time)
// with their diagnostics kept.
#pragma once

#include <signal.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace wasm2cpp::cli {

struct RuntimeLocation {
  std::vector<std::filesystem::path> include_dirs;
  std::filesystem::path runtime_library;
  std::filesystem::path wasi_library;  // empty when this installation has no WASI
  std::string origin;                  // for messages: "installed prefix /opt/w", "build tree"
};

// The runtime for `prefix` (--runtime-prefix), or else the installed layout
// next to this executable, or else the build tree this translator was built
// in. `tried` receives the places that did not have it.
std::optional<RuntimeLocation> find_runtime(const std::filesystem::path& prefix,
                                            std::vector<std::string>& tried);

// The compiler command: --cxx as given, else $CXX split at spaces (e.g.
// "ccache clang++"), else clang++ or g++ from PATH.
std::vector<std::string> choose_compiler(const std::string& cxx_option);

// One process to run; its stdout and stderr go to `log` (printed afterwards,
// so parallel compilers do not interleave their diagnostics).
struct Job {
  std::vector<std::string> argv;
  std::filesystem::path log;
};

struct JobFailure {
  size_t index;         // the failing job
  std::string message;  // "exited with status 1", "cannot run 'x': No such file..."
  bool not_found = false;
};

// While alive, SIGINT, SIGTERM and SIGHUP are only remembered (caught()
// returns the last one, 0 if none) instead of ending the process, so the
// build can clean up first. Restores the previous handlers when destroyed.
class SignalCatcher {
 public:
  SignalCatcher();
  ~SignalCatcher();
  SignalCatcher(const SignalCatcher&) = delete;
  SignalCatcher& operator=(const SignalCatcher&) = delete;
  int caught() const;

 private:
  static constexpr size_t kSignals = 3;
  struct sigaction previous_[kSignals];
};

// Runs the jobs, at most `parallel` at a time, copying each log to stderr
// when the job ends (in job order). Stops starting new jobs after a failure
// and returns the first one. `verbose` prints each command first. SIGINT,
// SIGTERM and SIGHUP stop the jobs too: `interrupted_by` then holds the signal.
std::optional<JobFailure> run_jobs(const std::vector<Job>& jobs, unsigned parallel, bool verbose,
                                   int& interrupted_by);

// The command as a shell-quoted line, for messages.
std::string format_command(const std::vector<std::string>& argv);

}  // namespace wasm2cpp::cli
