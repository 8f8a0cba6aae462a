#include "wasm2cpp/instance_support.hpp"

#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "wasm2cpp/exception.hpp"
#include "wasm2cpp/linker.hpp"
#include "wasm2cpp/memory.hpp"
#include "wasm2cpp/table.hpp"

namespace wasm2cpp {

namespace {
struct RetainedInstances {
  std::mutex mutex;
  std::vector<const void*> contexts;
};
RetainedInstances& retained() {
  // Intentionally never destroyed: funcrefs into these contexts may be
  // called until the process exits.
  static auto* instances = new RetainedInstances;
  return *instances;
}

std::optional<uint64_t> maximum(bool has_max, uint64_t max) {
  return has_max ? std::optional<uint64_t>(max) : std::nullopt;
}

template <typename Slot>
std::vector<FuncRef> expand(const FuncRef* refs, const Slot* slots, size_t count) {
  std::vector<FuncRef> items(count);
  for (size_t k = 0; k < count; ++k) items[k] = refs[slots[k]];
  return items;
}

template <typename Slot>
void init_from_slots(FuncTable* table, uint64_t dst, const FuncRef* refs, const Slot* slots,
                     size_t count) {
  const std::vector<FuncRef> items = expand(refs, slots, count);
  table->init(dst, items.data(), items.size(), 0, items.size());
}
}  // namespace

struct InstanceHost::State {
  // Members are destroyed in reverse order: the export map and the owners
  // first, the objects they point to last.
  std::vector<std::unique_ptr<Memory>> memories;
  std::vector<std::unique_ptr<FuncTable>> func_tables;
  std::vector<std::unique_ptr<ExternTable>> extern_tables;
  std::vector<std::unique_ptr<Tag>> tags;
  std::vector<std::vector<FuncRef>> func_items;
  std::vector<std::vector<ExternRef>> extern_items;
  Exports exports;
  std::vector<Owner> owners;
};

InstanceHost::InstanceHost() : state_(new State) {}
InstanceHost::~InstanceHost() { delete state_; }

Memory* InstanceHost::add_memory(uint64_t initial, bool has_max, uint64_t max, bool shared,
                                 bool memory64) {
  state_->memories.push_back(
      std::make_unique<Memory>(Memory::Limits{initial, maximum(has_max, max), shared, memory64}));
  return state_->memories.back().get();
}

FuncTable* InstanceHost::add_func_table(uint64_t initial, bool has_max, uint64_t max) {
  state_->func_tables.push_back(
      std::make_unique<FuncTable>(TableLimits{initial, maximum(has_max, max)}));
  return state_->func_tables.back().get();
}

ExternTable* InstanceHost::add_extern_table(uint64_t initial, bool has_max, uint64_t max) {
  state_->extern_tables.push_back(
      std::make_unique<ExternTable>(TableLimits{initial, maximum(has_max, max)}));
  return state_->extern_tables.back().get();
}

Tag* InstanceHost::add_tag(TypeId type) {
  state_->tags.push_back(std::make_unique<Tag>(type));
  return state_->tags.back().get();
}

void InstanceHost::keep(const Owner& owner) {
  if (owner) state_->owners.push_back(owner);
}

const FuncRef* InstanceHost::keep_items(const FuncRef* items, size_t count) {
  state_->func_items.emplace_back(items, items + count);
  return state_->func_items.back().data();
}
const ExternRef* InstanceHost::keep_items(const ExternRef* items, size_t count) {
  state_->extern_items.emplace_back(items, items + count);
  return state_->extern_items.back().data();
}
const FuncRef* InstanceHost::keep_items(const FuncRef* refs, const uint8_t* slots, size_t count) {
  state_->func_items.push_back(expand(refs, slots, count));
  return state_->func_items.back().data();
}
const FuncRef* InstanceHost::keep_items(const FuncRef* refs, const uint16_t* slots, size_t count) {
  state_->func_items.push_back(expand(refs, slots, count));
  return state_->func_items.back().data();
}
const FuncRef* InstanceHost::keep_items(const FuncRef* refs, const uint32_t* slots, size_t count) {
  state_->func_items.push_back(expand(refs, slots, count));
  return state_->func_items.back().data();
}

Exports& InstanceHost::exports() { return state_->exports; }

void init_table(FuncTable* table, uint64_t dst, const FuncRef* refs, const uint8_t* slots,
                size_t count) {
  init_from_slots(table, dst, refs, slots, count);
}
void init_table(FuncTable* table, uint64_t dst, const FuncRef* refs, const uint16_t* slots,
                size_t count) {
  init_from_slots(table, dst, refs, slots, count);
}
void init_table(FuncTable* table, uint64_t dst, const FuncRef* refs, const uint32_t* slots,
                size_t count) {
  init_from_slots(table, dst, refs, slots, count);
}

void register_exports(Exports& exports, const ExportEntry* entries, size_t count,
                      const ExportItems& items) {
  for (size_t i = 0; i < count; ++i) {
    const ExportEntry& e = entries[i];
    std::string name(e.name, e.name_size);
    switch (e.kind) {
      case ExportKind::Function:
        exports.add(std::move(name), FuncRef{items.types[e.index], e.code, items.env});
        break;
      case ExportKind::ImportedFunction: exports.add(std::move(name), items.funcs[e.index]); break;
      case ExportKind::Memory: exports.add(std::move(name), items.memories[e.index]); break;
      case ExportKind::FuncTable: exports.add(std::move(name), items.func_tables[e.index]); break;
      case ExportKind::ExternTable:
        exports.add(std::move(name), items.extern_tables[e.index]);
        break;
      case ExportKind::Global: exports.add(std::move(name), items.globals[e.index]); break;
      case ExportKind::Tag: exports.add(std::move(name), items.tags[e.index]); break;
    }
  }
}

void retain_failed_instance(const void* context) {
  RetainedInstances& r = retained();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.contexts.push_back(context);
}

void require_guarded(const Memory& memory) {
  if (!memory.guarded())
    throw std::runtime_error(
        "wasm2cpp: could not reserve the guard region a module translated with "
        "--bounds-checks=guard needs (translate with --bounds-checks=explicit)");
}

}  // namespace wasm2cpp
