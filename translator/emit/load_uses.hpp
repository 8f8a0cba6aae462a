// Which guard-mode loads need a value barrier (docs/generated-code.md, "Guard
// mode keeps every trap").
//
// In guard mode an out-of-bounds load traps only if the compiled code really
// reads the memory. A C++ compiler treats a load as free of side effects: it
// deletes one whose value it finds unused (after simplification) and narrows
// one of which it uses only some bits. Either loses the fault. The emitter
// therefore passes a loaded value through wasm2cpp::keep (an empty volatile
// asm with a register input, runtime/include/wasm2cpp/access.hpp), unless
// this analysis proves the full value robustly consumed: it flows unchanged,
// through stack slots and local copies only, along straight-line code (no
// branch, block boundary, call or trapping instruction on the way) into an
// operand that the compiled code must compute in full whatever the
// optimiser knows:
//  - the address of a later load: that load is itself kept (barrier,
//    volatile touch, explicit check, or kept by this same rule, by induction
//    from the end of the function), and forming its pointer needs every bit
//    of the address;
//  - an argument of a call to an imported function (an opaque call through
//    a pointer the instance holds);
//  - the divisor of an integer div/rem (the zero test before the trap);
//  - the operand of a trapping float-to-int truncation (the range test).
// Deliberately not robust, because compilers do remove them: stores (a
// later store to the same address kills it; `store(p, load(p))` is a no-op),
// arithmetic, comparisons and masks (narrowing, known bits), select (equal
// arms), branch conditions (identical successors are merged), global.set
// (dead if overwritten), return values and calls to defined functions (both
// inlinable into code that ignores them). A value that is consumed only on
// some paths may be sunk into those paths; hence the straight-line rule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ir/function_ir.hpp"
#include "ir/module.hpp"

namespace wasm2cpp::emit {

class LoadUses {
 public:
  LoadUses() = default;
  LoadUses(const FunctionIR& ir, const Module& module);

  // Whether the load at code[index] must pass its value through a barrier
  // in guard mode (false for instructions that are not loads).
  bool needs_barrier(size_t index) const { return has(index, kBarrier); }

  // Loads of the function that need / do not need one (statistics, tests).
  size_t barrier_count() const { return barriers_; }
  size_t consumed_count() const { return consumed_; }

  // Store sinks (load_uses_stores.cpp): a load whose value reaches a store
  // in straight-line code is kept by that store instead of a barrier. The
  // load is emitted as wasm2cpp::load_opaque (or as a plain load_at when it
  // reads the bytes the store writes back), the store as
  // wasm2cpp::store_fenced. Counted in consumed_count().
  bool is_opaque_load(size_t index) const { return has(index, kOpaque); }
  bool needs_store_fence(size_t index) const { return has(index, kFence); }
  // The plain load of a read-modify-write (rule 2): relies on the other
  // operand's load being opaque, so in a versioned loop's unchecked copy,
  // where that load may be a plain proven-in-bounds one, it needs a barrier.
  bool is_read_modify_write_load(size_t index) const { return has(index, kReadModifyWrite); }

 private:
  // Per instruction: which of the above hold.
  enum Flag : uint8_t {
    kBarrier = 1,
    kOpaque = 2,
    kFence = 4,
    kReadModifyWrite = 8,
    kClassifiedLoad = 16
  };
  bool has(size_t index, Flag flag) const {
    return index < flags_.size() && (flags_[index] & flag) != 0;
  }

  void classify_store_sinks(const FunctionIR& ir);

  std::vector<uint8_t> flags_;
  size_t barriers_ = 0;
  size_t consumed_ = 0;
};

// Whether `op` reads linear memory into a value the analysis classifies:
// the scalar loads and the SIMD loads (not atomics).
bool is_classified_load(Opcode op);

}  // namespace wasm2cpp::emit
