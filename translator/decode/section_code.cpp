// Code section: one (size, body) entry per defined function. The bodies are
// only delimited here; the function validator decodes locals and
// instructions.
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_code_section(ByteCursor& c, DecodeContext& ctx) {
  Module& m = ctx.module;
  const uint64_t count_at = c.offset();
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  const uint32_t declared = ctx.function_section_count.value_or(0);
  if (count != declared)
    return make_error("function and code section have inconsistent lengths", count_at);
  for (uint32_t i = 0; i < count; ++i) {
    const uint64_t size_at = c.offset();
    TRY_ASSIGN(uint32_t size, c.read_u32());
    if (size == 0)
      return make_error("unexpected end of section or function (empty function body)", size_at);
    Function& f = m.functions[m.num_imported_functions + i];
    f.body_offset = static_cast<uint32_t>(c.offset());
    TRY_ASSIGN(f.body, c.read_bytes(size));
  }
  ctx.code_section_count = count;
  return {};
}

}  // namespace wasm2cpp::decode
