// Helpers used only by generated code: checked table access, calls through
// funcrefs, segment dropping, and instantiation support. Not part of the
// host API.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "wasm2cpp/memory.hpp"
#include "wasm2cpp/ops.hpp"
#include "wasm2cpp/table.hpp"
#include "wasm2cpp/trap.hpp"
#include "wasm2cpp/types.hpp"

namespace wasm2cpp {

// Calls a funcref whose type the caller has established. R and Args are the
// public types of the callee's signature.
template <typename R, typename... Args>
WASM2CPP_INLINE R call_ref(const FuncRef& ref, Args... args) {
  return reinterpret_cast<R (*)(void*, Args...)>(ref.code)(ref.env, args...);
}

// call_indirect: the checks in the spec's order, then the call. `type` is
// the interned expected type; equality of interned types is type equality
// across modules.
template <typename R, typename... Args>
WASM2CPP_INLINE R call_indirect(FuncTable* table, uint32_t index, TypeId type, Args... args) {
  if (WASM2CPP_UNLIKELY(index >= table->size())) trap(TrapKind::UndefinedElement);
  const FuncRef ref = table->elements()[index];
  if (WASM2CPP_UNLIKELY(ref.code == nullptr)) trap(TrapKind::UninitializedElement);
  if (WASM2CPP_UNLIKELY(ref.type != type)) trap(TrapKind::IndirectCallTypeMismatch);
  return reinterpret_cast<R (*)(void*, Args...)>(ref.code)(ref.env, args...);
}

// An optimisation barrier for one float value: the compiler must assume the
// result is unknown. Compilers assume NaNs never signal, so they fold
// x * 1.0, x / 1.0, x - 0.0, -0.0 - x and demote(promote(x)) to x (or -x),
// which returns a signalling NaN where WebAssembly requires a quiet one. The
// emitter routes such constants (and every promote) through this; it costs
// at most a register move.
template <typename T>
WASM2CPP_INLINE T opaque(T x) {
#if (defined(__x86_64__) || defined(__i386__)) && defined(__SSE2__)
  __asm__("" : "+x"(x));
#elif defined(__aarch64__)
  __asm__("" : "+w"(x));
#else
  __asm__("" : "+m"(x));
#endif
  return x;
}

// Every f32/f64 product in generated code is WASM2CPP_PRODUCT(a * b). The
// generated .cpp disables FP contraction with pragmas, which is enough for
// GCC; but clang's -ffp-contract=fast fuses a*b+c in the code generator,
// ignoring the pragma, so where the target has FMA the product is made
// opaque there (no fused multiply-add can then consume it).
#if defined(__clang__) && (defined(__FMA__) || defined(__FMA4__) || defined(__aarch64__) || \
                           defined(__ARM_FEATURE_FMA) || defined(__riscv))
#define WASM2CPP_PRODUCT(x) ::wasm2cpp::opaque(x)
#else
#define WASM2CPP_PRODUCT(x) (x)
#endif

// table.get / table.set: bounds-checked (out of bounds table access).
template <typename Ref>
WASM2CPP_INLINE Ref table_get(BasicTable<Ref>* table, uint32_t index) {
  if (WASM2CPP_UNLIKELY(index >= table->size())) trap(TrapKind::TableOutOfBounds);
  return table->elements()[index];
}
template <typename Ref>
WASM2CPP_INLINE void table_set(BasicTable<Ref>* table, uint32_t index, Ref value) {
  if (WASM2CPP_UNLIKELY(index >= table->size())) trap(TrapKind::TableOutOfBounds);
  table->elements()[index] = value;
}

// elem.drop: the segment becomes empty and its storage is released.
template <typename Ref>
void drop_segment(std::vector<Ref>& segment) {
  std::vector<Ref>().swap(segment);
}

// A failed instantiation may already have written funcrefs (whose env is the
// instance's context) into imported tables, or data into imported memories.
// Those must stay valid, so the context is kept for the process lifetime
// instead of being freed.
void retain_failed_instance(std::shared_ptr<void> context);

// Guard-mode code performs no bounds checks: it may only run against a
// memory whose whole 32-bit range (plus offset) is reserved. Throws
// std::runtime_error otherwise.
void require_guarded(const Memory& memory);

}  // namespace wasm2cpp
