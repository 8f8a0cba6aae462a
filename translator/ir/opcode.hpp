// Opcode enumeration and static per-opcode information, generated from the
// single table in opcodes.def.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "support/features.hpp"

namespace wasm2cpp {

// The kind of immediate operand(s) an instruction carries in the binary.
enum class Immediate : uint8_t {
  None,
  BlockType,     // s33 block type
  LabelIdx,      // u32 label depth
  BrTable,       // vec(labelidx) labelidx
  FuncIdx,       // u32
  CallIndirect,  // typeidx tableidx
  LocalIdx,
  GlobalIdx,
  TableIdx,
  MemArg,        // align(+memidx flag) offset
  MemIdx,        // memory index (a 0x00 byte without multi-memory)
  I32,
  I64,
  F32,
  F64,
  SelectT,       // vec(valtype)
  RefType,       // reftype byte
  DataMem,       // dataidx memidx   (memory.init)
  DataIdx,       // dataidx          (data.drop)
  MemMem,        // memidx memidx    (memory.copy)
  ElemTable,     // elemidx tableidx (table.init)
  ElemIdx,       // elemidx          (elem.drop)
  TableTable,    // tableidx tableidx (table.copy)
  V128,          // 16 literal bytes (v128.const)
  Shuffle,       // 16 lane indices, each < 32 (i8x16.shuffle)
  LaneIdx,       // one byte lane index (extract_lane / replace_lane)
  MemArgLane,    // memarg, then a one byte lane index (v128.loadN_lane / storeN_lane)
  TagIdx,        // u32 tag index (throw / catch)
};

enum class Opcode : uint16_t {
#define WASM_OPCODE(name, prefix, code, mnemonic, imm, params, results, bytes, feature, cpp) name,
#include "ir/opcodes.def"
#undef WASM_OPCODE
  kCount,
};

struct OpcodeInfo {
  uint8_t prefix;   // 0 for single-byte opcodes, else 0xfc / 0xfd / 0xfe
  uint32_t code;    // the byte, or the u32 after the prefix
  std::string_view mnemonic;
  Immediate immediate;
  std::string_view params;   // see opcodes.def for the letter code
  std::string_view results;
  uint8_t access_bytes;
  Feature feature;
  std::string_view cpp;      // emitter expression template, may be empty
};

inline constexpr OpcodeInfo kOpcodeInfo[] = {
#define WASM_OPCODE(name, prefix, code, mnemonic, imm, params, results, bytes, feature, cpp) \
  {prefix, code, mnemonic, Immediate::imm, params, results, bytes, Feature::feature, cpp},
#include "ir/opcodes.def"
#undef WASM_OPCODE
};

inline const OpcodeInfo& info(Opcode op) { return kOpcodeInfo[static_cast<size_t>(op)]; }

// Whether straight-line code ends at `op`: a branch, or a block-structure
// instruction whose position control can also reach from elsewhere (a loop
// header, a block's end, an else or catch arm). Code after an instruction
// in a stretch that contains none of these runs only if that instruction
// ran (the emitter's stack-check placement and loop versioning rely on it).
// (Inline: the emitter asks it for every instruction.)
inline bool ends_straight_line(Opcode op) {
  switch (op) {
    case Opcode::Unreachable:
    case Opcode::Block:
    case Opcode::Loop:
    case Opcode::If:
    case Opcode::Else:
    case Opcode::Try:
    case Opcode::Catch:
    case Opcode::CatchAll:
    case Opcode::Throw:
    case Opcode::Rethrow:
    case Opcode::Delegate:
    case Opcode::End:
    case Opcode::Br:
    case Opcode::BrIf:
    case Opcode::BrTable:
    case Opcode::Return: return true;
    default: return false;
  }
}

// A plain memory access: an MVP or SIMD load or store (not an atomic, not
// bulk memory), derived from the opcode table's access-bytes, params and
// results columns. Loads push one value; stores push nothing.
struct MemoryAccessInfo {
  uint8_t bytes = 0;       // bytes read or written (the access width)
  uint8_t operands = 0;    // values popped: the address, then a stored value or lane vector
  char value = 0;          // letter (opcodes.def) of the value loaded or stored: i I f F v
  bool is_store = false;   // writes memory; otherwise a load
  bool is_simd = false;    // a v128 access (0xfd prefix)
  bool has_lane = false;   // v128.loadN_lane / storeN_lane (a lane index follows the memarg)
  bool sign_extends = false;  // a narrow or extending load that sign-extends ("_s")

  bool is_load() const { return !is_store; }
  // Height (stack depth) of the address operand of an access at `height`.
  uint32_t address_height(uint32_t height) const { return height - operands; }
};

// The access `op` performs, or nullopt if it is not a plain load or store.
inline std::optional<MemoryAccessInfo> memory_access(Opcode op);

// The numeric instructions that trap on some operand values: integer
// division and remainder (a zero divisor; INT_MIN / -1 for div_s) and the
// non-saturating float-to-int truncations (NaN, out of range).
constexpr bool is_integer_division(Opcode op) {
  return (op >= Opcode::I32DivS && op <= Opcode::I32RemU) ||
         (op >= Opcode::I64DivS && op <= Opcode::I64RemU);
}
constexpr bool is_trapping_truncation(Opcode op) {
  return (op >= Opcode::I32TruncF32S && op <= Opcode::I32TruncF64U) ||
         (op >= Opcode::I64TruncF32S && op <= Opcode::I64TruncF64U);
}

// A numeric instruction or constant with no effect but its result: a fixed
// signature, no memory, table, global or local access, an immediate that
// is at most a literal or lane index, and no trap on any operand (so not
// integer division or a trapping truncation). Includes 0xfc's saturating
// truncations and SIMD (0xfd), not atomics.
inline bool is_plain_numeric(Opcode op);

// Values an instruction pops and pushes, for every instruction whose effect
// does not depend on its immediates: the params/results columns, plus the
// "*" rows whose effect is fixed anyway (local/global access, drop, select,
// ref.null, table.get/set/grow/fill, memory.copy...). nullopt for control
// flow, calls and throws. Analyses that walk straight-line code use it and
// keep only their own "may I step over this" filter.
struct StackEffect {
  uint32_t pops = 0;
  uint32_t pushes = 0;
};
inline std::optional<StackEffect> stack_effect(Opcode op);

// The three per-opcode answers above, asked per instruction by the
// emitter's analyses: tables (opcode.cpp builds them at compile time from
// kOpcodeInfo) read inline.
namespace opcode_tables {
inline constexpr size_t kCount = static_cast<size_t>(Opcode::kCount);
extern const std::array<std::optional<MemoryAccessInfo>, kCount> kMemoryAccess;
extern const std::array<bool, kCount> kPlainNumeric;
extern const std::array<std::optional<StackEffect>, kCount> kStackEffect;
}  // namespace opcode_tables

inline std::optional<MemoryAccessInfo> memory_access(Opcode op) {
  return opcode_tables::kMemoryAccess[static_cast<size_t>(op)];
}
inline bool is_plain_numeric(Opcode op) {
  return opcode_tables::kPlainNumeric[static_cast<size_t>(op)];
}
inline std::optional<StackEffect> stack_effect(Opcode op) {
  return opcode_tables::kStackEffect[static_cast<size_t>(op)];
}

// Lookup by encoding; nullopt for an unknown opcode.
std::optional<Opcode> lookup_opcode(uint8_t prefix, uint32_t code);

}  // namespace wasm2cpp
