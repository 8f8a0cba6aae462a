// Function section: the type index of every defined function. Their bodies
// arrive later in the code section.
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_function_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  ctx.module.functions.reserve(ctx.module.functions.size() + reserve_hint(count, c, 1));
  for (uint32_t i = 0; i < count; ++i) {
    Function f;
    f.offset = static_cast<uint32_t>(c.offset());
    TRY_ASSIGN(f.type_index, c.read_u32());
    ctx.module.functions.push_back(f);
  }
  ctx.function_section_count = count;
  return {};
}

}  // namespace wasm2cpp::decode
