// Internal to the function validator: the validation state shared by
// function_validator.cpp (driver, control instructions) and
// function_validator_ops.cpp (variables, memory, tables, references).
//
// Two notions of reachability are tracked side by side:
//  - the spec's: after br/br_table/return/unreachable the current frame's
//    operand stack becomes polymorphic (Ctrl::unreachable) until the frame
//    ends; this is what the typing rules use;
//  - liveness (State::live): whether execution can actually reach the
//    current position. It is false wherever the spec's flag is set, and also
//    after the `end` of a block whose end nothing reaches (e.g. every path in
//    it branched out). Only live instructions go into the IR.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "decode/instruction_reader.hpp"
#include "ir/function_ir.hpp"
#include "ir/module.hpp"
#include "support/error.hpp"
#include "support/features.hpp"
#include "validate/function_validator.hpp"

namespace wasm2cpp {
namespace function_validation {

inline constexpr uint32_t kNoBlock = ~uint32_t{0};

// A non-owning list of value types (block params/results point either into
// the module's type section or at a static one-element array).
struct TypeList {
  const ValType* data = nullptr;
  uint32_t size = 0;
  ValType operator[](uint32_t i) const { return data[i]; }
  const ValType* begin() const { return data; }
  const ValType* end() const { return data + size; }
};

inline TypeList type_list(const std::vector<ValType>& types) {
  return TypeList{types.data(), static_cast<uint32_t>(types.size())};
}

inline bool same_types(TypeList a, TypeList b) {
  if (a.size != b.size) return false;
  for (uint32_t i = 0; i < a.size; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// The operand stack's types. A std::vector would do, but its push_back
// inlines the reallocation path into every caller (and with it a full
// register save); here growing is out of line and a push is two stores.
class TypeStack {
 public:
  uint32_t size() const { return static_cast<uint32_t>(top_); }
  ValType back() const { return data_[top_ - 1]; }
  ValType operator[](size_t i) const { return data_[i]; }
  void push_back(ValType t) {
    if (top_ == storage_.size()) [[unlikely]]
      grow();
    data_[top_++] = t;
  }
  void pop_back() { --top_; }
  // Only ever shrinks (the stack above a frame is dropped).
  void shrink_to(uint32_t n) { top_ = n; }
  void clear() { top_ = 0; }

 private:
  void grow() {
    storage_.resize(storage_.empty() ? 64 : storage_.size() * 2);
    data_ = storage_.data();
  }
  std::vector<ValType> storage_;
  ValType* data_ = nullptr;
  size_t top_ = 0;
};

// The slot_type_bit mask of each ValType, by its encoding byte.
struct SlotMasks {
  uint8_t mask[256];
};
constexpr SlotMasks build_slot_masks() {
  SlotMasks masks{};
  for (unsigned i = 0; i < 256; ++i)
    masks.mask[i] = static_cast<uint8_t>(1u << slot_type_bit(static_cast<ValType>(i)));
  return masks;
}
inline constexpr SlotMasks kSlotMasks = build_slot_masks();

// One entry of the control stack.
struct Ctrl {
  BlockKind kind = BlockKind::Block;
  bool saw_else = false;      // an `if` whose `else` has been seen
  bool in_catch = false;      // a `try` past its first catch/catch_all (rethrow target)
  bool saw_catch_all = false;
  bool unreachable = false;   // spec: the operand stack is polymorphic
  bool entered_live = false;  // the block was entered live (it has a BlockInfo)
  // Some live path reaches the end: falling through, or a branch (for loops
  // only falling through; branches go to the start).
  bool end_reached = false;
  uint32_t height = 0;        // operand stack height below the params
  uint32_t block = kNoBlock;  // index into FunctionIR::blocks when entered live
  TypeList params;
  TypeList results;

  TypeList label_types() const { return kind == BlockKind::Loop ? params : results; }
};

// Per-opcode operand and result types for the instructions with a fixed
// signature (numeric instructions, loads/stores). The address type of a
// memory instruction is marked by ValType::Bottom.
struct FixedSignature {
  bool simple = false;  // fixed signature and no index immediates
  uint8_t num_params = 0;
  uint8_t num_results = 0;
  ValType params[3] = {};
  ValType result = ValType::I32;
};

// Indexed by Opcode; defined (constexpr) in function_validator_ops.cpp.
extern const std::array<FixedSignature, static_cast<size_t>(Opcode::kCount)> kFixedSignatures;
inline const FixedSignature& fixed_signature(Opcode op) {
  return kFixedSignatures[static_cast<size_t>(op)];
}

}  // namespace function_validation

struct FunctionValidator::State {
  using Ctrl = function_validation::Ctrl;
  using TypeList = function_validation::TypeList;

  // Per-call context.
  const Module* module = nullptr;
  const Features* features = nullptr;
  FunctionIR* ir = nullptr;

  // Scratch reused between functions.
  function_validation::TypeStack vals;
  std::vector<Ctrl> ctrls;
  std::vector<uint32_t> br_targets;
  std::vector<std::pair<uint32_t, ValType>> local_groups;

  bool live = true;
  Opcode current_op = Opcode::Nop;
  uint32_t current_offset = 0;
  Error error;

  Expected<void> run(const Module& m, uint32_t func_index, const Features& f, FunctionIR& out);
  // The common instructions in one go (function_validator.cpp); false with
  // nothing consumed or changed when the general path must take it.
  [[gnu::always_inline]] inline bool fast_step(ByteCursor& cursor);

  // ---- errors ---------------------------------------------------------------
  // Records the first error (at the current instruction) and returns false,
  // so checks read `if (...) return fail(...)`.
  bool fail(std::string message) {
    error = make_error(std::move(message), current_offset);
    return false;
  }
  bool fail_mismatch(ValType expected, ValType actual);
  bool fail_underflow(ValType expected);
  bool fail_index(const char* what, uint32_t index);  // "unknown <what> <index>"

  // ---- operand stack ------------------------------------------------------
  uint32_t height() const { return vals.size(); }

  void mark_slot(uint32_t h, ValType t) {
    std::vector<uint8_t>& slots = ir->slot_types;
    if (h >= slots.size()) [[unlikely]]
      grow_slots(h);
    slots[h] |= function_validation::kSlotMasks.mask[static_cast<uint8_t>(t)];
  }
  void grow_slots(uint32_t h);

  void push(ValType t) {
    if (live) mark_slot(height(), t);
    vals.push_back(t);
  }

  // Pops one operand that must have type `expect` (Bottom: any type). On
  // success `actual` is the popped type, Bottom for an operand conjured by a
  // polymorphic stack.
  bool pop(ValType expect, ValType& actual) {
    // Set on every path (also on failure): callers declare `actual`
    // uninitialised, and GCC cannot see that they never read it after a
    // failed pop.
    actual = ValType::Bottom;
    const Ctrl& frame = ctrls.back();
    if (vals.size() == frame.height) {
      if (frame.unreachable) return true;
      return fail_underflow(expect);
    }
    actual = vals.back();
    vals.pop_back();
    if (actual != expect && actual != ValType::Bottom && expect != ValType::Bottom)
      return fail_mismatch(expect, actual);
    return true;
  }
  bool pop(ValType expect) {
    ValType ignored;
    return pop(expect, ignored);
  }
  bool pop_all(TypeList types) {
    for (uint32_t i = types.size; i-- > 0;)
      if (!pop(types[i])) return false;
    return true;
  }
  void push_all(TypeList types) {
    for (ValType t : types) push(t);
  }

  // After an unconditional transfer of control.
  void set_unreachable() {
    Ctrl& frame = ctrls.back();
    vals.shrink_to(frame.height);
    frame.unreachable = true;
    live = false;
  }

  // ---- IR output ------------------------------------------------------------
  void emit(Opcode op, uint32_t h, uint32_t a = 0, uint32_t b = 0, uint64_t imm = 0,
            ValType type = ValType::I32) {
    if (!live) return;
    Instr& instr = ir->code.emplace_back();
    instr.op = op;
    instr.type = type;
    instr.height = h;
    instr.a = a;
    instr.b = b;
    instr.imm = imm;
    instr.offset = current_offset;
  }

  // The else/end of a block entered live is kept even when the code just
  // before it is dead.
  void emit_structural(Opcode op, uint32_t h, uint32_t block) {
    const bool was_live = live;
    live = true;
    emit(op, h, block);
    live = was_live;
  }

  // ---- instruction families -------------------------------------------------
  bool step(const RawInstr& in);
  // function_validator.cpp: control.
  bool begin_block(const RawInstr& in, uint32_t h);
  bool on_else();
  bool on_end();
  bool on_br(const RawInstr& in, uint32_t h);
  bool on_br_if(const RawInstr& in, uint32_t h);
  bool on_br_table(const RawInstr& in, uint32_t h);
  bool on_return(uint32_t h);
  bool on_call(const RawInstr& in, uint32_t h);
  bool on_call_indirect(const RawInstr& in, uint32_t h);
  bool check_label(uint32_t depth);
  void note_branch(Ctrl& target);
  bool check_top_in_place(TypeList types);
  // function_validator_exceptions.cpp: try arms, delegate, throw, rethrow.
  bool on_catch(const RawInstr& in);
  bool on_delegate(const RawInstr& in);
  bool on_throw(const RawInstr& in, uint32_t h);
  bool on_rethrow(const RawInstr& in, uint32_t h);
  bool finish_arm(const char* what);
  // function_validator_ops.cpp: everything else.
  bool step_ops(const RawInstr& in, uint32_t h);
  bool on_select(const RawInstr& in, uint32_t h);
  bool on_variable(const RawInstr& in, uint32_t h);
  bool on_memory(const RawInstr& in, uint32_t h);
  bool on_table(const RawInstr& in, uint32_t h);
  bool on_reference(const RawInstr& in, uint32_t h);
  // function_validator_simd.cpp: SIMD instructions with immediates.
  bool on_simd(const RawInstr& in, uint32_t h);
  // function_validator_atomics.cpp: 0xFE-prefixed instructions with a memarg.
  bool on_atomic(const RawInstr& in, uint32_t h);
  bool check_memory(uint32_t index, ValType& address_type);
  bool check_table(uint32_t index);
  bool check_data(uint32_t index);
  bool check_elem(uint32_t index);
};

}  // namespace wasm2cpp
