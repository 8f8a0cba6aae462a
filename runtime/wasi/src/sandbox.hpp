// Path resolution strictly beneath a directory fd (the capability sandbox).
#pragma once

#include <string>

#include "state.hpp"

namespace wasm2cpp::wasi::detail {

// The parent directory of a guest path's last component, opened beneath
// `base`, and that component's name ("." when the path names a directory
// itself, e.g. "a/.."). Symlinks inside the path are followed but never out
// of `base`; the last component is followed only with `follow_last`.
struct Resolved {
  UniqueFd dir;
  std::string name;
  bool trailing_slash = false;
};

Errno resolve_beneath(int base, const std::string& path, bool follow_last, Resolved& out);

// Opens `path` beneath `base` with open(2) `flags` (O_NOFOLLOW applies to the
// last component only); sets `fd` or returns the error.
Errno open_beneath(int base, const std::string& path, int flags, unsigned mode, bool follow_last,
                   UniqueFd& fd);

// openat2(RESOLVE_BENEATH) is used when the kernel has it, unless the
// environment variable WASM2CPP_WASI_NO_OPENAT2 is set (tests use it to
// exercise the portable component-by-component resolver).
bool use_openat2() noexcept;
// Tests only: 0 forces the portable resolver, 1 openat2 (when the kernel has
// it), -1 back to detection.
void force_resolver_for_testing(int mode) noexcept;

}  // namespace wasm2cpp::wasi::detail
