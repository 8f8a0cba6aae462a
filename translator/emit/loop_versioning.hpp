// Loop versioning for affine loops: finds innermost wasm loops whose memory
// addresses are affine functions of the iteration number, so the emitter can
// test once, before the loop, that no access of any iteration is out of
// bounds and no address computation wraps at 32 bits, and then run a copy of
// the loop without bounds checks whose addresses are computed in 64 bits
// from a 64-bit iteration counter (`base + stride * k`): a loop the C++
// compiler can vectorise. When the test fails, the ordinary checked loop
// runs, so traps stay precise (same instruction, same earlier stores).
//
// Candidates (kept deliberately simple; it covers what clang emits for
// dense array loops): a `loop` without params whose body is straight-line
// code (no nested block, no branch, call, memory.grow or other instruction
// that can change the memory size or leave the body) ending in `br_if` to
// the loop itself, with at least one load/store (scalar or SIMD) on a 32-bit,
// non-shared memory and at most kMaxBodyInstructions instructions. The body
// is evaluated symbolically once: i32 values as affine forms over the
// values the i32 locals had at the start of the iteration. A local whose
// value at the back edge is its start value plus a constant is an
// induction variable; addresses and the exit test may only use induction
// variables and locals the body does not change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "ir/function_ir.hpp"

namespace wasm2cpp::emit {

// c + sum(coeff * local) modulo 2^32, locals at the start of an iteration.
struct AffineForm {
  uint32_t constant = 0;
  std::vector<std::pair<uint32_t, uint32_t>> terms;  // (local, coeff != 0), sorted by local
  bool operator==(const AffineForm&) const = default;
};

// The back edge is taken while `counter <compare> bound` holds. The counter
// changes by `counter_stride` per iteration, the bound not at all. The same
// list as the runtime's wasm2cpp::LoopCompare, whose enumerator the
// generated code names (loop_compare_name).
enum class LoopCompare : uint8_t {
#define WASM2CPP_LOOP_COMPARE(name, mirrored, operand, op) name,
#include "wasm2cpp/loop_compare.def"
};

// Accesses whose address forms differ only by a constant share a base, so
// the C++ compiler sees their addresses as `base + k * stride + constant`
// and can tell which are adjacent.
struct AddressGroup {
  AffineForm base;      // the first member's address form
  uint32_t stride = 0;  // change per iteration, modulo 2^32
};

struct VersionedAccess {
  size_t instr = 0;     // index into FunctionIR::code
  uint32_t group = 0;   // index into LoopVersion::groups
  int32_t delta = 0;    // address - group base, as a signed 32-bit difference
  uint32_t memory = 0;
  uint64_t offset = 0;  // the memarg offset
  uint32_t bytes = 0;   // access width
  bool is_store = false;
  // A load the unchecked copy reads at the top of the iteration, before the
  // stores that precede it in the body (see LoopVersion::hoist_loads).
  bool hoisted = false;
};

// Two access groups whose byte ranges over the whole loop (in one memory)
// the range test must also prove disjoint, so that loads of one may move
// above stores of the other.
struct DisjointGroups {
  uint32_t first = 0, second = 0;
  uint32_t memory = 0;
};

struct LoopVersion {
  uint32_t block = 0;      // the loop's block index
  size_t begin = 0;        // index of the `loop` instruction
  size_t back_edge = 0;    // index of the final `br_if 0`
  size_t end = 0;          // index of the loop's `end`
  AffineForm counter;      // exit test operand that changes
  uint32_t counter_stride = 0;
  AffineForm bound;        // exit test operand that does not
  LoopCompare compare = LoopCompare::Ne;
  std::vector<AddressGroup> groups;
  std::vector<VersionedAccess> accesses;
  // The body is an unrolled loop (each group's accesses are m >= 2 lanes of
  // one width that tile its stride, as clang emits for `for (j...) c[j] +=
  // a * b[j]` unrolled by two), and a load follows a store. The loop
  // vectoriser turns such a body into interleaved vectors with a shuffle per
  // lane and access (matmul: 23 instructions per 4 doubles); the unchecked
  // copy instead reads its `hoisted` loads first and leaves loop
  // vectorisation off, so the SLP vectoriser pairs the lanes into plain
  // vector loads and stores (matmul: 280 M -> 169 M instructions).
  bool hoist_loads = false;
  std::vector<DisjointGroups> disjoint;  // needed by the hoisted loads
  // Of the access with this instruction index, or nullptr.
  const VersionedAccess* access_at(size_t instr) const;
};

// The plans of one function, found by find_versionable_loops.
struct LoopVersions {
  std::vector<LoopVersion> loops;  // in code order
  // The plan for the loop with this block index, or nullptr.
  const LoopVersion* of_block(uint32_t block) const {
    return block < plan_of_block.size() && plan_of_block[block] != 0 ? &loops[plan_of_block[block] - 1]
                                                                     : nullptr;
  }
  std::vector<uint32_t> plan_of_block;  // per block: index into loops + 1, 0 = none
};

// Size limits on the unchecked copies, which double their loops' code
// (docs/generated-code.md, "Versioned loops", says why they are where they
// are): a loop with a longer body is not versioned, and a function versions
// loops in code order only while their bodies add up to at most
// versioning_budget() instructions: the function's own size (so the copies
// at most double it, nested loops counted once per level), 400 in a small
// one. Half the function's size left two loops of simd128 unversioned
// (explicit mode +2.7% instructions, the suite's other programs unchanged).
inline constexpr size_t kMaxBodyInstructions = 200;
inline constexpr size_t kMinVersioningBudget = 400;
constexpr size_t versioning_budget(size_t function_instructions) {
  return function_instructions > kMinVersioningBudget ? function_instructions : kMinVersioningBudget;
}

// How the emitter accesses a memory outside versioned copies, which decides
// whether a loop on it may be versioned and whether that pays.
enum class MemoryAccessMode : uint8_t {
  Unversionable,  // memory64 or shared: never versioned
  GuardPages,     // no per-access checks to remove
  Explicit,       // a bounds check per access
};

// `memories[m]`: how memory m is accessed (a memory past the end counts as
// Unversionable).
LoopVersions find_versionable_loops(const FunctionIR& ir, std::span<const MemoryAccessMode> memories);

// Name of the runtime's wasm2cpp::LoopCompare enumerator for `c`.
const char* loop_compare_name(LoopCompare c);

// The compare with its operands swapped: `a <c> b` == `b <mirrored(c)> a`.
LoopCompare mirrored(LoopCompare c);

}  // namespace wasm2cpp::emit
