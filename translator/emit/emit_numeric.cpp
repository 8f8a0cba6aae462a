// Constants, numeric instructions (driven by the `cpp` column of
// opcodes.def), parametric instructions and local/global variables.
#include <iterator>

#include "emit/function_emitter.hpp"
#include "fmt/format.h"
#include "support/invariant.hpp"

namespace wasm2cpp::emit {

namespace {

ValType letter_type(char c) {
  switch (c) {
    case 'i': return ValType::I32;
    case 'I': return ValType::I64;
    case 'f': return ValType::F32;
    case 'F': return ValType::F64;
    case 'v': return ValType::V128;
    case 'r': return ValType::FuncRef;
    case 'e': return ValType::ExternRef;
    default: return ValType::Bottom;
  }
}

// Appends a cpp template with $0, $1, ... replaced by the operands; an
// operand marked opaque is wrapped in wasm2cpp::opaque(...).
void append_expanded(std::string& out, std::string_view pattern, const VarName* operands,
                     const bool* opaque) {
  size_t start = 0;
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == '$' && pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      out.append(pattern.data() + start, i - start);
      const size_t operand = static_cast<size_t>(pattern[i + 1] - '0');
      if (opaque[operand]) out += "wasm2cpp::opaque(";
      out += operands[operand].view();
      if (opaque[operand]) out += ')';
      start = i + 2;
      ++i;
    }
  }
  out.append(pattern.data() + start, pattern.size() - start);
}

// The cast to_public / to_internal (naming.cpp) apply, or null.
const char* integer_cast(ValType t, bool to_public_type) {
  if (t == ValType::I32) return to_public_type ? "int32_t" : "uint32_t";
  if (t == ValType::I64) return to_public_type ? "int64_t" : "uint64_t";
  return nullptr;
}

bool is_float_arith(Opcode op) {
  switch (op) {
    case Opcode::F32Add: case Opcode::F32Sub: case Opcode::F32Mul: case Opcode::F32Div:
    case Opcode::F64Add: case Opcode::F64Sub: case Opcode::F64Mul: case Opcode::F64Div: return true;
    default: return false;
  }
}

// Constants that make add/sub/mul/div an identity or a negation, which
// compilers fold away (dropping the NaN quieting wasm requires).
bool is_identity_like(const Instr& c) {
  if (c.op == Opcode::F32Const) {
    uint32_t bits = static_cast<uint32_t>(c.imm) & 0x7fffffffu;
    return bits == 0 || bits == 0x3f800000u;
  }
  if (c.op == Opcode::F64Const) {
    uint64_t bits = c.imm & 0x7fffffffffffffffull;
    return bits == 0 || bits == 0x3ff0000000000000ull;
  }
  return false;
}

// Integer comparisons whose operands must not both be one variable nor an
// unsigned operand the literal zero: g++ and clang warn (-Wtautological-compare,
// -Wtype-limits) on `l0 == l0` and `l0 < 0u`, which forwarding would write.
bool is_integer_comparison(Opcode op) {
  switch (op) {
    case Opcode::I32Eq: case Opcode::I32Ne: case Opcode::I32LtU: case Opcode::I32GtU:
    case Opcode::I32LeU: case Opcode::I32GeU:
    case Opcode::I64Eq: case Opcode::I64Ne: case Opcode::I64LtU: case Opcode::I64GtU:
    case Opcode::I64LeU: case Opcode::I64GeU: return true;
    default: return false;
  }
}

}  // namespace

void FunctionEmitter::materialise_tautological_operands(uint32_t first) {
  auto zero = [&](uint32_t height) {
    const SlotAlias& alias = alias_[height];
    return alias.local == SlotAlias::kNoLocal &&
           (alias.text.view() == "0u" || alias.text.view() == "uint64_t(0ull)");
  };
  if (slot_aliased(first) && zero(first)) materialise(first);
  if (!slot_aliased(first + 1)) return;
  if (zero(first + 1) ||
      (slot_aliased(first) && alias_[first].local == alias_[first + 1].local &&
       alias_[first].local != SlotAlias::kNoLocal))
    materialise(first + 1);
}

void FunctionEmitter::mark_identity_const(const Instr& in) {
  ValType t = in.op == Opcode::F32Const ? ValType::F32 : ValType::F64;
  size_t index = size_t{in.height} * 8 + slot_type_bit(t);
  if (identity_const_.size() <= index) identity_const_.resize(index + 8, false);
  identity_const_[index] = is_identity_like(in);
}

