// Global section: type and initialiser expression of each defined global.
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_global_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  ctx.module.globals.reserve(ctx.module.globals.size() + reserve_hint(count, c, 3));
  for (uint32_t i = 0; i < count; ++i) {
    Global g;
    g.offset = static_cast<uint32_t>(c.offset());
    TRY_ASSIGN(g.type, read_global_type(c, ctx.features));
    TRY_ASSIGN(g.init, read_const_expr(c, ctx.features));
    ctx.module.globals.push_back(std::move(g));
  }
  return {};
}

}  // namespace wasm2cpp::decode
