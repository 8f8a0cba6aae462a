// Memory section: defined memories (after imported ones in the index space).
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_memory_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  ctx.module.memories.reserve(ctx.module.memories.size() + reserve_hint(count, c, 2));
  for (uint32_t i = 0; i < count; ++i) {
    Memory mem;
    mem.offset = static_cast<uint32_t>(c.offset());
    TRY_ASSIGN(mem.type, read_memory_type(c, ctx.features));
    ctx.module.memories.push_back(mem);
  }
  return {};
}

}  // namespace wasm2cpp::decode
