// Guard mode: stores as sinks for loaded values (see load_uses.hpp for the
// barrier this replaces).
//
// A plain store is no sink by itself: a compiler deletes it when a later
// store makes it dead, or when it writes back what memory already holds
// (`*p = *p`, `*p = *p + 0` once it knows the addend is 0), and then the
// loads feeding it die too. Two helpers close those holes
// (runtime/include/wasm2cpp/access.hpp):
//  - wasm2cpp::store_fenced: the store, then a volatile asm that reads the
//    stored bytes (an "m" operand). The asm runs, so the store is never dead
//    and its value must be computed;
//  - wasm2cpp::load_opaque: the load, then a non-volatile asm through which
//    the value passes ("+r"): the compiler must treat the result as unknown
//    (no folding, no known bits) and must give the asm the whole loaded
//    value (no narrowing). The asm has no memory effects, so unlike
//    wasm2cpp::keep it does not pin the surrounding loads and stores; it
//    only runs when its result is needed.
//
// Rule 1 (opaque load). A load whose value reaches the value operand of a
// store S of the same memory, unchanged or through one i32/i64 add, sub or
// xor with another operand per step, along straight-line code with nothing
// on the way that stores, calls, traps other than by a load, or branches,
// is emitted as load_opaque and S as store_fenced. Sound because: S runs
// (fence); S's value is v' (the opaque value) or v' op w with op a
// bijection in v' for every w, and v' is unknown to the compiler, so every
// bit of the stored value depends on v' whatever it knows about w, and
// computing it needs the asm, whose input is the full load. The load
// happens before S, and nothing between them stores, calls or traps
// differently, so the trap is neither lost nor moved past an effect. (A
// value used in both operands of a step, `v - v`, folds: rejected. Other
// operations (mul, and, or, shifts, compares) are rejected: with w known,
// e.g. 0, they stop depending on v'.)
//
// Rule 2 (read-modify-write). `x = load p; y' = opaque load; store p,
// x op y'` with op add/sub/xor, where the store writes exactly the bytes x
// was read from (same memory, same address value, same offset, same
// width): x needs neither barrier nor launder. The fenced store runs and
// faults exactly when the load would (same bytes), and it cannot be
// dropped as a no-op store: that would need x op y' == x, i.e. y' known to
// be 0, and y' is opaque. Without the launder on x the compiler may fold
// the load into the store (`add %reg, (mem)`), which is what this rule is
// for (interp's stack machine: `stack[sp-2] -= stack[sp-1]`).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "emit/bounded_list.hpp"
#include "emit/load_uses.hpp"

