// The interface between a generated per-.wast harness and the spec driver
// (harness.cpp). The generated file only contains what must be compiled per
// script: one instance factory per translated module and one call thunk per
// function signature the script invokes. Everything else (the command list,
// argument and expected values) is data that the precompiled driver
// interprets, which keeps the per-file compile time down to the generated
// modules themselves.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <tuple>
#include <utility>

#include <wasm2cpp/runtime.hpp>

namespace wasm2cpp_spec {

// A wasm value as the driver passes it to and from thunks.
struct Value {
  wasm2cpp::ValKind kind = wasm2cpp::ValKind::I32;
  uint64_t lo = 0;  // i32/i64 bits, f32/f64 bits, v128 bytes 0..7
  uint64_t hi = 0;  // v128 bytes 8..15
  wasm2cpp::FuncRef func;
  wasm2cpp::ExternRef ext;
};

template <typename T>
T from_value(const Value& v) {
  if constexpr (std::is_same_v<T, int32_t>) {
    return static_cast<int32_t>(static_cast<uint32_t>(v.lo));
  } else if constexpr (std::is_same_v<T, int64_t>) {
    return static_cast<int64_t>(v.lo);
  } else if constexpr (std::is_same_v<T, float>) {
    uint32_t bits = static_cast<uint32_t>(v.lo);
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
  } else if constexpr (std::is_same_v<T, double>) {
    double d;
    std::memcpy(&d, &v.lo, 8);
    return d;
  } else if constexpr (std::is_same_v<T, wasm2cpp::v128>) {
    wasm2cpp::v128 x;
    std::memcpy(x.bytes, &v.lo, 8);
    std::memcpy(x.bytes + 8, &v.hi, 8);
    return x;
  } else if constexpr (std::is_same_v<T, wasm2cpp::FuncRef>) {
    return v.func;
  } else {
    static_assert(std::is_same_v<T, wasm2cpp::ExternRef>);
    return v.ext;
  }
}

template <typename T>
Value to_value(const T& x) {
  Value v;
  v.kind = wasm2cpp::ValKindOf<T>::value;
  if constexpr (std::is_same_v<T, int32_t>) {
    v.lo = static_cast<uint32_t>(x);
  } else if constexpr (std::is_same_v<T, int64_t>) {
    v.lo = static_cast<uint64_t>(x);
  } else if constexpr (std::is_same_v<T, float>) {
    uint32_t bits;
    std::memcpy(&bits, &x, 4);
    v.lo = bits;
  } else if constexpr (std::is_same_v<T, double>) {
    std::memcpy(&v.lo, &x, 8);
  } else if constexpr (std::is_same_v<T, wasm2cpp::v128>) {
    std::memcpy(&v.lo, x.bytes, 8);
    std::memcpy(&v.hi, x.bytes + 8, 8);
  } else if constexpr (std::is_same_v<T, wasm2cpp::FuncRef>) {
    v.func = x;
  } else {
    static_assert(std::is_same_v<T, wasm2cpp::ExternRef>);
    v.ext = x;
  }
  return v;
}

// Calls `ref` (whose type the driver has checked) with `args`, storing the
// results. The generated harness instantiates this once per signature.
using Thunk = void (*)(const wasm2cpp::FuncRef& ref, const Value* args, Value* results);

namespace detail {
template <typename R>
struct ResultStore {
  static void store(const R& r, Value* results) { results[0] = to_value(r); }
};
template <typename... Rs>
struct ResultStore<std::tuple<Rs...>> {
  static void store(const std::tuple<Rs...>& r, Value* results) {
    std::apply([&](const Rs&... xs) {
      size_t i = 0;
      ((results[i++] = to_value(xs)), ...);
    }, r);
  }
};

template <typename R, typename... A, size_t... I>
void call(const wasm2cpp::FuncRef& ref, const Value* args, Value* results,
          std::index_sequence<I...>) {
  auto fn = wasm2cpp::Function<R(A...)>::from_ref(ref);
  if constexpr (std::is_void_v<R>) {
    fn(from_value<A>(args[I])...);
    (void)results;
  } else {
    ResultStore<R>::store(fn(from_value<A>(args[I])...), results);
  }
  (void)args;
}
}  // namespace detail

template <typename R, typename... A>
void invoke_thunk(const wasm2cpp::FuncRef& ref, const Value* args, Value* results) {
  detail::call<R, A...>(ref, args, results, std::index_sequence_for<A...>{});
}

struct SignatureThunk {
  const char* signature;  // wasm2cpp canonical form, e.g. "iI:f"
  Thunk thunk;
};

// A live instance of one translated module, type-erased.
class ModuleInstance {
 public:
  virtual ~ModuleInstance() = default;
  virtual const wasm2cpp::Exports& exports() const = 0;
};

template <typename Instance>
class InstanceHolder final : public ModuleInstance {
 public:
  explicit InstanceHolder(const wasm2cpp::Linker& linker) : instance_(linker) {}
  const wasm2cpp::Exports& exports() const override { return instance_.exports(); }

 private:
  Instance instance_;
};

using Factory = std::unique_ptr<ModuleInstance> (*)(const wasm2cpp::Linker& linker);

template <typename Instance>
std::unique_ptr<ModuleInstance> make_instance(const wasm2cpp::Linker& linker) {
  return std::make_unique<InstanceHolder<Instance>>(linker);
}

// One module of the script: a factory, or null with the reason it is
// unavailable (translation or compilation failed).
struct ScriptModule {
  Factory factory;
  const char* unavailable_reason;
};

// Runs the commands of `script` (the format run_spec.py writes) and writes
// one result line per command to the file named by `--results <path>` (or
// stdout), flushed as it goes so a crash loses nothing already reported.
// `--skip <id,id,...>` skips commands (used to resume after a crash).
int run_script(const char* script, std::span<const ScriptModule> modules,
               std::span<const SignatureThunk> thunks, int argc, char** argv);

}  // namespace wasm2cpp_spec
