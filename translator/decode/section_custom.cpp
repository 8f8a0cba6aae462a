// Custom sections: a name and an opaque payload, kept for tools that want
// them. The `name` section is additionally decoded into Module::names.
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_custom_section(ByteCursor& c, DecodeContext& ctx) {
  CustomSection custom;
  custom.offset = static_cast<uint32_t>(c.offset());
  TRY_ASSIGN(custom.name, c.read_name());
  const uint64_t payload_at = c.offset();
  TRY_ASSIGN(custom.payload, c.read_bytes(c.remaining()));
  if (custom.name == "name") decode_name_section(ByteCursor(custom.payload, payload_at), ctx.module.names);
  ctx.module.customs.push_back(std::move(custom));
  return {};
}

}  // namespace wasm2cpp::decode
