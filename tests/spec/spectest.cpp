#include "spectest.hpp"

#include <cinttypes>
#include <cstdio>
#include <exception>

namespace wasm2cpp_spec {
namespace {

// The reference interpreter prints "<value> : <type>"; so do we, on stdout
// (the harness reports results through a separate file).
void print(void*) { std::printf("spectest.print\n"); }
void print_i32(void*, int32_t x) { std::printf("%" PRId32 " : i32\n", x); }
void print_i64(void*, int64_t x) { std::printf("%" PRId64 " : i64\n", x); }
void print_f32(void*, float x) { std::printf("%.9g : f32\n", static_cast<double>(x)); }
void print_f64(void*, double x) { std::printf("%.17g : f64\n", x); }
void print_i32_f32(void* env, int32_t x, float y) {
  print_i32(env, x);
  print_f32(env, y);
}
void print_f64_f64(void* env, double x, double y) {
  print_f64(env, x);
  print_f64(env, y);
}

}  // namespace

SpecTestModule::SpecTestModule()
    : print_(&print, nullptr),
      print_i32_(&print_i32, nullptr),
      print_i64_(&print_i64, nullptr),
      print_f32_(&print_f32, nullptr),
      print_f64_(&print_f64, nullptr),
      print_i32_f32_(&print_i32_f32, nullptr),
      print_f64_f64_(&print_f64_f64, nullptr) {
  memory_ = std::make_unique<wasm2cpp::Memory>(wasm2cpp::Memory::Limits{1, 2, false, false});
  try {
    shared_memory_ =
        std::make_unique<wasm2cpp::Memory>(wasm2cpp::Memory::Limits{1, 2, true, false});
  } catch (const std::exception&) {
    // The runtime does not support shared memories: imports of
    // spectest.shared_memory then fail to link, which the results show.
  }
}

void SpecTestModule::define_in(wasm2cpp::Linker& linker) {
  const std::string m = "spectest";
  linker.define(m, "print", print_.ref());
  linker.define(m, "print_i32", print_i32_.ref());
  linker.define(m, "print_i64", print_i64_.ref());
  linker.define(m, "print_f32", print_f32_.ref());
  linker.define(m, "print_f64", print_f64_.ref());
  linker.define(m, "print_i32_f32", print_i32_f32_.ref());
  linker.define(m, "print_f64_f64", print_f64_f64_.ref());
  linker.define(m, "global_i32", &global_i32_);
  linker.define(m, "global_i64", &global_i64_);
  linker.define(m, "global_f32", &global_f32_);
  linker.define(m, "global_f64", &global_f64_);
  linker.define(m, "table", &table_);
  linker.define(m, "memory", memory_.get());
  if (shared_memory_) linker.define(m, "shared_memory", shared_memory_.get());
}

}  // namespace wasm2cpp_spec
