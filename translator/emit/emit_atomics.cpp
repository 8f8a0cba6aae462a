// Threads proposal instructions (0xFE prefix): atomic loads, stores,
// read-modify-write and compare-exchange, atomic.fence, and
// memory.atomic.wait32/wait64/notify.
//
// An atomic access checks, in the spec's order, bounds (explicit mode: the
// usual compare; guard mode: the access faults) and then alignment of the
// effective address to the access width. In guard mode the alignment check
// runs before the access, so its slow path re-checks bounds to report the
// spec's trap when both fail (wasm2cpp::trap_unaligned_atomic). The access
// itself is a sequentially consistent __atomic builtin on `base + ea`
// (runtime/include/wasm2cpp/atomics.hpp). Narrow forms read and write the
// narrow unsigned type: operands are wrapped to it and results zero-extended.
#include "emit/function_emitter.hpp"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

const char* memory_type(uint32_t bytes) {
  switch (bytes) {
    case 1: return "uint8_t";
    case 2: return "uint16_t";
    case 4: return "uint32_t";
    default: return "uint64_t";
  }
}

ValType letter_value_type(char c) { return c == 'I' ? ValType::I64 : ValType::I32; }

// "i32.atomic.rmw8.add_u" -> "add"; "i64.atomic.rmw.cmpxchg" -> "cmpxchg".
std::string_view rmw_operation(std::string_view mnemonic) {
  std::string_view op = mnemonic.substr(mnemonic.rfind('.') + 1);
  if (op.ends_with("_u")) op.remove_suffix(2);
  return op;
}

}  // namespace

bool FunctionEmitter::emit_atomics(const Instr& in) {
  const OpcodeInfo& op = info(in.op);
  if (op.prefix != 0xfe) return false;
  if (in.op == Opcode::AtomicFence) {
    line("wasm2cpp::atomic_fence();");
    return true;
  }

  const uint32_t memory = in.a;
  const uint32_t bytes = op.access_bytes;
  const bool memory64 = info_.memory64(memory);
  const uint32_t operand_count = static_cast<uint32_t>(op.params.size());
  const uint32_t addr_height = in.height - operand_count;
  const VarName addr = get(addr_height, info_.address_type(memory));
  VarName operands[2];  // the operands after the address (at most two)
  for (uint32_t i = 1; i < operand_count; ++i)
    operands[i - 1] = get(addr_height + i, letter_value_type(op.params[i]));
  const std::string offset = memory64 ? format_text(FMT_COMPILE("{}ull"), in.imm)
                                      : format_text(FMT_COMPILE("{}u"), in.imm);

  // wait/notify check bounds, alignment and sharing themselves (out of line:
  // they may block or take a lock anyway).
  if (in.op == Opcode::MemoryAtomicNotify || in.op == Opcode::MemoryAtomicWait32 ||
      in.op == Opcode::MemoryAtomicWait64) {
    const std::string wide_addr = memory64 ? std::string(addr.view()) : format_text(FMT_COMPILE("uint64_t({})"), addr);
    std::string call;
    if (in.op == Opcode::MemoryAtomicNotify) {
      call = format_text(FMT_COMPILE("{}->mem{}->atomic_notify({}, {}, {})"), ctx(), memory,
                         wide_addr, offset, operands[0]);
    } else {
      call = format_text(FMT_COMPILE("{}->mem{}->atomic_wait{}({}, {}, {}, int64_t({}))"), ctx(),
                         memory, bytes * 8, wide_addr, offset, operands[0], operands[1]);
    }
    // No size reload: explicit checks of a shared memory never cache its size.
    line_format(FMT_COMPILE("{} = {};"), put(addr_height, ValType::I32), call);
    return true;
  }

  bounds_check(memory, addr, in.imm, bytes);
  if (bytes > 1) {
    std::string ea = memory64 ? format_text(FMT_COMPILE("{} + {}"), addr, offset)
                              : format_text(FMT_COMPILE("uint64_t({}) + {}"), addr, offset);
    if (in.imm == 0) ea = memory64 ? std::string(addr.view()) : format_text(FMT_COMPILE("uint64_t({})"), addr);
    line_format(FMT_COMPILE("wasm2cpp::check_atomic_alignment<{}>(*{}->mem{}, {});"), bytes, ctx(),
                memory, ea);
  }
  const std::string pointer = address_pointer(memory, addr, in.imm);
  const char* narrow = memory_type(bytes);
  const std::string_view mnemonic = op.mnemonic;

  if (op.results.empty()) {  // store
    line_format(FMT_COMPILE("wasm2cpp::atomic_store<{0}>({1}, {0}({2}));"), narrow, pointer,
                operands[0]);
    return true;
  }
  const ValType result = letter_value_type(op.results[0]);
  std::string value;
  if (mnemonic.find(".load") != std::string_view::npos) {
    value = format_text(FMT_COMPILE("wasm2cpp::atomic_load<{}>({})"), narrow, pointer);
  } else if (rmw_operation(mnemonic) == "cmpxchg") {
    value = format_text(FMT_COMPILE("wasm2cpp::atomic_rmw_cmpxchg<{0}>({1}, {0}({2}), {0}({3}))"),
                        narrow, pointer, operands[0], operands[1]);
  } else {
    value = format_text(FMT_COMPILE("wasm2cpp::atomic_rmw_{0}<{1}>({2}, {1}({3}))"),
                        rmw_operation(mnemonic), narrow, pointer, operands[0]);
  }
  // Zero-extends a narrow result to the internal (unsigned) type.
  line_format(FMT_COMPILE("{} = {}({});"), put(addr_height, result), internal_type(result), value);
  return true;
}

}  // namespace wasm2cpp::emit
