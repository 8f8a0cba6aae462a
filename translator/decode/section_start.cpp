// Start section: one function index.
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_start_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t index, c.read_u32());
  ctx.module.start = index;
  return {};
}

}  // namespace wasm2cpp::decode
