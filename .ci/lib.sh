# Shared helpers for the .ci scripts (sourced, not run).

# Debian packages by purpose. Everything the project needs comes from here.
WASM2CPP_BUILD_PACKAGES=(cmake ninja-build g++ libfmt-dev libcli11-dev)
WASM2CPP_EXAMPLE_PACKAGES=(clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32)
# llvm-14-tools provides FileCheck, not, count and lit.py; wabt provides
# wat2wasm and wast2json (tests only: the translator never uses wabt); make
# for the cmake tests, which build the downstream example with Makefiles too.
# binaryen (wasm-opt --translate-to-fuzz) and nodejs drive the differential
# tests; rustc with the wasm32 standard library builds the Rust WASI program.
WASM2CPP_TEST_PACKAGES=(libgtest-dev libgmock-dev wabt python3 llvm-14-tools make binaryen nodejs
  rustc libstd-rust-dev-wasm32)

log() { printf '==> %s\n' "$*"; }

# ensure_packages PKG...: installs the missing ones with apt-get when running
# as root; otherwise prints exactly what to install and fails.
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    printf 'Missing Debian packages: %s\n' "${missing[*]}" >&2
    printf 'Install them with:\n  sudo apt-get install %s\n' "${missing[*]}" >&2
    exit 1
  fi
  log "Installing missing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q </dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# Number of parallel jobs: every core.
jobs() { nproc 2>/dev/null || echo 2; }
