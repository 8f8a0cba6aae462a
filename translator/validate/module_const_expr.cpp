// Constant expressions (spec 3.3.10): the instructions allowed, and the type
// of the value they leave. Run with a tiny operand stack because
// extended-const permits i32/i64 add, sub and mul.
#include <fmt/format.h>

#include <vector>

#include "validate/module_checks.hpp"

namespace wasm2cpp::module_validation {

namespace {

bool is_extended_const_op(Opcode op) {
  switch (op) {
    case Opcode::I32Add:
    case Opcode::I32Sub:
    case Opcode::I32Mul:
    case Opcode::I64Add:
    case Opcode::I64Sub:
    case Opcode::I64Mul: return true;
    default: return false;
  }
}

// The value type a letter of opcodes.def stands for.
ValType letter_type(char letter) {
  switch (letter) {
    case 'I': return ValType::I64;
    case 'f': return ValType::F32;
    case 'F': return ValType::F64;
    case 'v': return ValType::V128;
    default: return ValType::I32;
  }
}

std::string stack_description(const std::vector<ValType>& stack) {
  std::string out = "[";
  for (size_t i = 0; i < stack.size(); ++i) {
    if (i) out += ' ';
    out += type_name(stack[i]);
  }
  return out + "]";
}

}  // namespace

Expected<void> ConstExprChecker::check(const ConstExpr& expr, ValType expected) {
  const Module& module = module_;
  const Features& features = features_;
  std::vector<ValType>& stack = stack_;
  stack.clear();
  for (const Instr& in : expr.instrs) {
    const OpcodeInfo& oi = info(in.op);
    switch (oi.immediate) {
      case Immediate::I32:
      case Immediate::I64:
      case Immediate::F32:
      case Immediate::F64: stack.push_back(letter_type(oi.results[0])); continue;
      default: break;
    }
    if (oi.mnemonic == "v128.const") {
      stack.push_back(ValType::V128);
      continue;
    }
    switch (in.op) {
      case Opcode::RefNull: stack.push_back(in.type); continue;
      case Opcode::RefFunc:
        if (in.a >= module.functions.size())
          return make_error(fmt::format("unknown function {}", in.a), in.offset);
        stack.push_back(ValType::FuncRef);
        continue;
      case Opcode::GlobalGet: {
        // Only imported globals are in scope for constant expressions.
        if (in.a >= module.num_imported_globals)
          return make_error(fmt::format("unknown global {}", in.a), in.offset);
        const GlobalType& g = module.globals[in.a].type;
        if (g.is_mutable)
          return make_error(
              fmt::format("constant expression required (global.get {} reads a mutable global)",
                          in.a),
              in.offset);
        stack.push_back(g.type);
        continue;
      }
      default: break;
    }
    if (is_extended_const_op(in.op)) {
      if (!features.has(Feature::ExtendedConst))
        return make_error(fmt::format("constant expression required ({} needs the "
                                      "extended-const feature {})",
                                      oi.mnemonic, Features::enable_hint(Feature::ExtendedConst)),
                          in.offset);
      const ValType operand = letter_type(oi.params[0]);
      if (stack.size() < 2 || stack[stack.size() - 1] != operand ||
          stack[stack.size() - 2] != operand)
        return make_error(fmt::format("type mismatch: {} expects two {} operands", oi.mnemonic,
                                      type_name(operand)),
                          in.offset);
      stack.pop_back();
      continue;
    }
    return make_error(fmt::format("constant expression required ({} is not constant)",
                                  oi.mnemonic),
                      in.offset);
  }
  if (stack.size() != 1 || stack[0] != expected)
    return make_error(fmt::format("type mismatch: constant expression must produce [{}], "
                                  "produces {}",
                                  type_name(expected), stack_description(stack)),
                      expr.offset);
  return {};
}

}  // namespace wasm2cpp::module_validation
