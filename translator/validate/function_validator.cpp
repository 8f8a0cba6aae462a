// Function body validation: the driver (locals, the instruction loop) and
// the control instructions. The algorithm is the one in the spec's appendix
// (operand stack + control stack with a polymorphic "unreachable" state),
// extended with liveness tracking and IR output; see
// function_validator_state.hpp.
#include "validate/function_validator.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "validate/function_validator_state.hpp"

namespace wasm2cpp {

using function_validation::Ctrl;
using function_validation::kNoBlock;
using function_validation::type_list;
using function_validation::TypeList;

namespace {

// Block types of the single-value form point here.
constexpr ValType kSingleValueTypes[] = {ValType::I32,      ValType::I64,  ValType::F32,
                                         ValType::F64,      ValType::V128, ValType::FuncRef,
                                         ValType::ExternRef};

TypeList single_type(ValType t) {
  for (const ValType& candidate : kSingleValueTypes)
    if (candidate == t) return TypeList{&candidate, 1};
  return TypeList{};
}

// The single-byte instructions the fast path may take: those with a fixed
// signature (when function_validation::fixed_signature says `simple`), with
// no immediate or a constant, and local.get/set/tee.
enum class FastKind : uint8_t { None, Plain, ConstI32, ConstI64, ConstF32, ConstF64, Local };

struct FastOp {
  Opcode op = Opcode::Nop;
  FastKind kind = FastKind::None;
};

constexpr std::array<FastOp, 256> build_fast_ops() {
  std::array<FastOp, 256> table{};
  for (size_t i = 0; i < static_cast<size_t>(Opcode::kCount); ++i) {
    const OpcodeInfo& op = kOpcodeInfo[i];
    if (op.prefix != 0) continue;
    FastKind kind = FastKind::None;
    switch (op.immediate) {
      case Immediate::None: kind = FastKind::Plain; break;
      case Immediate::I32: kind = FastKind::ConstI32; break;
      case Immediate::I64: kind = FastKind::ConstI64; break;
      case Immediate::F32: kind = FastKind::ConstF32; break;
      case Immediate::F64: kind = FastKind::ConstF64; break;
      case Immediate::LocalIdx: kind = FastKind::Local; break;
      default: break;
    }
    table[op.code] = FastOp{static_cast<Opcode>(i), kind};
  }
  return table;
}

constexpr std::array<FastOp, 256> kFastOps = build_fast_ops();

}  // namespace

// ---- fast path ----------------------------------------------------------------
// Most of a body is numeric instructions, constants and local accesses. They
// are decoded, checked and appended here without a RawInstr, but only when
// everything about them is valid and the stack is not polymorphic; any other
// case (an error of any kind, a feature that is off, an operand conjured by
// unreachable code) returns false with the cursor and the state untouched,
// and the general path (read_instruction_into + step) then takes the
// instruction and reports exactly what it always did.

bool FunctionValidator::State::fast_step(ByteCursor& cursor) {
  ByteCursor probe = cursor;
  const uint32_t offset = static_cast<uint32_t>(probe.offset());
  uint8_t byte = 0;
  if (!probe.try_read_u8(byte)) return false;
  const FastOp fast = kFastOps[byte];
  if (fast.kind == FastKind::None) return false;
  const OpcodeInfo& op_info = info(fast.op);
  if (!features->has(op_info.feature)) return false;
  const uint32_t h = height();
  const uint32_t available = h - ctrls.back().height;

  // Decoding: the instruction reader's short_immediate helpers; the checks
  // are this function's.
  if (fast.kind == FastKind::Local) {
    uint32_t index = 0;
    if (!short_immediate::index(probe, index)) return false;
    if (index >= ir->locals.size()) return false;
    const ValType type = ir->locals[index];
    if (fast.op != Opcode::LocalGet) {
      if (available == 0 || vals.back() != type) return false;
      vals.pop_back();
    }
    if (fast.op != Opcode::LocalSet) push(type);
    current_op = fast.op;
    current_offset = offset;
    emit(fast.op, h, index, 0, 0, type);
    cursor = probe;
    return true;
  }

  const function_validation::FixedSignature& sig = function_validation::fixed_signature(fast.op);
  if (!sig.simple) return false;
  uint64_t imm = 0;
  switch (fast.kind) {
    case FastKind::ConstI32:
      if (!short_immediate::i32(probe, imm)) return false;
      break;
    case FastKind::ConstI64:
      if (!short_immediate::i64(probe, imm)) return false;
      break;
    case FastKind::ConstF32:
      if (!short_immediate::f32(probe, imm)) return false;
      break;
    case FastKind::ConstF64:
      if (!short_immediate::f64(probe, imm)) return false;
      break;
    default: break;
  }
  const uint32_t n = sig.num_params;
  if (available < n) return false;
  for (uint32_t i = 0; i < n; ++i)
    if (vals[h - n + i] != sig.params[i]) return false;
  vals.shrink_to(h - n);
  if (sig.num_results) push(sig.result);
  current_op = fast.op;
  current_offset = offset;
  emit(fast.op, h, 0, 0, imm);
  cursor = probe;
  return true;
}

// ---- errors -----------------------------------------------------------------

bool FunctionValidator::State::fail_mismatch(ValType expected, ValType actual) {
  return fail(fmt::format("type mismatch in {}: expected {} but found {}",
                          info(current_op).mnemonic, type_name(expected), type_name(actual)));
}

bool FunctionValidator::State::fail_underflow(ValType expected) {
  if (expected == ValType::Bottom)
    return fail(fmt::format("type mismatch in {}: expected an operand but the stack is empty",
                            info(current_op).mnemonic));
  return fail(fmt::format("type mismatch in {}: expected {} but the stack is empty",
                          info(current_op).mnemonic, type_name(expected)));
}

bool FunctionValidator::State::fail_index(const char* what, uint32_t index) {
  return fail(fmt::format("unknown {} {}", what, index));
}

// Out of line: the common path of mark_slot must stay small enough to inline.
void FunctionValidator::State::grow_slots(uint32_t h) {
  ir->slot_types.resize(static_cast<size_t>(h) + 1, 0);
}

// ---- driver -----------------------------------------------------------------

Expected<void> FunctionValidator::State::run(const Module& m, uint32_t func_index,
                                             const Features& f, FunctionIR& out) {
  module = &m;
  features = &f;
  ir = &out;
  out.func_index = func_index;
  out.locals.clear();
  out.code.clear();
  out.blocks.clear();
  out.br_table_targets.clear();
  out.slot_types.clear();
  out.uses_memory = false;
  out.has_calls = false;
  vals.clear();
  ctrls.clear();
  live = true;
  current_op = Opcode::Nop;

  if (func_index >= m.functions.size() || m.functions[func_index].imported)
    return make_error(fmt::format("function {} is not a defined function", func_index));
  const Function& func = m.functions[func_index];
  if (func.type_index >= m.types.size())
    return make_error(fmt::format("unknown type {}", func.type_index));
  const FuncType& type = m.types[func.type_index];
  ByteCursor cursor(func.body, func.body_offset);
  current_offset = func.body_offset;

  // Locals: all groups are read and summed before anything per-local is
  // allocated, so a huge declared count costs nothing.
  TRY_ASSIGN(uint32_t group_count, cursor.read_count(2));
  local_groups.clear();
  uint64_t declared = 0;
  for (uint32_t i = 0; i < group_count; ++i) {
    uint64_t group_offset = cursor.offset();
    TRY_ASSIGN(uint32_t count, cursor.read_u32());
    TRY_ASSIGN(ValType local_type, read_val_type(cursor, f));
    declared += count;
    if (declared > 0xffffffffull) return make_error("too many locals", group_offset);
    local_groups.emplace_back(count, local_type);
  }
  uint64_t total_locals = declared + type.params.size();
  if (total_locals > kMaxFunctionLocals)
    return make_error(fmt::format("too many locals: {} exceeds the implementation limit of {}",
                                  total_locals, kMaxFunctionLocals),
                      func.body_offset);
  out.num_params = static_cast<uint32_t>(type.params.size());
  out.locals.reserve(total_locals);
  out.locals.assign(type.params.begin(), type.params.end());
  for (const auto& [count, local_type] : local_groups)
    out.locals.insert(out.locals.end(), count, local_type);

  // Block 0: the function body, whose label is the function's results.
  BlockInfo& body = out.blocks.emplace_back();
  body.kind = BlockKind::Function;
  body.results = type.results;  // a view of the module's type
  body.base = 0;
  Ctrl& frame = ctrls.emplace_back();
  frame.kind = BlockKind::Function;
  frame.entered_live = true;
  frame.block = 0;
  frame.results = type_list(type.results);

  // Reused for every instruction (its select-type list keeps its storage).
  RawInstr in;
  while (!ctrls.empty()) {
    if (cursor.at_end()) {
      // The reference interpreter's wording: at the end of the input it runs
      // out of bytes, before that it finds the next byte is not an `end`.
      const bool at_module_end =
          func.body.data() + func.body.size() == m.bytes.data() + m.bytes.size();
      return make_error(at_module_end ? "unexpected end of section or function (missing final end)"
                                      : "END opcode expected (the body ends before its final end)",
                        cursor.offset());
    }
    if (fast_step(cursor)) continue;
    br_targets.clear();
    if (!try_read_short_instruction(cursor, f, in)) {
      auto read = read_instruction_into(cursor, f, br_targets, in);
      if (!read.ok()) return std::move(read).error();
    }
    current_op = in.op;
    current_offset = in.offset;
    if (!step(in)) return std::move(error);
  }
  if (!cursor.at_end())
    return make_error("section size mismatch: code after the function's final end",
                      cursor.offset());
  return {};
}

bool FunctionValidator::State::step(const RawInstr& in) {
  const uint32_t h = height();
  const function_validation::FixedSignature& sig = function_validation::fixed_signature(in.op);
  if (sig.simple) {
    for (uint32_t i = sig.num_params; i-- > 0;)
      if (!pop(sig.params[i])) return false;
    if (sig.num_results) push(sig.result);
    emit(in.op, h, 0, 0, in.imm);
    return true;
  }
  switch (in.op) {
    case Opcode::Unreachable:
      emit(in.op, h);
      set_unreachable();
      return true;
    case Opcode::Nop: return true;
    case Opcode::Block:
    case Opcode::Loop:
    case Opcode::If:
    case Opcode::Try: return begin_block(in, h);
    case Opcode::Catch:
    case Opcode::CatchAll: return on_catch(in);
    case Opcode::Delegate: return on_delegate(in);
    case Opcode::Throw: return on_throw(in, h);
    case Opcode::Rethrow: return on_rethrow(in, h);
    case Opcode::Else: return on_else();
    case Opcode::End: return on_end();
    case Opcode::Br: return on_br(in, h);
    case Opcode::BrIf: return on_br_if(in, h);
    case Opcode::BrTable: return on_br_table(in, h);
    case Opcode::Return: return on_return(h);
    case Opcode::Call:
    case Opcode::ReturnCall: return on_call(in, h);
    case Opcode::CallIndirect:
    case Opcode::ReturnCallIndirect: return on_call_indirect(in, h);
    default: return step_ops(in, h);
  }
}

// ---- blocks -----------------------------------------------------------------

bool FunctionValidator::State::begin_block(const RawInstr& in, uint32_t h) {
  TypeList params, results;
  switch (in.block_type.kind) {
    case BlockType::Kind::Empty: break;
    case BlockType::Kind::Value: results = single_type(in.block_type.value); break;
    case BlockType::Kind::TypeIndex: {
      if (in.block_type.type_index >= module->types.size())
        return fail_index("type", in.block_type.type_index);
      const FuncType& type = module->types[in.block_type.type_index];
      params = type_list(type.params);
      results = type_list(type.results);
      break;
    }
  }
  if (in.op == Opcode::If && !pop(ValType::I32)) return false;
  if (!pop_all(params)) return false;

  Ctrl frame;
  frame.kind = in.op == Opcode::Loop ? BlockKind::Loop
               : in.op == Opcode::If  ? BlockKind::If
               : in.op == Opcode::Try ? BlockKind::Try
                                      : BlockKind::Block;
  frame.height = height();
  frame.params = params;
  frame.results = results;
  frame.entered_live = live;
  if (live) {
    frame.block = static_cast<uint32_t>(ir->blocks.size());
    BlockInfo& block = ir->blocks.emplace_back();
    block.kind = frame.kind;
    block.params = {params.data, params.size};
    block.results = {results.data, results.size};
    block.base = frame.height;
    block.end_reachable = false;  // decided at the end
    emit(in.op, h, frame.block);
  }
  ctrls.push_back(frame);
  push_all(params);
  return true;
}

bool FunctionValidator::State::on_else() {
  Ctrl& frame = ctrls.back();
  if (frame.kind != BlockKind::If || frame.saw_else) return fail("else without matching if");
  if (!pop_all(frame.results)) return false;
  if (height() != frame.height)
    return fail("type mismatch: values remaining on the stack at the end of the if branch");
  if (live) frame.end_reached = true;
  if (frame.entered_live) {
    emit_structural(Opcode::Else, frame.height + frame.results.size, frame.block);
    ir->blocks[frame.block].has_else = true;
  }
  frame.saw_else = true;
  frame.unreachable = false;
  live = frame.entered_live;
  push_all(frame.params);
  return true;
}

bool FunctionValidator::State::on_end() {
  Ctrl& frame = ctrls.back();
  if (!pop_all(frame.results)) return false;
  if (height() != frame.height)
    return fail("type mismatch: values remaining on the stack at the end of the block");
  if (live) frame.end_reached = true;
  if (frame.kind == BlockKind::If && !frame.saw_else) {
    // The missing else arm passes the params through unchanged.
    if (!function_validation::same_types(frame.params, frame.results))
      return fail("type mismatch: if without else must have matching params and results");
    if (frame.entered_live) frame.end_reached = true;
  }
  if (frame.entered_live) {
    emit_structural(Opcode::End, frame.height + frame.results.size, frame.block);
    ir->blocks[frame.block].end_reachable = frame.end_reached;
  }
  live = frame.end_reached;
  const TypeList results = frame.results;
  ctrls.pop_back();
  push_all(results);
  return true;
}

// ---- branches ---------------------------------------------------------------

bool FunctionValidator::State::check_label(uint32_t depth) {
  if (depth >= ctrls.size()) return fail(fmt::format("unknown label {}", depth));
  return true;
}

// Records a live branch to `target`: its label is used, its end (or, for a
// loop, its start) is reached, and the label's slots receive the values.
void FunctionValidator::State::note_branch(Ctrl& target) {
  if (!live) return;
  if (target.kind != BlockKind::Loop) target.end_reached = true;
  ir->blocks[target.block].label_used = true;
  const TypeList types = target.label_types();
  for (uint32_t i = 0; i < types.size; ++i) mark_slot(target.height + i, types[i]);
}

// Checks that the top of the stack matches `types` without popping (the
// spec's push_vals(pop_vals(...)) for the non-default br_table targets).
bool FunctionValidator::State::check_top_in_place(TypeList types) {
  const Ctrl& frame = ctrls.back();
  const uint32_t available = height() - frame.height;
  for (uint32_t i = types.size; i-- > 0;) {
    const uint32_t depth = types.size - i;  // 1 = top of stack
    if (depth > available) {
      if (frame.unreachable) continue;
      return fail_underflow(types[i]);
    }
    const ValType actual = vals[vals.size() - depth];
    if (actual != types[i] && actual != ValType::Bottom) return fail_mismatch(types[i], actual);
  }
  return true;
}

bool FunctionValidator::State::on_br(const RawInstr& in, uint32_t h) {
  if (!check_label(in.a)) return false;
  Ctrl& target = ctrls[ctrls.size() - 1 - in.a];
  if (!pop_all(target.label_types())) return false;
  note_branch(target);
  emit(Opcode::Br, h, target.block);
  set_unreachable();
  return true;
}

bool FunctionValidator::State::on_br_if(const RawInstr& in, uint32_t h) {
  if (!pop(ValType::I32)) return false;
  if (!check_label(in.a)) return false;
  Ctrl& target = ctrls[ctrls.size() - 1 - in.a];
  const TypeList types = target.label_types();
  if (!pop_all(types)) return false;
  push_all(types);
  note_branch(target);
  emit(Opcode::BrIf, h, target.block);
  return true;
}

bool FunctionValidator::State::on_br_table(const RawInstr& in, uint32_t h) {
  if (!pop(ValType::I32)) return false;
  const uint32_t count = in.a;  // br_targets: `count` targets, then the default
  const uint32_t default_depth = br_targets[count];
  if (!check_label(default_depth)) return false;
  const uint32_t arity = ctrls[ctrls.size() - 1 - default_depth].label_types().size;
  for (uint32_t i = 0; i < count; ++i) {
    if (!check_label(br_targets[i])) return false;
    const TypeList types = ctrls[ctrls.size() - 1 - br_targets[i]].label_types();
    if (types.size != arity)
      return fail(fmt::format("type mismatch: br_table target {} has {} values, the default {}",
                              br_targets[i], types.size, arity));
    if (!check_top_in_place(types)) return false;
  }
  if (!pop_all(ctrls[ctrls.size() - 1 - default_depth].label_types())) return false;
  if (live) {
    const uint32_t first = static_cast<uint32_t>(ir->br_table_targets.size());
    for (uint32_t i = 0; i <= count; ++i) {
      Ctrl& target = ctrls[ctrls.size() - 1 - br_targets[i]];
      note_branch(target);
      ir->br_table_targets.push_back(target.block);
    }
    emit(Opcode::BrTable, h, first, count);
  }
  set_unreachable();
  return true;
}

bool FunctionValidator::State::on_return(uint32_t h) {
  if (!pop_all(ctrls.front().results)) return false;
  emit(Opcode::Return, h);
  set_unreachable();
  return true;
}

// ---- calls ------------------------------------------------------------------

bool FunctionValidator::State::on_call(const RawInstr& in, uint32_t h) {
  if (in.a >= module->functions.size()) return fail_index("function", in.a);
  const FuncType& callee = module->func_type(in.a);
  const bool tail = in.op == Opcode::ReturnCall;
  if (tail && !std::ranges::equal(callee.results, ir->blocks.front().results))
    return fail("type mismatch: return_call callee results differ from the function's results");
  if (!pop_all(type_list(callee.params))) return false;
  if (live) ir->has_calls = true;
  emit(in.op, h, in.a);
  if (tail) {
    set_unreachable();
  } else {
    push_all(type_list(callee.results));
  }
  return true;
}

bool FunctionValidator::State::on_call_indirect(const RawInstr& in, uint32_t h) {
  const uint32_t type_index = in.a;
  const uint32_t table_index = in.b;
  if (table_index >= module->tables.size()) return fail_index("table", table_index);
  if (module->tables[table_index].type.elem != ValType::FuncRef)
    return fail(fmt::format("type mismatch: {} needs a funcref table, table {} holds {}",
                            info(in.op).mnemonic, table_index,
                            type_name(module->tables[table_index].type.elem)));
  if (type_index >= module->types.size()) return fail_index("type", type_index);
  const FuncType& callee = module->types[type_index];
  const bool tail = in.op == Opcode::ReturnCallIndirect;
  if (tail && !std::ranges::equal(callee.results, ir->blocks.front().results))
    return fail(
        "type mismatch: return_call_indirect callee results differ from the function's results");
  if (!pop(ValType::I32)) return false;
  if (!pop_all(type_list(callee.params))) return false;
  if (live) ir->has_calls = true;
  emit(in.op, h, type_index, table_index);
  if (tail) {
    set_unreachable();
  } else {
    push_all(type_list(callee.results));
  }
  return true;
}

// ---- public API ---------------------------------------------------------------

FunctionValidator::FunctionValidator() : state_(std::make_unique<State>()) {}
FunctionValidator::~FunctionValidator() = default;

Expected<void> FunctionValidator::validate(const Module& module, uint32_t func_index,
                                           const Features& features, FunctionIR& out) {
  return state_->run(module, func_index, features, out);
}

Expected<FunctionIR> validate_function(const Module& module, uint32_t func_index,
                                       const Features& features) {
  FunctionValidator validator;
  FunctionIR ir;
  TRY(validator.validate(module, func_index, features, ir));
  return ir;
}

}  // namespace wasm2cpp
