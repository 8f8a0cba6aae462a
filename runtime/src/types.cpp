// Process-wide interning of function types: call_indirect and import linking
// compare TypeIds by pointer, so equal signature strings must always map to
// the same FuncTypeInfo, whichever module (or thread) asks first.
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "wasm2cpp/module_api.hpp"
#include "wasm2cpp/types.hpp"

namespace wasm2cpp {
namespace {

struct InternedType {
  explicit InternedType(std::string_view sig) : text(sig) { info.signature = text; }
  std::string text;
  FuncTypeInfo info;
};

struct TypeRegistry {
  std::mutex mutex;
  // Keys view the strings owned by the (never freed) InternedType values, so
  // a lookup by string_view allocates nothing.
  std::unordered_map<std::string_view, std::unique_ptr<InternedType>> types;
};

TypeRegistry& registry() {
  // Intentionally leaked: TypeIds must stay valid while static destructors
  // of other translation units (instances held in globals) still run.
  static TypeRegistry* r = new TypeRegistry;
  return *r;
}

}  // namespace

TypeId intern_func_type(std::string_view signature) {
  TypeRegistry& r = registry();
  std::lock_guard lock(r.mutex);
  auto it = r.types.find(signature);
  if (it != r.types.end()) return &it->second->info;
  auto entry = std::make_unique<InternedType>(signature);
  TypeId id = &entry->info;
  std::string_view key = entry->text;
  r.types.emplace(key, std::move(entry));
  return id;
}

TypeId intern_func_type(const char* signature) {
  return intern_func_type(std::string_view(signature));
}

}  // namespace wasm2cpp
