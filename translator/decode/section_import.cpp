// Import section: (module name, field name, description). Imports come first
// in their kind's index space, so this also grows functions/tables/...
#include <fmt/format.h>

#include "decode/sections.hpp"

namespace wasm2cpp::decode {

Expected<void> decode_import_section(ByteCursor& c, DecodeContext& ctx) {
  Module& m = ctx.module;
  TRY_ASSIGN(uint32_t count, c.read_count(1));
  m.imports.reserve(reserve_hint(count, c, 4));
  for (uint32_t i = 0; i < count; ++i) {
    Import import;
    import.offset = static_cast<uint32_t>(c.offset());
    TRY_ASSIGN(import.module, c.read_name());
    TRY_ASSIGN(import.field, c.read_name());
    const uint64_t kind_at = c.offset();
    TRY_ASSIGN(uint8_t kind, c.read_u8());
    const auto import_index = static_cast<uint32_t>(m.imports.size());
    switch (kind) {
      case 0: {
        Function f;
        TRY_ASSIGN(f.type_index, c.read_u32());
        f.imported = true;
        f.offset = import.offset;
        f.import_index = import_index;
        import.kind = ExternKind::Func;
        import.index = static_cast<uint32_t>(m.functions.size());
        m.functions.push_back(f);
        ++m.num_imported_functions;
        break;
      }
      case 1: {
        Table t;
        TRY_ASSIGN(t.type, read_table_type(c, ctx.features));
        t.imported = true;
        t.offset = import.offset;
        t.import_index = import_index;
        import.kind = ExternKind::Table;
        import.index = static_cast<uint32_t>(m.tables.size());
        m.tables.push_back(t);
        ++m.num_imported_tables;
        break;
      }
      case 2: {
        Memory mem;
        TRY_ASSIGN(mem.type, read_memory_type(c, ctx.features));
        mem.imported = true;
        mem.offset = import.offset;
        mem.import_index = import_index;
        import.kind = ExternKind::Memory;
        import.index = static_cast<uint32_t>(m.memories.size());
        m.memories.push_back(mem);
        ++m.num_imported_memories;
        break;
      }
      case 3: {
        const uint64_t type_at = c.offset();
        Global g;
        TRY_ASSIGN(g.type, read_global_type(c, ctx.features));
        if (g.type.is_mutable && !ctx.features.has(Feature::MutableGlobals))
          return make_error("importing a mutable global requires the mutable-globals feature " +
                                Features::enable_hint(Feature::MutableGlobals),
                            type_at);
        g.imported = true;
        g.offset = import.offset;
        g.import_index = import_index;
        import.kind = ExternKind::Global;
        import.index = static_cast<uint32_t>(m.globals.size());
        m.globals.push_back(g);
        ++m.num_imported_globals;
        break;
      }
      case 4: {
        if (!ctx.features.has(Feature::Exceptions))
          return make_error("malformed import kind " + Features::enable_hint(Feature::Exceptions),
                            kind_at);
        Tag tag;
        TRY_ASSIGN(tag.type_index, read_tag_type(c));
        tag.imported = true;
        tag.offset = import.offset;
        tag.import_index = import_index;
        import.kind = ExternKind::Tag;
        import.index = static_cast<uint32_t>(m.tags.size());
        m.tags.push_back(tag);
        ++m.num_imported_tags;
        break;
      }
      default: return make_error(fmt::format("malformed import kind 0x{:02x}", kind), kind_at);
    }
    m.imports.push_back(std::move(import));
  }
  return {};
}

}  // namespace wasm2cpp::decode
