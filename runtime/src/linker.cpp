// Exports, the by-name Linker and the spec's import-matching rules.
#include <algorithm>
#include <string>

#include "wasm2cpp/linker.hpp"

namespace wasm2cpp {
namespace {

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string import_name(const char* module, const char* field) {
  return quoted(module) + "." + quoted(field);
}

[[noreturn]] void unknown_import(const char* module, const char* field) {
  throw LinkError("unknown import " + import_name(module, field));
}

[[noreturn]] void incompatible(const char* module, const char* field, const std::string& why) {
  throw LinkError("incompatible import type " + import_name(module, field) + ": " + why);
}

const char* kind_name(const ExternValue& value) {
  switch (value.index()) {
    case 0: return "function";
    case 1: return "memory";
    case 2: return "funcref table";
    case 3: return "externref table";
    case 4: return "global";
    default: return "tag";
  }
}

std::string signature_text(TypeId type) {
  if (!type) return "(unknown)";
  std::string text = "(";
  text += type->signature;
  text += ')';
  return text;
}

std::string limits_text(uint64_t min, std::optional<uint64_t> max) {
  return std::to_string(min) + (max ? ".." + std::to_string(*max) : std::string(".."));
}

// Limits subtyping (spec "Import Matching"): the actual limits {current size,
// declared max} match {min, max} if current >= min and, when a max is
// required, the actual max exists and is <= it.
bool limits_match(uint64_t actual_min, std::optional<uint64_t> actual_max, uint64_t min,
                  std::optional<uint64_t> max) {
  if (actual_min < min) return false;
  if (max && (!actual_max || *actual_max > *max)) return false;
  return true;
}

template <typename T>
T expect_kind(const ExternValue& value, const char* module, const char* field, const char* wanted) {
  if (const T* v = std::get_if<T>(&value)) return *v;
  incompatible(module, field, std::string("expected ") + wanted + ", got " + kind_name(value));
}

}  // namespace

const char* val_kind_name(ValKind kind) {
  switch (kind) {
    case ValKind::I32: return "i32";
    case ValKind::I64: return "i64";
    case ValKind::F32: return "f32";
    case ValKind::F64: return "f64";
    case ValKind::V128: return "v128";
    case ValKind::FuncRef: return "funcref";
    case ValKind::ExternRef: return "externref";
  }
  return "?";
}

// ---- Exports ----------------------------------------------------------------

void Exports::add(std::string name, ExternValue value) {
  entries_.emplace_back(std::move(name), value);
}

const ExternValue* Exports::find(std::string_view name) const {
  for (const auto& [entry_name, value] : entries_)
    if (entry_name == name) return &value;
  return nullptr;
}

const ExternValue& Exports::require(std::string_view name) const {
  if (const ExternValue* v = find(name)) return *v;
  throw LinkError("unknown export " + quoted(name));
}

template <typename T>
static const T& export_as(const ExternValue& value, std::string_view name, const char* wanted) {
  if (const T* v = std::get_if<T>(&value)) return *v;
  throw LinkError("export " + quoted(name) + " has type " + kind_name(value) + ", expected " +
                  wanted);
}

const FuncRef& Exports::func_ref(std::string_view name) const {
  return export_as<FuncRef>(require(name), name, "function");
}
Memory& Exports::memory(std::string_view name) const {
  return *export_as<Memory*>(require(name), name, "memory");
}
FuncTable& Exports::func_table(std::string_view name) const {
  return *export_as<FuncTable*>(require(name), name, "funcref table");
}
ExternTable& Exports::extern_table(std::string_view name) const {
  return *export_as<ExternTable*>(require(name), name, "externref table");
}
GlobalBase& Exports::global(std::string_view name) const {
  return *export_as<GlobalBase*>(require(name), name, "global");
}
Tag& Exports::tag(std::string_view name) const {
  return *export_as<Tag*>(require(name), name, "tag");
}

void Exports::throw_signature_mismatch(std::string_view name, const FuncRef& ref, TypeId expected) {
  throw LinkError("export " + quoted(name) + " has type " + signature_text(ref.type) +
                  ", expected " + signature_text(expected));
}

// ---- Linker -------------------------------------------------------------------

void Linker::define(std::string module, std::string field, ExternValue value) {
  define_owned(std::move(module), std::move(field), value, nullptr);
}

namespace {

// Orders linker entries by (module, field) against a lookup key.
struct EntryKey {
  std::string_view module;
  std::string_view field;
};
template <typename Entry>
bool entry_before(const Entry& entry, const EntryKey& key) {
  const int by_module = std::string_view(entry.module).compare(key.module);
  return by_module < 0 || (by_module == 0 && std::string_view(entry.field) < key.field);
}

}  // namespace

void Linker::define_owned(std::string module, std::string field, ExternValue value, Owner owner) {
  const EntryKey key{module, field};
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key, entry_before<Entry>);
  if (it != entries_.end() && it->module == module && it->field == field) {
    // A redefinition replaces the owner too: a bare value owns nothing.
    it->value = value;
    it->owner = std::move(owner);
    return;
  }
  entries_.insert(it, Entry{std::move(module), std::move(field), value, std::move(owner)});
}

const Linker::Entry* Linker::entry(std::string_view module, std::string_view field) const {
  const EntryKey key{module, field};
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key, entry_before<Entry>);
  if (it == entries_.end() || it->module != module || it->field != field) return nullptr;
  return &*it;
}

