// Internal state of a wasi::Context: the guest fd table and the guarded view
// of guest memory. Shared by the function families (fd_*, path_*, ...).
#pragma once

#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "wasm2cpp/wasi/wasi.hpp"

namespace wasm2cpp::wasi::detail {

static_assert(std::endian::native == std::endian::little, "guest memory is little-endian");

// rights (bit positions of wasi_snapshot_preview1 `rights`)
namespace rights {
inline constexpr uint64_t fd_datasync = 1ull << 0, fd_read = 1ull << 1, fd_seek = 1ull << 2,
    fd_fdstat_set_flags = 1ull << 3, fd_sync = 1ull << 4, fd_tell = 1ull << 5,
    fd_write = 1ull << 6, fd_advise = 1ull << 7, fd_allocate = 1ull << 8,
    path_create_directory = 1ull << 9, path_create_file = 1ull << 10,
    path_link_source = 1ull << 11, path_link_target = 1ull << 12, path_open = 1ull << 13,
    fd_readdir = 1ull << 14, path_readlink = 1ull << 15, path_rename_source = 1ull << 16,
    path_rename_target = 1ull << 17, path_filestat_get = 1ull << 18,
    path_filestat_set_size = 1ull << 19, path_filestat_set_times = 1ull << 20,
    fd_filestat_get = 1ull << 21, fd_filestat_set_size = 1ull << 22,
    fd_filestat_set_times = 1ull << 23, path_symlink = 1ull << 24,
    path_remove_directory = 1ull << 25, path_unlink_file = 1ull << 26,
    poll_fd_readwrite = 1ull << 27, sock_shutdown = 1ull << 28, sock_accept = 1ull << 29;
inline constexpr uint64_t all = (1ull << 30) - 1;
inline constexpr uint64_t regular_file = fd_datasync | fd_read | fd_seek | fd_fdstat_set_flags |
    fd_sync | fd_tell | fd_write | fd_advise | fd_allocate | fd_filestat_get |
    fd_filestat_set_size | fd_filestat_set_times | poll_fd_readwrite;
inline constexpr uint64_t directory = fd_fdstat_set_flags | fd_sync | fd_advise |
    path_create_directory | path_create_file | path_link_source | path_link_target | path_open |
    fd_readdir | path_readlink | path_rename_source | path_rename_target | path_filestat_get |
    path_filestat_set_size | path_filestat_set_times | fd_filestat_get | fd_filestat_set_times |
    path_symlink | path_remove_directory | path_unlink_file;
inline constexpr uint64_t tty = regular_file & ~(fd_seek | fd_tell);
inline constexpr uint64_t socket = fd_read | fd_write | fd_fdstat_set_flags | fd_filestat_get |
    poll_fd_readwrite | sock_shutdown | sock_accept;
}  // namespace rights

enum class FileType : uint8_t {
  unknown = 0, block_device, character_device, directory, regular_file, socket_dgram,
  socket_stream, symbolic_link,
};

inline constexpr uint16_t kFdflagAppend = 1, kFdflagDsync = 2, kFdflagNonblock = 4,
                          kFdflagRsync = 8, kFdflagSync = 16;

// Owns a host file descriptor.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) noexcept : fd_(fd) {}
  UniqueFd(UniqueFd&& o) noexcept : fd_(o.release()) {}
  UniqueFd& operator=(UniqueFd&& o) noexcept {
    if (this != &o) reset(o.release());
    return *this;
  }
  ~UniqueFd() { reset(); }
  int get() const noexcept { return fd_; }
  int release() noexcept { int fd = fd_; fd_ = -1; return fd; }
  void reset(int fd = -1) noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  explicit operator bool() const noexcept { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

struct DirEntry {
  uint64_t ino;
  FileType type;
  std::string name;
};

struct FdEntry {
  UniqueFd host;
  FileType type = FileType::unknown;
  uint64_t rights_base = 0;
  uint64_t rights_inheriting = 0;
  std::string preopen_name;  // non-empty: a preopened directory
  bool is_preopen = false;
  // fd_readdir snapshot, taken when a listing starts at cookie 0.
  std::vector<DirEntry> dir_entries;
  bool dir_entries_valid = false;
};

// The only way host code touches guest memory: every access is checked
// against the current memory size first.
class GuestMemory {
 public:
  void bind(Memory* memory) noexcept { memory_ = memory; }
  bool ok(uint32_t ptr, uint64_t len) const noexcept {
    return memory_ != nullptr && uint64_t{ptr} + len <= memory_->size_bytes();
  }
  // Pointer to [ptr, ptr+len), or nullptr when out of bounds.
  uint8_t* bytes(uint32_t ptr, uint64_t len) const noexcept {
    return ok(ptr, len) ? memory_->data() + ptr : nullptr;
  }
  template <typename T>
  bool load(uint32_t ptr, T& out) const noexcept {
    const uint8_t* p = bytes(ptr, sizeof(T));
    if (!p) return false;
    std::memcpy(&out, p, sizeof(T));
    return true;
  }
  template <typename T>
  bool store(uint32_t ptr, T value) const noexcept {
    uint8_t* p = bytes(ptr, sizeof(T));
    if (!p) return false;
    std::memcpy(p, &value, sizeof(T));
    return true;
  }
  // Guest string [ptr, ptr+len) -> std::string; false when out of bounds.
  bool string(uint32_t ptr, uint32_t len, std::string& out) const {
    const uint8_t* p = bytes(ptr, len);
    if (!p) return false;
    out.assign(reinterpret_cast<const char*>(p), len);
    return true;
  }

 private:
  Memory* memory_ = nullptr;
};

struct State {
  explicit State(Config c) : config(std::move(c)) {}
  Config config;
  GuestMemory mem;
  std::vector<std::unique_ptr<FdEntry>> fds;

  // The entry of guest fd `fd`, or nullptr (EBADF).
  FdEntry* get(int32_t fd) const noexcept {
    auto index = static_cast<uint32_t>(fd);
    return index < fds.size() ? fds[index].get() : nullptr;
  }
  // Lowest free guest fd.
  uint32_t insert(std::unique_ptr<FdEntry> entry);
};

inline int32_t ret(Errno e) noexcept { return static_cast<int32_t>(e); }
inline int32_t ret_host(int host_errno) noexcept { return ret(errno_from_host(host_errno)); }

// Type and rights of a host fd, from fstat.
FileType file_type_of_mode(unsigned mode) noexcept;
void classify(FdEntry& entry);

// Resolves the entry for an fd-taking call, checking `required` rights.
// Returns nullptr with `error` set (badf / notcapable).
inline FdEntry* lookup(State& s, int32_t fd, uint64_t required, Errno& error) noexcept {
  FdEntry* e = s.get(fd);
  if (!e) { error = Errno::badf; return nullptr; }
  if ((e->rights_base & required) != required) { error = Errno::notcapable; return nullptr; }
  return e;
}

inline State& state(void* env) noexcept { return *static_cast<State*>(env); }

// The current time of a WASI clock (Config::clock or the host clock).
std::optional<uint64_t> now_ns(State& s, int32_t clock_id);

// Checks and collects a guest iovec array (buf u32, len u32 each). False when
// the array or any buffer is out of bounds (EFAULT).
bool gather_iovecs(State& s, int32_t iovs, int32_t count, std::vector<struct iovec>& out);

// fstflags (+ timestamps) -> the two timespecs of futimens/utimensat; false
// when the flags conflict (EINVAL).
bool make_times(int64_t atim, int64_t mtim, int32_t fst, struct timespec times[2]);

// A listening TCP socket bound to "HOST:PORT" (Config::tcp_listen); throws
// std::system_error naming the address on failure.
UniqueFd open_tcp_listener(const std::string& address);

// Writes a 64-byte `filestat` at `ptr`.
Errno write_filestat(State& s, uint32_t ptr, const struct stat& st);

}  // namespace wasm2cpp::wasi::detail
