// Reads one instruction (opcode and immediates) from a byte cursor, driven by
// the opcode table. Shared by the function-body validator and by constant
// expressions in the module decoder. It checks only the binary format
// (encodings, LEB128 limits, reserved bytes, feature gates); index and type
// rules belong to the validator.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ir/opcode.hpp"
#include "ir/types.hpp"
#include "support/cursor.hpp"
#include "support/features.hpp"

namespace wasm2cpp {

// A block type as encoded: empty, one value type, or a type index.
struct BlockType {
  enum class Kind : uint8_t { Empty, Value, TypeIndex } kind = Kind::Empty;
  ValType value = ValType::I32;
  uint32_t type_index = 0;
};

struct RawInstr {
  Opcode op = Opcode::Nop;
  uint32_t offset = 0;  // absolute offset of the opcode's first byte
  // Immediates, using the same meaning as Instr::a / b / imm where they
  // apply (memarg: a = memory index, b = log2 alignment, imm = offset;
  // br_table: the targets are appended to `br_targets` with the default last,
  // a = number of non-default targets; v128.const / i8x16.shuffle: the 16
  // bytes little-endian in imm (0-7), a (8-11), b (12-15); extract/replace
  // lane: a = lane; v128.loadN_lane / storeN_lane: the memarg as above with
  // the lane in b's bits 8-15).
  uint32_t a = 0;
  uint32_t b = 0;
  uint64_t imm = 0;
  BlockType block_type;            // block / loop / if
  ValType ref_type = ValType::FuncRef;  // ref.null
  std::vector<ValType> select_types;   // select t
};

// `br_targets` receives br_table targets (cleared by the caller as needed).
Expected<RawInstr> read_instruction(ByteCursor& cursor, const Features& features,
                                    std::vector<uint32_t>& br_targets);
// The same into `out`, which the caller reuses from instruction to
// instruction (the validator's loop): every field is overwritten.
Expected<void> read_instruction_into(ByteCursor& cursor, const Features& features,
                                     std::vector<uint32_t>& br_targets, RawInstr& out);

// The short common encodings only (a single-byte opcode whose feature is
// on, with no immediate, one-byte index / constant / memarg fields, or an
// empty or numeric block type): true with `out` filled exactly as
// read_instruction_into would; false with nothing consumed otherwise, and
// the caller then uses read_instruction_into (which reports any error).
bool try_read_short_instruction(ByteCursor& cursor, const Features& features, RawInstr& out);

// Value types: "malformed value type" style errors; v128 needs simd and the
// reference types need reference-types (errors name the flag).
Expected<ValType> read_val_type(ByteCursor& cursor, const Features& features);
Expected<ValType> read_ref_type(ByteCursor& cursor, const Features& features);

}  // namespace wasm2cpp
