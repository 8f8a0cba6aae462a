// Guard-mode load classification (see load_uses.hpp for the argument).
#include "emit/load_uses.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace wasm2cpp::emit {

namespace {

// Instructions looked at after a load before giving up (keeps the
// analysis linear in practice; a value consumed that late gets a barrier).
constexpr size_t kWindow = 64;

bool is_scalar_load(Opcode op) { return op >= Opcode::I32Load && op <= Opcode::I64Load32U; }

bool is_simd_load(Opcode op) {
  const OpcodeInfo& oi = info(op);
  return oi.prefix == 0xfd &&
         (oi.immediate == Immediate::MemArg || oi.immediate == Immediate::MemArgLane) &&
         !oi.results.empty();
}

bool is_simd_store(Opcode op) {
  const OpcodeInfo& oi = info(op);
  return oi.prefix == 0xfd &&
         (oi.immediate == Immediate::MemArg || oi.immediate == Immediate::MemArgLane) &&
         oi.results.empty();
}

bool is_scalar_store(Opcode op) { return op >= Opcode::I32Store && op <= Opcode::I64Store32; }

// Integer division and remainder: trap on a zero divisor (operand 1).
bool is_integer_division(Opcode op) {
  return (op >= Opcode::I32DivS && op <= Opcode::I32RemU) || (op >= Opcode::I64DivS && op <= Opcode::I64RemU);
}

// Float-to-int truncations that trap on NaN and out-of-range operands.
bool is_trapping_truncation(Opcode op) {
  return (op >= Opcode::I32TruncF32S && op <= Opcode::I32TruncF64U) ||
         (op >= Opcode::I64TruncF32S && op <= Opcode::I64TruncF64U);
}

struct StackEffect {
  uint32_t pops = 0;
  uint32_t pushes = 0;
};

// The stack effect of an instruction the window may step over; nullopt for
// everything else (control flow, calls, anything that can trap other than
// by a memory access, anything with effects this analysis does not model):
// the window ends there. Stopping at other traps keeps the trap kind too:
// the compiler may delete a load whose value is only used after an
// unconditional trap, reporting that trap instead of the fault.
std::optional<StackEffect> transparent_effect(Opcode op) {
  switch (op) {
    case Opcode::Nop: return StackEffect{0, 0};
    case Opcode::LocalGet:
    case Opcode::GlobalGet: return StackEffect{0, 1};
    case Opcode::LocalSet:
    case Opcode::GlobalSet:
    case Opcode::Drop: return StackEffect{1, 0};
    case Opcode::LocalTee: return StackEffect{1, 1};
    case Opcode::Select:
    case Opcode::SelectT: return StackEffect{3, 1};
    default: break;
  }
  if (is_integer_division(op) || is_trapping_truncation(op)) return std::nullopt;
  const OpcodeInfo& oi = info(op);
  if (oi.params == "*" || oi.results == "*") return std::nullopt;
  // Plain numeric (MVP and SIMD), constants, scalar and SIMD loads and
  // stores (they trap only as the load itself would), memory.size.
  const bool memory_access = is_scalar_load(op) || is_scalar_store(op) || is_simd_load(op) || is_simd_store(op);
  const bool plain = oi.access_bytes == 0 && (oi.prefix == 0 || oi.prefix == 0xfd) &&
                     oi.immediate != Immediate::MemIdx && oi.immediate != Immediate::MemMem &&
                     oi.immediate != Immediate::DataMem && oi.immediate != Immediate::DataIdx &&
                     oi.immediate != Immediate::TableIdx && oi.immediate != Immediate::TableTable &&
                     oi.immediate != Immediate::ElemTable && oi.immediate != Immediate::ElemIdx &&
                     oi.immediate != Immediate::FuncIdx;
  if (!memory_access && !plain && op != Opcode::MemorySize) return std::nullopt;
  return StackEffect{static_cast<uint32_t>(oi.params.size()), static_cast<uint32_t>(oi.results.size())};
}

// Whether operand `operand` (0 = deepest) of `in` is an operand the
// compiled code must compute in full (see load_uses.hpp).
bool robust_operand(const Instr& in, uint32_t operand, const Module& module) {
  if (is_scalar_load(in.op) || is_simd_load(in.op)) return operand == 0;  // the address
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
  std::vector<uint32_t> slots{height};  // stack heights holding the value
  std::vector<uint32_t> locals;         // locals holding the value
  auto holds_local = [&](uint32_t local) { return std::find(locals.begin(), locals.end(), local) != locals.end(); };
  const size_t stop = std::min(ir.code.size(), start + 1 + kWindow);
  for (size_t i = start + 1; i < stop; ++i) {
    const Instr& in = ir.code[i];
    std::optional<StackEffect> effect = transparent_effect(in.op);
    const bool sink_only = !effect && (is_integer_division(in.op) || is_trapping_truncation(in.op) ||
                                       in.op == Opcode::Call);
    if (!effect && !sink_only) return false;
    const uint32_t pops =
        effect ? effect->pops : in.op == Opcode::Call ? call_pops(in, module) : static_cast<uint32_t>(info(in.op).params.size());
    const uint32_t first = in.height - pops;  // deepest operand
    // Operands holding the value: a robust one ends the search.
    for (uint32_t slot : slots)
      if (slot >= first && slot < in.height && robust_operand(in, slot - first, module)) return true;
    if (sink_only) return false;  // a call or a possible trap: the straight line ends
    if (in.op == Opcode::LocalTee || in.op == Opcode::LocalSet) {
      const bool carried = std::find(slots.begin(), slots.end(), in.height - 1) != slots.end();
      std::erase(locals, in.a);
      if (carried) locals.push_back(in.a);
    }
    // Popped slots stop holding the value (local.tee leaves it in place).
    const bool tee_keeps = in.op == Opcode::LocalTee &&
                           std::find(slots.begin(), slots.end(), in.height - 1) != slots.end();
    std::erase_if(slots, [&](uint32_t slot) { return slot >= first; });
    if (tee_keeps) slots.push_back(in.height - 1);
    if (in.op == Opcode::LocalGet && holds_local(in.a)) slots.push_back(in.height);
    if (slots.empty() && locals.empty()) return false;
  }
  return false;
}

}  // namespace

bool is_classified_load(Opcode op) { return is_scalar_load(op) || is_simd_load(op); }

LoadUses::LoadUses(const FunctionIR& ir, const Module& module) {
  barrier_.assign(ir.code.size(), false);
  // The address rule relies on later loads being kept, which this loop
  // decides for every load in any order: each load is kept either way.
  for (size_t i = 0; i < ir.code.size(); ++i) {
    const Instr& in = ir.code[i];
    if (!is_classified_load(in.op)) continue;
    const uint32_t pops = static_cast<uint32_t>(info(in.op).params.size());
    if (robustly_consumed(ir, module, i, in.height - pops)) {
      ++consumed_;
    } else {
      barrier_[i] = true;
      ++barriers_;
    }
  }
}

}  // namespace wasm2cpp::emit
