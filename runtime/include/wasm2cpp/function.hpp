// Function<R(Args...)>: a callable with an exact wasm signature, used for
// imported functions and for exports looked up by name. Calling it is one
// indirect call through a plain function pointer with an environment pointer,
// the same calling convention generated code uses for every wasm function:
//   R fn(void* env, Args... args)
//
// Light: the module header (and so every generated instance file) includes
// it, so it uses no standard header beyond <type_traits>. type() needs
// SignatureOf, which types.hpp defines (the full runtime API includes it).
#pragma once

#include <type_traits>

#include "wasm2cpp/opaque.hpp"
#include "wasm2cpp/owner.hpp"
#include "wasm2cpp/value_types.hpp"

namespace wasm2cpp {

template <typename Sig>
struct SignatureOf;  // types.hpp

template <typename Sig>
class Function;

template <typename R, typename... Args>
class Function<R(Args...)> {
 public:
  using Code = R (*)(void*, Args...);

  Function() = default;

  // From a raw code pointer and environment (what generated code and the
  // by-name export lookup use).
  Function(Code code, void* env) : code_(code), env_(env) {}

  // From any C++ callable with a compatible signature: lambdas (capturing or
  // not), free functions, std::function, bound member functions. The callable
  // is copied into shared storage owned by this Function (and its copies):
  // it is destroyed when the last Function, Linker entry or instance that
  // shares it goes away.
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Function> &&
                                                    std::is_invocable_r_v<R, F&, Args...>>>
  Function(F&& callable)  // NOLINT(google-explicit-constructor)
      : owner_(Owner::make<std::decay_t<F>>(static_cast<F&&>(callable))) {
    using Stored = std::decay_t<F>;
    env_ = owner_.get();
    code_ = [](void* env, Args... args) -> R {
      return (*static_cast<Stored*>(env))(static_cast<Args&&>(args)...);
    };
  }

  // From a funcref; the caller has checked the type. `owner` keeps what
  // ref.env points to alive (if anything needs to be).
  static Function from_ref(const FuncRef& ref, Owner owner = nullptr) {
    Function f(reinterpret_cast<Code>(ref.code), ref.env);
    f.owner_ = static_cast<Owner&&>(owner);
    return f;
  }

  // Through opaque_fn(): a Function may lead to guest code that faults in
  // guard-page mode, so the caller's handlers must not be optimised away
  // even when the target is known (it costs nothing: the call is indirect).
  R operator()(Args... args) const { return opaque_fn(code_)(env_, args...); }
  explicit operator bool() const { return code_ != nullptr; }

  Code code() const { return code_; }
  void* env() const { return env_; }
  static TypeId type() { return SignatureOf<R(Args...)>::id(); }
  FuncRef ref() const { return FuncRef{type(), reinterpret_cast<void (*)()>(code_), env_}; }
  // Keeps the callable alive (null for raw code pointers).
  const Owner& owner() const { return owner_; }
  void set_owner(Owner owner) { owner_ = static_cast<Owner&&>(owner); }

 private:
  Code code_ = nullptr;
  void* env_ = nullptr;
  Owner owner_;
};

}  // namespace wasm2cpp
