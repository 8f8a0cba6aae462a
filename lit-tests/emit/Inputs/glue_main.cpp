// Host side of instance-glue.test: the export map registered through the
// table, in order and with the right kinds, and an imported host callable
// kept alive by the instance alone.
#include <cstdio>
#include <optional>
#include <string>

#include "glue.hpp"

namespace {
struct Counted {
  static inline int alive = 0;
  Counted() { ++alive; }
  Counted(const Counted&) { ++alive; }
  Counted(Counted&&) noexcept { ++alive; }
  ~Counted() { --alive; }
  int32_t operator()(int32_t x) const { return x + 1000; }
};

const char* kind_name(const wasm2cpp::ExternValue& value) {
  static const char* const names[] = {"func",        "memory", "functable",
                                      "externtable", "global", "tag"};
  return names[value.index()];
}
}  // namespace

int main() {
  std::optional<glue::Instance> instance;
  {
    wasm2cpp::Linker linker;
    linker.define("env", "f", wasm2cpp::Function<int32_t(int32_t)>(Counted()));
    instance.emplace(linker);
  }
  std::printf("alive after linker: %d\n", Counted::alive);
  const wasm2cpp::Exports& exports = instance->exports();
  for (const auto& [name, value] : exports.entries()) {
    std::string shown;
    for (char c : name) shown += c ? std::string(1, c) : std::string("\\0");
    std::printf("export %s (%zu bytes): %s\n", shown.c_str(), name.size(), kind_name(value));
  }
  std::printf("twice(21) = %d\n", exports.function<int32_t(int32_t)>("twice")(21));
  std::printf("f_again(1) = %d\n", exports.function<int32_t(int32_t)>("f_again")(1));
  std::printf("same memory: %d %d\n", &exports.memory("mem") == &instance->mem(),
              &exports.memory("mem_again") == &instance->mem());
  std::printf("counter %d, nul %d, limit %lld\n", exports.global<int32_t>("counter").value,
              exports.global<int32_t>(std::string("n\0ul", 4)).value,
              static_cast<long long>(exports.global<int64_t>("limit").value));
  std::printf("tab %u/%u, ext %u\n", exports.func_table("tab").size(), instance->tab().size(),
              exports.extern_table("ext").size());
  std::printf("slots: %d %d %d %d %d\n", instance->call_slot(0, 5), instance->call_slot(1, 5),
              instance->call_slot(2, 5), instance->call_slot(3, 5), instance->call_slot(18, 5));
  std::printf("passive: %d %d, %d %d %d\n", instance->call_p1(0, 5), instance->call_p1(1, 5),
              instance->call_p3(0, 5), instance->call_p3(1, 5), instance->call_p3(15, 5));
  std::printf("data: %d %d\n", instance->load(16), instance->load(17));
  instance.reset();
  std::printf("alive after instance: %d\n", Counted::alive);
  return 0;
}
