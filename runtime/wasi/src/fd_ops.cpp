// fd_*: operations on open guest file descriptors.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <climits>

#include "functions.hpp"
#include "state.hpp"

namespace wasm2cpp::wasi::detail {

bool gather_iovecs(State& s, i32 iovs, i32 count, std::vector<struct iovec>& out) {
  auto base = static_cast<uint32_t>(iovs);
  auto n = static_cast<uint32_t>(count);
  if (!s.mem.ok(base, uint64_t{8} * n)) return false;
  out.clear();
  out.reserve(n < IOV_MAX ? n : IOV_MAX);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t buf = 0, len = 0;
    s.mem.load(base + 8 * i, buf);
    s.mem.load(base + 8 * i + 4, len);
    uint8_t* p = s.mem.bytes(buf, len);
    if (!p) return false;
    if (len != 0 && out.size() < IOV_MAX) out.push_back({p, len});
  }
  return true;
}

Errno write_filestat(State& s, uint32_t ptr, const struct stat& st) {
  uint8_t* p = s.mem.bytes(ptr, 64);
  if (!p) return Errno::fault;
  auto ns = [](const struct timespec& ts) {
    return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
  };
  std::memset(p, 0, 64);
  s.mem.store<uint64_t>(ptr + 0, uint64_t(st.st_dev));
  s.mem.store<uint64_t>(ptr + 8, uint64_t(st.st_ino));
  s.mem.store<uint8_t>(ptr + 16, static_cast<uint8_t>(file_type_of_mode(st.st_mode)));
  s.mem.store<uint64_t>(ptr + 24, uint64_t(st.st_nlink));
  s.mem.store<uint64_t>(ptr + 32, uint64_t(st.st_size));
  s.mem.store<uint64_t>(ptr + 40, ns(st.st_atim));
  s.mem.store<uint64_t>(ptr + 48, ns(st.st_mtim));
  s.mem.store<uint64_t>(ptr + 56, ns(st.st_ctim));
  return Errno::success;
}

#define WASI_LOOKUP(entry, fd, required)          \
  Errno lookup_error = Errno::success;            \
  FdEntry* entry = lookup(s, fd, required, lookup_error); \
  if (!entry) return ret(lookup_error)

i32 fd_advise(void* env, i32 fd, i64 offset, i64 len, i32 advice) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_advise);
  static constexpr int host_advice[] = {POSIX_FADV_NORMAL, POSIX_FADV_SEQUENTIAL,
                                        POSIX_FADV_RANDOM, POSIX_FADV_WILLNEED,
                                        POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE};
  if (advice < 0 || advice > 5 || offset < 0 || len < 0) return ret(Errno::inval);
  if (e->type == FileType::directory) return ret(Errno::badf);
  int r = ::posix_fadvise(e->host.get(), offset, len, host_advice[advice]);
  return r == ESPIPE ? ret(Errno::success) : ret_host(r);
}

i32 fd_allocate(void* env, i32 fd, i64 offset, i64 len) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_allocate);
  if (offset < 0 || len <= 0) return ret(Errno::inval);
  return ret_host(::posix_fallocate(e->host.get(), offset, len));
}

i32 fd_close(void* env, i32 fd) {
  State& s = state(env);
  if (!s.get(fd)) return ret(Errno::badf);
  s.fds[static_cast<uint32_t>(fd)].reset();
  return ret(Errno::success);
}

i32 fd_datasync(void* env, i32 fd) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_datasync);
  return ::fdatasync(e->host.get()) == 0 ? ret(Errno::success) : ret_host(errno);
}

i32 fd_sync(void* env, i32 fd) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_sync);
  return ::fsync(e->host.get()) == 0 ? ret(Errno::success) : ret_host(errno);
}

