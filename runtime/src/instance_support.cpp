#include "wasm2cpp/instance_support.hpp"

#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "wasm2cpp/linker.hpp"

namespace wasm2cpp {

namespace {
struct RetainedInstances {
  std::mutex mutex;
  std::vector<std::shared_ptr<void>> contexts;
};
RetainedInstances& retained() {
  // Intentionally never destroyed: funcrefs into these contexts may be
  // called until the process exits.
  static auto* instances = new RetainedInstances;
  return *instances;
}
}  // namespace

void retain_failed_instance(std::shared_ptr<void> context) {
  RetainedInstances& r = retained();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.contexts.push_back(std::move(context));
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

void require_guarded(const Memory& memory) {
  if (!memory.guarded())
    throw std::runtime_error(
        "wasm2cpp: could not reserve the guard region a module translated with "
        "--bounds-checks=guard needs (translate with --bounds-checks=explicit)");
}

}  // namespace wasm2cpp
