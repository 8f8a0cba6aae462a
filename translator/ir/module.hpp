// The decoded module: every section in structured form, index spaces with
// imports first. Function bodies stay as byte ranges until the validator
// turns each into a FunctionIR (one at a time, so output can be streamed).
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "ir/function_ir.hpp"
#include "ir/types.hpp"

namespace wasm2cpp {

// A constant expression: the decoded instructions (without the final `end`).
// Validation checks it is constant and of the expected type.
struct ConstExpr {
  std::vector<Instr> instrs;
  uint32_t offset = 0;  // absolute offset of the first byte
};

struct Import {
  std::string module;
  std::string field;
  ExternKind kind = ExternKind::Func;
  uint32_t index = 0;  // index in the kind's index space
  uint32_t offset = 0;
};

struct Export {
  std::string name;
  ExternKind kind = ExternKind::Func;
  uint32_t index = 0;
  uint32_t offset = 0;
};

struct Function {
  uint32_t type_index = 0;
  bool imported = false;
  uint32_t import_index = 0;  // into Module::imports when imported
  // Defined functions: the code entry (locals + expression), absolute offset.
  std::span<const uint8_t> body;
  uint32_t body_offset = 0;
  // Absolute offset of the declaration (function section entry or import).
  uint32_t offset = 0;
};

struct Table {
  TableType type;
  bool imported = false;
  uint32_t import_index = 0;
  uint32_t offset = 0;  // absolute offset of the table type (or import)
};

struct Memory {
  MemoryType type;
  bool imported = false;
  uint32_t import_index = 0;
  uint32_t offset = 0;  // absolute offset of the memory type (or import)
};

struct Global {
  GlobalType type;
  bool imported = false;
  uint32_t import_index = 0;
  ConstExpr init;  // defined globals only
  uint32_t offset = 0;  // absolute offset of the global type (or import)
};

// An exception tag (exception handling). Its type is a function type with
// no results; the params are the exception's payload.
struct Tag {
  uint32_t type_index = 0;
  bool imported = false;
  uint32_t import_index = 0;
  uint32_t offset = 0;  // absolute offset of the tag type (or import)
};

struct ElemSegment {
  enum class Mode : uint8_t { Passive, Active, Declarative };
  Mode mode = Mode::Passive;
  uint32_t table_index = 0;
  ConstExpr offset;  // active only
  ValType type = ValType::FuncRef;
  // Encodings 0-3 (function indices) fill `func_indices` (one plain index per
  // item: a ConstExpr per item would cost ~100 bytes for each 1-5 input
  // bytes); encodings 4-7 fill `items`, one constant expression per item.
  // Exactly one of the two is non-empty (both empty: an empty segment).
  std::vector<uint32_t> func_indices;
  std::vector<ConstExpr> items;
  uint32_t offset_in_module = 0;

  size_t size() const { return func_indices.size() + items.size(); }
};

struct DataSegment {
  enum class Mode : uint8_t { Passive, Active };
  Mode mode = Mode::Passive;
  uint32_t memory_index = 0;
  ConstExpr offset;  // active only
  std::span<const uint8_t> bytes;
  uint32_t offset_in_module = 0;
};

struct CustomSection {
  std::string name;
  std::span<const uint8_t> payload;
  uint32_t offset = 0;
};

struct NameSection {
  std::string module_name;
  std::map<uint32_t, std::string> functions;
  std::map<uint32_t, std::map<uint32_t, std::string>> locals;
};

struct Module {
  // Owns the input bytes; every span above points into it.
  std::vector<uint8_t> bytes;

  std::vector<FuncType> types;
  std::vector<Import> imports;
  std::vector<Function> functions;  // index space: imports first
  std::vector<Table> tables;
  std::vector<Memory> memories;
  std::vector<Global> globals;
  std::vector<Tag> tags;  // exception handling; index space: imports first
  std::vector<Export> exports;
  std::optional<uint32_t> start;
  std::vector<ElemSegment> elems;
  std::vector<DataSegment> datas;
  std::optional<uint32_t> data_count;
  std::vector<CustomSection> customs;
  NameSection names;

  uint32_t num_imported_functions = 0;
  uint32_t num_imported_tables = 0;
  uint32_t num_imported_memories = 0;
  uint32_t num_imported_globals = 0;
  uint32_t num_imported_tags = 0;

  // Functions that may be referenced by ref.func in function bodies: those
  // named in element segments, exports or global initialisers (C.refs).
  std::vector<bool> declared_func_refs;

  const FuncType& func_type(uint32_t func_index) const {
    return types[functions[func_index].type_index];
  }
};

}  // namespace wasm2cpp
