// Exception handling (the legacy form of the proposal): try's catch and
// catch_all arms, delegate, throw and rethrow.
//
// A `try` is a block whose arms follow its body like an `else`: each catch
// arm starts with the tag's payload on the stack at the block's base, every
// arm ends with the block's results there. IR conventions (see
// function_ir.hpp for the general ones):
//  - catch: a = try block, b = tag index; catch_all: a = try block. Height as
//    for else: base + results, where the finished arm's results sit.
//  - delegate: ends the try block like `end` (a = try block, height as end);
//    b = the block whose handlers receive the exception: the innermost try
//    still in its body at or outside the delegate's label, 0 for the caller.
//  - throw: a = tag index, the payload at [height - params, height).
//  - rethrow: a = the try block whose caught exception is rethrown.
#include <fmt/format.h>

#include "validate/function_validator_state.hpp"

namespace wasm2cpp {

using function_validation::Ctrl;
using function_validation::type_list;

// Ends the current arm of a try (its body or a catch arm): like the first
// half of `else`.
bool FunctionValidator::State::finish_arm(const char* what) {
  Ctrl& frame = ctrls.back();
  if (frame.kind != BlockKind::Try) return fail(fmt::format("{} without matching try", what));
  if (!pop_all(frame.results)) return false;
  if (height() != frame.height)
    return fail(fmt::format("type mismatch: values remaining on the stack before {}", what));
  if (live) frame.end_reached = true;
  return true;
}

bool FunctionValidator::State::on_catch(const RawInstr& in) {
  const bool all = in.op == Opcode::CatchAll;
  const char* what = all ? "catch_all" : "catch";
  if (!finish_arm(what)) return false;
  Ctrl& frame = ctrls.back();
  if (frame.saw_catch_all) return fail(fmt::format("{} after catch_all", what));
  TypeList payload;
  if (!all) {
    if (in.a >= module->tags.size()) return fail_index("tag", in.a);
    payload = type_list(module->types[module->tags[in.a].type_index].params);
  }
  if (frame.entered_live) emit_structural(in.op, frame.height + frame.results.size, frame.block);
  if (frame.entered_live && !all) ir->code.back().b = in.a;
  frame.in_catch = true;
  frame.saw_catch_all = all;
  frame.unreachable = false;
  // Conservatively, any live try body may throw.
  live = frame.entered_live;
  push_all(payload);
  return true;
}

bool FunctionValidator::State::on_delegate(const RawInstr& in) {
  if (!finish_arm("delegate")) return false;
  Ctrl frame = ctrls.back();
  if (frame.in_catch) return fail("delegate after catch");
  ctrls.pop_back();
  // The label counts from outside the try: its own label is gone.
  if (!check_label(in.a)) return false;
  uint32_t target = 0;
  for (size_t i = ctrls.size() - 1 - in.a; i > 0; --i) {
    const Ctrl& outer = ctrls[i];
    if (outer.kind == BlockKind::Try && !outer.in_catch) {
      target = outer.block;
      break;
    }
  }
  if (frame.entered_live) {
    const bool was_live = live;
    live = true;
    emit(Opcode::Delegate, frame.height + frame.results.size, frame.block, target);
    live = was_live;
    ir->blocks[frame.block].end_reachable = frame.end_reached;
  }
  live = frame.end_reached;
  push_all(frame.results);
  return true;
}

bool FunctionValidator::State::on_throw(const RawInstr& in, uint32_t h) {
  if (in.a >= module->tags.size()) return fail_index("tag", in.a);
  if (!pop_all(type_list(module->types[module->tags[in.a].type_index].params))) return false;
  emit(Opcode::Throw, h, in.a);
  set_unreachable();
  return true;
}

bool FunctionValidator::State::on_rethrow(const RawInstr& in, uint32_t h) {
  if (!check_label(in.a)) return false;
  const Ctrl& target = ctrls[ctrls.size() - 1 - in.a];
  if (target.kind != BlockKind::Try || !target.in_catch)
    return fail(fmt::format("invalid rethrow label {}: not a catch or catch_all", in.a));
  emit(Opcode::Rethrow, h, target.block);
  set_unreachable();
  return true;
}

}  // namespace wasm2cpp
