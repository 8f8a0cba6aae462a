// Function<R(Args...)>: a callable with an exact wasm signature, used for
// imported functions and for exports looked up by name. Calling it is one
// indirect call through a plain function pointer with an environment pointer,
// the same calling convention generated code uses for every wasm function:
//   R fn(void* env, Args... args)
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "wasm2cpp/opaque.hpp"
#include "wasm2cpp/types.hpp"

namespace wasm2cpp {

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
  // is copied into shared storage owned by this Function (and its copies).
  template <typename F,
            typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Function> &&
                                        std::is_invocable_r_v<R, F&, Args...>>>
  Function(F&& callable) {  // NOLINT(google-explicit-constructor)
    using Stored = std::decay_t<F>;
    auto holder = std::make_shared<Stored>(std::forward<F>(callable));
    env_ = holder.get();
    owner_ = std::move(holder);
    code_ = [](void* env, Args... args) -> R {
      return (*static_cast<Stored*>(env))(std::forward<Args>(args)...);
    };
  }

  // From a funcref; the caller has checked the type.
  static Function from_ref(const FuncRef& ref) {
    return Function(reinterpret_cast<Code>(ref.code), ref.env);
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
  const std::shared_ptr<void>& owner() const { return owner_; }
  void set_owner(std::shared_ptr<void> owner) { owner_ = std::move(owner); }

 private:
  Code code_ = nullptr;
  void* env_ = nullptr;
  std::shared_ptr<void> owner_;
};

}  // namespace wasm2cpp