namespace wasm2cpp::emit {

namespace {

// Instructions looked at after a load before giving up.
constexpr size_t kStoreWindow = 64;

bool is_scalar_load(Opcode op) {
  const std::optional<MemoryAccessInfo> access = memory_access(op);
  return access && access->is_load() && !access->is_simd;
}

bool is_scalar_store(Opcode op) {
  const std::optional<MemoryAccessInfo> access = memory_access(op);
  return access && access->is_store && !access->is_simd;
}

// Operations that are a bijection in either operand for every value of the
// other: the result depends on every bit of both.
bool is_bijective_step(Opcode op) {
  switch (op) {
    case Opcode::I32Add:
    case Opcode::I32Sub:
    case Opcode::I32Xor:
    case Opcode::I64Add:
    case Opcode::I64Sub:
    case Opcode::I64Xor: return true;
    default: return false;
  }
}

// Whether the walk may step over `op`: local and global reads, local
// writes, drop, constants, plain MVP numeric instructions that cannot trap,
// and scalar loads (which trap only as a load). Anything else ends the
// straight line.
bool walk_may_cross(Opcode op) {
  switch (op) {
    case Opcode::Nop:
    case Opcode::LocalGet:
    case Opcode::GlobalGet:
    case Opcode::LocalSet:
    case Opcode::Drop:
    case Opcode::LocalTee: return true;
    default: break;
  }
  return info(op).prefix == 0 && (is_plain_numeric(op) || is_scalar_load(op));
}

// Stack effect of an instruction the walk may step over; nullopt ends it.
std::optional<StackEffect> step_effect(Opcode op) {
  if (!walk_may_cross(op)) return std::nullopt;
  return stack_effect(op);
}

// Value numbers of the address operand of every scalar load and store (0:
// unknown). Two accesses with equal non-zero numbers in one straight-line
// stretch read the same address value: a local's value between two writes
// to it, or the same stack value.
std::vector<uint64_t> address_values(const FunctionIR& ir) {
  std::vector<uint64_t> result(ir.code.size(), 0);
  std::vector<uint64_t> slots;
  std::vector<uint32_t> version(ir.locals.size(), 0);
  uint64_t fresh = 0;
  auto set_slot = [&](uint32_t height, uint64_t value) {
    if (slots.size() <= height) slots.resize(height + 1, 0);
    slots[height] = value;
  };
  auto local_value = [&](uint32_t local) { return (uint64_t{local} + 1) << 32 | version[local]; };
  for (size_t i = 0; i < ir.code.size(); ++i) {
    const Instr& in = ir.code[i];
    if (is_scalar_load(in.op) || is_scalar_store(in.op)) {
      const uint32_t address = in.height - static_cast<uint32_t>(info(in.op).params.size());
      result[i] = address < slots.size() ? slots[address] : 0;
    }
    switch (in.op) {
      case Opcode::LocalGet: set_slot(in.height, local_value(in.a)); continue;
      case Opcode::LocalSet: ++version[in.a]; continue;
      case Opcode::LocalTee:
        ++version[in.a];
        set_slot(in.height - 1, local_value(in.a));
        continue;
      default: break;
    }
    const OpcodeInfo& oi = info(in.op);
    if (oi.params == "*" || oi.results == "*") {
      slots.clear();  // control, calls, drop, select: start over
      continue;
    }
    const uint32_t pops = static_cast<uint32_t>(oi.params.size());
    for (uint32_t r = 0; r < oi.results.size(); ++r) set_slot(in.height - pops + r, ++fresh);  // < 2^32
  }
  return result;
}

// Where the value of the load at `load` goes (rule 1): the store it
// reaches, and the step (add/sub/xor) just before that store if the value
// entered the store through it.
struct StoreSink {
  size_t load = 0;
  size_t store = 0;
  size_t last_step = SIZE_MAX;  // index of the add/sub/xor feeding the store, if any
  uint32_t step_operand = 0;    // which operand of that step held the value
  // Every add/sub/xor the value went through: [steps_begin, steps_end) of
  // the step list all sinks share.
  uint32_t steps_begin = 0, steps_end = 0;
  // Rule 2's partner (index into the sinks), and whether the load still
  // takes its value to the store (false: it keeps its barrier).
  size_t partner = SIZE_MAX;
  bool kept = true;
};

// The sink of the load at `start`, its steps appended to `steps`.
std::optional<StoreSink> find_store_sink(const FunctionIR& ir, size_t start,
                                         std::vector<size_t>& steps) {
  const Instr& load = ir.code[start];
  // Each instruction adds at most one slot and one local.
  BoundedList<uint32_t, kStoreWindow + 1> slots{load.height -
                                                1};  // stack heights holding the value
  BoundedList<uint32_t, kStoreWindow> locals;        // locals holding the value
  size_t last_step = SIZE_MAX;
  uint32_t step_operand = 0;
  const size_t steps_begin = steps.size();
  auto fail = [&] {
    steps.resize(steps_begin);
    return std::nullopt;
  };
  const size_t stop = std::min(ir.code.size(), start + 1 + kStoreWindow);
  for (size_t i = start + 1; i < stop; ++i) {
    const Instr& in = ir.code[i];
    if (is_scalar_store(in.op)) {
      // The first store ends the walk: a sink if it stores the value.
      if (in.a != load.a || slots.contains(in.height - 2) || !slots.contains(in.height - 1))
        return fail();
      const bool fed_by_step = last_step == i - 1;
      StoreSink sink;
      sink.load = start;
      sink.store = i;
      sink.last_step = fed_by_step ? last_step : SIZE_MAX;
      sink.step_operand = step_operand;
      sink.steps_begin = static_cast<uint32_t>(steps_begin);
      sink.steps_end = static_cast<uint32_t>(steps.size());
      return sink;
    }
    std::optional<StackEffect> effect = step_effect(in.op);
    if (!effect) return fail();
    const uint32_t first = in.height - effect->pops;
    uint32_t held = 0;
    uint32_t held_operand = 0;
    for (uint32_t operand = 0; operand < effect->pops; ++operand)
      if (slots.contains(first + operand)) ++held, held_operand = operand;
    bool carried = false;  // whether the instruction's result carries the value
    if (held > 0) {
      if (in.op == Opcode::LocalSet || in.op == Opcode::LocalTee) {
        carried = in.op == Opcode::LocalTee;
      } else if (in.op == Opcode::Drop) {
        carried = false;
      } else if (is_bijective_step(in.op) && held == 1) {
        carried = true;
        last_step = i;
        step_operand = held_operand;
        steps.push_back(i);
      } else {
        return fail();  // narrowed, folded or used as an address
      }
    }
    if (in.op == Opcode::LocalSet || in.op == Opcode::LocalTee) {
      locals.erase(in.a);
      if (held > 0) locals.push_back(in.a);
    }
    slots.erase_if([&](uint32_t slot) { return slot >= first; });
    if (carried) slots.push_back(first);
    if (in.op == Opcode::LocalGet && locals.contains(in.a)) slots.push_back(in.height);
    if (slots.empty() && locals.empty()) return fail();
  }
  return fail();
}

}  // namespace

void LoadUses::classify_store_sinks(const FunctionIR& ir) {
  const size_t n = ir.code.size();
  // The loads (with a barrier so far) whose value reaches a store, in code order.
  std::vector<StoreSink> sinks;
  std::vector<size_t> steps;
  for (size_t i = 0; i < n; ++i) {
    if (!has(i, kBarrier) || !is_scalar_load(ir.code[i].op)) continue;
    if (std::optional<StoreSink> sink = find_store_sink(ir, i, steps)) sinks.push_back(*sink);
  }
  if (sinks.empty()) return;
  const std::vector<uint64_t> address = address_values(ir);
  auto same_bytes = [&](const StoreSink& sink) {
    const Instr& load = ir.code[sink.load];
    const Instr& store = ir.code[sink.store];
    return address[sink.load] != 0 && address[sink.load] == address[sink.store] &&
           load.imm == store.imm && info(load.op).access_bytes == info(store.op).access_bytes;
  };
  auto meet = [&](const StoreSink& a, const StoreSink& b) {
    for (uint32_t s = a.steps_begin; s < a.steps_end; ++s)
      if (std::find(steps.begin() + b.steps_begin, steps.begin() + b.steps_end, steps[s]) !=
          steps.begin() + b.steps_end)
        return true;
    return false;
  };
  // Rule 2: the load of a read-modify-write is plain when the last step's
  // other operand comes from a load that does not read the stored bytes
  // (which will be opaque): its partner, the first such load from
  // kStoreWindow instructions before the step on.
  for (StoreSink& sink : sinks) {
    if (sink.last_step == SIZE_MAX || !same_bytes(sink)) continue;
    const size_t from = sink.last_step > kStoreWindow ? sink.last_step - kStoreWindow : 0;
    auto first = std::lower_bound(sinks.begin(), sinks.end(), from,
                                  [](const StoreSink& s, size_t index) { return s.load < index; });
    for (auto other = first; other != sinks.end() && other->load < sink.last_step; ++other)
      if (other->load != sink.load && !same_bytes(*other) && other->store == sink.store &&
          other->last_step == sink.last_step && other->step_operand != sink.step_operand) {
        sink.partner = static_cast<size_t>(other - sinks.begin());
        break;
      }
  }
  // Two opaque values meeting in a step could be one value: both compilers
  // merge identical non-volatile asms on equal inputs, so `*a - *a` would
  // fold to 0 again. The later of two opaque loads whose values meet keeps
  // its barrier (a plain read-modify-write load is no asm: it may meet).
  for (size_t i = 0; i < sinks.size(); ++i) {
    if (sinks[i].partner != SIZE_MAX) continue;
    for (size_t j = 0; j < i; ++j)
      if (sinks[j].kept && sinks[j].partner == SIZE_MAX && meet(sinks[i], sinks[j])) {
        sinks[i].kept = false;
        break;
      }
  }
  for (StoreSink& sink : sinks)
    if (sink.partner != SIZE_MAX && !sinks[sink.partner].kept)
      sink.kept = false;  // its partner keeps a barrier
  for (const StoreSink& sink : sinks) {
    if (!sink.kept) continue;
    flags_[sink.load] &= static_cast<uint8_t>(~kBarrier);
    --barriers_;
    ++consumed_;
    flags_[sink.store] |= kFence;
    flags_[sink.load] |= sink.partner == SIZE_MAX ? kOpaque : kReadModifyWrite;
  }
}

}  // namespace wasm2cpp::emit
