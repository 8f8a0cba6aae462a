// Import section: (module name, field name, description). Imports come first
// in their kind's index space, so this also grows functions/tables/...
#include <fmt/format.h>

#include <utility>
#include <vector>

#include "decode/sections.hpp"

namespace wasm2cpp::decode {

namespace {

// Appends an imported function/table/memory/global/tag to its index space
// (imports come before definitions there) and points `import` at it.
template <typename Entity>
void add_import(Import& import, ExternKind kind, Entity entity, std::vector<Entity>& index_space,
                uint32_t& imported_count, uint32_t import_index) {
  entity.imported = true;
  entity.offset = import.offset;
  entity.import_index = import_index;
  import.kind = kind;
  import.index = static_cast<uint32_t>(index_space.size());
  index_space.push_back(std::move(entity));
  ++imported_count;
}

}  // namespace

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
        add_import(import, ExternKind::Func, std::move(f), m.functions, m.num_imported_functions,
                   import_index);
        break;
      }
      case 1: {
        Table t;
        TRY_ASSIGN(t.type, read_table_type(c, ctx.features));
        add_import(import, ExternKind::Table, std::move(t), m.tables, m.num_imported_tables,
                   import_index);
        break;
      }
      case 2: {
        Memory mem;
        TRY_ASSIGN(mem.type, read_memory_type(c, ctx.features));
        add_import(import, ExternKind::Memory, std::move(mem), m.memories,
                   m.num_imported_memories, import_index);
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
        add_import(import, ExternKind::Global, std::move(g), m.globals, m.num_imported_globals,
                   import_index);
        break;
      }
      case 4: {
        if (!ctx.features.has(Feature::Exceptions))
          return make_error("malformed import kind " + Features::enable_hint(Feature::Exceptions),
                            kind_at);
        Tag tag;
        TRY_ASSIGN(tag.type_index, read_tag_type(c));
        add_import(import, ExternKind::Tag, std::move(tag), m.tags, m.num_imported_tags,
                   import_index);
        break;
      }
      default: return make_error(fmt::format("malformed import kind 0x{:02x}", kind), kind_at);
    }
    m.imports.push_back(std::move(import));
  }
  return {};
}

}  // namespace wasm2cpp::decode