Owner Linker::owner(std::string_view module, std::string_view field) const {
  const Entry* found = entry(module, field);
  return found ? found->owner : Owner();
}

void Linker::define_instance(const std::string& module, const Exports& exports) {
  for (const auto& [name, value] : exports.entries()) define(module, name, value);
}

const ExternValue* Linker::find(std::string_view module, std::string_view field) const {
  const Entry* found = entry(module, field);
  return found ? &found->value : nullptr;
}

// ---- link:: checks ------------------------------------------------------------

namespace link {

const ExternValue& require(const Linker& linker, const char* module, const char* field) {
  if (const ExternValue* v = linker.find(module, field)) return *v;
  unknown_import(module, field);
}

FuncRef function(const Linker& linker, const char* module, const char* field, TypeId type) {
  FuncRef ref = expect_kind<FuncRef>(require(linker, module, field), module, field, "function");
  check_function(ref, module, field, type);
  return ref;
}

void check_function(const FuncRef& ref, const char* module, const char* field, TypeId type) {
  if (ref.is_null()) unknown_import(module, field);
  if (ref.type != type)
    incompatible(module, field,
                 "expected function " + signature_text(type) + ", got " + signature_text(ref.type));
}

Memory* memory(const Linker& linker, const char* module, const char* field) {
  return expect_kind<Memory*>(require(linker, module, field), module, field, "memory");
}

Owner owner(const Linker& linker, const char* module, const char* field) {
  return linker.owner(module, field);
}

void check_memory(const Memory* memory, const char* module, const char* field, uint64_t min,
                  bool has_max, uint64_t max, bool shared, bool memory64, bool need_guard) {
  check_memory(memory, module, field, min, has_max ? std::optional<uint64_t>(max) : std::nullopt,
               shared, memory64, need_guard);
}

void check_memory(const Memory* memory, const char* module, const char* field, uint64_t min,
                  std::optional<uint64_t> max, bool shared, bool memory64, bool need_guard) {
  if (memory == nullptr) unknown_import(module, field);
  const Memory::Limits& actual = memory->limits();
  if (actual.memory64 != memory64)
    incompatible(module, field, memory64 ? "expected a 64-bit memory" : "expected a 32-bit memory");
  if (actual.shared != shared)
    incompatible(module, field,
                 shared ? "expected a shared memory" : "expected an unshared memory");
  if (!limits_match(memory->size_pages(), actual.maximum, min, max))
    incompatible(module, field,
                 "expected memory limits " + limits_text(min, max) + ", got " +
                     limits_text(memory->size_pages(), actual.maximum));
  if (need_guard && !memory->guarded())
    incompatible(module, field,
                 "the module relies on guard pages (--bounds-checks=guard) but the memory is "
                 "not guarded");
}

template <typename Table>
Table* table(const Linker& linker, const char* module, const char* field) {
  constexpr const char* wanted =
      std::is_same_v<Table, FuncTable> ? "funcref table" : "externref table";
  return expect_kind<Table*>(require(linker, module, field), module, field, wanted);
}
template FuncTable* table<FuncTable>(const Linker&, const char*, const char*);
template ExternTable* table<ExternTable>(const Linker&, const char*, const char*);

template <typename Ref>
void check_table(const BasicTable<Ref>* table, const char* module, const char* field, uint64_t min,
                 std::optional<uint64_t> max) {
  if (table == nullptr) unknown_import(module, field);
  if (!limits_match(table->size(), table->limits().maximum, min, max))
    incompatible(module, field,
                 "expected table limits " + limits_text(min, max) + ", got " +
                     limits_text(table->size(), table->limits().maximum));
}
template void check_table<FuncRef>(const FuncTable*, const char*, const char*, uint64_t,
                                   std::optional<uint64_t>);
template void check_table<ExternRef>(const ExternTable*, const char*, const char*, uint64_t,
                                     std::optional<uint64_t>);

void check_table(const FuncTable* table, const char* module, const char* field, uint64_t min,
                 bool has_max, uint64_t max) {
  check_table(table, module, field, min, has_max ? std::optional<uint64_t>(max) : std::nullopt);
}
void check_table(const ExternTable* table, const char* module, const char* field, uint64_t min,
                 bool has_max, uint64_t max) {
  check_table(table, module, field, min, has_max ? std::optional<uint64_t>(max) : std::nullopt);
}

GlobalBase* global(const Linker& linker, const char* module, const char* field) {
  return expect_kind<GlobalBase*>(require(linker, module, field), module, field, "global");
}

void check_global(const GlobalBase* global, const char* module, const char* field, ValKind kind,
                  bool is_mutable) {
  if (global == nullptr) unknown_import(module, field);
  if (global->kind != kind || global->is_mutable != is_mutable) {
    auto text = [](ValKind k, bool m) { return std::string(m ? "mut " : "") + val_kind_name(k); };
    incompatible(module, field,
                 "expected global " + text(kind, is_mutable) + ", got " +
                     text(global->kind, global->is_mutable));
  }
}

Tag* tag(const Linker& linker, const char* module, const char* field) {
  return expect_kind<Tag*>(require(linker, module, field), module, field, "tag");
}

void check_tag(const Tag* tag, const char* module, const char* field, TypeId type) {
  if (tag == nullptr) unknown_import(module, field);
  if (tag->type() != type)
    incompatible(module, field,
                 "expected tag " + signature_text(type) + ", got " + signature_text(tag->type()));
}

}  // namespace link
}  // namespace wasm2cpp
