#include "ir/opcode.hpp"

#include <array>

namespace wasm2cpp {

namespace {
constexpr uint16_t kNone = 0xffff;

// Dense lookup tables for the one-byte space and each prefix page, built at
// compile time from the opcode table.
struct LookupTables {
  std::array<uint16_t, 256> single{};
  std::array<uint16_t, 256> fc{};
  std::array<uint16_t, 512> fd{};
  std::array<uint16_t, 256> fe{};
};

constexpr LookupTables build_tables() {
  LookupTables t;
  t.single.fill(kNone);
  t.fc.fill(kNone);
  t.fd.fill(kNone);
  t.fe.fill(kNone);
  for (size_t i = 0; i < static_cast<size_t>(Opcode::kCount); ++i) {
    const OpcodeInfo& o = kOpcodeInfo[i];
    switch (o.prefix) {
      case 0: t.single[o.code] = static_cast<uint16_t>(i); break;
      case 0xfc: t.fc[o.code] = static_cast<uint16_t>(i); break;
      case 0xfd: t.fd[o.code] = static_cast<uint16_t>(i); break;
      case 0xfe: t.fe[o.code] = static_cast<uint16_t>(i); break;
    }
  }
  return t;
}

constexpr LookupTables kTables = build_tables();

constexpr std::optional<MemoryAccessInfo> derive_memory_access(const OpcodeInfo& o) {
  // Atomics (0xfe) also carry an access width but are not plain accesses;
  // nothing else outside the one-byte and SIMD pages touches memory by memarg.
  if (o.access_bytes == 0 || (o.prefix != 0 && o.prefix != 0xfd)) return std::nullopt;
  MemoryAccessInfo a;
  a.bytes = o.access_bytes;
  a.operands = static_cast<uint8_t>(o.params.size());
  a.is_store = o.results.empty();
  a.value = a.is_store ? o.params.back() : o.results.front();
  a.is_simd = o.prefix == 0xfd;
  a.has_lane = o.immediate == Immediate::MemArgLane;
  a.sign_extends = !a.is_store && o.mnemonic.ends_with("_s");
  return a;
}

constexpr auto build_memory_accesses() {
  std::array<std::optional<MemoryAccessInfo>, static_cast<size_t>(Opcode::kCount)> t{};
  for (size_t i = 0; i < t.size(); ++i) t[i] = derive_memory_access(kOpcodeInfo[i]);
  return t;
}

}  // namespace

constinit const std::array<std::optional<MemoryAccessInfo>, opcode_tables::kCount>
    opcode_tables::kMemoryAccess = build_memory_accesses();

std::optional<Opcode> lookup_opcode(uint8_t prefix, uint32_t code) {
  uint16_t index = kNone;
  switch (prefix) {
    case 0: index = code < 256 ? kTables.single[code] : kNone; break;
    case 0xfc: index = code < 256 ? kTables.fc[code] : kNone; break;
    case 0xfd: index = code < 512 ? kTables.fd[code] : kNone; break;
    case 0xfe: index = code < 256 ? kTables.fe[code] : kNone; break;
  }
  if (index == kNone) return std::nullopt;
  return static_cast<Opcode>(index);
}

namespace {

constexpr bool derive_plain_numeric(Opcode op) {
  const OpcodeInfo& oi = kOpcodeInfo[static_cast<size_t>(op)];
  if (oi.prefix == 0xfe || oi.access_bytes != 0 || oi.params == "*" || oi.results == "*")
    return false;
  if (is_integer_division(op) || is_trapping_truncation(op)) return false;
  switch (oi.immediate) {
    case Immediate::None:
    case Immediate::I32:
    case Immediate::I64:
    case Immediate::F32:
    case Immediate::F64:
    case Immediate::V128:
    case Immediate::Shuffle:
    case Immediate::LaneIdx: return true;
    default: return false;
  }
}

constexpr std::optional<StackEffect> derive_stack_effect(Opcode op) {
  switch (op) {
    case Opcode::LocalGet:
    case Opcode::GlobalGet:
    case Opcode::RefNull: return StackEffect{0, 1};
    case Opcode::LocalSet:
    case Opcode::GlobalSet:
    case Opcode::Drop: return StackEffect{1, 0};
    case Opcode::LocalTee:
    case Opcode::RefIsNull:
    case Opcode::TableGet: return StackEffect{1, 1};
    case Opcode::TableSet: return StackEffect{2, 0};
    case Opcode::TableGrow: return StackEffect{2, 1};
    case Opcode::Select:
    case Opcode::SelectT: return StackEffect{3, 1};
    case Opcode::MemoryCopy:
    case Opcode::TableFill: return StackEffect{3, 0};
    default: break;
  }
  const OpcodeInfo& oi = kOpcodeInfo[static_cast<size_t>(op)];
  if (oi.params == "*" || oi.results == "*") return std::nullopt;
  return StackEffect{static_cast<uint32_t>(oi.params.size()), static_cast<uint32_t>(oi.results.size())};
}

constexpr auto build_plain_numeric() {
  std::array<bool, static_cast<size_t>(Opcode::kCount)> t{};
  for (size_t i = 0; i < t.size(); ++i) t[i] = derive_plain_numeric(static_cast<Opcode>(i));
  return t;
}

constexpr auto build_stack_effects() {
  std::array<std::optional<StackEffect>, static_cast<size_t>(Opcode::kCount)> t{};
  for (size_t i = 0; i < t.size(); ++i) t[i] = derive_stack_effect(static_cast<Opcode>(i));
  return t;
}

}  // namespace

constinit const std::array<bool, opcode_tables::kCount> opcode_tables::kPlainNumeric =
    build_plain_numeric();
constinit const std::array<std::optional<StackEffect>, opcode_tables::kCount>
    opcode_tables::kStackEffect = build_stack_effects();

}  // namespace wasm2cpp
