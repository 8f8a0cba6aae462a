// Value types shared by generated code and host code (value_types.hpp) and
// their host-side companions: interned function types and SignatureOf.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <tuple>

#include "wasm2cpp/value_types.hpp"

namespace wasm2cpp {

// A function's canonical type. Instances of this struct are interned: two
// function types are equal iff their FuncTypeInfo pointers are equal, across
// every module in the process. This is what call_indirect and import linking
// compare (never a per-module type index).
struct FuncTypeInfo {
  // Canonical signature string: one letter per param, ':', one per result,
  // letters i I f F v r e for i32 i64 f32 f64 v128 funcref externref.
  std::string_view signature;
};

// Returns the unique FuncTypeInfo for a signature string (thread-safe; the
// returned pointer lives for the whole process).
TypeId intern_func_type(std::string_view signature);

// C++ types for wasm value types in public signatures:
// i32 -> int32_t, i64 -> int64_t, f32 -> float, f64 -> double, v128 -> v128,
// funcref -> FuncRef, externref -> ExternRef. No results -> void, one result
// -> that type, several -> std::tuple<...>.
template <typename T>
struct ValTypeLetter;
template <> struct ValTypeLetter<int32_t> { static constexpr char value = 'i'; };
template <> struct ValTypeLetter<int64_t> { static constexpr char value = 'I'; };
template <> struct ValTypeLetter<float> { static constexpr char value = 'f'; };
template <> struct ValTypeLetter<double> { static constexpr char value = 'F'; };
template <> struct ValTypeLetter<v128> { static constexpr char value = 'v'; };
template <> struct ValTypeLetter<FuncRef> { static constexpr char value = 'r'; };
template <> struct ValTypeLetter<ExternRef> { static constexpr char value = 'e'; };

namespace detail {
template <typename R>
struct ResultLetters {
  static constexpr char letters[] = {ValTypeLetter<R>::value, 0};
};
template <>
struct ResultLetters<void> {
  static constexpr char letters[] = {0};
};
template <typename... Rs>
struct ResultLetters<std::tuple<Rs...>> {
  static constexpr char letters[] = {ValTypeLetter<Rs>::value..., 0};
};
}  // namespace detail

// The canonical signature string and interned TypeId of a C++ signature.
template <typename Sig>
struct SignatureOf;
template <typename R, typename... Args>
struct SignatureOf<R(Args...)> {
  static constexpr char signature[] = {ValTypeLetter<Args>::value..., ':', 0};
  static std::string_view string() {
    static const std::string s = std::string(signature) + detail::ResultLetters<R>::letters;
    return s;
  }
  static TypeId id() {
    static const TypeId id = intern_func_type(string());
    return id;
  }
};

}  // namespace wasm2cpp
