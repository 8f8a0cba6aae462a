#include "wasm2cpp/instance_support.hpp"

#include <mutex>
#include <stdexcept>
#include <vector>

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

void require_guarded(const Memory& memory) {
  if (!memory.guarded())
    throw std::runtime_error(
        "wasm2cpp: could not reserve the guard region a module translated with "
        "--bounds-checks=guard needs (translate with --bounds-checks=explicit)");
}

}  // namespace wasm2cpp