i32 fd_fdstat_get(void* env, i32 fd, i32 buf) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, 0);
  auto at = static_cast<uint32_t>(buf);
  uint8_t* p = s.mem.bytes(at, 24);
  if (!p) return ret(Errno::fault);
  int fl = ::fcntl(e->host.get(), F_GETFL);
  if (fl < 0) return ret_host(errno);
  uint16_t flags = 0;
  if (fl & O_APPEND) flags |= kFdflagAppend;
  if (fl & O_NONBLOCK) flags |= kFdflagNonblock;
  if ((fl & O_SYNC) == O_SYNC) flags |= kFdflagSync | kFdflagRsync;
  else if (fl & O_DSYNC) flags |= kFdflagDsync;
  std::memset(p, 0, 24);
  s.mem.store<uint8_t>(at, static_cast<uint8_t>(e->type));
  s.mem.store<uint16_t>(at + 2, flags);
  s.mem.store<uint64_t>(at + 8, e->rights_base);
  s.mem.store<uint64_t>(at + 16, e->rights_inheriting);
  return ret(Errno::success);
}

i32 fd_fdstat_set_flags(void* env, i32 fd, i32 flags) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_fdstat_set_flags);
  if (flags & ~0x1f) return ret(Errno::inval);
  // Linux cannot change the sync flags of an open file.
  if (flags & (kFdflagDsync | kFdflagRsync | kFdflagSync)) return ret(Errno::notsup);
  int fl = ::fcntl(e->host.get(), F_GETFL);
  if (fl < 0) return ret_host(errno);
  fl &= ~(O_APPEND | O_NONBLOCK);
  if (flags & kFdflagAppend) fl |= O_APPEND;
  if (flags & kFdflagNonblock) fl |= O_NONBLOCK;
  return ::fcntl(e->host.get(), F_SETFL, fl) == 0 ? ret(Errno::success) : ret_host(errno);
}

i32 fd_fdstat_set_rights(void* env, i32 fd, i64 base, i64 inheriting) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, 0);
  auto new_base = static_cast<uint64_t>(base), new_inh = static_cast<uint64_t>(inheriting);
  // Rights can only be dropped, never gained.
  if ((new_base & ~e->rights_base) || (new_inh & ~e->rights_inheriting))
    return ret(Errno::notcapable);
  e->rights_base = new_base;
  e->rights_inheriting = new_inh;
  return ret(Errno::success);
}

i32 fd_filestat_get(void* env, i32 fd, i32 buf) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_filestat_get);
  if (!s.mem.ok(static_cast<uint32_t>(buf), 64)) return ret(Errno::fault);
  struct stat st {};
  if (::fstat(e->host.get(), &st) != 0) return ret_host(errno);
  return ret(write_filestat(s, static_cast<uint32_t>(buf), st));
}

i32 fd_filestat_set_size(void* env, i32 fd, i64 size) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_filestat_set_size);
  if (size < 0) return ret(Errno::inval);
  return ::ftruncate(e->host.get(), size) == 0 ? ret(Errno::success) : ret_host(errno);
}

// fstflags -> the two timespecs of futimens/utimensat; false on a conflict.
bool make_times(i64 atim, i64 mtim, i32 fst, struct timespec times[2]) {
  constexpr i32 atim_set = 1, atim_now = 2, mtim_set = 4, mtim_now = 8;
  if ((fst & ~15) || ((fst & atim_set) && (fst & atim_now)) ||
      ((fst & mtim_set) && (fst & mtim_now)))
    return false;
  auto from = [](i64 ns, bool set, bool now) {
    struct timespec ts {};
    if (now) ts.tv_nsec = UTIME_NOW;
    else if (set) {
      auto u = static_cast<uint64_t>(ns);
      ts.tv_sec = static_cast<time_t>(u / 1000000000u);
      ts.tv_nsec = static_cast<long>(u % 1000000000u);
    } else ts.tv_nsec = UTIME_OMIT;
    return ts;
  };
  times[0] = from(atim, fst & atim_set, fst & atim_now);
  times[1] = from(mtim, fst & mtim_set, fst & mtim_now);
  return true;
}

