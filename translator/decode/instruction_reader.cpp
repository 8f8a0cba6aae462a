#include "decode/instruction_reader.hpp"

#include <string>

#include <fmt/format.h>

namespace wasm2cpp {

namespace {

Error feature_error(const OpcodeInfo& info, uint64_t offset) {
  return make_error(fmt::format("instruction {} requires the {} feature {}", info.mnemonic,
                                feature_name(info.feature), Features::enable_hint(info.feature)),
                    offset);
}

// A reserved zero byte (memory index before multi-memory, table index in
// call_indirect before reference types).
Expected<uint32_t> read_zero_byte(ByteCursor& c) {
  uint64_t at = c.offset();
  TRY_ASSIGN(uint8_t b, c.read_u8());
  if (b != 0) return make_error("zero byte expected", at);
  return 0u;
}

Expected<uint32_t> read_mem_index(ByteCursor& c, const Features& f) {
  if (f.has(Feature::MultiMemory)) return c.read_u32();
  return read_zero_byte(c);
}

Expected<BlockType> read_block_type(ByteCursor& c, const Features& f) {
  TRY_ASSIGN(uint8_t first, c.peek_u8());
  BlockType bt;
  if (first == 0x40) {
    (void)c.read_u8();
    return bt;
  }
  // Single-byte negative s33 values are value types.
  if (first & 0x40) {
    TRY_ASSIGN(bt.value, read_val_type(c, f));
    bt.kind = BlockType::Kind::Value;
    return bt;
  }
  uint64_t at = c.offset();
  TRY_ASSIGN(int64_t index, c.read_s33());
  if (index < 0) return make_error("malformed block type", at);
  if (!f.has(Feature::MultiValue))
    return make_error("block type index requires the multi-value feature " +
                          Features::enable_hint(Feature::MultiValue),
                      at);
  if (index > 0xffffffffll) return make_error("block type index out of range", at);
  bt.kind = BlockType::Kind::TypeIndex;
  bt.type_index = static_cast<uint32_t>(index);
  return bt;
}

// The one-byte opcodes (nearly every instruction of real code), looked up
// here without a call: kNoOpcode marks bytes that are prefixes or illegal.
constexpr uint16_t kNoOpcode = 0xffff;
struct SingleByteOpcodes {
  uint16_t index[256];
};
constexpr SingleByteOpcodes build_single_byte_opcodes() {
  SingleByteOpcodes table{};
  for (uint16_t& entry : table.index) entry = kNoOpcode;
  for (size_t i = 0; i < static_cast<size_t>(Opcode::kCount); ++i)
    if (kOpcodeInfo[i].prefix == 0) table.index[kOpcodeInfo[i].code] = static_cast<uint16_t>(i);
  return table;
}
constexpr SingleByteOpcodes kSingleByteOpcodes = build_single_byte_opcodes();

}  // namespace

Expected<ValType> read_val_type(ByteCursor& c, const Features& f) {
  uint64_t at = c.offset();
  TRY_ASSIGN(uint8_t b, c.read_u8());
  switch (b) {
    case 0x7f: return ValType::I32;
    case 0x7e: return ValType::I64;
    case 0x7d: return ValType::F32;
    case 0x7c: return ValType::F64;
    case 0x7b:
      if (!f.has(Feature::Simd))
        return make_error("v128 requires the simd feature " + Features::enable_hint(Feature::Simd), at);
      return ValType::V128;
    case 0x70:
    case 0x6f:
      // funcref is only a table element type in the MVP; as a value type
      // both reference types come with reference-types.
      if (!f.has(Feature::ReferenceTypes))
        return make_error(std::string(b == 0x70 ? "funcref" : "externref") +
                              " value type requires the reference-types feature " +
                              Features::enable_hint(Feature::ReferenceTypes),
                          at);
      return static_cast<ValType>(b);
    default: return make_error(fmt::format("malformed value type 0x{:02x}", b), at);
  }
}

Expected<ValType> read_ref_type(ByteCursor& c, const Features& f) {
  uint64_t at = c.offset();
  TRY_ASSIGN(uint8_t b, c.read_u8());
  if (b == 0x70) return ValType::FuncRef;
  if (b == 0x6f) {
    if (!f.has(Feature::ReferenceTypes))
      return make_error("externref requires the reference-types feature " +
                            Features::enable_hint(Feature::ReferenceTypes),
                        at);
    return ValType::ExternRef;
  }
  return make_error(fmt::format("malformed reference type 0x{:02x}", b), at);
}

Expected<RawInstr> read_instruction(ByteCursor& c, const Features& f, std::vector<uint32_t>& br_targets) {
  RawInstr in;
  TRY(read_instruction_into(c, f, br_targets, in));
  return in;
}

bool try_read_short_instruction(ByteCursor& c, const Features& f, RawInstr& in) {
  ByteCursor probe = c;
  const uint32_t offset = static_cast<uint32_t>(probe.offset());
  uint8_t byte = 0;
  if (!probe.try_read_u8(byte)) return false;
  const uint16_t index = kSingleByteOpcodes.index[byte];
  if (index == kNoOpcode) return false;
  const Opcode op = static_cast<Opcode>(index);
  const OpcodeInfo& oi = info(op);
  if (!f.has(oi.feature)) return false;
  ShortImmediates immediates;
  if (!try_read_short_immediate(probe, oi.immediate, immediates)) return false;
  in.op = op;
  in.offset = offset;
  in.a = immediates.a;
  in.b = immediates.b;
  in.imm = immediates.imm;
  in.block_type = immediates.block_type;
  in.ref_type = ValType::FuncRef;
  in.select_types.clear();
  c = probe;
  return true;
}

Expected<void> read_instruction_into(ByteCursor& c, const Features& f, std::vector<uint32_t>& br_targets,
                                     RawInstr& in) {
  in.offset = static_cast<uint32_t>(c.offset());
  in.a = 0;
  in.b = 0;
  in.imm = 0;
  in.block_type = BlockType{};
  in.ref_type = ValType::FuncRef;
  in.select_types.clear();
  uint8_t byte = 0;
  if (!c.try_read_u8(byte)) return c.error_here("unexpected end");
  if (byte == 0xfc || byte == 0xfd || byte == 0xfe) {
    TRY_ASSIGN(uint32_t code, c.read_u32());
    std::optional<Opcode> op = lookup_opcode(byte, code);
    if (!op) return make_error(fmt::format("illegal opcode 0x{:02x} 0x{:x}", byte, code), in.offset);
    in.op = *op;
  } else {
    const uint16_t index = kSingleByteOpcodes.index[byte];
    if (index == kNoOpcode) return make_error(fmt::format("illegal opcode 0x{:02x}", byte), in.offset);
    in.op = static_cast<Opcode>(index);
  }
  const OpcodeInfo& oi = info(in.op);
  if (!f.has(oi.feature)) return feature_error(oi, in.offset);

  switch (oi.immediate) {
    case Immediate::None:
      // atomic.fence carries one reserved byte (a future memory order), zero
      // for sequential consistency.
      if (in.op == Opcode::AtomicFence) TRY(read_zero_byte(c));
      break;
    case Immediate::BlockType: {
      TRY_ASSIGN(in.block_type, read_block_type(c, f));
      break;
    }
    case Immediate::LabelIdx:
    case Immediate::FuncIdx:
    case Immediate::LocalIdx:
    case Immediate::GlobalIdx:
    case Immediate::DataIdx:
    case Immediate::ElemIdx:
    case Immediate::TagIdx:
    case Immediate::TableIdx: {
      if (c.try_read_u32_1(in.a)) break;
      TRY_ASSIGN(in.a, c.read_u32());
      break;
    }
    case Immediate::BrTable: {
      TRY_ASSIGN(uint32_t n, c.read_count(1));
      for (uint32_t i = 0; i < n; ++i) {
        TRY_ASSIGN(uint32_t t, c.read_u32());
        br_targets.push_back(t);
      }
      TRY_ASSIGN(uint32_t def, c.read_u32());
      br_targets.push_back(def);
      in.a = n;
      break;
    }
    case Immediate::CallIndirect: {
      TRY_ASSIGN(in.a, c.read_u32());
      if (f.has(Feature::ReferenceTypes)) {
        TRY_ASSIGN(in.b, c.read_u32());
      } else {
        TRY_ASSIGN(in.b, read_zero_byte(c));
      }
      break;
    }
    case Immediate::MemArg:
    case Immediate::MemArgLane: {
      uint64_t at = c.offset();
      uint32_t flags = 0;
      if (!c.try_read_u32_1(flags)) {
        TRY_ASSIGN(flags, c.read_u32());
      }
      // Bit 6 announces an explicit memory index (multi-memory).
      if (flags & 0x40) {
        if (!f.has(Feature::MultiMemory))
          return make_error("malformed memop flags " + Features::enable_hint(Feature::MultiMemory), at);
        TRY_ASSIGN(in.a, c.read_u32());
        flags &= ~0x40u;
      }
      if (flags >= 32) return make_error("malformed memop flags", at);
      in.b = flags;
      if (f.has(Feature::Memory64)) {
        TRY_ASSIGN(in.imm, c.read_u64());
      } else {
        uint32_t off = 0;
        if (!c.try_read_u32_1(off)) {
          TRY_ASSIGN(off, c.read_u32());
        }
        in.imm = off;
      }
      if (oi.immediate == Immediate::MemArgLane) {
        TRY_ASSIGN(uint8_t lane, c.read_u8());
        in.b |= uint32_t{lane} << 8;
      }
      break;
    }
    case Immediate::V128:
    case Immediate::Shuffle: {
      // 16 bytes, little-endian: bytes 0-7 in imm, 8-11 in a, 12-15 in b.
      TRY_ASSIGN(in.imm, c.read_fixed_u64());
      TRY_ASSIGN(in.a, c.read_fixed_u32());
      TRY_ASSIGN(in.b, c.read_fixed_u32());
      break;
    }
    case Immediate::LaneIdx: {
      TRY_ASSIGN(uint8_t lane, c.read_u8());
      in.a = lane;
      break;
    }
    case Immediate::MemIdx: {
      TRY_ASSIGN(in.a, read_mem_index(c, f));
      break;
    }
    case Immediate::I32: {
      if (int64_t small = 0; c.try_read_s64_1(small)) {
        in.imm = static_cast<uint32_t>(static_cast<int32_t>(small));
        break;
      }
      TRY_ASSIGN(int32_t v, c.read_s32());
      in.imm = static_cast<uint32_t>(v);
      break;
    }
    case Immediate::I64: {
      if (int64_t small = 0; c.try_read_s64_1(small)) {
        in.imm = static_cast<uint64_t>(small);
        break;
      }
      TRY_ASSIGN(int64_t v, c.read_s64());
      in.imm = static_cast<uint64_t>(v);
      break;
    }
    case Immediate::F32: {
      TRY_ASSIGN(in.imm, c.read_fixed_u32());
      break;
    }
    case Immediate::F64: {
      TRY_ASSIGN(in.imm, c.read_fixed_u64());
      break;
    }
    case Immediate::SelectT: {
      TRY_ASSIGN(uint32_t n, c.read_count(1));
      for (uint32_t i = 0; i < n; ++i) {
        TRY_ASSIGN(ValType t, read_val_type(c, f));
        in.select_types.push_back(t);
      }
      break;
    }
    case Immediate::RefType: {
      TRY_ASSIGN(in.ref_type, read_ref_type(c, f));
      break;
    }
    case Immediate::DataMem: {
      TRY_ASSIGN(in.a, c.read_u32());
      TRY_ASSIGN(in.b, read_mem_index(c, f));
      break;
    }
    case Immediate::MemMem: {
      TRY_ASSIGN(in.a, read_mem_index(c, f));
      TRY_ASSIGN(in.b, read_mem_index(c, f));
      break;
    }
    case Immediate::ElemTable: {
      TRY_ASSIGN(in.a, c.read_u32());
      TRY_ASSIGN(in.b, c.read_u32());
      break;
    }
    case Immediate::TableTable: {
      TRY_ASSIGN(in.a, c.read_u32());
      TRY_ASSIGN(in.b, c.read_u32());
      break;
    }
  }
  return {};
}

}  // namespace wasm2cpp
