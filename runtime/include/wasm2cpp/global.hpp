// Globals. Imported and exported globals are shared by pointer, so a mutable
// global written by one instance (or the host) is seen by all.
#pragma once

#include <cstdint>

#include "wasm2cpp/value_types.hpp"

namespace wasm2cpp {

enum class ValKind : uint8_t { I32, I64, F32, F64, V128, FuncRef, ExternRef };

template <typename T> struct ValKindOf;
template <> struct ValKindOf<int32_t> { static constexpr ValKind value = ValKind::I32; };
template <> struct ValKindOf<int64_t> { static constexpr ValKind value = ValKind::I64; };
template <> struct ValKindOf<float> { static constexpr ValKind value = ValKind::F32; };
template <> struct ValKindOf<double> { static constexpr ValKind value = ValKind::F64; };
template <> struct ValKindOf<v128> { static constexpr ValKind value = ValKind::V128; };
template <> struct ValKindOf<FuncRef> { static constexpr ValKind value = ValKind::FuncRef; };
template <> struct ValKindOf<ExternRef> { static constexpr ValKind value = ValKind::ExternRef; };

// "i32", "funcref", ... (for messages).
const char* val_kind_name(ValKind kind);

struct GlobalBase {
  ValKind kind;
  bool is_mutable;
};

// Generated code reads and writes `value` directly.
template <typename T>
struct Global : GlobalBase {
  explicit Global(T initial = T{}, bool mutable_ = false)
      : GlobalBase{ValKindOf<T>::value, mutable_}, value(initial) {}
  T value;
};

}  // namespace wasm2cpp
