// Helpers for the function validator tests: a Module built directly in
// memory (types, functions with raw body bytes, tables, memories, globals)
// without going through the binary decoder.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ir/module.hpp"
#include "validate/function_validator.hpp"

namespace wasm2cpp::test {

// Opcode bytes used by the tests.
namespace op {
inline constexpr uint8_t Unreachable = 0x00, Nop = 0x01, Block = 0x02, Loop = 0x03, If = 0x04,
                         Else = 0x05, End = 0x0b, Br = 0x0c, BrIf = 0x0d, BrTable = 0x0e,
                         Return = 0x0f, Call = 0x10, CallIndirect = 0x11, ReturnCall = 0x12,
                         Drop = 0x1a, Select = 0x1b, SelectT = 0x1c, LocalGet = 0x20,
                         LocalSet = 0x21, LocalTee = 0x22, GlobalGet = 0x23, GlobalSet = 0x24,
                         TableGet = 0x25, TableSet = 0x26, I32Load = 0x28, I64Load = 0x29,
                         I32Load8U = 0x2d, I32Store = 0x36, I64Store = 0x37, MemorySize = 0x3f,
                         MemoryGrow = 0x40, I32Const = 0x41, I64Const = 0x42, F32Const = 0x43,
                         F64Const = 0x44, I32Eqz = 0x45, I32Add = 0x6a, I64Add = 0x7c,
                         RefNull = 0xd0, RefIsNull = 0xd1, RefFunc = 0xd2, Prefix = 0xfc;
// 0xfc sub-opcodes.
inline constexpr uint8_t MemoryInit = 8, DataDrop = 9, MemoryCopy = 10, MemoryFill = 11,
                         TableInit = 12, ElemDrop = 13, TableCopy = 14, TableGrow = 15,
                         TableSize = 16, TableFill = 17;
}  // namespace op

// Value type / block type bytes.
inline constexpr uint8_t kI32 = 0x7f, kI64 = 0x7e, kF32 = 0x7d, kF64 = 0x7c, kFuncRef = 0x70,
                         kExternRef = 0x6f, kVoid = 0x40;

using Bytes = std::vector<uint8_t>;

class ModuleBuilder {
 public:
  // Absolute offset at which the first body is placed, so tests can check
  // that error offsets are absolute.
  static constexpr uint32_t kBaseOffset = 100;

  uint32_t type(std::vector<ValType> params, std::vector<ValType> results) {
    module_.types.push_back(FuncType{std::move(params), std::move(results)});
    return static_cast<uint32_t>(module_.types.size() - 1);
  }

  uint32_t import_func(uint32_t type_index) {
    Function f;
    f.type_index = type_index;
    f.imported = true;
    module_.functions.push_back(f);
    ++module_.num_imported_functions;
    bodies_.emplace_back();
    return static_cast<uint32_t>(module_.functions.size() - 1);
  }

  // `body` is the whole code entry: local groups followed by the expression.
  uint32_t func(uint32_t type_index, Bytes body) {
    Function f;
    f.type_index = type_index;
    module_.functions.push_back(f);
    bodies_.push_back(std::move(body));
    return static_cast<uint32_t>(module_.functions.size() - 1);
  }

  void table(ValType elem, uint64_t min = 1) {
    Table t;
    t.type.elem = elem;
    t.type.limits.min = min;
    module_.tables.push_back(t);
  }
  void memory(uint64_t min = 1, bool is64 = false) {
    Memory mem;
    mem.type.limits.min = min;
    mem.type.limits.is64 = is64;
    module_.memories.push_back(mem);
  }
  void global(ValType type, bool is_mutable) {
    Global g;
    g.type = GlobalType{type, is_mutable};
    module_.globals.push_back(g);
  }
  void elem(ValType type) {
    ElemSegment e;
    e.type = type;
    module_.elems.push_back(e);
  }
  void data_count(uint32_t n) { module_.data_count = n; }
  void data() { module_.datas.emplace_back(); }
  void declare_ref(uint32_t func_index) {
    if (module_.declared_func_refs.size() <= func_index)
      module_.declared_func_refs.resize(func_index + 1, false);
    module_.declared_func_refs[func_index] = true;
  }

  // Lays the bodies out in Module::bytes and points the functions at them.
  const Module& finish() {
    module_.bytes.assign(kBaseOffset, 0);
    std::vector<uint32_t> starts;
    for (const Bytes& body : bodies_) {
      starts.push_back(static_cast<uint32_t>(module_.bytes.size()));
      module_.bytes.insert(module_.bytes.end(), body.begin(), body.end());
    }
    for (size_t i = 0; i < module_.functions.size(); ++i) {
      if (module_.functions[i].imported) continue;
      module_.functions[i].body =
          std::span<const uint8_t>(module_.bytes.data() + starts[i], bodies_[i].size());
      module_.functions[i].body_offset = starts[i];
    }
    if (module_.declared_func_refs.size() < module_.functions.size())
      module_.declared_func_refs.resize(module_.functions.size(), false);
    return module_;
  }

  Module& module() { return module_; }

 private:
  Module module_;
  std::vector<Bytes> bodies_;
};

// A body with no locals: the code bytes followed by nothing (include the
// final `end` yourself).
inline Bytes code(std::initializer_list<uint8_t> bytes) {
  // (Sized first: inserting a short list after one byte drew a bogus
  // -Warray-bounds from g++ 12 once inlined into validate_code.)
  Bytes body(bytes.size() + 1, 0x00);
  std::copy(bytes.begin(), bytes.end(), body.begin() + 1);
  return body;
}

// Validates one function of a single-function module of type `params ->
// results` with the given code.
// validate_code's result: the IR refers to its module (BlockInfo's params
// and results are views of the module's types), so the module lives as
// long as the result.
struct ValidatedCode : Expected<FunctionIR> {
  ValidatedCode(Expected<FunctionIR> result, std::unique_ptr<ModuleBuilder> builder)
      : Expected<FunctionIR>(std::move(result)), module(std::move(builder)) {}
  std::unique_ptr<ModuleBuilder> module;
};

inline ValidatedCode validate_code(std::vector<ValType> params, std::vector<ValType> results,
                                   std::initializer_list<uint8_t> bytes,
                                   const Features& features = Features()) {
  auto b = std::make_unique<ModuleBuilder>();
  uint32_t t = b->type(std::move(params), std::move(results));
  uint32_t f = b->func(t, code(bytes));
  const Module& m = b->finish();
  Expected<FunctionIR> r = validate_function(m, f, features);
  return ValidatedCode(std::move(r), std::move(b));
}

inline std::string error_of(const Expected<FunctionIR>& r) {
  return r.ok() ? std::string("<ok>") : r.error().message;
}

// True when validation failed with a message starting with `prefix`.
inline ::testing::AssertionResult fails_with(const Expected<FunctionIR>& r,
                                             const std::string& prefix) {
  if (r.ok()) return ::testing::AssertionFailure() << "validated, expected \"" << prefix << "\"";
  if (r.error().message.rfind(prefix, 0) != 0)
    return ::testing::AssertionFailure()
           << "error \"" << r.error().message << "\", expected \"" << prefix << "\"";
  return ::testing::AssertionSuccess();
}

inline uint8_t slot_bit(ValType t) { return static_cast<uint8_t>(1u << slot_type_bit(t)); }

}  // namespace wasm2cpp::test
