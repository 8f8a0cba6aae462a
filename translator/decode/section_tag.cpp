// Tag section (exception handling): one tag type per defined tag. A tag type
// is an attribute byte (0 = exception, the only kind) and a type index whose
// function type gives the payload (validation checks it has no results).
#include <fmt/format.h>

#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<uint32_t> read_tag_type(ByteCursor& c) {
  const uint64_t attribute_at = c.offset();
  TRY_ASSIGN(uint8_t attribute, c.read_u8());
  if (attribute != 0)
    return make_error(fmt::format("malformed tag attribute 0x{:02x}", attribute), attribute_at);
  return c.read_u32();
}

Expected<void> decode_tag_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  ctx.module.tags.reserve(ctx.module.tags.size() + reserve_hint(count, c, 2));
  for (uint32_t i = 0; i < count; ++i) {
    Tag tag;
    tag.offset = static_cast<uint32_t>(c.offset());
    TRY_ASSIGN(tag.type_index, read_tag_type(c));
    ctx.module.tags.push_back(tag);
  }
  return {};
}

}  // namespace wasm2cpp::decode
