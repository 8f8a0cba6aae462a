// The typed IR the validator produces for one function body and the emitter
// consumes. It is the instruction sequence with every type question already
// answered, so the emitter never re-validates:
//  - instructions in unreachable code are omitted (the validator still checks
//    them); only the `else`/`end` of blocks that were entered live remain;
//  - branch targets are resolved to absolute block indices;
//  - every instruction knows the operand stack height before it executes, so
//    the value at height h of type t lives in the C++ variable for slot (h, t).
//
// Conventions the validator guarantees (function_validator.cpp):
//  - Liveness is real reachability, finer than the spec's typing: code after
//    br/br_table/return/unreachable is dead, and so is the code after the
//    `end` of a block whose end_reachable is false (the spec still types it
//    as reachable; the validator checks it strictly but omits it). Blocks
//    opened in dead code get no BlockInfo and no Instr. Live code never has
//    ValType::Bottom in Instr::type.
//  - Block 0 (the function body) has no opening Instr; `code` ends with its
//    End (a = 0, height = number of results). Other blocks entered live have
//    their block/loop/if, their else (if any) and their end, even when the
//    code just before the else/end is dead.
//  - block/loop: height = base + params. if: height = base + params + 1, the
//    i32 condition at height - 1.
//  - else/end: height = base + results.size(): where the finished arm's
//    results sit. Falling into an else/end therefore needs no copies: the
//    validator has proved the stack is exactly [base, base + results).
//    After `else` the params are back at [base, base + params).
//  - An `if` without else has params == results (validated), so the false
//    path leaves its params in place as its results: nothing to emit.
//  - br: the label's values are the top `arity` values, [height - arity,
//    height); br_if / br_table: [height - 1 - arity, height - 1), the i32
//    condition / index at height - 1. The label's slots are
//    [base, base + arity) of the target: results for block/if/function,
//    params for loop.
//  - A branch to block 0 is a return (label_used and end_reachable are set
//    on block 0). `return` itself sets neither; its values are
//    [height - results, height).
//  - slot_types covers every slot a live value occupies, including the
//    label slots live branches write.
//  - uses_memory / has_calls consider live instructions only.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ir/opcode.hpp"
#include "ir/types.hpp"

namespace wasm2cpp {

struct Instr {
  Opcode op = Opcode::Nop;
  // For polymorphic instructions, the value type involved: select / select t
  // (operand type), drop, local.get/set/tee, global.get/set, ref.null (the
  // reference type), ref.is_null (operand type), table.get/set/grow/fill
  // (element type). Otherwise unused.
  ValType type = ValType::I32;
  // Stack height (number of values, all types) before the instruction pops
  // its operands. Operands sit at heights [height - n, height); a result is
  // written at height - n.
  uint32_t height = 0;
  // Primary index immediate:
  //   block/loop/if/else/end: the block index (FunctionIR::blocks);
  //   br/br_if: target block index; br_table: first index into br_table_targets;
  //   call/return_call/ref.func: function index; call_indirect: type index;
  //   local.*: local index (params first); global.*: global index;
  //   loads/stores/memory.size/grow/fill: memory index; memory.copy: dst memory;
  //   memory.init/data.drop: data index; table.*: table index (table.copy: dst);
  //   table.init/elem.drop: element segment index;
  //   extract_lane/replace_lane: the lane index.
  // v128.const and i8x16.shuffle keep their 16 immediate bytes in place,
  // little-endian: bytes 0-7 in imm, 8-11 in a, 12-15 in b (see v128_bytes),
  // so Instr stays small and constant expressions carry them unchanged.
  uint32_t a = 0;
  // Secondary immediate:
  //   br_table: number of targets excluding the default (the default follows
  //   them in br_table_targets); call_indirect: table index;
  //   loads/stores: log2 alignment (v128.loadN_lane / storeN_lane: plus the
  //   lane index in bits 8-15); memory.copy: src memory;
  //   memory.init: memory index; table.copy: src table; table.init: table index.
  uint32_t b = 0;
  // Constants (raw bits; i32/f32 zero-extended) and memarg offsets.
  uint64_t imm = 0;
  // Absolute offset of the instruction in the module (for diagnostics and
  // optional source comments).
  uint32_t offset = 0;
};

// The 16 immediate bytes of v128.const / i8x16.shuffle.
inline void v128_bytes(const Instr& in, uint8_t out[16]) {
  for (unsigned i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(in.imm >> (8 * i));
  for (unsigned i = 0; i < 4; ++i) out[8 + i] = static_cast<uint8_t>(in.a >> (8 * i));
  for (unsigned i = 0; i < 4; ++i) out[12 + i] = static_cast<uint8_t>(in.b >> (8 * i));
}

// Try: exception handling (legacy form); its catch arms follow like else arms.
enum class BlockKind : uint8_t { Function, Block, Loop, If, Try };

struct BlockInfo {
  BlockKind kind = BlockKind::Block;
  // The block type's lists: views of the module's type section (or of a
  // static one-type list), valid as long as the Module the IR was made from.
  // Not owned: a function has many blocks, and copying their types cost an
  // allocation each.
  std::span<const ValType> params;
  std::span<const ValType> results;
  // Stack height below the block's parameters: the block's params occupy
  // [base, base + params.size()) on entry and its results
  // [base, base + results.size()) at the end.
  uint32_t base = 0;
  // Some live branch targets this block's label (so the emitter knows whether
  // to write a C++ label; unused labels would warn).
  bool label_used = false;
  bool has_else = false;
  // Execution can reach the block's end (by falling through or by a branch),
  // i.e. the code after the `end` is live.
  bool end_reachable = true;
};

struct FunctionIR {
  uint32_t func_index = 0;             // in the function index space
  std::vector<ValType> locals;         // params first, then declared locals
  uint32_t num_params = 0;
  std::vector<Instr> code;             // ends with the function's `end` (block 0)
  std::vector<BlockInfo> blocks;       // blocks[0] is the function body
  std::vector<uint32_t> br_table_targets;
  // For each stack height h, a bit mask of the value types that ever occupy
  // slot h (bit = 1 << slot_type_bit(t)). Drives the emitter's declarations.
  std::vector<uint8_t> slot_types;
  // Properties the emitter uses to choose cheaper code.
  bool uses_memory = false;  // any load/store/memory instruction
  bool has_calls = false;    // any call / call_indirect (memory may grow)
};

constexpr unsigned slot_type_bit(ValType t) {
  switch (t) {
    case ValType::I32: return 0;
    case ValType::I64: return 1;
    case ValType::F32: return 2;
    case ValType::F64: return 3;
    case ValType::V128: return 4;
    case ValType::FuncRef: return 5;
    case ValType::ExternRef: return 6;
    default: return 7;
  }
}

}  // namespace wasm2cpp
