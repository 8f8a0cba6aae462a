#include "cli/output_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <system_error>
#include <utility>

namespace wasm2cpp::cli {
namespace fs = std::filesystem;
namespace {

// Temporaries that exist right now, for the signal handler. The list changes
// only while the signals are blocked (BlockSignals), and a string is fully
// built before `g_live_temps` counts it, so the handler only reads stable
// memory. A temporary already renamed or removed may still be listed:
// unlinking it again is harmless.
std::vector<std::string> g_temp_paths;
volatile std::sig_atomic_t g_live_temps = 0;

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temps_and_reraise(int signal_number) {
  for (std::sig_atomic_t i = 0; i < g_live_temps; ++i) ::unlink(g_temp_paths[i].c_str());
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

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

// Creates a temporary from `pattern` (ending in XXXXXX) and counts it for the
// signal handler the moment it exists. Returns the descriptor or -1 (errno).
int create_temp(std::string& pattern) {
  BlockSignals block;
  int fd = ::mkstemp(pattern.data());
  const int error = errno;
  if (fd >= 0) {
    g_temp_paths.push_back(pattern);
    g_live_temps = static_cast<std::sig_atomic_t>(g_temp_paths.size());
  }
  errno = error;
  return fd;
}

void forget_temps() {
  BlockSignals block;
  g_live_temps = 0;
  g_temp_paths.clear();
}

// 0 on success, else errno.
int write_fully(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += written;
    size -= static_cast<size_t>(written);
  }
  return 0;
}

// Appends the first `size` bytes of `from` to `to` (at its file position):
// in the kernel when it can, else through a buffer. 0 on success, else errno.
int copy_contents(int from, int to, uint64_t size) {
  loff_t in_offset = 0;
  while (size > 0) {
    ssize_t copied = ::copy_file_range(from, &in_offset, to, nullptr, size, 0);
    if (copied > 0) {
      size -= static_cast<uint64_t>(copied);
      continue;
    }
    if (copied < 0 && errno == EINTR) continue;
    if (copied < 0 && errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP &&
        errno != EBADF)
      return errno;
    break;  // not supported here (or an unexpected end): copy by hand
  }
  std::vector<char> chunk(size > 0 ? (1 << 20) : 0);
  while (size > 0) {
    ssize_t got = ::pread(from, chunk.data(), std::min<uint64_t>(chunk.size(), size), in_offset);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return got < 0 ? errno : EIO;
    if (int error = write_fully(to, chunk.data(), static_cast<size_t>(got))) return error;
    in_offset += got;
    size -= static_cast<uint64_t>(got);
  }
  return 0;
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

OutputDirectory::OutputDirectory(fs::path directory, bool handle_signals)
    : directory_(std::move(directory)), handle_signals_(handle_signals) {
  if (handle_signals_)
    for (int sig : kCleanupSignals) std::signal(sig, remove_temps_and_reraise);
}

OutputDirectory::~OutputDirectory() {
  if (!committed_) discard();
  if (handle_signals_)
    for (int sig : kCleanupSignals) std::signal(sig, SIG_DFL);
}

std::vector<fs::path> OutputDirectory::paths() const {
  std::vector<fs::path> out;
  for (const File& f : files_) out.push_back(f.final_path);
  return out;
}

void OutputDirectory::discard() {
  BlockSignals block;
  for (File& f : files_) {
    if (f.spill_fd >= 0) ::close(f.spill_fd);
    f.spill_fd = -1;
  }
  for (const std::string& temp : g_temp_paths) ::unlink(temp.c_str());
  g_live_temps = 0;
  g_temp_paths.clear();
  remove_created_directories(created_directories_);
  created_directories_.clear();
}

Expected<void> OutputDirectory::fail(WriteFailure failure) {
  std::string message = failure.message;
  failure_ = std::move(failure);
  return make_error(std::move(message));
}

OutputDirectory::File& OutputDirectory::file(uint32_t index) {
  if (index >= files_.size()) files_.resize(index + 1);
  return files_[index];
}

std::optional<WriteFailure> OutputDirectory::ensure_directory() {
  if (directory_ready_) return std::nullopt;
  if (auto failure =
          create_directories(directory_.empty() ? fs::path(".") : directory_, created_directories_))
    return failure;
  directory_ready_ = true;
  return std::nullopt;
}

std::optional<WriteFailure> OutputDirectory::spill(File& f) {
  // Named for the directory: the file's own name is not known yet.
  const fs::path where = directory_.empty() ? fs::path(".") : directory_;
  if (f.spill_fd < 0) {
    if (auto failure = ensure_directory()) return failure;
    f.spill_path = (directory_ / ".wasm2cpp.part.XXXXXX").string();
    f.spill_fd = create_temp(f.spill_path);
    if (f.spill_fd < 0) return WriteFailure{where, "cannot create file: " + errno_message(errno)};
  }
  if (int error = write_fully(f.spill_fd, f.buffer.data(), f.buffer.size()))
    return WriteFailure{where, "cannot write file: " + errno_message(error)};
  f.spilled += f.buffer.size();
  f.buffer.clear();
  return std::nullopt;
}

Expected<void> OutputDirectory::append(uint32_t index, std::string_view text) {
  if (failure_) return make_error(failure_->message);
  File& f = file(index);
  // A buffer that grows past 64 KiB fills up to kBufferBytes before it is
  // spilled (and keeps its capacity after): reserved then at once, instead
  // of growing by doubling and copying what it holds at every step. Small
  // files (the header, small shards) keep small buffers.
  const size_t needed = f.buffer.size() + text.size();
  // A full-sized buffer that cannot take the text spills after this append
  // anyway: what it holds goes first, instead of being copied into a larger
  // buffer (the instance code arrives in pieces of up to a MiB).
  if (needed > f.buffer.capacity() && f.buffer.capacity() >= kBufferBytes && !f.buffer.empty()) {
    if (auto failure = spill(f)) return fail(std::move(*failure));
  }
  if (needed > f.buffer.capacity() && needed > (size_t{64} << 10) &&
      f.buffer.capacity() < kBufferBytes)
    f.buffer.reserve(std::max(needed, kBufferBytes));
  f.buffer.append(text);
  if (f.buffer.size() >= kBufferBytes) {
    if (auto failure = spill(f)) return fail(std::move(*failure));
  }
  return {};
}

std::optional<WriteFailure> OutputDirectory::write_finished(File& f, const fs::path& final_path,
                                                            std::string_view head) {
  if (f.spill_fd >= 0 && !f.buffer.empty()) {
    if (auto failure = spill(f)) return failure;
  }
  f.final_path = final_path;
  f.temp_path =
      (final_path.parent_path() / ("." + final_path.filename().string() + ".tmp.XXXXXX")).string();
  int fd = create_temp(f.temp_path);
  if (fd < 0) {
    f.temp_path.clear();
    return WriteFailure{final_path, "cannot create file: " + errno_message(errno)};
  }
  int error = ::fchmod(fd, default_file_mode()) != 0 ? errno : 0;
  if (!error) error = write_fully(fd, head.data(), head.size());
  if (!error && f.spill_fd >= 0) error = copy_contents(f.spill_fd, fd, f.spilled);
  if (!error) error = write_fully(fd, f.buffer.data(), f.buffer.size());
  if (::close(fd) != 0 && !error) error = errno;
  if (error) return WriteFailure{final_path, "cannot write file: " + errno_message(error)};
  if (f.spill_fd >= 0) {
    ::close(f.spill_fd);
    f.spill_fd = -1;
    ::unlink(f.spill_path.c_str());
  }
  std::string().swap(f.buffer);
  return std::nullopt;
}

Expected<void> OutputDirectory::finish(uint32_t index, const std::string& name,
                                       std::string_view head) {
  if (failure_) return make_error(failure_->message);
  // The translator names files; they must stay inside the output directory.
  const fs::path path = directory_ / name;
  const std::string base = path.filename().string();
  if (base.empty() || base == "." || base == ".." || path != directory_ / base)
    return make_error("internal error: bad output file name '" + path.string() + "'");
  if (auto failure = ensure_directory()) return fail(std::move(*failure));
  if (auto failure = write_finished(file(index), path, head)) return fail(std::move(*failure));
  return {};
}

std::optional<WriteFailure> OutputDirectory::add_file(const fs::path& path,
                                                      std::string_view contents) {
  if (auto failure = ensure_directory()) return failure;
  return write_finished(file(static_cast<uint32_t>(files_.size())), path, contents);
}

std::optional<WriteFailure> OutputDirectory::commit() {
  if (failure_) return failure_;
  BlockSignals block;
  for (size_t i = 0; i < files_.size(); ++i) {
    if (files_[i].temp_path.empty()) continue;
    if (std::rename(files_[i].temp_path.c_str(), files_[i].final_path.c_str()) != 0) {
      WriteFailure failure{files_[i].final_path, "cannot write file: " + errno_message(errno)};
      // Files already renamed are complete; remove them too so the output set
      // is never a mix of this run and an earlier one.
      for (size_t j = 0; j < i; ++j)
        if (!files_[j].temp_path.empty()) ::unlink(files_[j].final_path.c_str());
      return failure;  // the destructor removes the temporaries left
    }
  }
  committed_ = true;
  forget_temps();
  return std::nullopt;
}

std::optional<WriteFailure> write_all_or_nothing(const fs::path& directory,
                                                 const std::vector<PendingFile>& files) {
  OutputDirectory output(directory);
  for (const PendingFile& file : files)
    if (auto failure = output.add_file(file.path, file.contents)) return failure;
  return output.commit();
}
}  // namespace wasm2cpp::cli
