// Exception handling (the legacy form: try/catch/catch_all/delegate, throw,
// rethrow) mapped onto C++ exceptions, so the non-throwing path costs
// nothing. A wasm exception is a wasm2cpp::Exception (runtime
// exception.hpp); a try block becomes
//
//   try {
//     <body>
//   } catch (const wasm2cpp::Exception& exn_B) {
//     if (exn_B.tag() == ctx->tag0) { <payload into slots> <catch arm> }
//     else { <catch_all arm> }          // no catch_all: else { throw; }
//   }
//   label_B:;
//
// Every arm ends with the block's results in its slots, so falling out of
// an arm (C++ leaves the handler) is the wasm fall-through. Branches leave
// try blocks and handlers with goto, which C++ allows; no branch ever enters
// one (targets are enclosing blocks; loop labels inside stay inside).
// rethrow throws the named handler's exception again.
//
// `delegate` hands the exception to the handlers of an enclosing try that
// is still in its body (or to the caller), skipping the tries in between:
// the delegating try catches it, keeps it in `pending_exn` (a
// std::exception_ptr) and jumps out to a stub at the end of the target's
// body (or of the function, outside every try) that rethrows it there.
//
// A tail call (return_call*) inside a try or handler must not be covered by
// its handlers (the wasm frame is gone when the callee runs): it jumps to a
// stub after the function's end, outside every try, that makes the call.
#include <algorithm>

#include "emit/function_emitter.hpp"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

std::string exn_name(uint32_t block) { return format_text(FMT_COMPILE("exn_{}"), block); }
std::string delegate_label(uint32_t block) {
  return format_text(FMT_COMPILE("delegate_{}"), block);
}

}  // namespace

void FunctionEmitter::prescan_exceptions() {
  // Catch arms and delegates belong to try blocks: without one (nearly every
  // function) there is nothing to look for in the code.
  if (std::none_of(ir_.blocks.begin(), ir_.blocks.end(),
                   [](const BlockInfo& block) { return block.kind == BlockKind::Try; }))
    return;
  for (const Instr& in : ir_.code) {
    if (in.op == Opcode::Try) has_try_ = true;
    if (in.op == Opcode::Catch || in.op == Opcode::CatchAll || in.op == Opcode::Delegate) {
      if (try_state_.size() <= in.a) try_state_.resize(ir_.blocks.size());
      try_state_[in.a].has_handlers = true;
    }
  }
  if (has_try_) try_state_.resize(ir_.blocks.size());
}

std::string FunctionEmitter::direct_callee(uint32_t func_index) const {
  const std::string& name = info_.function_names[func_index];
  return has_try_ ? "wasm2cpp::opaque_fn(&" + name + ")" : name;
}

void FunctionEmitter::open_try(uint32_t block) {
  // Always braced (a C++ try needs its braces), whatever the depth.
  frames_.push_back(Frame{block, true});
  line(try_state_[block].has_handlers ? "try {" : "{");
  ++brace_depth_;
  ++indent_;
}

// The end of a try body: the stub that rethrows exceptions delegated here,
// in the body so that this try's handlers see them.
void FunctionEmitter::finish_try_body(uint32_t block) {
  if (!try_state_[block].delegate_target) return;
  if (live_) {
    label_used_[block] = true;
    line_format(FMT_COMPILE("goto {};"), label(block));
  }
  line_format(FMT_COMPILE("{}:;"), delegate_label(block));
  line("std::rethrow_exception(pending_exn);");
  live_ = false;
}

void FunctionEmitter::close_function_exceptions() {
  if (pending_exception_used_) body_.insert(0, "  std::exception_ptr pending_exn;\n");
  // Tail calls out of try blocks: the operands are in function-scope slots,
  // so the call is emitted here unchanged.
  emitting_deferred_ = true;
  for (size_t index : deferred_tail_calls_) {
    line_format(FMT_COMPILE("tail_call_{}:;"), index);
    live_ = true;
    emit_instr(index);
  }
  emitting_deferred_ = false;
  if (delegates_to_caller_) {
    line("delegate_caller:;");
    line("std::rethrow_exception(pending_exn);");
  }
}

