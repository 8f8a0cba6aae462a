// Internal to the module decoder: the shared decoding state and one entry
// point per section (each in its own section_<name>.cpp), plus the small
// type readers several sections share (decode_types.cpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>

#include "ir/module.hpp"
#include "support/cursor.hpp"
#include "support/error.hpp"
#include "support/features.hpp"

namespace wasm2cpp::decode {

// Section ids as encoded in the binary.
enum class SectionId : uint8_t {
  Custom = 0,
  Type = 1,
  Import = 2,
  Function = 3,
  Table = 4,
  Memory = 5,
  Global = 6,
  Export = 7,
  Start = 8,
  Element = 9,
  Code = 10,
  Data = 11,
  DataCount = 12,
  Tag = 13,
};

struct DecodeContext {
  Module& module;
  const Features& features;
  // Number of defined functions the function section declared (the code
  // section must match it).
  std::optional<uint32_t> function_section_count;
  std::optional<uint32_t> code_section_count;
  std::optional<uint32_t> data_section_count;
};

// Each reads the whole payload of its section from `c` (a sub-cursor limited
// to the section); the caller checks that nothing is left over.
Expected<void> decode_type_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_import_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_function_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_table_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_memory_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_global_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_export_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_start_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_element_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_data_count_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_code_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_data_section(ByteCursor& c, DecodeContext& ctx);
Expected<void> decode_custom_section(ByteCursor& c, DecodeContext& ctx);
// Exception handling (section_tag.cpp; the tag type is shared with imports).
Expected<void> decode_tag_section(ByteCursor& c, DecodeContext& ctx);
Expected<uint32_t> read_tag_type(ByteCursor& c);

// The `name` custom section. Never fails: a malformed name section is
// ignored (keeping the subsections decoded before the damage).
void decode_name_section(ByteCursor c, NameSection& names);

// ---- shared readers (decode_types.cpp) ------------------------------------

// Vector counts are read with ByteCursor::read_count(1): a count above the
// bytes left is rejected outright, but otherwise items are decoded one by one
// so a malformed item gets its own error message. Reservations use this bound
// so a bogus count never allocates more than the input could describe.
inline size_t reserve_hint(uint32_t count, const ByteCursor& c, size_t min_item_bytes) {
  return std::min<size_t>(count, c.remaining() / min_item_bytes);
}

// Table limits are always 32-bit; memory limits may be shared (threads) or
// 64-bit (memory64). Errors name the disabled feature a flag needs.
Expected<Limits> read_table_limits(ByteCursor& c, const Features& features);
Expected<Limits> read_memory_limits(ByteCursor& c, const Features& features);
Expected<TableType> read_table_type(ByteCursor& c, const Features& features);
Expected<MemoryType> read_memory_type(ByteCursor& c, const Features& features);
Expected<GlobalType> read_global_type(ByteCursor& c, const Features& features);

// Instructions up to the `end` that closes the expression (nested blocks,
// which validation rejects in constant expressions, are skipped over
// correctly). The `end` itself is not stored.
Expected<ConstExpr> read_const_expr(ByteCursor& c, const Features& features);

}  // namespace wasm2cpp::decode
