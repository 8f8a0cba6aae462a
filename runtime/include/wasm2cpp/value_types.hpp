// The value types generated function bodies use (v128, FuncRef, ExternRef,
// TypeId) with no standard library beyond <cstdint>. types.hpp adds the
// host-side parts: FuncTypeInfo's definition and SignatureOf.
#pragma once

#include <cstdint>

namespace wasm2cpp {

// A 128-bit SIMD value: 16 bytes, little-endian lane order.
struct alignas(16) v128 {
  uint8_t bytes[16];
  bool operator==(const v128& o) const { return __builtin_memcmp(bytes, o.bytes, 16) == 0; }
};

// A function's canonical type, interned (types.hpp). Generated code only
// compares TypeIds, so the type may stay incomplete here.
struct FuncTypeInfo;
using TypeId = const FuncTypeInfo*;

// A funcref value. `code` points to a function of the C++ type that `type`
// describes, taking `env` as its first argument:
//   R (*)(void* env, Params...)
// with R the public result type (types.hpp). Null: code == nullptr.
struct FuncRef {
  TypeId type = nullptr;
  void (*code)() = nullptr;
  void* env = nullptr;
  bool is_null() const { return code == nullptr; }
  bool operator==(const FuncRef&) const = default;
};

// An externref value: an opaque host pointer. Null: value == nullptr.
struct ExternRef {
  void* value = nullptr;
  bool is_null() const { return value == nullptr; }
  bool operator==(const ExternRef&) const = default;
};

}  // namespace wasm2cpp
