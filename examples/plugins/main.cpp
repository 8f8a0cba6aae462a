// A host with two plugins translated from two modules that share one
// interface: import host.log(i32), export transform(i32) -> i32. Each plugin
// is its own C++ namespace, so both link into one program; the host drives
// them through a common std::function interface and gives each its own log.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "doubler.hpp"
#include "squarer.hpp"

namespace {

// What the host knows about any plugin.
struct Plugin {
  std::string name;
  std::function<int32_t(int32_t)> transform;
  std::shared_ptr<void> instance;  // keeps the instance alive
};

// The host.log import every plugin gets, tagged with the plugin's name.
wasm2cpp::Function<void(int32_t)> logger_for(const std::string& name) {
  return [name](int32_t value) { std::printf("  [%s] log %d\n", name.c_str(), value); };
}

// Instantiates one plugin module; every plugin's Imports has the member host_log.
template <typename Instance, typename Imports>
Plugin load(const std::string& name) {
  auto instance = std::make_shared<Instance>(Imports{.host_log = logger_for(name)});
  return Plugin{name, [instance](int32_t x) { return instance->transform(x); }, instance};
}

}  // namespace

int main() {
  std::vector<Plugin> plugins;
  plugins.push_back(load<doubler::Instance, doubler::Imports>("doubler"));
  plugins.push_back(load<squarer::Instance, squarer::Imports>("squarer"));

  for (int32_t input : {3, -4}) {
    for (const Plugin& plugin : plugins) {
      std::printf("%s(%d):\n", plugin.name.c_str(), input);
      try {
        std::printf("  = %d\n", plugin.transform(input));
      } catch (const wasm2cpp::Trap& trap) {
        std::printf("  trap: %s\n", trap.what());
      }
    }
  }
  // A trap leaves the plugin usable.
  std::printf("squarer(5) after the trap = %d\n", plugins[1].transform(5));
  return 0;
}
