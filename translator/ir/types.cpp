#include "ir/types.hpp"

namespace wasm2cpp {

const char* type_name(ValType t) {
  switch (t) {
    case ValType::I32: return "i32";
    case ValType::I64: return "i64";
    case ValType::F32: return "f32";
    case ValType::F64: return "f64";
    case ValType::V128: return "v128";
    case ValType::FuncRef: return "funcref";
    case ValType::ExternRef: return "externref";
    case ValType::Bottom: return "bot";
  }
  return "?";
}

char type_letter(ValType t) {
  switch (t) {
    case ValType::I32: return 'i';
    case ValType::I64: return 'I';
    case ValType::F32: return 'f';
    case ValType::F64: return 'F';
    case ValType::V128: return 'v';
    case ValType::FuncRef: return 'r';
    case ValType::ExternRef: return 'e';
    case ValType::Bottom: return '?';
  }
  return '?';
}

std::string signature_string(const FuncType& type) {
  std::string s;
  for (ValType t : type.params) s += type_letter(t);
  s += ':';
  for (ValType t : type.results) s += type_letter(t);
  return s;
}

const char* extern_kind_name(ExternKind k) {
  switch (k) {
    case ExternKind::Func: return "func";
    case ExternKind::Table: return "table";
    case ExternKind::Memory: return "memory";
    case ExternKind::Global: return "global";
    case ExternKind::Tag: return "tag";
  }
  return "?";
}

}  // namespace wasm2cpp
