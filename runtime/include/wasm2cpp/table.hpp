// Tables of funcref or externref. Generated code indexes `elements()` after
// its own bounds check; the host API checks every access. The class is in
// table_core.hpp; this header adds TableLimits.
#pragma once

#include <cstdint>
#include <optional>

#include "wasm2cpp/table_core.hpp"
#include "wasm2cpp/trap.hpp"
#include "wasm2cpp/types.hpp"

namespace wasm2cpp {

struct TableLimits {
  uint64_t initial = 0;
  std::optional<uint64_t> maximum;
};

}  // namespace wasm2cpp
