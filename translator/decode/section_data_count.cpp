// Data count section (bulk memory): the number of data segments, so function
// bodies can be validated against it before the data section is seen.
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_data_count_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_u32());
  ctx.module.data_count = count;
  return {};
}

}  // namespace wasm2cpp::decode
