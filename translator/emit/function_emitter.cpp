// The per-function driver: pre-scan, instruction dispatch, variable tracking
// and the prologue (declarations) written after the body is known.
#include "emit/function_emitter.hpp"

#include <algorithm>
#include <charconv>

#include "fmt/format.h"
#include "support/invariant.hpp"

namespace wasm2cpp::emit {

namespace {

constexpr ValType kAllTypes[] = {ValType::I32,  ValType::I64,     ValType::F32,      ValType::F64,
                                 ValType::V128, ValType::FuncRef, ValType::ExternRef};

// Placeholder for "reload the cached memory sizes", replaced once the body
// is complete (see reload_memory_sizes).
constexpr std::string_view kReloadMarker = "\x01RELOAD\x01\n";

bool is_branch(Opcode op) {
  return op == Opcode::Br || op == Opcode::BrIf || op == Opcode::BrTable;
}

// Float locals tracked per loop for opaque() at its head (see open_block);
// locals first seen after this many are left alone.
constexpr size_t kOuterLoopFloatsMax = 64;

bool is_call(Opcode op) {
  return op == Opcode::Call || op == Opcode::CallIndirect || op == Opcode::ReturnCall ||
         op == Opcode::ReturnCallIndirect;
}

}  // namespace

VarName::VarName(const char* text) {
  const size_t length = std::char_traits<char>::length(text);
  WASM2CPP_INVARIANT(length <= kCapacity);
  std::char_traits<char>::copy(chars_, text, length);
  size_ = static_cast<uint8_t>(length);
}

VarName VarName::of(std::string_view text) {
  VarName name;
  const size_t length = text.size();
  WASM2CPP_INVARIANT(length <= kCapacity);
  std::char_traits<char>::copy(name.chars_, text.data(), length);
  name.size_ = static_cast<uint8_t>(length);
  return name;
}

FunctionEmitter::FunctionEmitter(const ModuleInfo& info, const FunctionIR& ir, bool tail_entry)
    : info_(info), ir_(ir), type_(info.func_type(ir.func_index)), tail_entry_(tail_entry) {
  swap_buffers(spare_buffers());
  // As a new emitter's (the previous one's contents are of no use here).
  body_.clear();
  branch_scratch_.clear();
  frames_.clear();
  slot_use_.clear();
  stack_check_before_.clear();
  identity_const_.clear();
  versioned_loop_.clear();
  try_state_.clear();
  deferred_tail_calls_.clear();
  alias_.clear();
  alias_heights_.clear();
  local_use_.assign(ir_.locals.size(), 0);
  label_used_.assign(ir_.blocks.size(), false);
  base_used_.assign(info_.module.memories.size(), false);
  size_used_.assign(info_.module.memories.size(), false);
}

FunctionEmitter::~FunctionEmitter() { swap_buffers(spare_buffers()); }

FunctionEmitter::Buffers& FunctionEmitter::spare_buffers() {
  thread_local Buffers spare;
  return spare;
}

void FunctionEmitter::swap_buffers(Buffers& spare) {
  // The binding names every field of Buffers, so adding one without
  // swapping it here does not compile. A new field must also be cleared
  // (or sized) in the constructor: stale contents would leak from the
  // previous function this thread emitted.
  auto& [body, branch_scratch, frames, slot_use, local_use, label_used, base_used, size_used,
         stack_check_before, identity_const, versioned_loop, try_state, deferred_tail_calls, alias,
         alias_heights] = spare;
  body_.swap(body);
  branch_scratch_.swap(branch_scratch);
  frames_.swap(frames);
  slot_use_.swap(slot_use);
  local_use_.swap(local_use);
  label_used_.swap(label_used);
  base_used_.swap(base_used);
  size_used_.swap(size_used);
  stack_check_before_.swap(stack_check_before);
  identity_const_.swap(identity_const);
  versioned_loop_.swap(versioned_loop);
  try_state_.swap(try_state);
  deferred_tail_calls_.swap(deferred_tail_calls);
  alias_.swap(alias);
  alias_heights_.swap(alias_heights);
}

void FunctionEmitter::prescan() {
  prescan_exceptions();
  // Loop labels precede their bodies, so whether one is needed must be known
  // before the body is written: every branch to a loop becomes a goto.
  std::vector<uint32_t> open_loops;
  // Per open loop: where it starts, the f32/f64 locals seen inside it so
  // far, and whether the first access was a read (the value comes from the
  // previous iteration or from before the loop: loop-carried).
  struct FloatUse {
    uint32_t local;
    bool read_first;
  };
  struct OpenLoop {
    size_t start = 0;
    bool has_inner = false;
    std::vector<FloatUse> floats;
  };
  std::vector<OpenLoop> loops;  // by depth; inner vectors keep their capacity
  size_t depth = 0;
  // Per local: 1 + the index of its latest access, 0 before the first. An
  // access is the first inside exactly the open loops that started after
  // the latest one: an innermost suffix of the open loops, so each
  // (loop, local) pair is looked at once.
  std::vector<size_t> last_float_access;
  for (size_t pos = 0; pos < ir_.code.size(); ++pos) {
    const Instr& in = ir_.code[pos];
    if (in.op == Opcode::Loop) {
      if (depth > 0) loops[depth - 1].has_inner = true;  // and so, transitively, all open ones
      if (depth == loops.size()) loops.emplace_back();
      loops[depth].start = pos + 1;
      loops[depth].has_inner = false;
      loops[depth].floats.clear();
      ++depth;
      open_loops.push_back(in.a);
    }
    if (depth > 0 &&
        (in.op == Opcode::LocalGet || in.op == Opcode::LocalSet || in.op == Opcode::LocalTee) &&
        (ir_.locals[in.a] == ValType::F32 || ir_.locals[in.a] == ValType::F64)) {
      if (last_float_access.empty()) last_float_access.assign(ir_.locals.size(), 0);
      const size_t previous = last_float_access[in.a];
      for (size_t d = depth; d > 0 && loops[d - 1].start > previous; --d) {
        std::vector<FloatUse>& uses = loops[d - 1].floats;
        if (uses.size() < kOuterLoopFloatsMax)
          uses.push_back(FloatUse{in.a, in.op == Opcode::LocalGet});
      }
      last_float_access[in.a] = pos + 1;
    }
    if (in.op == Opcode::End && !open_loops.empty() && open_loops.back() == in.a) {
      OpenLoop& loop = loops[depth - 1];
      if (loop.has_inner) {
        std::vector<uint32_t> carried;
        for (const FloatUse& u : loop.floats)
          if (u.read_first) carried.push_back(u.local);
        std::sort(carried.begin(), carried.end());
        if (!carried.empty()) {
          if (outer_loop_floats_.empty()) outer_loop_floats_.resize(ir_.blocks.size());
          outer_loop_floats_[in.a] = std::move(carried);
        }
      }
      --depth;
      open_loops.pop_back();
    }
    if (is_call(in.op)) {
      has_calls_ = true;
      if (!open_loops.empty()) calls_in_loop_ = true;
    }
    if (!is_branch(in.op)) continue;
    auto mark = [&](uint32_t target) {
      if (target < ir_.blocks.size() && ir_.blocks[target].kind == BlockKind::Loop)
        label_used_[target] = true;
    };
    if (in.op == Opcode::BrTable) {
      for (uint32_t i = 0; i <= in.b; ++i) mark(ir_.br_table_targets[in.a + i]);
    } else {
      mark(in.a);
    }
  }
  if (!stack_check_at_calls()) return;
  // See stack_check_at_calls(): one check at the start of each straight-line
  // stretch that calls.
  stack_check_before_.assign(ir_.code.size(), false);
  size_t stretch_start = 0;
  bool stretch_checked = false;
  for (size_t i = 0; i < ir_.code.size(); ++i) {
    if (ends_straight_line(ir_.code[i].op)) {
      stretch_start = i + 1;
      stretch_checked = false;
    } else if (is_call(ir_.code[i].op) && !stretch_checked) {
      stack_check_before_[stretch_start] = true;
      stretch_checked = true;
    }
  }
}

void FunctionEmitter::line(std::string_view text) {
  body_.append(std::min<uint32_t>(indent_, 40) * 2, ' ');
  body_.append(text);
  body_ += '\n';
}

void FunctionEmitter::lines(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end = text.find('\n', pos);
    line(text.substr(pos, end - pos));
    pos = end + 1;
  }
}

