// Identifier sanitisation, unique naming and the C++ spelling of wasm types.
#include <algorithm>
#include <iterator>
#include <string>

#include "emit/emitter.hpp"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

// C++20 keywords and alternative tokens, plus names the standard library
// defines as macros (an export called "assert" or "errno" must not expand)
// and GNU predefined macros in -std=gnu++ modes. Sorted for binary search.
constexpr std::string_view kReserved[] = {
    "BUFSIZ", "EOF", "FILENAME_MAX", "INFINITY", "MB_CUR_MAX", "NAN",
    "NULL", "RAND_MAX", "SIZE_MAX", "alignas", "alignof", "and",
    "and_eq", "asm", "assert", "auto", "bitand", "bitor",
    "bool", "break", "case", "catch", "char", "char16_t",
    "char32_t", "char8_t", "class", "co_await", "co_return", "co_yield",
    "compl", "concept", "const", "const_cast", "consteval", "constexpr",
    "constinit", "continue", "decltype", "default", "delete", "do",
    "double", "dynamic_cast", "else", "enum", "errno", "explicit",
    "export", "extern", "false", "float", "for", "friend",
    "goto", "i386", "if", "inline", "int", "linux",
    "long", "major", "minor", "mutable", "namespace", "new",
    "noexcept", "not", "not_eq", "nullptr", "offsetof", "operator",
    "or", "or_eq", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "return", "setjmp", "short", "signed",
    "sizeof", "static", "static_assert", "static_cast", "stderr", "stdin",
    "stdout", "struct", "switch", "template", "this", "thread_local",
    "throw", "true", "try", "typedef", "typeid", "typename",
    "union", "unix", "unsigned", "using", "va_arg", "va_copy",
    "va_end", "va_start", "virtual", "void", "volatile", "wchar_t",
    "while", "xor", "xor_eq",
};
static_assert(std::is_sorted(std::begin(kReserved), std::end(kReserved)));

bool is_reserved(std::string_view name) {
  return std::binary_search(std::begin(kReserved), std::end(kReserved), name);
}

bool is_ident_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::string sanitize_identifier(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 1);
  for (unsigned char c : raw) out += is_ident_char(c) ? static_cast<char>(c) : '_';
  if (out.empty()) return "_";
  // A leading digit needs a prefix (a suffix would not make an identifier);
  // '_' + digit is not a reserved spelling outside the global namespace.
  if (out[0] >= '0' && out[0] <= '9') return "_" + out;
  if (is_reserved(out)) out += '_';
  return out;
}

std::string NameSet::claim(const std::string& base) {
  if (used_.insert(base).second) return base;
  for (uint32_t n = 2;; ++n) {
    std::string candidate = base + "_" + std::to_string(n);
    if (used_.insert(candidate).second) return candidate;
  }
}

std::string cpp_string_literal(std::string_view bytes) {
  std::string out = "\"";
  for (unsigned char c : bytes) {
    if (c == '\\' || c == '"' || c == '?') {
      // '?' is escaped so no trigraph-like sequence ever appears.
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      // Always three octal digits, so a following digit is never absorbed.
      out += fmt::format("\\{:03o}", c);
    }
  }
  out += '"';
  return out;
}

std::string public_type(ValType t) {
  switch (t) {
    case ValType::I32: return "int32_t";
    case ValType::I64: return "int64_t";
    case ValType::F32: return "float";
    case ValType::F64: return "double";
    case ValType::V128: return "wasm2cpp::v128";
    case ValType::FuncRef: return "wasm2cpp::FuncRef";
    case ValType::ExternRef: return "wasm2cpp::ExternRef";
    case ValType::Bottom: break;
  }
  return "void";
}

std::string internal_type(ValType t) {
  switch (t) {
    case ValType::I32: return "uint32_t";
    case ValType::I64: return "uint64_t";
    default: return public_type(t);
  }
}

const char* type_suffix(ValType t) {
  switch (t) {
    case ValType::I32: return "i32";
    case ValType::I64: return "i64";
    case ValType::F32: return "f32";
    case ValType::F64: return "f64";
    case ValType::V128: return "v128";
    case ValType::FuncRef: return "fref";
    case ValType::ExternRef: return "eref";
    case ValType::Bottom: break;
  }
  return "bot";
}

std::string result_type(const FuncType& type) {
  if (type.results.empty()) return "void";
  if (type.results.size() == 1) return public_type(type.results[0]);
  std::string out = "std::tuple<";
  for (size_t i = 0; i < type.results.size(); ++i) {
    if (i) out += ", ";
    out += public_type(type.results[i]);
  }
  return out + ">";
}

std::string code_pointer_type(const FuncType& type) {
  std::string out = result_type(type) + " (*)(void*";
  for (ValType p : type.params) out += ", " + public_type(p);
  return out + ")";
}

std::string to_public(ValType t, const std::string& expr) {
  if (t == ValType::I32) return "int32_t(" + expr + ")";
  if (t == ValType::I64) return "int64_t(" + expr + ")";
  return expr;
}

std::string to_internal(ValType t, const std::string& expr) {
  if (t == ValType::I32) return "uint32_t(" + expr + ")";
  if (t == ValType::I64) return "uint64_t(" + expr + ")";
  return expr;
}

std::string zero_value(ValType t) {
  switch (t) {
    case ValType::I32:
    case ValType::I64:
    case ValType::F32:
    case ValType::F64: return "0";
    default: return "{}";
  }
}

std::string val_kind(ValType t) {
  switch (t) {
    case ValType::I32: return "wasm2cpp::ValKind::I32";
    case ValType::I64: return "wasm2cpp::ValKind::I64";
    case ValType::F32: return "wasm2cpp::ValKind::F32";
    case ValType::F64: return "wasm2cpp::ValKind::F64";
    case ValType::V128: return "wasm2cpp::ValKind::V128";
    case ValType::FuncRef: return "wasm2cpp::ValKind::FuncRef";
    default: return "wasm2cpp::ValKind::ExternRef";
  }
}

}  // namespace wasm2cpp::emit