bool FunctionEmitter::emit_exception(const Instr& in) {
  switch (in.op) {
    case Opcode::Catch:
    case Opcode::CatchAll: {
      const uint32_t b = in.a;
      TryState& state = try_state_[b];
      const std::string exn = exn_name(b);
      const bool all = in.op == Opcode::CatchAll;
      std::string test =
          all ? std::string() : format_text(FMT_COMPILE("{}.tag() == {}->tag{}"), exn, ctx(), in.b);
      if (!state.in_catch) {
        finish_try_body(b);
        --indent_;
        line_format(FMT_COMPILE("}} catch (const wasm2cpp::Exception& {}) {{"), exn);
        ++indent_;
        line(all ? std::string("{") : format_text(FMT_COMPILE("if ({}) {{"), test));
        ++indent_;
        ++brace_depth_;
        state.in_catch = true;
      } else {
        --indent_;
        line(all ? std::string("} else {") : format_text(FMT_COMPILE("}} else if ({}) {{"), test));
        ++indent_;
      }
      state.catch_all = all;
      if (!all) {
        const BlockInfo& block = ir_.blocks[b];
        const FuncType& type = info_.module.types[info_.module.tags[in.b].type_index];
        for (uint32_t i = 0; i < type.params.size(); ++i) {
          const ValType t = type.params[i];
          line_format(FMT_COMPILE("{} = wasm2cpp::exception_value_as<{}>({}.raw()[{}]);"),
                      put(block.base + i, t), internal_type(t), exn, i);
        }
      }
      live_ = true;
      return true;
    }
    case Opcode::Delegate: close_try(in); return true;
    case Opcode::Throw: {
      const FuncType& type = info_.module.types[info_.module.tags[in.a].type_index];
      const uint32_t first = in.height - static_cast<uint32_t>(type.params.size());
      std::string values;
      for (uint32_t i = 0; i < type.params.size(); ++i)
        values += format_text(FMT_COMPILE("{}wasm2cpp::exception_value({})"), i ? ", " : "",
                              get(first + i, type.params[i]));
      line_format(FMT_COMPILE("wasm2cpp::throw_exception(*{}->tag{}, {{{}}});"), ctx(), in.a,
                  values);
      live_ = false;
      return true;
    }
    case Opcode::ReturnCall:
    case Opcode::ReturnCallIndirect: {
      bool in_try = false;
      for (const Frame& frame : frames_)
        in_try = in_try || (ir_.blocks[frame.block].kind == BlockKind::Try &&
                            try_state_[frame.block].has_handlers);
      if (!in_try || emitting_deferred_) return false;
      const size_t index = static_cast<size_t>(&in - ir_.code.data());
      deferred_tail_calls_.push_back(index);
      line_format(FMT_COMPILE("goto tail_call_{};"), index);
      live_ = false;
      return true;
    }
    case Opcode::Rethrow:
      line_format(FMT_COMPILE("throw {};"), exn_name(in.a));
      live_ = false;
      return true;
    default: return false;
  }
}

void FunctionEmitter::close_try(const Instr& in) {
  const uint32_t b = in.a;
  TryState& state = try_state_[b];
  frames_.pop_back();
  if (in.op == Opcode::Delegate) {
    finish_try_body(b);
    const uint32_t target = in.b;
    std::string target_label;
    if (target == 0) {
      delegates_to_caller_ = true;
      target_label = "delegate_caller";
    } else {
      try_state_[target].delegate_target = true;
      target_label = delegate_label(target);
    }
    pending_exception_used_ = true;
    --indent_;
    line("} catch (const wasm2cpp::Exception&) {");
    ++indent_;
    line("pending_exn = std::current_exception();");
    line_format(FMT_COMPILE("goto {};"), target_label);
    --indent_;
    line("}");
  } else if (state.in_catch) {
    --indent_;
    if (!state.catch_all) {
      line("} else {");
      ++indent_;
      line("throw;");
      --indent_;
    }
    line("}");
    --indent_;
    line("}");
    --brace_depth_;
  } else {
    // No handlers: a plain block; exceptions delegated here pass on outward.
    finish_try_body(b);
    --indent_;
    line("}");
  }
  --brace_depth_;
  if (label_used_[b]) line_format(FMT_COMPILE("{}:;"), label(b));
  live_ = ir_.blocks[b].end_reachable;
}

}  // namespace wasm2cpp::emit