bool FunctionEmitter::emit_numeric(const Instr& in) {
  switch (in.op) {
    // Constants are forwarded (alias_slot), not stored: their text has
    // exactly the slot's C++ type (uint32_t, uint64_t, float, double), and
    // floats are exact bit patterns, never a decimal literal (which could
    // round or lose a NaN payload).
    case Opcode::I32Const:
      alias_constant(in.height, ValType::I32, FMT_COMPILE("{}u"), static_cast<uint32_t>(in.imm));
      return true;
    case Opcode::I64Const:
      // `ull` alone is unsigned long long, not uint64_t (unsigned long on
      // LP64): template deduction could differ.
      alias_constant(in.height, ValType::I64, FMT_COMPILE("uint64_t({}ull)"), in.imm);
      return true;
    case Opcode::F32Const:
      alias_constant(in.height, ValType::F32, FMT_COMPILE("std::bit_cast<float>(0x{:08x}u)"),
                     static_cast<uint32_t>(in.imm));
      mark_identity_const(in);
      return true;
    case Opcode::F64Const:
      alias_constant(in.height, ValType::F64,
                     FMT_COMPILE("std::bit_cast<double>(0x{:016x}ull)"), in.imm);
      mark_identity_const(in);
      return true;
    default: break;
  }
  const OpcodeInfo& op = info(in.op);
  if (op.cpp.empty()) return false;
  uint32_t n = static_cast<uint32_t>(op.params.size());
  // Numeric instructions take at most three operands ($0..$2 in opcodes.def).
  VarName operands[3];
  bool opaque_operand[3] = {};
  WASM2CPP_INVARIANT(n <= std::size(operands));
  if (n == 2 && is_integer_comparison(in.op)) materialise_tautological_operands(in.height - 2);
  for (uint32_t i = 0; i < n; ++i) operands[i] = get(in.height - n + i, letter_type(op.params[i]));
  if (is_float_arith(in.op)) {
    // Hide identity-like constants feeding this operation (their last write
    // in emission order; hiding more than needed only costs a move).
    for (uint32_t i = 0; i < 2; ++i) {
      size_t index = size_t{in.height - 2 + i} * 8 + slot_type_bit(letter_type(op.params[i]));
      if (index < identity_const_.size() && identity_const_[index])
        opaque_operand[i] = true;
    }
  }
  const VarName target = put(in.height - n, letter_type(op.results[0]));
  // Written straight into the body: the most frequent line shape.
  body_.append(std::min<uint32_t>(indent_, 40) * 2, ' ');
  body_ += target.view();
  body_ += " = ";
  // demote(promote(x)) must not fold to x (a signalling NaN must come out
  // quiet), so a promoted value is opaque to the optimiser.
  const bool opaque = in.op == Opcode::F64PromoteF32;
  // Products must never be fused into a following add (see
  // WASM2CPP_PRODUCT in instance_support.hpp).
  const bool product = in.op == Opcode::F32Mul || in.op == Opcode::F64Mul;
  if (opaque) body_ += "wasm2cpp::opaque(";
  if (product) body_ += "WASM2CPP_PRODUCT(";
  append_expanded(body_, op.cpp, operands, opaque_operand);
  if (opaque || product) body_ += ')';
  body_ += ";\n";
  return true;
}

bool FunctionEmitter::emit_variable(const Instr& in) {
  switch (in.op) {
    case Opcode::LocalGet:
      // Forwarded: the slot aliases the local (see emit_instr).
      alias_slot(in.height, local_type(in.a), in.a, VarName('l', in.a, nullptr));
      return true;
    case Opcode::LocalSet:
    case Opcode::LocalTee: {
      ValType t = local_type(in.a);
      const uint32_t value = in.height - 1;
      // Slots still aliasing the local's old value take it now. The value
      // itself is read before the write, and a tee'd slot aliasing the
      // local keeps meaning the same value.
      materialise_local(in.a, value);
      if (slot_aliased(value) && alias_[value].local == in.a) return true;  // `lN = lN;`
      assign_line(local_put(in.a), get(value, t));
      return true;
    }
    // ModuleInfo::global_read / global_write written straight into the body
    // (globals are hot: the C stack pointer is one).
    case Opcode::GlobalGet: {
      ValType t = info_.module.globals[in.a].type.type;
      const VarName target = put(in.height, t);
      const auto c = ctx();
      if (!info_.global_shared[in.a]) {
        line_format(FMT_COMPILE("{} = {}->g{};"), target, c, in.a);
      } else if (const char* cast = integer_cast(t, /*to_public_type=*/false)) {
        line_format(FMT_COMPILE("{} = {}({}->g{}->value);"), target, cast, c, in.a);
      } else {
        line_format(FMT_COMPILE("{} = {}->g{}->value;"), target, c, in.a);
      }
      return true;
    }
    case Opcode::GlobalSet: {
      ValType t = info_.module.globals[in.a].type.type;
      const auto c = ctx();
      const VarName value = get(in.height - 1, t);
      if (!info_.global_shared[in.a]) {
        line_format(FMT_COMPILE("{}->g{} = {};"), c, in.a, value);
      } else if (const char* cast = integer_cast(t, /*to_public_type=*/true)) {
        line_format(FMT_COMPILE("{}->g{}->value = {}({});"), c, in.a, cast, value);
      } else {
        line_format(FMT_COMPILE("{}->g{}->value = {};"), c, in.a, value);
      }
      return true;
    }
    case Opcode::Select:
    case Opcode::SelectT: {
      ValType t = in.type;
      const VarName cond = get(in.height - 1, ValType::I32);
      const VarName second = get(in.height - 2, t);
      if (slot_aliased(in.height - 3)) {
        // The first operand is not in its slot: choose between both.
        const VarName first = get(in.height - 3, t);
        line_format(FMT_COMPILE("{} = {} ? {} : {};"), put(in.height - 3, t), cond, first, second);
      } else {
        line_format(FMT_COMPILE("if (!{}) {} = {};"), cond, put(in.height - 3, t), second);
      }
      return true;
    }
    case Opcode::Drop:
      // The value simply stays in its slot; a dropped load was already
      // turned into a bounds-checking touch by emit_memory.
      return true;
    default: return false;
  }
}

}  // namespace wasm2cpp::emit