VarName FunctionEmitter::get(uint32_t height, ValType t) {
  if (slot_aliased(height)) {
    // Validated code reads an operand with the type it was pushed with. Any
    // other type would name a slot variable (sH_<t>) this alias never wrote.
    WASM2CPP_INVARIANT(alias_[height].type == t);
    // A local counts as read where its name is written, not where it was
    // pushed: a dropped local.get leaves no text (and no unused variable).
    if (alias_[height].local != SlotAlias::kNoLocal) local_use_[alias_[height].local] |= kRead;
    return alias_[height].text;
  }
  size_t index = size_t{height} * 8 + slot_type_bit(t);
  if (slot_use_.size() <= index) slot_use_.resize(index + 8, 0);
  slot_use_[index] |= kRead;
  return VarName::slot(height, t);
}

VarName FunctionEmitter::put(uint32_t height, ValType t) {
  if (slot_aliased(height)) {
    alias_[height].type = ValType::Bottom;
    if (--aliases_ == 0) alias_heights_.clear();
  }
  size_t index = size_t{height} * 8 + slot_type_bit(t);
  if (slot_use_.size() <= index) slot_use_.resize(index + 8, 0);
  slot_use_[index] |= kWritten;
  if (index < identity_const_.size()) identity_const_[index] = false;
  return VarName::slot(height, t);
}

