// Unique naming and the C++ spelling of wasm types (sanitising is in
// support/identifiers, shared with the CLI).
#include <iterator>
#include <string>

#include "emit/append_format.hpp"
#include "emit/emitter.hpp"
#include "fmt/compile.h"
#include "fmt/format.h"

namespace wasm2cpp::emit {

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
      append_format(out, FMT_COMPILE("\\{:03o}"), c);
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

namespace {
// `type(expr)`: a functional cast.
std::string cast_to(std::string_view type, std::string_view expr) {
  std::string out;
  out.reserve(type.size() + expr.size() + 2);
  out.append(type).append(1, '(').append(expr).append(1, ')');
  return out;
}
}  // namespace

std::string to_public(ValType t, std::string_view expr) {
  if (t == ValType::I32) return cast_to("int32_t", expr);
  if (t == ValType::I64) return cast_to("int64_t", expr);
  return std::string(expr);
}

std::string to_internal(ValType t, std::string_view expr) {
  if (t == ValType::I32) return cast_to("uint32_t", expr);
  if (t == ValType::I64) return cast_to("uint64_t", expr);
  return std::string(expr);
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
