// Table section: defined tables (after imported ones in the index space).
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_table_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  ctx.module.tables.reserve(ctx.module.tables.size() + reserve_hint(count, c, 3));
  for (uint32_t i = 0; i < count; ++i) {
    Table t;
    t.offset = static_cast<uint32_t>(c.offset());
    TRY_ASSIGN(t.type, read_table_type(c, ctx.features));
    ctx.module.tables.push_back(t);
  }
  return {};
}

}  // namespace wasm2cpp::decode
