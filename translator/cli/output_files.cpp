#include "cli/output_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <system_error>

namespace wasm2cpp::cli {
namespace fs = std::filesystem;
namespace {

// Temporaries that exist right now, for the signal handler. The strings are
// fully built before `g_live_temps` counts them, and never changed while
// counted, so the handler only reads stable memory.
std::vector<std::string> g_temp_paths;
volatile std::sig_atomic_t g_live_temps = 0;

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temps_and_reraise(int signal_number) {
  for (std::sig_atomic_t i = 0; i < g_live_temps; ++i) ::unlink(g_temp_paths[i].c_str());
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

class CleanupSignalGuard {
 public:
  CleanupSignalGuard() {
    for (int sig : kCleanupSignals) std::signal(sig, remove_temps_and_reraise);
  }
  ~CleanupSignalGuard() {
    for (int sig : kCleanupSignals) std::signal(sig, SIG_DFL);
  }
};

// While renaming into place the set of files must not be cut in half by a
// signal: block them, and let any pending one arrive after the commit.
class BlockSignals {
 public:
  BlockSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kCleanupSignals) sigaddset(&set, sig);
    sigprocmask(SIG_BLOCK, &set, &previous_);
  }
  ~BlockSignals() { sigprocmask(SIG_SETMASK, &previous_, nullptr); }

 private:
  sigset_t previous_;
};

std::string errno_message(int error) { return std::strerror(error); }

mode_t default_file_mode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Writes `contents` to a fresh temporary beside `final_path`; returns its path.
std::optional<WriteFailure> write_temp(const fs::path& final_path, const std::string& contents,
                                       std::string& temp_path) {
  std::string pattern =
      (final_path.parent_path() / ("." + final_path.filename().string() + ".tmp.XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) return WriteFailure{final_path, "cannot create file: " + errno_message(errno)};
  temp_path = pattern;
  auto fail = [&](int error) {
    ::close(fd);
    return WriteFailure{final_path, "cannot write file: " + errno_message(error)};
  };
  if (::fchmod(fd, default_file_mode()) != 0) return fail(errno);
  const char* data = contents.data();
  size_t remaining = contents.size();
  while (remaining > 0) {
    ssize_t written = ::write(fd, data, remaining);
    if (written < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    data += written;
    remaining -= static_cast<size_t>(written);
  }
  if (::close(fd) != 0)
    return WriteFailure{final_path, "cannot write file: " + errno_message(errno)};
  return std::nullopt;
}

// Creates `directory` and its missing parents, recording the ones it made
// (outermost first) so a failed run can remove them again.
std::optional<WriteFailure> create_directories(const fs::path& directory,
                                               std::vector<fs::path>& created) {
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = directory; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (!fs::create_directory(*it, ec) && ec)
      return WriteFailure{*it, "cannot create directory: " + ec.message()};
    created.push_back(*it);
  }
  if (!fs::is_directory(directory, ec)) return WriteFailure{directory, "not a directory"};
  return std::nullopt;
}

void remove_created_directories(const std::vector<fs::path>& created) {
  std::error_code ignored;
  for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ignored);
}

}  // namespace

std::optional<WriteFailure> write_all_or_nothing(const fs::path& directory,
                                                 const std::vector<PendingFile>& files) {
  std::vector<fs::path> created_directories;
  if (auto failure =
          create_directories(directory.empty() ? fs::path(".") : directory, created_directories))
    return failure;

  CleanupSignalGuard signal_guard;
  g_temp_paths.clear();
  g_temp_paths.reserve(files.size());
  auto discard_temps = [&] {
    BlockSignals block;
    for (const std::string& temp : g_temp_paths) ::unlink(temp.c_str());
    g_live_temps = 0;
    g_temp_paths.clear();
  };

  for (const PendingFile& file : files) {
    std::string temp_path;
    {
      // The temporary must be counted the moment it exists.
      BlockSignals block;
      auto failure = write_temp(file.path, file.contents, temp_path);
      if (!temp_path.empty()) {
        g_temp_paths.push_back(temp_path);
        g_live_temps = static_cast<std::sig_atomic_t>(g_temp_paths.size());
      }
      if (failure) {
        discard_temps();
        remove_created_directories(created_directories);
        return failure;
      }
    }
  }

  BlockSignals block;
  for (size_t i = 0; i < files.size(); ++i) {
    if (std::rename(g_temp_paths[i].c_str(), files[i].path.c_str()) != 0) {
      WriteFailure failure{files[i].path, "cannot write file: " + errno_message(errno)};
      // Files already renamed are complete; remove them too so the output set
      // is never a mix of this run and an earlier one.
      for (size_t j = 0; j < i; ++j) ::unlink(files[j].path.c_str());
      for (size_t j = i; j < files.size(); ++j) ::unlink(g_temp_paths[j].c_str());
      g_live_temps = 0;
      g_temp_paths.clear();
      remove_created_directories(created_directories);
      return failure;
    }
  }
  g_live_temps = 0;
  g_temp_paths.clear();
  return std::nullopt;
}

}  // namespace wasm2cpp::cli
