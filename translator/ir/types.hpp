// WebAssembly types as the translator sees them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wasm2cpp {

// Values are the binary encodings.
enum class ValType : uint8_t {
  I32 = 0x7f,
  I64 = 0x7e,
  F32 = 0x7d,
  F64 = 0x7c,
  V128 = 0x7b,
  FuncRef = 0x70,
  ExternRef = 0x6f,
  // Used only by the validator for operands popped in unreachable code.
  Bottom = 0x00,
};

inline bool is_ref(ValType t) { return t == ValType::FuncRef || t == ValType::ExternRef; }
const char* type_name(ValType t);  // "i32", "funcref", ...
// The one-letter code used in opcodes.def and in runtime signature strings:
// i I f F v r e.
char type_letter(ValType t);

struct FuncType {
  std::vector<ValType> params;
  std::vector<ValType> results;
  bool operator==(const FuncType&) const = default;
};

// "ii:i" style canonical signature string (params ':' results) in the letter
// code above; identical to what the runtime interns for type identity.
std::string signature_string(const FuncType& type);

struct Limits {
  uint64_t min = 0;
  std::optional<uint64_t> max;
  bool shared = false;
  bool is64 = false;  // memory64 index type
};

struct TableType {
  ValType elem = ValType::FuncRef;
  Limits limits;
};

struct MemoryType {
  Limits limits;
};

struct GlobalType {
  ValType type = ValType::I32;
  bool is_mutable = false;
};

enum class ExternKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3, Tag = 4 };
const char* extern_kind_name(ExternKind k);

}  // namespace wasm2cpp
