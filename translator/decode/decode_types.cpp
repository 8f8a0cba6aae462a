// Readers for the type encodings several sections share: limits, table,
// memory and global types, and constant expressions.
#include <fmt/format.h>

#include "decode/instruction_reader.hpp"
#include "decode/sections.hpp"

namespace wasm2cpp::decode {

namespace {

// The flags are a single-byte LEB128 in the spec grammar, hence its messages:
// a continuation bit is "integer representation too long", an unknown flag
// "integer too large".
Expected<uint8_t> read_limits_flags(ByteCursor& c) {
  const uint64_t at = c.offset();
  TRY_ASSIGN(uint8_t flags, c.read_u8());
  if (flags & 0x80) return make_error("integer representation too long (limits flags)", at);
  return flags;
}

// The u32 minimum and, when flag bit 0 is set, maximum of 32-bit limits.
Expected<void> read_u32_bounds(ByteCursor& c, uint8_t flags, Limits& limits) {
  TRY_ASSIGN(uint32_t min, c.read_u32());
  limits.min = min;
  if (flags & 1) {
    TRY_ASSIGN(uint32_t max, c.read_u32());
    limits.max = max;
  }
  return {};
}

}  // namespace

Expected<Limits> read_table_limits(ByteCursor& c, const Features& /*features*/) {
  const uint64_t at = c.offset();
  TRY_ASSIGN(uint8_t flags, read_limits_flags(c));
  if (flags > 1)
    return make_error(fmt::format("integer too large (table limits flags 0x{:02x})", flags), at);
  Limits limits;
  TRY(read_u32_bounds(c, flags, limits));
  return limits;
}

Expected<Limits> read_memory_limits(ByteCursor& c, const Features& features) {
  const uint64_t at = c.offset();
  // Bit 0: has maximum; bit 1: shared (threads); bit 2: 64-bit (memory64).
  TRY_ASSIGN(uint8_t flags, read_limits_flags(c));
  if (flags > 7)
    return make_error(fmt::format("integer too large (memory limits flags 0x{:02x})", flags), at);
  if ((flags & 2) && !features.has(Feature::Threads))
    return make_error(fmt::format("integer too large (memory limits flags 0x{:02x}: shared "
                                  "memory requires the threads feature {})",
                                  flags, Features::enable_hint(Feature::Threads)),
                      at);
  if ((flags & 4) && !features.has(Feature::Memory64))
    return make_error(fmt::format("integer too large (memory limits flags 0x{:02x}: 64-bit "
                                  "memory requires the memory64 feature {})",
                                  flags, Features::enable_hint(Feature::Memory64)),
                      at);
  Limits limits;
  limits.shared = (flags & 2) != 0;
  limits.is64 = (flags & 4) != 0;
  if (limits.is64) {
    TRY_ASSIGN(limits.min, c.read_u64());
    if (flags & 1) {
      TRY_ASSIGN(limits.max, c.read_u64());
    }
  } else {
    TRY(read_u32_bounds(c, flags, limits));
  }
  return limits;
}

Expected<TableType> read_table_type(ByteCursor& c, const Features& features) {
  TableType type;
  TRY_ASSIGN(type.elem, read_ref_type(c, features));
  TRY_ASSIGN(type.limits, read_table_limits(c, features));
  return type;
}

Expected<MemoryType> read_memory_type(ByteCursor& c, const Features& features) {
  MemoryType type;
  TRY_ASSIGN(type.limits, read_memory_limits(c, features));
  return type;
}

Expected<GlobalType> read_global_type(ByteCursor& c, const Features& features) {
  GlobalType type;
  TRY_ASSIGN(type.type, read_val_type(c, features));
  const uint64_t at = c.offset();
  TRY_ASSIGN(uint8_t mut, c.read_u8());
  if (mut > 1) return make_error("malformed mutability", at);
  type.is_mutable = mut == 1;
  return type;
}

Expected<ConstExpr> read_const_expr(ByteCursor& c, const Features& features) {
  ConstExpr expr;
  expr.offset = static_cast<uint32_t>(c.offset());
  std::vector<uint32_t> br_targets;  // only non-constant instructions use it
  uint32_t depth = 1;
  for (;;) {
    br_targets.clear();
    TRY_ASSIGN(RawInstr raw, read_instruction(c, features, br_targets));
    switch (raw.op) {
      case Opcode::Block:
      case Opcode::Loop:
      case Opcode::If:
      case Opcode::Try: ++depth; break;
      case Opcode::End:
      case Opcode::Delegate: --depth; break;
      default: break;
    }
    if (depth == 0) break;
    Instr instr;
    instr.op = raw.op;
    instr.a = raw.a;
    instr.b = raw.b;
    instr.imm = raw.imm;
    instr.offset = raw.offset;
    if (raw.op == Opcode::RefNull) instr.type = raw.ref_type;
    expr.instrs.push_back(instr);
  }
  return expr;
}

}  // namespace wasm2cpp::decode
