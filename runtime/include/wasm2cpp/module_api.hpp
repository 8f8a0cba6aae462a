// The light part of the host API: exactly what a generated module header's
// Imports and Instance declarations need (value types, Global, Function,
// Owner, forward declarations of Memory, the tables, Tag, Linker and
// Exports), plus the out-of-line import checks the instance implementation
// calls. No standard header beyond <cstdint> and <type_traits>.
//
// A module header includes this and then the full runtime API
// (runtime.hpp), unless WASM2CPP_MODULE_API_ONLY is defined: the generated
// instance implementation defines it, so its translation unit compiles
// without parsing the host API (docs/generated-code.md, "Files and
// includes"; docs/performance.md, "Compile cost"). The class definitions
// are the same either way.
#pragma once

#include <cstdint>

#include "wasm2cpp/function.hpp"
#include "wasm2cpp/global.hpp"
#include "wasm2cpp/owner.hpp"
#include "wasm2cpp/value_types.hpp"

namespace wasm2cpp {

class Memory;  // memory_core.hpp, memory.hpp
template <typename Ref>
class BasicTable;  // table_core.hpp
using FuncTable = BasicTable<FuncRef>;
using ExternTable = BasicTable<ExternRef>;
class Tag;      // exception.hpp
class Linker;   // linker.hpp
class Exports;  // linker.hpp

// intern_func_type (types.hpp) for a NUL-terminated signature string.
TypeId intern_func_type(const char* signature);

// Import checks shared by typed Imports and Linker-based linking; each throws
// LinkError with the spec's wording ("unknown import",
// "incompatible import type") followed by the import's name. linker.hpp
// declares the rest (and overloads taking std::optional limits).
namespace link {
FuncRef function(const Linker& linker, const char* module, const char* field, TypeId type);
// What keeps the function defined as (module, field) alive (Linker::owner).
Owner owner(const Linker& linker, const char* module, const char* field);
void check_function(const FuncRef& ref, const char* module, const char* field, TypeId type);
Memory* memory(const Linker& linker, const char* module, const char* field);
// Limits as integers: `max` counts only when has_max.
void check_memory(const Memory* memory, const char* module, const char* field, uint64_t min,
                  bool has_max, uint64_t max, bool shared, bool memory64, bool need_guard);
template <typename Table>
Table* table(const Linker& linker, const char* module, const char* field);
void check_table(const FuncTable* table, const char* module, const char* field, uint64_t min,
                 bool has_max, uint64_t max);
void check_table(const ExternTable* table, const char* module, const char* field, uint64_t min,
                 bool has_max, uint64_t max);
GlobalBase* global(const Linker& linker, const char* module, const char* field);
void check_global(const GlobalBase* global, const char* module, const char* field, ValKind kind,
                  bool is_mutable);
// Tags match when their types are equal.
Tag* tag(const Linker& linker, const char* module, const char* field);
void check_tag(const Tag* tag, const char* module, const char* field, TypeId type);
}  // namespace link

}  // namespace wasm2cpp
