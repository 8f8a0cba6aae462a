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

// The immediates of an instruction with a common encoding, in RawInstr's
// (and Instr's) meaning of a, b and imm.
struct ShortImmediates {
  uint32_t a = 0;
  uint32_t b = 0;
  uint64_t imm = 0;
  BlockType block_type;
};

// The common encodings of single immediates, one definition each for
// try_read_short_immediate below and the validator's fast path: true with
// the value exactly as read_instruction_into stores it (constants as raw
// bits, i32/f32 zero-extended); false on any decoding error, possibly after
// consuming bytes: callers read from a copy of their cursor and fall back to
// read_instruction_into, which reports the error.
namespace short_immediate {

// A label, function, local, global or table index (any valid LEB128).
[[gnu::always_inline]] inline bool index(ByteCursor& cursor, uint32_t& out) {
  if (cursor.try_read_u32_1(out)) return true;
  Expected<uint32_t> wide = cursor.read_u32();
  if (!wide.ok()) return false;
  out = *wide;
  return true;
}

[[gnu::always_inline]] inline bool i32(ByteCursor& cursor, uint64_t& out) {
  if (int64_t small = 0; cursor.try_read_s64_1(small)) {
    out = static_cast<uint32_t>(static_cast<int32_t>(small));
    return true;
  }
  Expected<int32_t> wide = cursor.read_s32();
  if (!wide.ok()) return false;
  out = static_cast<uint32_t>(*wide);
  return true;
}

[[gnu::always_inline]] inline bool i64(ByteCursor& cursor, uint64_t& out) {
  if (int64_t small = 0; cursor.try_read_s64_1(small)) {
    out = static_cast<uint64_t>(small);
    return true;
  }
  Expected<int64_t> wide = cursor.read_s64();
  if (!wide.ok()) return false;
  out = static_cast<uint64_t>(*wide);
  return true;
}

[[gnu::always_inline]] inline bool f32(ByteCursor& cursor, uint64_t& out) {
  Expected<uint32_t> bits = cursor.read_fixed_u32();
  if (!bits.ok()) return false;
  out = *bits;
  return true;
}

[[gnu::always_inline]] inline bool f64(ByteCursor& cursor, uint64_t& out) {
  Expected<uint64_t> bits = cursor.read_fixed_u64();
  if (!bits.ok()) return false;
  out = *bits;
  return true;
}

}  // namespace short_immediate

// An immediate of kind `kind` in a common encoding: none; an index or a
// constant (short_immediate above); a memarg of one-byte flags without a
// memory index and a one-byte offset; an empty or numeric block type. True
// with `out` set exactly as read_instruction_into sets the same fields;
// false for any other kind or encoding and on any decoding error, possibly
// after consuming bytes (callers read from a copy of their cursor).
[[gnu::always_inline]] inline bool try_read_short_immediate(ByteCursor& cursor, Immediate kind,
                                                            ShortImmediates& out) {
  switch (kind) {
    case Immediate::None: return true;  // atomic.fence, the one with a byte, is prefixed
    case Immediate::LabelIdx:
    case Immediate::FuncIdx:
    case Immediate::LocalIdx:
    case Immediate::GlobalIdx:
    case Immediate::TableIdx: return short_immediate::index(cursor, out.a);
    case Immediate::I32: return short_immediate::i32(cursor, out.imm);
    case Immediate::I64: return short_immediate::i64(cursor, out.imm);
    case Immediate::F32: return short_immediate::f32(cursor, out.imm);
    case Immediate::F64: return short_immediate::f64(cursor, out.imm);
    case Immediate::MemArg: {
      // One-byte flags below 32 carry no memory index (bit 6) and are valid;
      // a one-byte offset reads the same as a u32 or (memory64) u64.
      uint32_t flags = 0;
      uint32_t offset = 0;
      if (!cursor.try_read_u32_1(flags) || flags >= 32) return false;
      if (!cursor.try_read_u32_1(offset)) return false;
      out.b = flags;
      out.imm = offset;
      return true;
    }
    case Immediate::BlockType: {
      uint8_t first = 0;
      if (!cursor.try_read_u8(first)) return false;
      if (first >= 0x7c && first <= 0x7f) {  // i32, i64, f32, f64
        out.block_type.kind = BlockType::Kind::Value;
        out.block_type.value = static_cast<ValType>(first);
        return true;
      }
      return first == 0x40;  // empty
    }
    default: return false;
  }
}

// A single-byte opcode whose feature is on and whose immediate
// try_read_short_immediate takes: true with `out` filled exactly as
// read_instruction_into would; false with nothing consumed otherwise, and
// the caller then uses read_instruction_into (which reports any error).
bool try_read_short_instruction(ByteCursor& cursor, const Features& features, RawInstr& out);

// Value types: "malformed value type" style errors; v128 needs simd and the
// reference types need reference-types (errors name the flag).
Expected<ValType> read_val_type(ByteCursor& cursor, const Features& features);
Expected<ValType> read_ref_type(ByteCursor& cursor, const Features& features);

}  // namespace wasm2cpp