i32 fd_filestat_set_times(void* env, i32 fd, i64 atim, i64 mtim, i32 fst) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_filestat_set_times);
  struct timespec times[2];
  if (!make_times(atim, mtim, fst, times)) return ret(Errno::inval);
  return ::futimens(e->host.get(), times) == 0 ? ret(Errno::success) : ret_host(errno);
}

namespace {

i32 transfer(State& s, i32 fd, i32 iovs, i32 count, i64 offset, bool positional, bool write,
             i32 result) {
  uint64_t required = write ? rights::fd_write : rights::fd_read;
  if (positional) required |= rights::fd_seek;
  WASI_LOOKUP(e, fd, required);
  if (e->type == FileType::directory) return ret(Errno::isdir);
  if (positional && offset < 0) return ret(Errno::inval);
  std::vector<struct iovec> vec;
  if (!gather_iovecs(s, iovs, count, vec) || !s.mem.ok(static_cast<uint32_t>(result), 4))
    return ret(Errno::fault);
  ssize_t n = 0;
  if (!vec.empty()) {
    int host = e->host.get();
    int iovcnt = static_cast<int>(vec.size());
    do {
      n = positional ? (write ? ::pwritev(host, vec.data(), iovcnt, offset)
                              : ::preadv(host, vec.data(), iovcnt, offset))
                     : (write ? ::writev(host, vec.data(), iovcnt) : ::readv(host, vec.data(), iovcnt));
    } while (n < 0 && errno == EINTR);
    if (n < 0) return ret_host(errno);
  }
  s.mem.store<uint32_t>(static_cast<uint32_t>(result), static_cast<uint32_t>(n));
  return ret(Errno::success);
}

}  // namespace

i32 fd_read(void* env, i32 fd, i32 iovs, i32 count, i32 nread) {
  return transfer(state(env), fd, iovs, count, 0, false, false, nread);
}
i32 fd_write(void* env, i32 fd, i32 iovs, i32 count, i32 nwritten) {
  return transfer(state(env), fd, iovs, count, 0, false, true, nwritten);
}
i32 fd_pread(void* env, i32 fd, i32 iovs, i32 count, i64 offset, i32 nread) {
  return transfer(state(env), fd, iovs, count, offset, true, false, nread);
}
i32 fd_pwrite(void* env, i32 fd, i32 iovs, i32 count, i64 offset, i32 nwritten) {
  return transfer(state(env), fd, iovs, count, offset, true, true, nwritten);
}

i32 fd_prestat_get(void* env, i32 fd, i32 buf) {
  State& s = state(env);
  FdEntry* e = s.get(fd);
  if (!e || !e->is_preopen) return ret(Errno::badf);
  auto at = static_cast<uint32_t>(buf);
  if (!s.mem.ok(at, 8)) return ret(Errno::fault);
  s.mem.store<uint32_t>(at, 0);  // tag: dir (and padding)
  s.mem.store<uint32_t>(at + 4, static_cast<uint32_t>(e->preopen_name.size()));
  return ret(Errno::success);
}

i32 fd_prestat_dir_name(void* env, i32 fd, i32 path, i32 len) {
  State& s = state(env);
  FdEntry* e = s.get(fd);
  if (!e || !e->is_preopen) return ret(Errno::badf);
  auto n = static_cast<uint32_t>(len);
  uint8_t* dst = s.mem.bytes(static_cast<uint32_t>(path), n);
  if (!dst) return ret(Errno::fault);
  if (n < e->preopen_name.size()) return ret(Errno::nametoolong);
  std::memcpy(dst, e->preopen_name.data(), e->preopen_name.size());
  return ret(Errno::success);
}

