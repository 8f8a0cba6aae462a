// Context: fd table setup, linking, errno translation.
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cerrno>
#include <system_error>

#include "functions.hpp"
#include "state.hpp"

namespace wasm2cpp::wasi {
namespace detail {

uint32_t State::insert(std::unique_ptr<FdEntry> entry) {
  for (uint32_t i = 0; i < fds.size(); ++i) {
    if (!fds[i]) {
      fds[i] = std::move(entry);
      return i;
    }
  }
  fds.push_back(std::move(entry));
  return static_cast<uint32_t>(fds.size() - 1);
}

FileType file_type_of_mode(unsigned mode) noexcept {
  switch (mode & S_IFMT) {
    case S_IFREG: return FileType::regular_file;
    case S_IFDIR: return FileType::directory;
    case S_IFCHR: return FileType::character_device;
    case S_IFBLK: return FileType::block_device;
    case S_IFLNK: return FileType::symbolic_link;
    case S_IFSOCK: return FileType::socket_stream;
    default: return FileType::unknown;  // FIFOs have no WASI type
  }
}

void classify(FdEntry& entry) {
  struct stat st {};
  if (::fstat(entry.host.get(), &st) != 0) return;
  entry.type = file_type_of_mode(st.st_mode);
  if (entry.type == FileType::socket_stream) {
    int sock_type = 0;
    socklen_t len = sizeof sock_type;
    if (::getsockopt(entry.host.get(), SOL_SOCKET, SO_TYPE, &sock_type, &len) == 0 &&
        sock_type == SOCK_DGRAM)
      entry.type = FileType::socket_dgram;
  }
  switch (entry.type) {
    case FileType::directory:
      entry.rights_base = rights::directory;
      entry.rights_inheriting = rights::all;
      break;
    case FileType::regular_file:
    case FileType::block_device:
      entry.rights_base = rights::regular_file;
      break;
    case FileType::socket_stream:
    case FileType::socket_dgram:
      entry.rights_base = rights::socket;
      break;
    default:
      entry.rights_base = rights::tty;
      break;
  }
}

}  // namespace detail

namespace {

using detail::FdEntry;
using detail::UniqueFd;

std::unique_ptr<FdEntry> adopt_stdio(int host_fd) {
  if (host_fd < 0) return nullptr;
  int copy = ::fcntl(host_fd, F_DUPFD_CLOEXEC, 3);
  if (copy < 0) return nullptr;
  auto entry = std::make_unique<FdEntry>();
  entry->host.reset(copy);
  detail::classify(*entry);
  return entry;
}

}  // namespace

Context::Context(Config config) : state_(std::make_unique<detail::State>(std::move(config))) {
  auto& s = *state_;
  s.fds.push_back(adopt_stdio(s.config.stdin_fd));
  s.fds.push_back(adopt_stdio(s.config.stdout_fd));
  s.fds.push_back(adopt_stdio(s.config.stderr_fd));
  for (const Preopen& pre : s.config.preopens) {
    int fd = ::open(pre.host_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      throw std::system_error(errno, std::generic_category(),
                              "wasi: cannot preopen directory '" + pre.host_path + "'");
    }
    auto entry = std::make_unique<FdEntry>();
    entry->host.reset(fd);
    entry->type = detail::FileType::directory;
    entry->rights_base = detail::rights::directory;
    entry->rights_inheriting = detail::rights::all;
    entry->is_preopen = true;
    entry->preopen_name = pre.guest_path;
    s.fds.push_back(std::move(entry));
  }
  for (const std::string& address : s.config.tcp_listen) {
    auto entry = std::make_unique<FdEntry>();
    entry->host = detail::open_tcp_listener(address);
    entry->type = detail::FileType::socket_stream;
    entry->rights_base = detail::rights::socket;
    entry->rights_inheriting = detail::rights::socket;
    s.fds.push_back(std::move(entry));
  }
}

Context::~Context() = default;

void Context::bind_memory(Memory& memory) noexcept { state_->mem.bind(&memory); }

namespace {
template <typename... Args>
void define(Linker& linker, const char* name, int32_t (*fn)(void*, Args...), void* env) {
  linker.define(kModuleName, name, Function<int32_t(Args...)>(fn, env).ref());
}
}  // namespace

void Context::link(Linker& linker) {
  void* env = state_.get();
#define WASM2CPP_WASI_DEFINE(name, ...) define(linker, #name, &detail::name, env);
  WASM2CPP_WASI_FUNCTIONS(WASM2CPP_WASI_DEFINE)
#undef WASM2CPP_WASI_DEFINE
  linker.define(kModuleName, "proc_exit",
                Function<void(int32_t)>(&detail::proc_exit, env).ref());
}

std::span<const char* const> Context::function_names() noexcept {
  static constexpr const char* names[] = {
#define WASM2CPP_WASI_NAME(name, ...) #name,
      WASM2CPP_WASI_FUNCTIONS(WASM2CPP_WASI_NAME)
#undef WASM2CPP_WASI_NAME
      "proc_exit"};
  return names;
}

// ---- errno translation -------------------------------------------------------

Errno errno_from_host(int e) noexcept {
  switch (e) {
    case 0: return Errno::success;
    case E2BIG: return Errno::toobig;
    case EACCES: return Errno::acces;
    case EADDRINUSE: return Errno::addrinuse;
    case EADDRNOTAVAIL: return Errno::addrnotavail;
    case EAFNOSUPPORT: return Errno::afnosupport;
    case EAGAIN: return Errno::again;
    case EALREADY: return Errno::already;
    case EBADF: return Errno::badf;
    case EBADMSG: return Errno::badmsg;
    case EBUSY: return Errno::busy;
    case ECANCELED: return Errno::canceled;
    case ECHILD: return Errno::child;
    case ECONNABORTED: return Errno::connaborted;
    case ECONNREFUSED: return Errno::connrefused;
    case ECONNRESET: return Errno::connreset;
    case EDEADLK: return Errno::deadlk;
    case EDESTADDRREQ: return Errno::destaddrreq;
    case EDOM: return Errno::dom;
    case EDQUOT: return Errno::dquot;
    case EEXIST: return Errno::exist;
    case EFAULT: return Errno::fault;
    case EFBIG: return Errno::fbig;
    case EHOSTUNREACH: return Errno::hostunreach;
    case EIDRM: return Errno::idrm;
    case EILSEQ: return Errno::ilseq;
    case EINPROGRESS: return Errno::inprogress;
    case EINTR: return Errno::intr;
    case EINVAL: return Errno::inval;
    case EIO: return Errno::io;
    case EISCONN: return Errno::isconn;
    case EISDIR: return Errno::isdir;
    case ELOOP: return Errno::loop;
    case EMFILE: return Errno::mfile;
    case EMLINK: return Errno::mlink;
    case EMSGSIZE: return Errno::msgsize;
    case EMULTIHOP: return Errno::multihop;
    case ENAMETOOLONG: return Errno::nametoolong;
    case ENETDOWN: return Errno::netdown;
    case ENETRESET: return Errno::netreset;
    case ENETUNREACH: return Errno::netunreach;
    case ENFILE: return Errno::nfile;
    case ENOBUFS: return Errno::nobufs;
    case ENODEV: return Errno::nodev;
    case ENOENT: return Errno::noent;
    case ENOEXEC: return Errno::noexec;
    case ENOLCK: return Errno::nolck;
    case ENOLINK: return Errno::nolink;
    case ENOMEM: return Errno::nomem;
    case ENOMSG: return Errno::nomsg;
    case ENOPROTOOPT: return Errno::noprotoopt;
    case ENOSPC: return Errno::nospc;
    case ENOSYS: return Errno::nosys;
    case ENOTCONN: return Errno::notconn;
    case ENOTDIR: return Errno::notdir;
    case ENOTEMPTY: return Errno::notempty;
    case ENOTRECOVERABLE: return Errno::notrecoverable;
    case ENOTSOCK: return Errno::notsock;
    case EOPNOTSUPP: return Errno::notsup;  // == ENOTSUP on Linux
    case ENOTTY: return Errno::notty;
    case ENXIO: return Errno::nxio;
    case EOVERFLOW: return Errno::overflow;
    case EOWNERDEAD: return Errno::ownerdead;
    case EPERM: return Errno::perm;
    case EPIPE: return Errno::pipe;
    case EPROTO: return Errno::proto;
    case EPROTONOSUPPORT: return Errno::protonosupport;
    case EPROTOTYPE: return Errno::prototype;
    case ERANGE: return Errno::range;
    case EROFS: return Errno::rofs;
    case ESPIPE: return Errno::spipe;
    case ESRCH: return Errno::srch;
    case ESTALE: return Errno::stale;
    case ETIMEDOUT: return Errno::timedout;
    case ETXTBSY: return Errno::txtbsy;
    case EXDEV: return Errno::xdev;
    default: return Errno::io;
  }
}

const char* errno_name(Errno e) noexcept {
  static constexpr const char* names[] = {
      "success", "toobig", "acces", "addrinuse", "addrnotavail", "afnosupport", "again",
      "already", "badf", "badmsg", "busy", "canceled", "child", "connaborted", "connrefused",
      "connreset", "deadlk", "destaddrreq", "dom", "dquot", "exist", "fault", "fbig",
      "hostunreach", "idrm", "ilseq", "inprogress", "intr", "inval", "io", "isconn", "isdir",
      "loop", "mfile", "mlink", "msgsize", "multihop", "nametoolong", "netdown", "netreset",
      "netunreach", "nfile", "nobufs", "nodev", "noent", "noexec", "nolck", "nolink", "nomem",
      "nomsg", "noprotoopt", "nospc", "nosys", "notconn", "notdir", "notempty",
      "notrecoverable", "notsock", "notsup", "notty", "nxio", "overflow", "ownerdead", "perm",
      "pipe", "proto", "protonosupport", "prototype", "range", "rofs", "spipe", "srch", "stale",
      "timedout", "txtbsy", "xdev", "notcapable"};
  auto index = static_cast<size_t>(e);
  return index < std::size(names) ? names[index] : "unknown";
}

}  // namespace wasm2cpp::wasi
