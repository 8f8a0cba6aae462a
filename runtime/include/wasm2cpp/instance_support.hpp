// Helpers used only by the generated instance implementation (the
// constructor in the module's first source file): instantiation failure and
// the guard-mode memory requirement. Not part of the host API. Function
// bodies need only code.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "wasm2cpp/code.hpp"
#include "wasm2cpp/memory.hpp"

namespace wasm2cpp {

class Exports;
class Tag;
struct GlobalBase;

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

// A failed instantiation may already have written funcrefs (whose env is the
// instance's context) into imported tables, or data into imported memories.
// Those must stay valid, so the context is kept for the process lifetime
// instead of being freed.
void retain_failed_instance(std::shared_ptr<void> context);

// Guard-mode code performs no bounds checks: it may only run against a
// memory whose whole 32-bit range (plus offset) is reserved. Throws
// std::runtime_error otherwise.
void require_guarded(const Memory& memory);

}  // namespace wasm2cpp
