// The capability sandbox. Two resolvers with the same semantics:
// - openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS): the kernel refuses any
//   step ("..", absolute symlink, mount crossing trick) that leaves the
//   starting directory, atomically with respect to concurrent renames;
// - otherwise a component-by-component walk: every directory is opened with
//   O_PATH | O_NOFOLLOW relative to the previous one, ".." pops the walk's own
//   stack (never the host's parent), symlinks are read and expanded by hand
//   (absolute targets refused, at most kMaxSymlinks). A component swapped for a
//   symlink between the check and the open fails the O_NOFOLLOW open instead
//   of being followed.
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <deque>

#include "sandbox.hpp"

namespace wasm2cpp::wasi::detail {
namespace {

constexpr int kMaxSymlinks = 40;

std::atomic<int> openat2_state{-1};  // -1 unknown, 0 unavailable, 1 available

int sys_openat2(int dir, const char* path, int flags, unsigned mode, uint64_t resolve) {
  struct open_how how {};
  how.flags = static_cast<uint64_t>(flags);
  // O_TMPFILE includes O_DIRECTORY: test all its bits.
  bool creates = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
  how.mode = creates ? mode : 0;
  how.resolve = resolve;
  for (int attempt = 0;; ++attempt) {
    long r = ::syscall(SYS_openat2, dir, path, &how, sizeof how);
    // EAGAIN: a concurrent rename made the kernel give up; try again.
    if (r < 0 && (errno == EAGAIN || errno == EINTR) && attempt < 16) continue;
    return static_cast<int>(r);
  }
}

Errno beneath_error(int e) {
  // EXDEV: the kernel saw the path leave the directory.
  return e == EXDEV ? Errno::notcapable : errno_from_host(e);
}

// Splits into components, dropping empty ones and ".".
std::deque<std::string> components(const std::string& path) {
  std::deque<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string c = path.substr(start, slash - start);
    if (!c.empty() && c != ".") out.push_back(std::move(c));
    start = slash + 1;
  }
  return out;
}

Errno check_path(const std::string& path) {
  if (path.empty()) return Errno::noent;
  if (path.find('\0') != std::string::npos) return Errno::ilseq;
  if (path[0] == '/') return Errno::notcapable;
  return Errno::success;
}

// Opens the directory named by `comps` beneath `base` (O_PATH).
Errno open_dir_manual(int base, std::deque<std::string> comps, UniqueFd& out) {
  std::vector<UniqueFd> stack;
  auto top = [&] { return stack.empty() ? base : stack.back().get(); };
  int symlinks = 0;
  while (!comps.empty()) {
    std::string c = std::move(comps.front());
    comps.pop_front();
    if (c == "..") {
      if (stack.empty()) return Errno::notcapable;
      stack.pop_back();
      continue;
    }
    int fd = ::openat(top(), c.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
      stack.emplace_back(fd);
      continue;
    }
    int err = errno;
    // O_NOFOLLOW on a symlink gives ELOOP, or ENOTDIR because of O_DIRECTORY.
    if (err != ELOOP && err != ENOTDIR) return errno_from_host(err);
    char target[4096];
    ssize_t n = ::readlinkat(top(), c.c_str(), target, sizeof target);
    if (n < 0) return errno_from_host(errno == EINVAL ? err : errno);  // not a link
    if (n == 0) return Errno::noent;
    if (++symlinks > kMaxSymlinks) return Errno::loop;
    std::string link(target, static_cast<size_t>(n));
    if (link[0] == '/') return Errno::notcapable;
    std::deque<std::string> expanded = components(link);
    comps.insert(comps.begin(), expanded.begin(), expanded.end());
  }
  if (stack.empty()) {
    int fd = ::openat(base, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errno_from_host(errno);
    out.reset(fd);
  } else {
    out = std::move(stack.back());
  }
  return Errno::success;
}

// The components (never empty) joined by '/'; "." (the base) for none.
std::string joined_path(const std::deque<std::string>& comps) {
  if (comps.empty()) return ".";
  std::string joined = comps.front();
  for (size_t i = 1; i < comps.size(); ++i) joined.append(1, '/').append(comps[i]);
  return joined;
}

Errno open_dir(int base, const std::deque<std::string>& comps, UniqueFd& out) {
  if (use_openat2()) {
    std::string joined = joined_path(comps);
    int fd = sys_openat2(base, joined.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC, 0,
                         RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS);
    if (fd < 0) return beneath_error(errno);
    out.reset(fd);
    return Errno::success;
  }
  return open_dir_manual(base, comps, out);
}

}  // namespace

bool use_openat2() noexcept {
  int known = openat2_state.load(std::memory_order_relaxed);
  if (known >= 0) return known == 1;
  bool available = false;
  if (std::getenv("WASM2CPP_WASI_NO_OPENAT2") == nullptr) {
    int fd = sys_openat2(AT_FDCWD, ".", O_PATH | O_CLOEXEC, 0, RESOLVE_BENEATH);
    // ENOSYS: old kernel; EPERM: a seccomp filter that does not know it.
    available = fd >= 0;
    if (fd >= 0) ::close(fd);
  }
  openat2_state.store(available ? 1 : 0, std::memory_order_relaxed);
  return available;
}

void force_resolver_for_testing(int mode) noexcept {
  openat2_state.store(-1, std::memory_order_relaxed);
  if (mode == 1) {
    bool available = use_openat2();
    openat2_state.store(available ? 1 : 0, std::memory_order_relaxed);
  } else if (mode == 0) {
    openat2_state.store(0, std::memory_order_relaxed);
  }
}

Errno resolve_beneath(int base, const std::string& path, bool follow_last, Resolved& out) {
  if (Errno e = check_path(path); e != Errno::success) return e;
  out.trailing_slash = path.back() == '/';
  std::string current = path;
  for (int symlinks = 0;; ++symlinks) {
    std::deque<std::string> comps = components(current);
    std::string name = ".";
    if (!comps.empty() && comps.back() != "..") {
      name = std::move(comps.back());
      comps.pop_back();
    }
    UniqueFd dir;
    if (Errno e = open_dir(base, comps, dir); e != Errno::success) return e;
    bool follow = follow_last || out.trailing_slash;
    if (follow && name != ".") {
      char target[4096];
      ssize_t n = ::readlinkat(dir.get(), name.c_str(), target, sizeof target);
      if (n > 0) {
        if (symlinks >= kMaxSymlinks) return Errno::loop;
        std::string link(target, static_cast<size_t>(n));
        if (link[0] == '/') return Errno::notcapable;
        // Re-resolve "<parent components>/<link target>" from the base.
        std::string prefix;
        for (const auto& c : comps) prefix += c + "/";
        current = prefix + link;
        continue;
      }
    }
    out.dir = std::move(dir);
    out.name = std::move(name);
    return Errno::success;
  }
}

Errno open_beneath(int base, const std::string& path, int flags, unsigned mode, bool follow_last,
                   UniqueFd& fd) {
  if (Errno e = check_path(path); e != Errno::success) return e;
  if (use_openat2()) {
    int r = sys_openat2(base, path.c_str(), flags | (follow_last ? 0 : O_NOFOLLOW), mode,
                        RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS);
    if (r < 0) return beneath_error(errno);
    fd.reset(r);
    return Errno::success;
  }
  Resolved where;
  if (Errno e = resolve_beneath(base, path, follow_last, where); e != Errno::success) return e;
  if (where.trailing_slash) flags |= O_DIRECTORY;
  int r = ::openat(where.dir.get(), where.name.c_str(), flags | O_NOFOLLOW, mode);
  if (r < 0) return errno_from_host(errno);
  fd.reset(r);
  return Errno::success;
}

}  // namespace wasm2cpp::wasi::detail
