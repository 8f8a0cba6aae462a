// Element section: the eight segment encodings (flags 0-7).
//   bit 0: passive or declarative (else active)
//   bit 1: active with explicit table index / declarative (with bit 0)
//   bit 2: items are expressions (else function indices)
// Function-index items stay plain indices (ElemSegment::func_indices) so a
// large table costs memory proportional to its encoding.
#include <fmt/format.h>

#include "decode/instruction_reader.hpp"
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

namespace {

// elemkind: only 0x00 (funcref) exists.
Expected<void> read_elem_kind(ByteCursor& c) {
  const uint64_t at = c.offset();
  TRY_ASSIGN(uint8_t kind, c.read_u8());
  if (kind != 0x00) return make_error(fmt::format("malformed element kind 0x{:02x}", kind), at);
  return {};
}

Expected<ElemSegment> read_segment(ByteCursor& c, const Features& features) {
  ElemSegment seg;
  seg.offset_in_module = static_cast<uint32_t>(c.offset());
  const uint64_t flags_at = c.offset();
  TRY_ASSIGN(uint32_t flags, c.read_u32());
  if (flags > 7) return make_error(fmt::format("malformed elements segment kind {}", flags), flags_at);
  if (flags != 0 && !features.has(Feature::BulkMemory))
    return make_error(fmt::format("element segment encoding {} requires the bulk-memory feature {}",
                                  flags, Features::enable_hint(Feature::BulkMemory)),
                      flags_at);
  const bool passive_or_declarative = flags & 1;
  const bool explicit_table_or_declarative = flags & 2;
  const bool expressions = flags & 4;

  if (!passive_or_declarative) {
    seg.mode = ElemSegment::Mode::Active;
    if (explicit_table_or_declarative) {
      TRY_ASSIGN(seg.table_index, c.read_u32());
    }
    TRY_ASSIGN(seg.offset, read_const_expr(c, features));
  } else {
    seg.mode = explicit_table_or_declarative ? ElemSegment::Mode::Declarative
                                             : ElemSegment::Mode::Passive;
  }

  // Encodings 0 and 4 have an implicit funcref type (the default of
  // seg.type); the others spell out an elemkind (function indices, always
  // funcref) or a reference type (expressions).
  if ((flags & 3) != 0) {
    if (expressions) {
      TRY_ASSIGN(seg.type, read_ref_type(c, features));
    } else {
      TRY(read_elem_kind(c));
    }
  }

  TRY_ASSIGN(uint32_t count, c.read_count(1));
  if (expressions) {
    seg.items.reserve(reserve_hint(count, c, 2));
    for (uint32_t i = 0; i < count; ++i) {
      TRY_ASSIGN(ConstExpr item, read_const_expr(c, features));
      seg.items.push_back(std::move(item));
    }
  } else {
    seg.func_indices.reserve(reserve_hint(count, c, 1));
    for (uint32_t i = 0; i < count; ++i) {
      TRY_ASSIGN(uint32_t index, c.read_u32());
      seg.func_indices.push_back(index);
    }
  }
  return seg;
}

}  // namespace

Expected<void> decode_element_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  ctx.module.elems.reserve(reserve_hint(count, c, 3));
  for (uint32_t i = 0; i < count; ++i) {
    TRY_ASSIGN(ElemSegment seg, read_segment(c, ctx.features));
    ctx.module.elems.push_back(std::move(seg));
  }
  return {};
}

}  // namespace wasm2cpp::decode
