// Type section: a vector of function types (0x60 params results).
#include <fmt/format.h>

#include "decode/instruction_reader.hpp"
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

namespace {

Expected<std::vector<ValType>> read_result_type(ByteCursor& c, const Features& features) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  std::vector<ValType> types;
  types.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    TRY_ASSIGN(ValType t, read_val_type(c, features));
    types.push_back(t);
  }
  return types;
}

}  // namespace

Expected<void> decode_type_section(ByteCursor& c, DecodeContext& ctx) {
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  ctx.module.types.reserve(reserve_hint(count, c, 3));
  for (uint32_t i = 0; i < count; ++i) {
    const uint64_t at = c.offset();
    TRY_ASSIGN(uint8_t form, c.read_u8());
    // The form is a one-byte signed LEB128 in the spec grammar.
    if (form & 0x80) return make_error("integer representation too long", at);
    if (form != 0x60) return make_error(fmt::format("malformed function type 0x{:02x}", form), at);
    FuncType type;
    TRY_ASSIGN(type.params, read_result_type(c, ctx.features));
    const uint64_t results_at = c.offset();
    TRY_ASSIGN(type.results, read_result_type(c, ctx.features));
    if (type.results.size() > 1 && !ctx.features.has(Feature::MultiValue))
      return make_error("multiple results require the multi-value feature " +
                            Features::enable_hint(Feature::MultiValue),
                        results_at);
    ctx.module.types.push_back(std::move(type));
  }
  return {};
}

}  // namespace wasm2cpp::decode
