// What the generated instance implementation (the module's first source
// file) calls besides code.hpp: the instance's host-side state, the export
// table, instantiation failure and the guard-mode memory requirement. Not
// part of the host API. Light like code.hpp: everything that touches the
// heavy host types (std::string, std::vector, std::optional, Exports...) is
// out of line in the runtime library, taking plain pointers, sizes and
// integers (docs/generated-code.md, "The instance implementation").
#pragma once

#include <cstddef>
#include <cstdint>

#include "wasm2cpp/module_api.hpp"

namespace wasm2cpp {

// The export map, table-driven: the generated file holds one static array of
// ExportEntry and makes one register_exports call with the objects it points
// into (one call per export cost machine code and compile time in modules
// with thousands of exports).
enum class ExportKind : uint8_t {
  Function,          // a defined function: `code`, type items.types[index], env items.env
  ImportedFunction,  // items.funcs[index]
  Memory,            // items.memories[index]
  FuncTable,         // items.func_tables[index]
  ExternTable,       // items.extern_tables[index]
  Global,            // items.globals[index]
  Tag,               // items.tags[index]
};

struct ExportEntry {
  const char* name;
  size_t name_size;  // wasm names may contain NUL bytes
  ExportKind kind;
  uint32_t index;
  void (*code)();  // Function only
};

struct ExportItems {
  void* env = nullptr;
  const TypeId* types = nullptr;
  const FuncRef* funcs = nullptr;
  Memory* const* memories = nullptr;
  FuncTable* const* func_tables = nullptr;
  ExternTable* const* extern_tables = nullptr;
  GlobalBase* const* globals = nullptr;
  Tag* const* tags = nullptr;
};

// Adds entries[0..count) to `exports`, in order.
void register_exports(Exports& exports, const ExportEntry* entries, size_t count,
                      const ExportItems& items);

// What an instance owns on the host side, opaque to the generated file: the
// memories, tables and tags it defines, the items of its passive element
// segments, its export map and the owners of imported host callables. Freed
// with the instance (instance_support.cpp).
class InstanceHost {
 public:
  InstanceHost();
  ~InstanceHost();
  InstanceHost(const InstanceHost&) = delete;
  InstanceHost& operator=(const InstanceHost&) = delete;

  // Limits as integers: `max` counts only when has_max.
  Memory* add_memory(uint64_t initial, bool has_max, uint64_t max, bool shared, bool memory64);
  FuncTable* add_func_table(uint64_t initial, bool has_max, uint64_t max);
  ExternTable* add_extern_table(uint64_t initial, bool has_max, uint64_t max);
  Tag* add_tag(TypeId type);
  // Keeps an imported host callable alive with the instance (null: nothing).
  void keep(const Owner& owner);
  // A copy of a passive element segment's items, kept with the instance.
  const FuncRef* keep_items(const FuncRef* items, size_t count);
  const ExternRef* keep_items(const ExternRef* items, size_t count);
  // The same for a compact segment: item k is refs[slots[k]].
  const FuncRef* keep_items(const FuncRef* refs, const uint8_t* slots, size_t count);
  const FuncRef* keep_items(const FuncRef* refs, const uint16_t* slots, size_t count);
  const FuncRef* keep_items(const FuncRef* refs, const uint32_t* slots, size_t count);
  Exports& exports();

 private:
  struct State;
  State* state_;
};

// table.init of a compact active element segment (item k is refs[slots[k]])
// at `dst`, then elem.drop: traps when out of range.
void init_table(FuncTable* table, uint64_t dst, const FuncRef* refs, const uint8_t* slots,
                size_t count);
void init_table(FuncTable* table, uint64_t dst, const FuncRef* refs, const uint16_t* slots,
                size_t count);
void init_table(FuncTable* table, uint64_t dst, const FuncRef* refs, const uint32_t* slots,
                size_t count);

// A failed instantiation may already have written funcrefs (whose env is the
// instance's context) into imported tables, or data into imported memories.
// Those must stay valid, so the context is kept (reachable, never freed) for
// the process lifetime instead of being freed.
void retain_failed_instance(const void* context);

// Guard-mode code performs no bounds checks: it may only run against a
// memory whose whole 32-bit range (plus offset) is reserved. Throws
// std::runtime_error otherwise.
void require_guarded(const Memory& memory);

}  // namespace wasm2cpp
