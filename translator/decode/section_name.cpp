// The `name` custom section (spec appendix 7.4): module, function and local
// names. It is advisory: a malformed name section must not make a valid
// module fail, so every error here just stops decoding. Subsections decoded
// completely before the damage are kept; unknown subsections (the extended
// name section's labels, types, globals...) are skipped.
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

namespace {

enum NameSubsection : uint8_t { kModuleNames = 0, kFunctionNames = 1, kLocalNames = 2 };

Expected<std::map<uint32_t, std::string>> read_name_map(ByteCursor& c) {
  std::map<uint32_t, std::string> map;
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  for (uint32_t i = 0; i < count; ++i) {
    TRY_ASSIGN(uint32_t index, c.read_u32());
    TRY_ASSIGN(std::string name, c.read_name());
    map.insert_or_assign(index, std::move(name));
  }
  return map;
}

Expected<void> expect_subsection_end(const ByteCursor& c) {
  if (!c.at_end()) return c.error_here("name subsection size mismatch");
  return {};
}

// Each known subsection replaces its field only once it decoded completely.
Expected<void> decode_subsection(uint8_t id, ByteCursor& c, NameSection& names) {
  switch (id) {
    case kModuleNames: {
      TRY_ASSIGN(std::string name, c.read_name());
      TRY(expect_subsection_end(c));
      names.module_name = std::move(name);
      return {};
    }
    case kFunctionNames: {
      TRY_ASSIGN(auto map, read_name_map(c));
      TRY(expect_subsection_end(c));
      names.functions = std::move(map);
      return {};
    }
    case kLocalNames: {
      std::map<uint32_t, std::map<uint32_t, std::string>> locals;
      TRY_ASSIGN(uint32_t count, c.read_count(1));
      for (uint32_t i = 0; i < count; ++i) {
        TRY_ASSIGN(uint32_t func, c.read_u32());
        TRY_ASSIGN(auto map, read_name_map(c));
        locals.insert_or_assign(func, std::move(map));
      }
      TRY(expect_subsection_end(c));
      names.locals = std::move(locals);
      return {};
    }
    default: return {};  // unknown subsections are skipped
  }
}

}  // namespace

void decode_name_section(ByteCursor c, NameSection& names) {
  while (!c.at_end()) {
    auto id = c.read_u8();
    if (!id) return;
    auto size = c.read_u32();
    if (!size) return;
    auto payload = c.sub_cursor(*size);
    if (!payload) return;
    if (!decode_subsection(*id, *payload, names)) return;
  }
}

}  // namespace wasm2cpp::decode
