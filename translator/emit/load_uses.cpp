// Guard-mode load classification (see load_uses.hpp for the argument).
#include "emit/load_uses.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "emit/bounded_list.hpp"

namespace wasm2cpp::emit {

namespace {

// Instructions looked at after a load before giving up (keeps the
// analysis linear in practice; a value consumed that late gets a barrier).
constexpr size_t kWindow = 64;

bool is_load(Opcode op) {
  const std::optional<MemoryAccessInfo> access = memory_access(op);
  return access && access->is_load();
}

// Whether the window may step over `op`: local and global access, drop,
// select, constants, plain numeric instructions (MVP and SIMD) that cannot
// trap, scalar and SIMD loads and stores (they trap only as the load itself
// would) and memory.size. Not control flow, calls, reference and table
// instructions, anything else that can trap or has effects this analysis
// does not model: the window ends there. Stopping at other traps keeps the
// trap kind too: the compiler may delete a load whose value is only used
// after an unconditional trap, reporting that trap instead of the fault.
bool window_may_cross(Opcode op) {
  switch (op) {
    case Opcode::Nop:
    case Opcode::LocalGet:
    case Opcode::GlobalGet:
    case Opcode::LocalSet:
    case Opcode::GlobalSet:
    case Opcode::Drop:
    case Opcode::LocalTee:
    case Opcode::Select:
    case Opcode::SelectT:
    case Opcode::MemorySize: return true;
    default: break;
  }
  // Saturating truncations (0xfc) are not modelled.
  return memory_access(op).has_value() || (is_plain_numeric(op) && info(op).prefix != 0xfc);
}

// The stack effect of an instruction the window may step over; nullopt ends
// the window.
std::optional<StackEffect> transparent_effect(Opcode op) {
  if (!window_may_cross(op)) return std::nullopt;
  return stack_effect(op);
}

// Whether operand `operand` (0 = deepest) of `in` is an operand the
// compiled code must compute in full (see load_uses.hpp).
bool robust_operand(const Instr& in, uint32_t operand, const Module& module) {
  if (is_load(in.op)) return operand == 0;  // the address
  if (is_integer_division(in.op)) return operand == 1;
  if (is_trapping_truncation(in.op)) return true;
  if (in.op == Opcode::Call) return module.functions[in.a].imported;
  return false;
}

uint32_t call_pops(const Instr& in, const Module& module) {
  return static_cast<uint32_t>(module.types[module.functions[in.a].type_index].params.size());
}

// Follows the value the load at `start` leaves at stack height `height`.
bool robustly_consumed(const FunctionIR& ir, const Module& module, size_t start, uint32_t height) {
  // Each instruction adds at most one slot and one local.
  BoundedList<uint32_t, kWindow + 1> slots{height};  // stack heights holding the value
  BoundedList<uint32_t, kWindow> locals;             // locals holding the value
  const size_t stop = std::min(ir.code.size(), start + 1 + kWindow);
  for (size_t i = start + 1; i < stop; ++i) {
    const Instr& in = ir.code[i];
    std::optional<StackEffect> effect = transparent_effect(in.op);
    const bool sink_only = !effect && (is_integer_division(in.op) || is_trapping_truncation(in.op) ||
                                       in.op == Opcode::Call);
    if (!effect && !sink_only) return false;
    const uint32_t pops = effect                     ? effect->pops
                          : in.op == Opcode::Call ? call_pops(in, module)
                                                  : static_cast<uint32_t>(info(in.op).params.size());
    const uint32_t first = in.height - pops;  // deepest operand
    // Operands holding the value: a robust one ends the search.
    for (uint32_t slot : slots)
      if (slot >= first && slot < in.height && robust_operand(in, slot - first, module)) return true;
    if (sink_only) return false;  // a call or a possible trap: the straight line ends
    if (in.op == Opcode::LocalTee || in.op == Opcode::LocalSet) {
      const bool carried = slots.contains(in.height - 1);
      locals.erase(in.a);
      if (carried) locals.push_back(in.a);
    }
    // Popped slots stop holding the value (local.tee leaves it in place).
    const bool tee_keeps = in.op == Opcode::LocalTee && slots.contains(in.height - 1);
    slots.erase_if([&](uint32_t slot) { return slot >= first; });
    if (tee_keeps) slots.push_back(in.height - 1);
    if (in.op == Opcode::LocalGet && locals.contains(in.a)) slots.push_back(in.height);
    if (slots.empty() && locals.empty()) return false;
  }
  return false;
}

// Loads whose trap an earlier load already decides: memories never shrink,
// so once a kept load of [base + o1, base + e1) has run without trapping,
// any access of the same memory through the same base value ending at or
// below e1 is in bounds too, and one that would trap cannot be reached.
// Such a load needs no barrier. Facts hold from an access to the code it
// dominates in straight-line order: they are dropped at every join (loop,
// else, end, catch) and wherever the stack is not modelled; the base is
// identified by value (a local's value between two writes to it).
class CoverageScan {
 public:
  // `flags[i] & load`: code[i] is a classified load; `flags[i] & barrier`:
  // it needs a barrier so far (cleared for the covered ones).
  CoverageScan(const FunctionIR& ir, const Module& module, std::vector<uint8_t>& flags,
               uint8_t load, uint8_t barrier)
      : ir_(ir),
        module_(module),
        flags_(flags),
        load_(load),
        barrier_(barrier),
        local_version_(ir.locals.size(), 0) {}

