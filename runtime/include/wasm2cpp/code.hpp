// Everything generated function bodies need, and nothing a host needs:
// numeric ops, memory accessors, traps, the stack check, and the classes the
// lean Context points to (Memory, tables, globals) as far as bodies use
// them. It includes no standard library beyond <cstdint>, <cstddef>,
// <cstring> and <bit>, so each translation unit of generated code pays a
// small fixed cost (docs/performance.md, "Compile cost"). The instance
// implementation additionally includes instance_support.hpp and the module's
// public header (the full runtime API).
#pragma once

#include <cstdint>

#include "wasm2cpp/access.hpp"
#include "wasm2cpp/atomics.hpp"
#include "wasm2cpp/global.hpp"
#include "wasm2cpp/memory_core.hpp"
#include "wasm2cpp/opaque.hpp"
#include "wasm2cpp/ops.hpp"
#include "wasm2cpp/stack.hpp"
#include "wasm2cpp/table_core.hpp"
#include "wasm2cpp/trap_kind.hpp"
#include "wasm2cpp/value_types.hpp"

namespace wasm2cpp {

// Exception tags are identities (exception.hpp); bodies without exception
// handling only hold pointers to them.
class Tag;

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

// elem.drop / data.drop: the segment becomes empty (its storage stays with
// the instance until it is destroyed).
template <typename T>
WASM2CPP_INLINE void drop_segment(SegmentView<T>& segment) {
  segment = {};
}

}  // namespace wasm2cpp
