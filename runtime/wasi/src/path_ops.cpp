// path_*: operations on paths relative to a directory fd, all resolved
// beneath it (sandbox.cpp).
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>

#include "functions.hpp"
#include "sandbox.hpp"

namespace wasm2cpp::wasi::detail {
namespace {

constexpr i32 kLookupSymlinkFollow = 1;
constexpr i32 kOflagCreat = 1, kOflagDirectory = 2, kOflagExcl = 4, kOflagTrunc = 8;

// Checks a directory fd's rights and reads the guest path.
Errno path_arg(State& s, i32 fd, uint64_t required, i32 path, i32 len, FdEntry*& entry,
               std::string& out) {
  Errno error = Errno::success;
  entry = lookup(s, fd, required, error);
  if (!entry) return error;
  if (!s.mem.string(static_cast<uint32_t>(path), static_cast<uint32_t>(len), out))
    return Errno::fault;
  if (entry->type != FileType::directory) return Errno::notdir;
  return Errno::success;
}

// path_arg + resolve_beneath.
Errno resolve_arg(State& s, i32 fd, uint64_t required, i32 path, i32 len, bool follow,
                  Resolved& out) {
  FdEntry* entry = nullptr;
  std::string guest_path;
  if (Errno e = path_arg(s, fd, required, path, len, entry, guest_path); e != Errno::success)
    return e;
  return resolve_beneath(entry->host.get(), guest_path, follow, out);
}

i32 host_result(int r) { return r == 0 ? ret(Errno::success) : ret_host(errno); }

}  // namespace

i32 path_create_directory(void* env, i32 fd, i32 path, i32 len) {
  State& s = state(env);
  Resolved r;
  if (Errno e = resolve_arg(s, fd, rights::path_create_directory, path, len, false, r);
      e != Errno::success)
    return ret(e);
  return host_result(::mkdirat(r.dir.get(), r.name.c_str(), 0777));
}

i32 path_filestat_get(void* env, i32 fd, i32 flags, i32 path, i32 len, i32 buf) {
  State& s = state(env);
  Resolved r;
  if (Errno e = resolve_arg(s, fd, rights::path_filestat_get, path, len,
                            flags & kLookupSymlinkFollow, r);
      e != Errno::success)
    return ret(e);
  if (!s.mem.ok(static_cast<uint32_t>(buf), 64)) return ret(Errno::fault);
  struct stat st {};
  if (::fstatat(r.dir.get(), r.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return ret_host(errno);
  if (r.trailing_slash && !S_ISDIR(st.st_mode)) return ret(Errno::notdir);
  return ret(write_filestat(s, static_cast<uint32_t>(buf), st));
}

i32 path_filestat_set_times(void* env, i32 fd, i32 flags, i32 path, i32 len, i64 atim, i64 mtim,
                            i32 fst) {
  State& s = state(env);
  struct timespec times[2];
  if (!make_times(atim, mtim, fst, times)) return ret(Errno::inval);
  Resolved r;
  if (Errno e = resolve_arg(s, fd, rights::path_filestat_set_times, path, len,
                            flags & kLookupSymlinkFollow, r);
      e != Errno::success)
    return ret(e);
  return host_result(::utimensat(r.dir.get(), r.name.c_str(), times, AT_SYMLINK_NOFOLLOW));
}

i32 path_link(void* env, i32 old_fd, i32 old_flags, i32 old_path, i32 old_len, i32 new_fd,
              i32 new_path, i32 new_len) {
  State& s = state(env);
  Resolved from, to;
  if (Errno e = resolve_arg(s, old_fd, rights::path_link_source, old_path, old_len,
                            old_flags & kLookupSymlinkFollow, from);
      e != Errno::success)
    return ret(e);
  if (Errno e = resolve_arg(s, new_fd, rights::path_link_target, new_path, new_len, false, to);
      e != Errno::success)
    return ret(e);
  return host_result(::linkat(from.dir.get(), from.name.c_str(), to.dir.get(), to.name.c_str(), 0));
}

i32 path_open(void* env, i32 fd, i32 dirflags, i32 path, i32 len, i32 oflags, i64 rights_base,
              i64 rights_inheriting, i32 fdflags, i32 fd_out) {
  State& s = state(env);
  uint64_t required = rights::path_open;
  if (oflags & kOflagCreat) required |= rights::path_create_file;
  if (oflags & kOflagTrunc) required |= rights::path_filestat_set_size;
  FdEntry* dir = nullptr;
  std::string guest_path;
  if (Errno e = path_arg(s, fd, required, path, len, dir, guest_path); e != Errno::success)
    return ret(e);
  if (!s.mem.ok(static_cast<uint32_t>(fd_out), 4)) return ret(Errno::fault);
  if ((oflags & ~15) || (fdflags & ~0x1f)) return ret(Errno::inval);

  auto wanted = static_cast<uint64_t>(rights_base);
  // Rights the directory does not pass on are refused, not silently dropped.
  if ((wanted | static_cast<uint64_t>(rights_inheriting)) & ~dir->rights_inheriting)
    return ret(Errno::notcapable);
  constexpr uint64_t write_rights = rights::fd_write | rights::fd_datasync | rights::fd_allocate |
                                    rights::fd_filestat_set_size;
  bool read = wanted & (rights::fd_read | rights::fd_readdir);
  bool write = wanted & write_rights;
  int flags = O_CLOEXEC | O_NOCTTY;
  if (oflags & kOflagDirectory) flags |= O_DIRECTORY;
  if (write && !(oflags & kOflagDirectory)) flags |= read ? O_RDWR : O_WRONLY;
  else flags |= O_RDONLY;
  if (oflags & kOflagCreat) flags |= O_CREAT;
  if (oflags & kOflagExcl) flags |= O_EXCL;
  if (oflags & kOflagTrunc) flags |= O_TRUNC;
  if (fdflags & kFdflagAppend) flags |= O_APPEND;
  if (fdflags & kFdflagDsync) flags |= O_DSYNC;
  if (fdflags & kFdflagNonblock) flags |= O_NONBLOCK;
  if (fdflags & (kFdflagRsync | kFdflagSync)) flags |= O_SYNC;

  UniqueFd host;
  if (Errno e = open_beneath(dir->host.get(), guest_path, flags, 0666,
                             dirflags & kLookupSymlinkFollow, host);
      e != Errno::success)
    return ret(e);
  auto entry = std::make_unique<FdEntry>();
  entry->host = std::move(host);
  classify(*entry);
  // What the guest asked for, within what the directory passes on and what
  // makes sense for the file's type.
  entry->rights_base &= wanted & dir->rights_inheriting;
  entry->rights_inheriting =
      static_cast<uint64_t>(rights_inheriting) & dir->rights_inheriting;
  if (entry->type != FileType::directory) entry->rights_inheriting = 0;
  uint32_t guest_fd = s.insert(std::move(entry));
  s.mem.store<uint32_t>(static_cast<uint32_t>(fd_out), guest_fd);
  return ret(Errno::success);
}

i32 path_readlink(void* env, i32 fd, i32 path, i32 len, i32 buf, i32 buf_len, i32 bufused) {
  State& s = state(env);
  Resolved r;
  if (Errno e = resolve_arg(s, fd, rights::path_readlink, path, len, false, r);
      e != Errno::success)
    return ret(e);
  auto capacity = static_cast<uint32_t>(buf_len);
  uint8_t* dst = s.mem.bytes(static_cast<uint32_t>(buf), capacity);
  if (!dst || !s.mem.ok(static_cast<uint32_t>(bufused), 4)) return ret(Errno::fault);
  char target[4096];
  ssize_t n = ::readlinkat(r.dir.get(), r.name.c_str(), target, sizeof target);
  if (n < 0) return ret_host(errno);
  uint32_t copied = std::min<uint32_t>(capacity, static_cast<uint32_t>(n));
  if (copied) std::memcpy(dst, target, copied);
  s.mem.store<uint32_t>(static_cast<uint32_t>(bufused), copied);
  return ret(Errno::success);
}

i32 path_remove_directory(void* env, i32 fd, i32 path, i32 len) {
  State& s = state(env);
  Resolved r;
  if (Errno e = resolve_arg(s, fd, rights::path_remove_directory, path, len, false, r);
      e != Errno::success)
    return ret(e);
  return host_result(::unlinkat(r.dir.get(), r.name.c_str(), AT_REMOVEDIR));
}

i32 path_rename(void* env, i32 fd, i32 old_path, i32 old_len, i32 new_fd, i32 new_path,
                i32 new_len) {
  State& s = state(env);
  Resolved from, to;
  if (Errno e = resolve_arg(s, fd, rights::path_rename_source, old_path, old_len, false, from);
      e != Errno::success)
    return ret(e);
  if (Errno e = resolve_arg(s, new_fd, rights::path_rename_target, new_path, new_len, false, to);
      e != Errno::success)
    return ret(e);
  return host_result(::renameat(from.dir.get(), from.name.c_str(), to.dir.get(), to.name.c_str()));
}

i32 path_symlink(void* env, i32 old_path, i32 old_len, i32 fd, i32 new_path, i32 new_len) {
  State& s = state(env);
  std::string target;
  if (!s.mem.string(static_cast<uint32_t>(old_path), static_cast<uint32_t>(old_len), target))
    return ret(Errno::fault);
  if (target.find('\0') != std::string::npos) return ret(Errno::ilseq);
  Resolved r;
  if (Errno e = resolve_arg(s, fd, rights::path_symlink, new_path, new_len, false, r);
      e != Errno::success)
    return ret(e);
  // The target is stored verbatim: it is checked when followed, never here.
  return host_result(::symlinkat(target.c_str(), r.dir.get(), r.name.c_str()));
}

i32 path_unlink_file(void* env, i32 fd, i32 path, i32 len) {
  State& s = state(env);
  Resolved r;
  if (Errno e = resolve_arg(s, fd, rights::path_unlink_file, path, len, false, r);
      e != Errno::success)
    return ret(e);
  if (r.trailing_slash) {
    struct stat st {};
    if (::fstatat(r.dir.get(), r.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
      return ret_host(errno);
    return ret(S_ISDIR(st.st_mode) ? Errno::isdir : Errno::notdir);
  }
  return host_result(::unlinkat(r.dir.get(), r.name.c_str(), 0));
}

}  // namespace wasm2cpp::wasi::detail
