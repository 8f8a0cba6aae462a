// The `spectest` host module the spec scripts import from: print functions,
// four immutable globals, a funcref table (10..20) and a memory (1..2 pages),
// plus a shared memory (1..2 pages) for the threads proposal.
#pragma once

#include <memory>

#include <wasm2cpp/runtime.hpp>

namespace wasm2cpp_spec {

class SpecTestModule {
 public:
  SpecTestModule();
  SpecTestModule(const SpecTestModule&) = delete;
  SpecTestModule& operator=(const SpecTestModule&) = delete;

  // Defines every export under module name "spectest".
  void define_in(wasm2cpp::Linker& linker);

 private:
  wasm2cpp::Function<void()> print_;
  wasm2cpp::Function<void(int32_t)> print_i32_;
  wasm2cpp::Function<void(int64_t)> print_i64_;
  wasm2cpp::Function<void(float)> print_f32_;
  wasm2cpp::Function<void(double)> print_f64_;
  wasm2cpp::Function<void(int32_t, float)> print_i32_f32_;
  wasm2cpp::Function<void(double, double)> print_f64_f64_;
  wasm2cpp::Global<int32_t> global_i32_{666};
  wasm2cpp::Global<int64_t> global_i64_{666};
  wasm2cpp::Global<float> global_f32_{666.6f};
  wasm2cpp::Global<double> global_f64_{666.6};
  wasm2cpp::FuncTable table_{wasm2cpp::TableLimits{10, 20}};
  std::unique_ptr<wasm2cpp::Memory> memory_;
  std::unique_ptr<wasm2cpp::Memory> shared_memory_;  // null if unsupported
};

}  // namespace wasm2cpp_spec