VarName FunctionEmitter::local_get(uint32_t index) {
  local_use_[index] |= kRead;
  return VarName('l', index, nullptr);
}

VarName FunctionEmitter::local_put(uint32_t index) {
  local_use_[index] |= kWritten;
  return VarName('l', index, nullptr);
}

void FunctionEmitter::alias_slot(uint32_t height, ValType t, uint32_t local, const VarName& text) {
  if (alias_.size() <= height) alias_.resize(height + 8);
  if (!slot_aliased(height)) {
    ++aliases_;
    alias_heights_.push_back(height);
  }
  alias_[height] = SlotAlias{t, local, text};
  // The slot's value changes as if written (see identity_const_).
  const size_t index = size_t{height} * 8 + slot_type_bit(t);
  if (index < identity_const_.size()) identity_const_[index] = false;
}

void FunctionEmitter::materialise(uint32_t height) {
  SlotAlias& alias = alias_[height];
  const ValType t = alias.type;
  alias.type = ValType::Bottom;
  if (--aliases_ == 0) alias_heights_.clear();
  // Recorded as put() does, but the slot keeps its identity_const_ mark: it
  // now holds the same value.
  const size_t index = size_t{height} * 8 + slot_type_bit(t);
  if (slot_use_.size() <= index) slot_use_.resize(index + 8, 0);
  slot_use_[index] |= kWritten;
  if (alias.local != SlotAlias::kNoLocal) local_use_[alias.local] |= kRead;
  assign_line(VarName::slot(height, t), alias.text);
}

void FunctionEmitter::materialise_local(uint32_t local, uint32_t limit) {
  if (aliases_ == 0) return;
  // alias_heights_ may hold heights whose alias is gone, and is not sorted:
  // the few live ones are materialised in stack order.
  uint32_t heights[16];
  size_t count = 0;
  for (uint32_t height : alias_heights_) {
    if (height >= limit || !slot_aliased(height)) continue;
    if (local != SlotAlias::kNoLocal && alias_[height].local != local) continue;
    if (count == std::size(heights)) {
      // Many at once (rare): the slow way, in stack order.
      for (uint32_t h = 0; h < limit && h < alias_.size(); ++h)
        if (slot_aliased(h) && (local == SlotAlias::kNoLocal || alias_[h].local == local))
          materialise(h);
      return;
    }
    heights[count++] = height;
  }
  std::sort(heights, heights + count);
  for (size_t i = 0; i < count; ++i)
    if (slot_aliased(heights[i])) materialise(heights[i]);  // skips a duplicate
}

void FunctionEmitter::materialise_below(uint32_t limit) {
  materialise_local(SlotAlias::kNoLocal, limit);
}

void FunctionEmitter::forget_aliases() {
  for (uint32_t height : alias_heights_) alias_[height].type = ValType::Bottom;
  alias_heights_.clear();
  aliases_ = 0;
}

uint32_t FunctionEmitter::control_operands(const Instr& in) const {
  auto label_arity = [&](uint32_t block) {
    const BlockInfo& target = ir_.blocks[block];
    return static_cast<uint32_t>(target.kind == BlockKind::Loop ? target.params.size()
                                                                : target.results.size());
  };
  switch (in.op) {
    case Opcode::If:
    case Opcode::BrIf: return 1;  // the condition (br_if's values stay on the stack)
    case Opcode::Br: return label_arity(in.a);
    // br_table's values are materialised: each arm copies them separately
    // (copy_values), and an arm whose label takes them in place copies none.
    case Opcode::BrTable: return 1;
    case Opcode::Return: return static_cast<uint32_t>(type_.results.size());
    case Opcode::End:
      // The function's end returns its results (no label merges there).
      return in.a == 0 ? static_cast<uint32_t>(type_.results.size()) : 0;
    case Opcode::Throw:
      return static_cast<uint32_t>(
          info_.module.types[info_.module.tags[in.a].type_index].params.size());
    // return_call inside a try becomes a goto to a stub that reads the
    // slots later (deferred_tail_calls_): everything is materialised.
    default: return 0;
  }
}