i32 fd_readdir(void* env, i32 fd, i32 buf, i32 buf_len, i64 cookie, i32 bufused) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_readdir);
  if (e->type != FileType::directory) return ret(Errno::notdir);
  auto at = static_cast<uint32_t>(buf);
  auto capacity = static_cast<uint32_t>(buf_len);
  if (!s.mem.ok(at, capacity) || !s.mem.ok(static_cast<uint32_t>(bufused), 4))
    return ret(Errno::fault);
  // Cookies are indexes into a snapshot taken when a listing starts over.
  if (cookie == 0 || !e->dir_entries_valid) {
    int copy = ::openat(e->host.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (copy < 0) return ret_host(errno);
    DIR* dir = ::fdopendir(copy);
    if (!dir) {
      int err = errno;
      ::close(copy);
      return ret_host(err);
    }
    e->dir_entries.clear();
    errno = 0;
    while (struct dirent* d = ::readdir(dir)) {
      FileType type = FileType::unknown;
      switch (d->d_type) {
        case DT_REG: type = FileType::regular_file; break;
        case DT_DIR: type = FileType::directory; break;
        case DT_LNK: type = FileType::symbolic_link; break;
        case DT_CHR: type = FileType::character_device; break;
        case DT_BLK: type = FileType::block_device; break;
        case DT_SOCK: type = FileType::socket_stream; break;
        default: break;
      }
      e->dir_entries.push_back({uint64_t(d->d_ino), type, d->d_name});
    }
    int err = errno;
    ::closedir(dir);
    if (err != 0) return ret_host(err);
    e->dir_entries_valid = true;
  }
  uint32_t used = 0;
  for (uint64_t i = static_cast<uint64_t>(cookie); i < e->dir_entries.size() && used < capacity;
       ++i) {
    const DirEntry& d = e->dir_entries[i];
    uint8_t header[24] = {};
    uint64_t next = i + 1;
    auto namlen = static_cast<uint32_t>(d.name.size());
    std::memcpy(header, &next, 8);
    std::memcpy(header + 8, &d.ino, 8);
    std::memcpy(header + 16, &namlen, 4);
    header[20] = static_cast<uint8_t>(d.type);
    // A full buffer means "maybe more": the last entry may be cut short.
    uint32_t n = std::min<uint32_t>(24, capacity - used);
    std::memcpy(s.mem.bytes(at + used, n), header, n);
    used += n;
    n = std::min<uint32_t>(namlen, capacity - used);
    if (n) std::memcpy(s.mem.bytes(at + used, n), d.name.data(), n);
    used += n;
  }
  s.mem.store<uint32_t>(static_cast<uint32_t>(bufused), used);
  return ret(Errno::success);
}

i32 fd_renumber(void* env, i32 from, i32 to) {
  State& s = state(env);
  if (!s.get(from) || !s.get(to)) return ret(Errno::badf);
  if (from == to) return ret(Errno::success);
  s.fds[static_cast<uint32_t>(to)] = std::move(s.fds[static_cast<uint32_t>(from)]);
  return ret(Errno::success);
}

i32 fd_seek(void* env, i32 fd, i64 offset, i32 whence, i32 newoffset) {
  State& s = state(env);
  // A query of the position needs only fd_tell.
  bool tell_only = offset == 0 && whence == 1;
  WASI_LOOKUP(e, fd, tell_only ? rights::fd_tell : rights::fd_seek);
  static constexpr int host_whence[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  if (whence < 0 || whence > 2) return ret(Errno::inval);
  if (!s.mem.ok(static_cast<uint32_t>(newoffset), 8)) return ret(Errno::fault);
  off_t pos = ::lseek(e->host.get(), offset, host_whence[whence]);
  if (pos < 0) return ret_host(errno);
  s.mem.store<uint64_t>(static_cast<uint32_t>(newoffset), static_cast<uint64_t>(pos));
  return ret(Errno::success);
}

i32 fd_tell(void* env, i32 fd, i32 offset) {
  State& s = state(env);
  WASI_LOOKUP(e, fd, rights::fd_tell);
  if (!s.mem.ok(static_cast<uint32_t>(offset), 8)) return ret(Errno::fault);
  off_t pos = ::lseek(e->host.get(), 0, SEEK_CUR);
  if (pos < 0) return ret_host(errno);
  s.mem.store<uint64_t>(static_cast<uint32_t>(offset), static_cast<uint64_t>(pos));
  return ret(Errno::success);
}

}  // namespace wasm2cpp::wasi::detail