  size_t run() {
    size_t covered = 0;
    for (size_t i = 0; i < ir_.code.size(); ++i) {
      const Instr& in = ir_.code[i];
      if (flags_[i] & load_) {
        const uint32_t pops = static_cast<uint32_t>(info(in.op).params.size());
        const uint64_t base = slot_value(in.height - pops);
        const uint64_t end = in.imm + info(in.op).access_bytes;
        if (base != kUnknown && end > in.imm) {  // (no 64-bit offset wrapping)
          auto it = std::find_if(facts_.begin(), facts_.end(), [&](const Fact& f) {
            return f.memory == in.a && f.base == base;
          });
          if (it != facts_.end() && it->end >= end) {
            if (flags_[i] & barrier_) ++covered;
            flags_[i] &= static_cast<uint8_t>(~barrier_);
          } else if (it != facts_.end()) {
            it->end = end;
          } else {
            // A bounded list keeps huge straight-line bodies linear.
            if (facts_.size() == kMaxFacts) facts_.erase(facts_.begin());
            facts_.push_back(Fact{in.a, base, end});
          }
        }
      }
      if (!step(in)) reset();
    }
    return covered;
  }

 private:
  static constexpr uint64_t kUnknown = 0;
  static constexpr size_t kMaxFacts = 32;
  struct Fact {
    uint32_t memory;
    uint64_t base;
    uint64_t end;  // memarg offset + width of the furthest kept access
  };

  uint64_t slot_value(uint32_t height) const { return height < slots_.size() ? slots_[height] : kUnknown; }
  void set_slot(uint32_t height, uint64_t value) {
    if (slots_.size() <= height) slots_.resize(height + 1, kUnknown);
    slots_[height] = value;
  }
  uint64_t local_value(uint32_t local) const {
    return (uint64_t{local} + 1) << 32 | local_version_[local];
  }
  uint64_t fresh() { return ++fresh_; }  // below 2^32: never a local's value
  void reset() {
    facts_.clear();
    slots_.clear();
  }

  // Models the instruction's effect on slot values; false where the
  // straight line ends or the stack effect is not modelled.
  bool step(const Instr& in) {
    const uint32_t h = in.height;
    switch (in.op) {
      case Opcode::LocalGet: set_slot(h, local_value(in.a)); return true;
      case Opcode::LocalSet:
        ++local_version_[in.a];
        return true;
      case Opcode::LocalTee:
        ++local_version_[in.a];
        set_slot(h - 1, local_value(in.a));
        return true;
      case Opcode::Block:
      case Opcode::If:
      case Opcode::BrIf:
      case Opcode::Nop:
        // Entered or fallen through from the code before: its facts hold.
        return true;
      case Opcode::Call: {
        const FuncType& type = module_.types[module_.functions[in.a].type_index];
        const uint32_t first = h - static_cast<uint32_t>(type.params.size());
        for (uint32_t r = 0; r < type.results.size(); ++r) set_slot(first + r, fresh());
        return true;
      }
      default: break;
    }
    // Anything else with a fixed stack effect only computes new values: a
    // kept access's fact survives it (memories never shrink).
    const std::optional<StackEffect> effect = stack_effect(in.op);
    if (!effect) return false;
    for (uint32_t r = 0; r < effect->pushes; ++r) set_slot(h - effect->pops + r, fresh());
    return true;
  }

  const FunctionIR& ir_;
  const Module& module_;
  std::vector<uint8_t>& flags_;
  const uint8_t load_;
  const uint8_t barrier_;
  std::vector<uint32_t> local_version_;
  std::vector<uint64_t> slots_;
  std::vector<Fact> facts_;
  uint64_t fresh_ = 0;
};

}  // namespace

bool is_classified_load(Opcode op) { return is_load(op); }

LoadUses::LoadUses(const FunctionIR& ir, const Module& module) {
  flags_.assign(ir.code.size(), 0);
  // The address rule relies on later loads being kept, which this loop
  // decides for every load in any order: each load is kept either way.
  for (size_t i = 0; i < ir.code.size(); ++i) {
    const Instr& in = ir.code[i];
    if (!is_classified_load(in.op)) continue;
    flags_[i] |= kClassifiedLoad;
    const uint32_t pops = static_cast<uint32_t>(info(in.op).params.size());
    if (robustly_consumed(ir, module, i, in.height - pops)) {
      ++consumed_;
    } else {
      flags_[i] |= kBarrier;
      ++barriers_;
    }
  }
  const size_t covered = CoverageScan(ir, module, flags_, kClassifiedLoad, kBarrier).run();
  barriers_ -= covered;
  consumed_ += covered;
  classify_store_sinks(ir);  // load_uses_stores.cpp
}

}  // namespace wasm2cpp::emit
