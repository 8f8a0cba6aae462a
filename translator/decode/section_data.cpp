// Data section: the three segment encodings (0 active memory 0, 1 passive,
// 2 active with explicit memory index). The bytes stay in Module::bytes.
#include <fmt/format.h>

#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_data_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  ctx.module.datas.reserve(reserve_hint(count, c, 3));
  for (uint32_t i = 0; i < count; ++i) {
    DataSegment seg;
    seg.offset_in_module = static_cast<uint32_t>(c.offset());
    const uint64_t flags_at = c.offset();
    TRY_ASSIGN(uint32_t flags, c.read_u32());
    if (flags > 2) return make_error(fmt::format("malformed data segment kind {}", flags), flags_at);
    if (flags != 0 && !ctx.features.has(Feature::BulkMemory))
      return make_error(fmt::format("data segment encoding {} requires the bulk-memory feature {}",
                                    flags, Features::enable_hint(Feature::BulkMemory)),
                        flags_at);
    if (flags == 1) {
      seg.mode = DataSegment::Mode::Passive;
    } else {
      seg.mode = DataSegment::Mode::Active;
      if (flags == 2) {
        TRY_ASSIGN(seg.memory_index, c.read_u32());
      }
      TRY_ASSIGN(seg.offset, read_const_expr(c, ctx.features));
    }
    const uint64_t size_at = c.offset();
    TRY_ASSIGN(uint32_t size, c.read_u32());
    if (size > c.remaining())
      return make_error("unexpected end of section or function", size_at);
    TRY_ASSIGN(seg.bytes, c.read_bytes(size));
    ctx.module.datas.push_back(std::move(seg));
  }
  ctx.data_section_count = count;
  return {};
}

}  // namespace wasm2cpp::decode