VarName FunctionEmitter::ctx() {
  ctx_used_ = true;
  return "ctx";
}

std::string FunctionEmitter::mem_base(uint32_t memory) {
  ctx_used_ = true;
  base_used_[memory] = true;
  // Memory 0 (nearly every access) without formatting.
  return memory == 0 ? std::string("mem0") : format_text(FMT_COMPILE("mem{}"), memory);
}

std::string FunctionEmitter::mem_size(uint32_t memory) {
  ctx_used_ = true;
  // A shared memory may grow on another thread at any moment: a copy cached
  // at entry could be stale and trap an access another thread just made
  // valid, so each check reads the size itself (one acquire load).
  if (info_.module.memories[memory].type.limits.shared)
    return format_text(FMT_COMPILE("ctx->mem{}->size_bytes()"), memory);
  size_used_[memory] = true;
  return memory == 0 ? std::string("mem0_size") : format_text(FMT_COMPILE("mem{}_size"), memory);
}

void FunctionEmitter::reload_memory_sizes() {
  // Every memory whose size this function caches anywhere is reloaded here
  // (a check later in the body reads the same variable). That set is only
  // known once the body is complete, so a marker is written now and
  // replaced in emit(); with no cached sizes it disappears.
  body_.append(std::min<uint32_t>(indent_, 40) * 2, ' ');
  body_ += kReloadMarker;
}

void FunctionEmitter::emit_instr(size_t index) {
  const Instr& in = ir_.code[index];
  bool dropped = index + 1 < ir_.code.size() && ir_.code[index + 1].op == Opcode::Drop;
  if (!stack_check_before_.empty() && stack_check_before_[index]) line("WASM2CPP_STACK_CHECK();");
  // Operand forwarding (alias_slot): an aliased slot reads a local or a
  // constant instead of a value stored earlier. That is the same value only
  // while (1) the local is not written: local.set/tee materialise the slots
  // aliasing it first (materialise_local; locals are written nowhere else
  // in a body), and (2) control stays in one straight-line stretch: before
  // every instruction that jumps, merges or starts a scope (labels, both
  // arms of an if, loop heads, both copies of a versioned loop, catch arms,
  // tail-call stubs) every aliased slot below the operands that instruction
  // reads itself is materialised, so each label sees real slot variables as
  // if nothing were forwarded; afterwards no alias is left (the consumed
  // operands are gone, and code after an unconditional jump is dead until
  // the next label). put() drops a slot's alias; the alias text is exactly
  // the slot's C++ type, so substituting it changes no arithmetic.
  const bool control = ends_straight_line(in.op) || in.op == Opcode::ReturnCall ||
                       in.op == Opcode::ReturnCallIndirect;
  if (control) {
    // Unreachable code may pop more than it has (the stack is polymorphic).
    const uint32_t operands = control_operands(in);
    materialise_below(in.height > operands ? in.height - operands : 0);
  }
  // SIMD and atomics only take their own prefix's instructions: asked only
  // for those (the other families are asked in turn, each taking its own).
  const uint8_t prefix = info(in.op).prefix;
  if (emit_control(in) || (prefix == 0xfd && emit_simd(in, dropped)) ||
      (prefix == 0xfe && emit_atomics(in)) || emit_numeric(in) || emit_variable(in) ||
      emit_memory(in, dropped) || emit_table(in) || emit_call(in)) {
    if (control) forget_aliases();
    return;
  }
  line_format(FMT_COMPILE("#error unsupported instruction {}"), info(in.op).mnemonic);
}

