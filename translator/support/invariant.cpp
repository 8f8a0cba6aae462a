#include "support/invariant.hpp"

#include <cstdio>
#include <cstdlib>

namespace wasm2cpp {

void invariant_failed(const char* what, const char* file, int line) {
  std::fprintf(stderr, "wasm2cpp: internal error: %s (%s:%d); please report this with the module\n",
               what, file, line);
  std::abort();
}

}  // namespace wasm2cpp
