// Export section: (name, kind, index). Index ranges and name uniqueness are
// validation rules (validate_module).
#include <fmt/format.h>

#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_export_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  ctx.module.exports.reserve(reserve_hint(count, c, 3));
  for (uint32_t i = 0; i < count; ++i) {
    Export e;
    e.offset = static_cast<uint32_t>(c.offset());
    TRY_ASSIGN(e.name, c.read_name());
    const uint64_t kind_at = c.offset();
    TRY_ASSIGN(uint8_t kind, c.read_u8());
    if (kind > 3) {
      if (kind == 4 && !ctx.features.has(Feature::Exceptions))
        return make_error("malformed export kind " + Features::enable_hint(Feature::Exceptions),
                          kind_at);
      if (kind != 4) return make_error(fmt::format("malformed export kind 0x{:02x}", kind), kind_at);
    }
    e.kind = static_cast<ExternKind>(kind);
    TRY_ASSIGN(e.index, c.read_u32());
    ctx.module.exports.push_back(std::move(e));
  }
  return {};
}

}  // namespace wasm2cpp::decode