void FunctionEmitter::emit(bool shared_linkage, std::string& out) {
  prescan();
  for (size_t i = 0; i < ir_.code.size(); ++i) emit_instr(i);

  // ---- prologue ----
  std::vector<bool> named(type_.params.size() + 1, false);
  for (uint32_t i = 0; i < type_.params.size(); ++i) named[i] = local_use_[i] != 0;
  named.back() = ctx_used_;
  // The prologue is roughly one line per variable; the body follows.
  out.reserve(out.size() + body_.size() + 256 + 40 * (ir_.locals.size() + slot_use_.size() / 4));
  if (tail_entry_) {
    out += tail_entry_header(shared_linkage);
    out += " {\n";
  } else {
    // Each function starts on a 64-byte boundary: with the default 16, where
    // the linker happens to place a hot loop relative to the CPU's 64-byte
    // fetch windows moved the interp benchmark by up to 2x (the same object
    // file, shifted 48 bytes: 75-107 vs 128-162 ms); aligned, it no longer
    // depends on the link (docs/performance.md, "Latest run (session 7)").
    out += shared_linkage ? "[[gnu::aligned(64)]] " : "[[maybe_unused, gnu::aligned(64)]] static ";
    out += info_.function_declaration(ir_.func_index, &named);
    out += " {\n";
  }
  if (has_calls_ && !stack_check_at_calls()) out += "  WASM2CPP_STACK_CHECK();\n";
  if (tail_entry_) out += tail_entry_prologue(named);
  if (ctx_used_) out += "  auto* ctx = static_cast<Context*>(env);\n";
  std::string unread;
  auto note_unread = [&](uint8_t use, const VarName& name) {
    if (use & kRead) return;
    unread += "(void)";
    unread += name.view();
    unread += "; ";
  };
  auto declare = [&](ValType t, const VarName& name, std::string_view init) {
    out += "  ";
    out += internal_type(t);
    out += ' ';
    out += name.view();
    out += " = ";
    out += init;
    out += ";\n";
  };
  for (uint32_t i = 0; i < ir_.locals.size(); ++i) {
    if (!local_use_[i]) continue;
    ValType t = ir_.locals[i];
    const VarName name('l', i, nullptr);
    declare(t, name,
            i < type_.params.size() ? to_internal(t, VarName('p', i, nullptr)) : zero_value(t));
    note_unread(local_use_[i], name);
  }
  for (size_t index = 0; index < slot_use_.size(); ++index) {
    if (!slot_use_[index]) continue;
    uint32_t height = static_cast<uint32_t>(index / 8);
    ValType t = ValType::Bottom;
    for (ValType candidate : kAllTypes)
      if (slot_type_bit(candidate) == index % 8) t = candidate;
    const VarName name('s', height, type_suffix(t));
    declare(t, name, zero_value(t));
    note_unread(slot_use_[index], name);
  }
  for (uint32_t m = 0; m < base_used_.size(); ++m) {
    // The base never moves (the whole range is reserved up front), so it is
    // loaded once per call, from the copy the Context keeps.
    if (base_used_[m])
      append_format(out, FMT_COMPILE("  uint8_t* mem{0} = ctx->mem{0}_base;\n"), m);
    if (size_used_[m])
      append_format(out, FMT_COMPILE("  uint64_t mem{0}_size = ctx->mem{0}->size_bytes();\n"), m);
  }
  if (!unread.empty()) {
    unread.pop_back();
    out += "  " + unread + "\n";
  }

  // ---- body, with the size-reload markers replaced now that the set of
  // cached sizes is known (spliced straight into the output: no copy) ----
  std::string reload;
  for (uint32_t m = 0; m < size_used_.size(); ++m)
    if (size_used_[m])
      append_format(reload, FMT_COMPILE("mem{0}_size = ctx->mem{0}->size_bytes(); "), m);
  if (!reload.empty()) {
    reload.back() = '\n';
  }
  for (size_t pos = 0; pos < body_.size();) {
    size_t marker = body_.find(kReloadMarker, pos);
    if (marker == std::string::npos) {
      out.append(body_, pos, std::string::npos);
      break;
    }
    out.append(body_, pos, marker - pos);
    if (reload.empty()) {
      // Drop the indentation written before the marker.
      while (!out.empty() && out.back() == ' ') out.pop_back();
    } else {
      out += reload;
    }
    pos = marker + kReloadMarker.size();
  }
  out += "}\n";
}

void emit_function(const ModuleInfo& info, const FunctionIR& ir, bool shared_linkage,
                   std::string& out) {
  out.clear();
  FunctionEmitter(info, ir).emit(shared_linkage, out);
  if (info.tail_calls.entry(ir.func_index)) {
    out += '\n';
    out += leave_no_tail_call_region();
    FunctionEmitter(info, ir, /*tail_entry=*/true).emit(shared_linkage, out);
    out += reenter_no_tail_call_region();
  }
}

}  // namespace wasm2cpp::emit
