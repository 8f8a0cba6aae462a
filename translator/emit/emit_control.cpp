// Structured control flow: block/loop/if become C++ scopes and labels, every
// branch becomes value copies into the target's slots plus a goto (or a
// return for the function's own block).
#include <algorithm>
#include <map>

#include "emit/function_emitter.hpp"
#include "fmt/compile.h"
#include "fmt/format.h"

namespace wasm2cpp::emit {

std::string FunctionEmitter::label(uint32_t block) {
  return format_text(FMT_COMPILE("label_{}"), block);
}

namespace {

// A signed 32-bit value as a C++ int literal (-2^31 has none).
std::string signed_literal(int64_t value) {
  if (value == INT32_MIN) return "(-2147483647 - 1)";
  return format_text(FMT_COMPILE("{}"), value);
}

}  // namespace

bool FunctionEmitter::emit_control(const Instr& in) {
  switch (in.op) {
    case Opcode::Nop: return true;
    case Opcode::Unreachable:
      line("wasm2cpp::trap(wasm2cpp::TrapKind::Unreachable);");
      live_ = false;
      return true;
    case Opcode::Block:
    case Opcode::Loop:
    case Opcode::If:
    case Opcode::Try: open_block(in); return true;
    case Opcode::Else: {
      const Frame& frame = frames_.back();
      if (frame.braced) {
        --indent_;
        line("} else {");
        ++indent_;
      } else {
        // Goto form: the then-arm jumps over the else-arm.
        if (live_) {
          label_used_[frame.block] = true;
          line_format(FMT_COMPILE("goto label_{};"), frame.block);
        }
        line_format(FMT_COMPILE("else_{}:;"), frame.block);
      }
      live_ = true;
      return true;
    }
    case Opcode::End:
      if (ir_.blocks[in.a].kind == BlockKind::Try) {
        close_try(in);
      } else {
        close_block(in);
      }
      return true;
    case Opcode::Br:
      branch_to(in.a, in.height);
      live_ = false;
      return true;
    case Opcode::BrIf: {
      const VarName cond = get(in.height - 1, ValType::I32);
      // Emit the branch into a scratch buffer to see whether it is one line.
      render_branch(in.a, in.height - 1, branch_scratch_);
      std::string_view branch = branch_scratch_;
      size_t first_newline = branch.find('\n');
      if (first_newline + 1 == branch.size()) {
        branch.remove_suffix(1);
        // `if (cond) <branch>`, appended piece by piece (a frequent line).
        body_.append(std::min<uint32_t>(indent_, 40) * 2, ' ');
        body_ += "if (";
        body_ += cond.view();
        body_ += ") ";
        body_ += branch;
        body_ += '\n';
      } else {
        line_format(FMT_COMPILE("if ({}) {{"), cond);
        ++indent_;
        lines(branch);
        --indent_;
        line("}");
      }
      return true;
    }
    case Opcode::BrTable: {
      uint32_t top = in.height - 1;
      const uint32_t* targets = &ir_.br_table_targets[in.a];
      uint32_t default_target = targets[in.b];
      // Case values grouped by target, targets in order of first use; the
      // default's own values fall into `default`.
      std::vector<uint32_t> order;
      std::map<uint32_t, std::vector<uint32_t>> cases;
      for (uint32_t i = 0; i < in.b; ++i) {
        if (targets[i] == default_target) continue;
        auto [it, inserted] = cases.try_emplace(targets[i]);
        if (inserted) order.push_back(targets[i]);
        it->second.push_back(i);
      }
      if (order.empty()) {
        branch_to(default_target, top);
      } else if (br_table_as_computed_goto(order.size() + 1)) {
        emit_br_table_goto(in, static_cast<size_t>(&in - ir_.code.data()), order);
      } else {
        // The index is read only here: when every target is the default it
        // is unused (and must not count as read).
        line_format(FMT_COMPILE("switch ({}) {{"), get(in.height - 1, ValType::I32));
        for (uint32_t target : order) {
          std::string labels;
          for (uint32_t value : cases[target])
            labels += format_text(FMT_COMPILE("case {}u: "), value);
          labels.pop_back();
          line(labels);
          ++indent_;
          branch_to(target, top);
          --indent_;
        }
        line("default:");
        ++indent_;
        branch_to(default_target, top);
        --indent_;
        line("}");
      }
      live_ = false;
      return true;
    }
    case Opcode::Return:
      line(return_statement(in.height));
      live_ = false;
      return true;
    default: return emit_exception(in);
  }
}

void FunctionEmitter::open_block(const Instr& in) {
  const uint32_t b = in.a;
  const BlockInfo& block = ir_.blocks[b];
  if (block.kind == BlockKind::Try) {
    open_try(b);
    return;
  }
  if (block.kind == BlockKind::Loop) open_versioned_loop(in);
  bool braced = brace_depth_ < kMaxBraceDepth;
  frames_.push_back(Frame{b, braced});
  switch (block.kind) {
    case BlockKind::Function:
    case BlockKind::Block:
    case BlockKind::Try:
      if (braced) line("{");
      break;
    case BlockKind::Loop:
      if (braced) {
        if (label_used_[b]) {
          line_format(FMT_COMPILE("label_{}: {{"), b);
        } else {
          line("{");
        }
      } else if (label_used_[b]) {
        line_format(FMT_COMPILE("label_{}:;"), b);
      }
      // A loop around another loop: its float locals pass through opaque()
      // on every entry to its body. That keeps LLVM's SLP vectoriser from
      // packing loop-carried floats of unrelated lanes into one vector phi,
      // which at the x86-64 baseline (SSE2) it fills and drains with
      // movhpd/movlpd around the inner loops (nbody: a <4 x double> of four
      // bodies' z coordinates, 71.6 -> 66 ms; docs/performance.md). The
      // value is unchanged (slots aliasing the local stay right); the asm
      // is not volatile, so it costs at most a register move. Innermost
      // loops, where vectorising is the point, are left alone.
      if (b < outer_loop_floats_.size())
        for (uint32_t local : outer_loop_floats_[b])
          line_format(FMT_COMPILE("{} = wasm2cpp::opaque({});"), local_put(local),
                      local_get(local));
      break;
    case BlockKind::If: {
      const VarName cond = get(in.height - 1, ValType::I32);
      if (braced) {
        line_format(FMT_COMPILE("if ({}) {{"), cond);
      } else if (block.has_else) {
        line_format(FMT_COMPILE("if (!{}) goto else_{};"), cond, b);
      } else {
        label_used_[b] = true;
        line_format(FMT_COMPILE("if (!{}) goto label_{};"), cond, b);
      }
      break;
    }
  }
  if (braced) {
    ++brace_depth_;
    ++indent_;
  }
}

void FunctionEmitter::close_block(const Instr& in) {
  const uint32_t b = in.a;
  const BlockInfo& block = ir_.blocks[b];
  if (b == 0) {
    // The function's end: fall through means returning the results, which
    // sit at the bottom of the stack.
    if (live_) {
      line(return_statement(static_cast<uint32_t>(type_.results.size())));
    } else if (!type_.results.empty()) {
      // No path reaches here (the validator proved it); say so, so the
      // compiler neither warns nor emits a fall-off path.
      line("__builtin_unreachable();");
    }
    live_ = false;
    // The stubs written after the body start with nothing aliased.
    forget_aliases();
    close_function_exceptions();
    return;
  }
  Frame frame = frames_.back();
  frames_.pop_back();
  if (frame.braced) {
    --brace_depth_;
    --indent_;
    line("}");
  }
  if (block.kind != BlockKind::Loop && label_used_[b]) line_format(FMT_COMPILE("label_{}:;"), b);
  if (block.kind == BlockKind::Loop) close_versioned_loop(b);
  live_ = block.end_reachable;
}

// Loop versioning. The shape (docs/generated-code.md, "Versioned loops"):
//   {
//     const uint64_t vB_n = wasm2cpp::loop_trip_count<...>(counter at entry, step, bound);
//     const uint32_t vB_bG = <address group G's base at entry>;
//     if (vB_n != 0 && wasm2cpp::loop_access_in_bounds(vB_bG, ...) && ...) {
//       uint64_t vB_k = 0;
//       label_B_v: { <body, accesses at memM + (vB_bG + vB_k * stride + c), no checks>
//         if (++vB_k != vB_n) goto label_B_v; }
//     } else {
//       label_B: { <the ordinary loop> }
//     }
//   }
// Both copies share the slot and local variables (only one runs), so the
// code after the loop sees the same state either way. With hoisted loads
// (LoopVersion::hoist_loads) the range test also calls
// loop_ranges_disjoint, and the copy is `WASM2CPP_NO_LOOP_VECTORIZE do {
// const auto vB_hI = <load>; ... } while (++vB_k != vB_n);`.
void FunctionEmitter::open_versioned_loop(const Instr& in) {
  if (!loop_versions_found_) {
    loop_versions_found_ = true;
    versioned_loop_.assign(ir_.blocks.size(), false);
    std::vector<MemoryAccessMode> memories(info_.module.memories.size());
    for (uint32_t m = 0; m < memories.size(); ++m) {
      if (info_.memory64(m) || info_.module.memories[m].type.limits.shared) {
        memories[m] = MemoryAccessMode::Unversionable;
      } else {
        memories[m] =
            explicit_checks(m) ? MemoryAccessMode::Explicit : MemoryAccessMode::GuardPages;
      }
    }
    loop_versions_ = find_versionable_loops(ir_, memories);
  }
  // The unchecked copy and the outer scope need braces (gotos may not jump
  // into the scope of the declarations below; only the loop's own back edge
  // targets its label, from inside).
  if (unchecked_copy_ || brace_depth_ + 4 >= kMaxBraceDepth) return;
  const uint32_t b = in.a;
  const LoopVersion* plan = loop_versions_.of_block(b);
  if (!plan) return;
  const std::string v = format_text(FMT_COMPILE("v{}"), b);
  line("{");
  ++indent_;
  line_format(FMT_COMPILE("const uint64_t {}_n = "
                          "wasm2cpp::loop_trip_count<wasm2cpp::LoopCompare::{}>({}, {}, {});"),
              v, loop_compare_name(plan->compare), affine_value(plan->counter),
              signed_literal(static_cast<int32_t>(plan->counter_stride)),
              affine_value(plan->bound));
  for (size_t g = 0; g < plan->groups.size(); ++g)
    line_format(FMT_COMPILE("const uint32_t {}_b{} = {};"), v, g,
                affine_value(plan->groups[g].base));
  // One range test per (group, memory): the lowest address of the group and
  // the furthest end of any of its accesses. Every other address of the
  // group lies between them in every iteration.
  struct Range {
    uint32_t group, memory;
    int64_t low;
    int64_t high_end;  // delta + offset + bytes
  };
  std::vector<Range> ranges;
  for (const VersionedAccess& a : plan->accesses) {
    int64_t end = int64_t{a.delta} + static_cast<int64_t>(a.offset) + a.bytes;
    auto it = std::find_if(ranges.begin(), ranges.end(), [&](const Range& r) {
      return r.group == a.group && r.memory == a.memory;
    });
    if (it == ranges.end()) {
      ranges.push_back(Range{a.group, a.memory, a.delta, end});
    } else {
      it->low = std::min<int64_t>(it->low, a.delta);
      it->high_end = std::max(it->high_end, end);
    }
  }
  const std::string continuation(std::min<uint32_t>(indent_, 40) * 2 + 4, ' ');
  auto stride_of = [&](uint32_t group) {
    return signed_literal(static_cast<int32_t>(plan->groups[group].stride));
  };
  std::string condition = format_text(FMT_COMPILE("{}_n != 0"), v);
  for (const Range& r : ranges) {
    append_format(
        condition,
        FMT_COMPILE(" &&\n{}wasm2cpp::loop_access_in_bounds({}_b{}, {}, {}, {}_n - 1, {}ull, {})"),
        continuation, v, r.group, signed_literal(r.low), stride_of(r.group), v, r.high_end - r.low,
        mem_size(r.memory));
  }
  for (const DisjointGroups& d : plan->disjoint) {
    auto range_of = [&](uint32_t group) {
      const Range& r = *std::find_if(ranges.begin(), ranges.end(), [&](const Range& x) {
        return x.group == group && x.memory == d.memory;
      });
      return format_text(FMT_COMPILE("{}_b{}, {}, {}, {}ull"), v, group, signed_literal(r.low),
                         stride_of(group), r.high_end - r.low);
    };
    append_format(condition, FMT_COMPILE(" &&\n{}wasm2cpp::loop_ranges_disjoint({}, {}, {}_n - 1)"),
                  continuation, range_of(d.first), range_of(d.second), v);
  }
  line_format(FMT_COMPILE("if ({}) {{"), condition);
  ++indent_;
  line_format(FMT_COMPILE("uint64_t {}_k = 0;"), v);
  // A body with hoisted loads is a loop statement, which the pragma that
  // keeps the loop vectoriser away needs (see LoopVersion::hoist_loads).
  if (plan->hoist_loads) {
    line("WASM2CPP_NO_LOOP_VECTORIZE");
    line("do {");
  } else {
    line_format(FMT_COMPILE("label_{}_v: {{"), b);
  }
  ++indent_;
  std::vector<bool> saved_identity = identity_const_;
  unchecked_copy_ = plan;
  for (const VersionedAccess& a : plan->accesses)
    if (a.hoisted)
      line_format(FMT_COMPILE("const auto {} = {};"), hoisted_load_name(a), unchecked_load(a));
  for (size_t i = plan->begin + 1; i < plan->back_edge; ++i) emit_instr(i);
  // The copy ends where the back edge's br_if would be: the slots under its
  // condition hold what the ordinary loop would leave in them (emit_instr).
  const uint32_t back_edge_height = ir_.code[plan->back_edge].height;
  materialise_below(back_edge_height > 0 ? back_edge_height - 1 : 0);
  forget_aliases();
  if (plan->hoist_loads) {
    --indent_;
    line_format(FMT_COMPILE("}} while (++{0}_k != {0}_n);"), v);
    ++indent_;
  } else {
    line_format(FMT_COMPILE("if (++{0}_k != {0}_n) goto label_{1}_v;"), v, b);
  }
  unchecked_copy_ = nullptr;
  identity_const_ = std::move(saved_identity);
  live_ = true;
  --indent_;
  if (!plan->hoist_loads) line("}");
  --indent_;
  line("} else {");
  ++indent_;
  brace_depth_ += 2;
  versioned_loop_[b] = true;
}

std::string FunctionEmitter::hoisted_load_name(const VersionedAccess& access) const {
  return format_text(FMT_COMPILE("v{}_h{}"), unchecked_copy_->block,
                     access.instr - unchecked_copy_->begin);
}

void FunctionEmitter::close_versioned_loop(uint32_t b) {
  if (b >= versioned_loop_.size() || !versioned_loop_[b]) return;
  brace_depth_ -= 2;
  --indent_;
  line("}");
  --indent_;
  line("}");
}

std::string FunctionEmitter::affine_value(const AffineForm& form) {
  std::string out;
  for (auto [local, coeff] : form.terms) {
    const VarName name = local_get(local);
    if (coeff == 1) {
      if (!out.empty()) out += " + ";
      out += name.view();
    } else if (coeff == UINT32_MAX) {
      out += out.empty() ? "0u - " : " - ";
      out += name.view();
    } else {
      append_format(out, FMT_COMPILE("{}{} * {}u"), out.empty() ? "" : " + ", name, coeff);
    }
  }
  if (out.empty()) return format_text(FMT_COMPILE("{}u"), form.constant);
  if (form.constant != 0) out += format_text(FMT_COMPILE(" + {}u"), form.constant);
  return form.terms.size() == 1 && form.terms[0].second == 1 && form.constant == 0
             ? out
             : "uint32_t(" + out + ")";
}

void FunctionEmitter::copy_values(std::span<const ValType> types, uint32_t from, uint32_t to) {
  if (from == to) {
    // The values are where the label wants them, unless forwarded (only a
    // br's own operands can be: it is the one path leaving from here).
    for (uint32_t i = 0; i < types.size(); ++i)
      if (slot_aliased(from + i)) materialise(from + i);
    return;
  }
  // Ascending order is safe: the destination is below the source, so each
  // write lands on a slot already read.
  for (uint32_t i = 0; i < types.size(); ++i)
    assign_line(put(to + i, types[i]), get(from + i, types[i]));
}

void FunctionEmitter::render_branch(uint32_t b, uint32_t top, std::string& out) {
  out.clear();
  body_.swap(out);
  const uint32_t saved_indent = indent_;
  indent_ = 0;
  branch_to(b, top);
  body_.swap(out);
  indent_ = saved_indent;
}

// A br_table with at least this many distinct targets (the default
// included) inside a loop is a computed goto: `goto *table[index]`, the
// index clamped to the default's entry. A switch compiles to a range check
// and a jump through a table in one shared block that every path back to
// the loop's head jumps to; the computed goto's block ends in the indirect
// jump itself, which clang and g++ copy into each predecessor, so every
// target dispatches on its own (the threaded-code layout; the `interp`
// benchmark's dispatch loop: 32.1 -> 28.5 ms, docs/performance.md). With
// fewer targets a switch becomes compares, which predict better.
constexpr size_t kComputedGotoMinTargets = 4;

bool FunctionEmitter::br_table_as_computed_goto(size_t distinct_targets) const {
  if (distinct_targets < kComputedGotoMinTargets) return false;
  // Clang rejects a function in which any indirect goto could reach an
  // address-taken label past an initialised declaration or into a try
  // block. Labels of a br_table's targets sit next to blocks enclosing
  // it, so a br_table outside every try and versioned-loop region (the
  // only scopes with such declarations) can only name labels outside them.
  if (has_try_ || unchecked_copy_ != nullptr) return false;
  bool in_loop = false;
  for (const Frame& frame : frames_) {
    if (frame.block < versioned_loop_.size() && versioned_loop_[frame.block]) return false;
    if (ir_.blocks[frame.block].kind == BlockKind::Loop) in_loop = true;
  }
  return in_loop;
}

void FunctionEmitter::emit_br_table_goto(const Instr& in, size_t index,
                                         const std::vector<uint32_t>& order) {
  const uint32_t top = in.height - 1;
  const uint32_t* targets = &ir_.br_table_targets[in.a];
  const uint32_t default_target = targets[in.b];
  const VarName selector = get(in.height - 1, ValType::I32);
  // Each distinct target's entry: its label when the branch is a bare goto,
  // otherwise a stub after the jump that copies the values first.
  std::vector<uint32_t> distinct = order;
  distinct.push_back(default_target);
  std::vector<std::string> entry(distinct.size());
  std::vector<std::string> stubs;
  for (size_t t = 0; t < distinct.size(); ++t) {
    render_branch(distinct[t], top, branch_scratch_);
    std::string_view text = branch_scratch_;
    if (text.starts_with("goto ") && text.ends_with(";\n") && text.find('\n') + 1 == text.size()) {
      entry[t] = text.substr(5, text.size() - 7);
    } else {
      entry[t] = format_text(FMT_COMPILE("br_table_{}_{}"), index, t);
      stubs.push_back(entry[t] + ":;\n" + branch_scratch_);
    }
  }
  std::map<uint32_t, size_t> entry_of;
  for (size_t t = 0; t < distinct.size(); ++t) entry_of.emplace(distinct[t], t);
  std::string table;
  for (uint32_t i = 0; i <= in.b; ++i)
    append_format(table, FMT_COMPILE("{}&&{}"), i == 0 ? "" : ", ", entry[entry_of.at(targets[i])]);
  line("{");
  ++indent_;
  // Labels as values are a GNU extension: silent at -Wall -Wextra, but the
  // generated code also stays clean under -Wpedantic.
  line("#pragma GCC diagnostic push");
  line("#pragma GCC diagnostic ignored \"-Wpedantic\"");
  line_format(FMT_COMPILE("static void* const br_table_{}[] = {{{}}};"), index, table);
  line_format(FMT_COMPILE("goto *br_table_{0}[{1} < {2}u ? {1} : {2}u];"), index, selector, in.b);
  line("#pragma GCC diagnostic pop");
  --indent_;
  line("}");
  for (const std::string& stub : stubs) lines(stub);
}

void FunctionEmitter::branch_to(uint32_t b, uint32_t top) {
  const BlockInfo& block = ir_.blocks[b];
  if (block.kind == BlockKind::Function) {
    line(return_statement(top));
    return;
  }
  const std::span<const ValType> types =
      block.kind == BlockKind::Loop ? block.params : block.results;
  copy_values(types, top - static_cast<uint32_t>(types.size()), block.base);
  label_used_[b] = true;
  line_format(FMT_COMPILE("goto label_{};"), b);
}

std::string FunctionEmitter::return_statement(uint32_t top) {
  const auto& results = type_.results;
  uint32_t first = top - static_cast<uint32_t>(results.size());
  if (results.empty()) return "return;";
  if (results.size() == 1) return "return " + to_public(results[0], get(first, results[0])) + ";";
  std::string out = "return " + result_type(type_) + "(";
  for (uint32_t i = 0; i < results.size(); ++i) {
    if (i) out += ", ";
    out += to_public(results[i], get(first + i, results[i]));
  }
  return out + ");";
}

}  // namespace wasm2cpp::emit
