// Function body validation: the non-control instructions (parametric,
// variables, memory, tables, references) and the fixed-signature table that
// drives the numeric ones.
#include <array>

#include <fmt/format.h>

#include "validate/function_validator_state.hpp"

namespace wasm2cpp {

namespace function_validation {
namespace {

constexpr bool letter_type(char letter, ValType& type) {
  switch (letter) {
    case 'i': type = ValType::I32; return true;
    case 'I': type = ValType::I64; return true;
    case 'f': type = ValType::F32; return true;
    case 'F': type = ValType::F64; return true;
    case 'v': type = ValType::V128; return true;
    case 'r': type = ValType::FuncRef; return true;
    case 'e': type = ValType::ExternRef; return true;
    case 'a': type = ValType::Bottom; return true;  // the memory's address type
    default: return false;
  }
}

constexpr bool has_index_immediate(Immediate imm) {
  switch (imm) {
    case Immediate::None:
    case Immediate::I32:
    case Immediate::I64:
    case Immediate::F32:
    case Immediate::F64: return false;
    default: return true;
  }
}

constexpr size_t kOpcodeCount = static_cast<size_t>(Opcode::kCount);

constexpr std::array<FixedSignature, kOpcodeCount> build_signatures() {
  std::array<FixedSignature, kOpcodeCount> table{};
  for (size_t i = 0; i < kOpcodeCount; ++i) {
    const OpcodeInfo& op = kOpcodeInfo[i];
    FixedSignature sig;
    bool fixed = op.params.size() <= 3 && op.results.size() <= 1;
    bool uses_address = false;
    for (size_t p = 0; fixed && p < op.params.size(); ++p) {
      fixed = letter_type(op.params[p], sig.params[p]);
      uses_address |= op.params[p] == 'a';
    }
    for (size_t r = 0; fixed && r < op.results.size(); ++r) {
      fixed = letter_type(op.results[r], sig.result);
      uses_address |= op.results[r] == 'a';
    }
    if (!fixed) continue;
    sig.num_params = static_cast<uint8_t>(op.params.size());
    sig.num_results = static_cast<uint8_t>(op.results.size());
    // Nop has an empty signature but nothing to emit; it stays special.
    sig.simple = !uses_address && !has_index_immediate(op.immediate) &&
                 static_cast<Opcode>(i) != Opcode::Nop;
    table[i] = sig;
  }
  return table;
}

// log2 of a natural alignment (access width in bytes).
constexpr uint32_t log2_of(uint32_t bytes) {
  uint32_t log = 0;
  while ((1u << log) < bytes) ++log;
  return log;
}

}  // namespace

constexpr std::array<FixedSignature, kOpcodeCount> kFixedSignatures = build_signatures();

}  // namespace function_validation

using function_validation::fixed_signature;
using function_validation::FixedSignature;

// ---- index checks -------------------------------------------------------------

bool FunctionValidator::State::check_memory(uint32_t index, ValType& address_type) {
  if (index >= module->memories.size()) return fail_index("memory", index);
  address_type = module->memories[index].type.limits.is64 ? ValType::I64 : ValType::I32;
  return true;
}

bool FunctionValidator::State::check_table(uint32_t index) {
  if (index >= module->tables.size()) return fail_index("table", index);
  return true;
}

bool FunctionValidator::State::check_data(uint32_t index) {
  // Without a data count section the index is checked against the data
  // section first (the spec's C.datas), then the missing section reported.
  const size_t count = module->data_count ? *module->data_count : module->datas.size();
  if (index >= count) return fail_index("data segment", index);
  if (!module->data_count) return fail("data count section required");
  return true;
}

bool FunctionValidator::State::check_elem(uint32_t index) {
  if (index >= module->elems.size()) return fail_index("elem segment", index);
  return true;
}

// ---- dispatch -------------------------------------------------------------------

bool FunctionValidator::State::step_ops(const RawInstr& in, uint32_t h) {
  switch (in.op) {
    case Opcode::Drop: {
      ValType type;
      if (!pop(ValType::Bottom, type)) return false;
      emit(in.op, h, 0, 0, 0, type);
      return true;
    }
    case Opcode::Select:
    case Opcode::SelectT: return on_select(in, h);
    case Opcode::LocalGet:
    case Opcode::LocalSet:
    case Opcode::LocalTee:
    case Opcode::GlobalGet:
    case Opcode::GlobalSet: return on_variable(in, h);
    case Opcode::TableGet:
    case Opcode::TableSet:
    case Opcode::TableInit:
    case Opcode::ElemDrop:
    case Opcode::TableCopy:
    case Opcode::TableGrow:
    case Opcode::TableSize:
    case Opcode::TableFill: return on_table(in, h);
    case Opcode::RefNull:
    case Opcode::RefIsNull:
    case Opcode::RefFunc: return on_reference(in, h);
    default: break;
  }
  if (info(in.op).prefix == 0xfe) return on_atomic(in, h);
  switch (info(in.op).immediate) {
    case Immediate::V128:
    case Immediate::Shuffle:
    case Immediate::LaneIdx:
    case Immediate::MemArgLane: return on_simd(in, h);
    default: break;
  }
  if (info(in.op).immediate == Immediate::MemArg || in.op == Opcode::MemorySize ||
      in.op == Opcode::MemoryGrow || in.op == Opcode::MemoryInit || in.op == Opcode::DataDrop ||
      in.op == Opcode::MemoryCopy || in.op == Opcode::MemoryFill)
    return on_memory(in, h);
  // Every opcode in the table is handled above or by the fixed-signature path.
  return fail(fmt::format("unsupported instruction {}", info(in.op).mnemonic));
}

// ---- parametric -------------------------------------------------------------------

bool FunctionValidator::State::on_select(const RawInstr& in, uint32_t h) {
  if (in.op == Opcode::SelectT) {
    if (in.select_types.size() != 1) return fail("invalid result arity");
    const ValType type = in.select_types[0];
    if (!pop(ValType::I32) || !pop(type) || !pop(type)) return false;
    push(type);
    emit(in.op, h, 0, 0, 0, type);
    return true;
  }
  // Untyped select: both operands of one numeric or vector type.
  ValType first, second;
  if (!pop(ValType::I32) || !pop(ValType::Bottom, first) || !pop(ValType::Bottom, second))
    return false;
  if (is_ref(first) || is_ref(second))
    return fail("type mismatch: select without a type needs numeric or vector operands");
  if (first != second && first != ValType::Bottom && second != ValType::Bottom)
    return fail_mismatch(first, second);
  const ValType type = first == ValType::Bottom ? second : first;
  push(type);
  emit(in.op, h, 0, 0, 0, type);
  return true;
}

// ---- variables ----------------------------------------------------------------------

bool FunctionValidator::State::on_variable(const RawInstr& in, uint32_t h) {
  const uint32_t index = in.a;
  switch (in.op) {
    case Opcode::LocalGet:
    case Opcode::LocalSet:
    case Opcode::LocalTee: {
      if (index >= ir->locals.size()) return fail_index("local", index);
      const ValType type = ir->locals[index];
      if (in.op != Opcode::LocalGet && !pop(type)) return false;
      if (in.op != Opcode::LocalSet) push(type);
      emit(in.op, h, index, 0, 0, type);
      return true;
    }
    default: {
      if (index >= module->globals.size()) return fail_index("global", index);
      const GlobalType& global = module->globals[index].type;
      if (in.op == Opcode::GlobalSet) {
        if (!global.is_mutable) return fail(fmt::format("global is immutable: global {}", index));
        if (!pop(global.type)) return false;
      } else {
        push(global.type);
      }
      emit(in.op, h, index, 0, 0, global.type);
      return true;
    }
  }
}

// ---- memory ---------------------------------------------------------------------------

bool FunctionValidator::State::on_memory(const RawInstr& in, uint32_t h) {
  ValType address = ValType::I32;
  switch (in.op) {
    case Opcode::MemorySize:
      if (!check_memory(in.a, address)) return false;
      push(address);
      break;
    case Opcode::MemoryGrow:
      if (!check_memory(in.a, address) || !pop(address)) return false;
      push(address);
      break;
    case Opcode::MemoryFill:
      if (!check_memory(in.a, address)) return false;
      if (!pop(address) || !pop(ValType::I32) || !pop(address)) return false;
      break;
    case Opcode::MemoryCopy: {
      ValType source = ValType::I32;
      if (!check_memory(in.a, address) || !check_memory(in.b, source)) return false;
      // The length has the narrower of the two address types.
      const ValType length =
          address == ValType::I64 && source == ValType::I64 ? ValType::I64 : ValType::I32;
      if (!pop(length) || !pop(source) || !pop(address)) return false;
      break;
    }
    case Opcode::MemoryInit:
      if (!check_memory(in.b, address) || !check_data(in.a)) return false;
      if (!pop(ValType::I32) || !pop(ValType::I32) || !pop(address)) return false;
      break;
    case Opcode::DataDrop:
      if (!check_data(in.a)) return false;
      emit(in.op, h, in.a);
      return true;
    default: {  // loads and stores
      if (!check_memory(in.a, address)) return false;
      const OpcodeInfo& op = info(in.op);
      if (in.b > function_validation::log2_of(op.access_bytes))
        return fail(fmt::format("alignment must not be larger than natural ({} > {} for {})",
                                1ull << in.b, op.access_bytes, op.mnemonic));
      if (address == ValType::I32 && in.imm > 0xffffffffull) return fail("offset out of range");
      const FixedSignature& sig = fixed_signature(in.op);
      if (sig.num_params == 2 && !pop(sig.params[1])) return false;
      if (!pop(address)) return false;
      if (sig.num_results) push(sig.result);
      break;
    }
  }
  if (live) ir->uses_memory = true;
  emit(in.op, h, in.a, in.b, in.imm);
  return true;
}

// ---- tables -----------------------------------------------------------------------------

bool FunctionValidator::State::on_table(const RawInstr& in, uint32_t h) {
  ValType elem = ValType::FuncRef;
  if (in.op == Opcode::ElemDrop) {
    if (!check_elem(in.a)) return false;
    emit(in.op, h, in.a);
    return true;
  }
  if (in.op == Opcode::TableInit) {
    if (!check_table(in.b) || !check_elem(in.a)) return false;
    const ValType table_elem = module->tables[in.b].type.elem;
    const ValType segment_elem = module->elems[in.a].type;
    if (table_elem != segment_elem)
      return fail(fmt::format("type mismatch: table.init of a {} segment into a {} table",
                              type_name(segment_elem), type_name(table_elem)));
    if (!pop(ValType::I32) || !pop(ValType::I32) || !pop(ValType::I32)) return false;
    emit(in.op, h, in.a, in.b, 0, table_elem);
    return true;
  }
  if (!check_table(in.a)) return false;
  elem = module->tables[in.a].type.elem;
  switch (in.op) {
    case Opcode::TableGet:
      if (!pop(ValType::I32)) return false;
      push(elem);
      break;
    case Opcode::TableSet:
      if (!pop(elem) || !pop(ValType::I32)) return false;
      break;
    case Opcode::TableSize: push(ValType::I32); break;
    case Opcode::TableGrow:
      if (!pop(ValType::I32) || !pop(elem)) return false;
      push(ValType::I32);
      break;
    case Opcode::TableFill:
      if (!pop(ValType::I32) || !pop(elem) || !pop(ValType::I32)) return false;
      break;
    case Opcode::TableCopy: {
      if (!check_table(in.b)) return false;
      const ValType source = module->tables[in.b].type.elem;
      if (source != elem)
        return fail(fmt::format("type mismatch: table.copy from a {} table to a {} table",
                                type_name(source), type_name(elem)));
      if (!pop(ValType::I32) || !pop(ValType::I32) || !pop(ValType::I32)) return false;
      break;
    }
    default: return fail(fmt::format("unsupported instruction {}", info(in.op).mnemonic));
  }
  emit(in.op, h, in.a, in.b, 0, elem);
  return true;
}

// ---- references ---------------------------------------------------------------------------

bool FunctionValidator::State::on_reference(const RawInstr& in, uint32_t h) {
  switch (in.op) {
    case Opcode::RefNull:
      push(in.ref_type);
      emit(in.op, h, 0, 0, 0, in.ref_type);
      return true;
    case Opcode::RefIsNull: {
      ValType type;
      if (!pop(ValType::Bottom, type)) return false;
      if (type != ValType::Bottom && !is_ref(type))
        return fail(fmt::format("type mismatch in ref.is_null: expected a reference but found {}",
                                type_name(type)));
      push(ValType::I32);
      emit(in.op, h, 0, 0, 0, type);
      return true;
    }
    default: {  // ref.func
      if (in.a >= module->functions.size()) return fail_index("function", in.a);
      if (in.a >= module->declared_func_refs.size() || !module->declared_func_refs[in.a])
        return fail(fmt::format("undeclared function reference {}", in.a));
      push(ValType::FuncRef);
      emit(in.op, h, in.a, 0, 0, ValType::FuncRef);
      return true;
    }
  }
}

}  // namespace wasm2cpp
