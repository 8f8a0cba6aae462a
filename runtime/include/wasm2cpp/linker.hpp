// Dynamic linking by name: an instance's exports as a name -> value map, and
// a Linker that resolves imports by (module, field). Typed `Imports` structs
// in generated headers are the primary API; this serves dynamic hosts, the
// spec test harness and "another instance's export satisfies an import".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "wasm2cpp/exception.hpp"
#include "wasm2cpp/function.hpp"
#include "wasm2cpp/global.hpp"
#include "wasm2cpp/memory.hpp"
#include "wasm2cpp/module_api.hpp"
#include "wasm2cpp/table.hpp"
#include "wasm2cpp/trap.hpp"
#include "wasm2cpp/types.hpp"

namespace wasm2cpp {

// Tag*: exception handling (tags are shared by identity).
using ExternValue = std::variant<FuncRef, Memory*, FuncTable*, ExternTable*, GlobalBase*, Tag*>;

class Exports {
 public:
  void add(std::string name, ExternValue value);
  const ExternValue* find(std::string_view name) const;
  const std::vector<std::pair<std::string, ExternValue>>& entries() const { return entries_; }

  // Typed lookups: throw LinkError("unknown export ...") when absent and
  // LinkError("export ... has type ..., expected ...") on a kind or
  // signature mismatch.
  template <typename Sig>
  Function<Sig> function(std::string_view name) const {
    const FuncRef& ref = func_ref(name);
    if (ref.type != Function<Sig>::type())
      throw_signature_mismatch(name, ref, Function<Sig>::type());
    return Function<Sig>::from_ref(ref);
  }
  const FuncRef& func_ref(std::string_view name) const;
  Memory& memory(std::string_view name) const;
  FuncTable& func_table(std::string_view name) const;
  ExternTable& extern_table(std::string_view name) const;
  GlobalBase& global(std::string_view name) const;
  Tag& tag(std::string_view name) const;
  template <typename T>
  Global<T>& global(std::string_view name) const {
    GlobalBase& g = global(name);
    if (g.kind != ValKindOf<T>::value)
      throw LinkError("export \"" + std::string(name) + "\" has another value type");
    return static_cast<Global<T>&>(g);
  }

 private:
  const ExternValue& require(std::string_view name) const;
  [[noreturn]] static void throw_signature_mismatch(std::string_view name, const FuncRef& ref,
                                                    TypeId expected);
  std::vector<std::pair<std::string, ExternValue>> entries_;
};

class Linker {
 public:
  // A bare value owns nothing: what it points to must outlive the instances
  // linked with it.
  void define(std::string module, std::string field, ExternValue value);
  // A host function: the Linker shares ownership of its callable, and so
  // does every instance linked from it, so a temporary Function (a lambda
  // with captures) is enough.
  template <typename Sig>
  void define(std::string module, std::string field, const Function<Sig>& function) {
    define_owned(std::move(module), std::move(field), function.ref(), function.owner());
  }
  // What keeps the function defined as (module, field) alive; null for bare
  // values.
  Owner owner(std::string_view module, std::string_view field) const;
  // Make every export of an instance importable under `module` (the spec's
  // `register`).
  void define_instance(const std::string& module, const Exports& exports);
  const ExternValue* find(std::string_view module, std::string_view field) const;

 private:
  struct Entry {
    std::string module;
    std::string field;
    ExternValue value;
    Owner owner;  // keeps a host callable alive; null for bare values
  };
  void define_owned(std::string module, std::string field, ExternValue value, Owner owner);
  const Entry* entry(std::string_view module, std::string_view field) const;
  // Sorted by (module, field), unique. A sorted vector rather than a
  // std::map keeps <map> out of the header every generated instance file
  // compiles (-4% of that file's includes, clang 14).
  std::vector<Entry> entries_;
};

// Import checks shared by typed Imports and Linker-based linking: the light
// ones (what generated code calls) are in module_api.hpp; these take
// std::optional limits.
namespace link {
const ExternValue& require(const Linker& linker, const char* module, const char* field);
void check_memory(const Memory* memory, const char* module, const char* field, uint64_t min,
                  std::optional<uint64_t> max, bool shared, bool memory64, bool need_guard);
template <typename Ref>
void check_table(const BasicTable<Ref>* table, const char* module, const char* field, uint64_t min,
                 std::optional<uint64_t> max);
}  // namespace link

}  // namespace wasm2cpp
