// Linear-memory instructions: loads and stores (guard or explicit bounds
// checks), memory.size/grow, bulk memory and data segments.
#include "emit/function_emitter.hpp"
#include "fmt/compile.h"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

struct Access {
  const char* memory_type;  // the C++ type read from / written to memory
  ValType value;            // the wasm value type on the stack
};

std::optional<Access> access_of(Opcode op) {
  switch (op) {
    case Opcode::I32Load: return Access{"uint32_t", ValType::I32};
    case Opcode::I64Load: return Access{"uint64_t", ValType::I64};
    case Opcode::F32Load: return Access{"float", ValType::F32};
    case Opcode::F64Load: return Access{"double", ValType::F64};
    // Narrow loads read a signed or unsigned narrow type; converting it to
    // the unsigned wide type sign- or zero-extends.
    case Opcode::I32Load8S: return Access{"int8_t", ValType::I32};
    case Opcode::I32Load8U: return Access{"uint8_t", ValType::I32};
    case Opcode::I32Load16S: return Access{"int16_t", ValType::I32};
    case Opcode::I32Load16U: return Access{"uint16_t", ValType::I32};
    case Opcode::I64Load8S: return Access{"int8_t", ValType::I64};
    case Opcode::I64Load8U: return Access{"uint8_t", ValType::I64};
    case Opcode::I64Load16S: return Access{"int16_t", ValType::I64};
    case Opcode::I64Load16U: return Access{"uint16_t", ValType::I64};
    case Opcode::I64Load32S: return Access{"int32_t", ValType::I64};
    case Opcode::I64Load32U: return Access{"uint32_t", ValType::I64};
    // Narrow stores truncate to the unsigned narrow type.
    case Opcode::I32Store: return Access{"uint32_t", ValType::I32};
    case Opcode::I64Store: return Access{"uint64_t", ValType::I64};
    case Opcode::F32Store: return Access{"float", ValType::F32};
    case Opcode::F64Store: return Access{"double", ValType::F64};
    case Opcode::I32Store8: return Access{"uint8_t", ValType::I32};
    case Opcode::I32Store16: return Access{"uint16_t", ValType::I32};
    case Opcode::I64Store8: return Access{"uint8_t", ValType::I64};
    case Opcode::I64Store16: return Access{"uint16_t", ValType::I64};
    case Opcode::I64Store32: return Access{"uint32_t", ValType::I64};
    default: return std::nullopt;
  }
}

bool is_store(Opcode op) { return op >= Opcode::I32Store && op <= Opcode::I64Store32; }

std::string offset_literal(uint64_t offset, bool memory64) {
  return memory64 ? fmt::format(FMT_COMPILE("{}ull"), offset)
                  : fmt::format(FMT_COMPILE("{}u"), offset);
}

}  // namespace

std::string FunctionEmitter::address_pointer(uint32_t memory, const std::string& addr, uint64_t offset) {
  // Security: a 32-bit address is widened to 64 bits before the offset is
  // added, so addr + offset < 2^33 cannot wrap; in guard mode that stays in
  // the reserved range, in explicit mode it was checked just before.
  std::string base = mem_base(memory);
  if (offset == 0) return fmt::format(FMT_COMPILE("{} + {}"), base, addr);
  if (info_.memory64(memory))
    return fmt::format(FMT_COMPILE("{} + ({} + {})"), base, addr, offset_literal(offset, true));
  return fmt::format(FMT_COMPILE("{} + (uint64_t({}) + {})"), base, addr,
                     offset_literal(offset, false));
}

void FunctionEmitter::bounds_check(uint32_t memory, const std::string& addr, uint64_t offset,
                                   uint32_t bytes) {
  if (!explicit_checks(memory)) return;
  // Security: the whole access [addr + offset, addr + offset + bytes) must
  // lie inside the current size; check64 also rejects wrap-around.
  const char* check = info_.memory64(memory) ? "check64" : "check32";
  line_format(FMT_COMPILE("wasm2cpp::{}({}, {}, {}, {});"), check, addr,
              offset_literal(offset, info_.memory64(memory)), bytes, mem_size(memory));
}

bool FunctionEmitter::statically_in_bounds(const Instr& in, uint32_t addr_height, uint32_t bytes) const {
  // Find the instruction that pushed the address: walking back through
  // straight-line code, every instruction in between must leave the stack
  // above addr_height (so none of them rewrote that slot), and the pusher
  // must be a constant. A label in between (control could arrive with
  // another address) or a long stretch ends the search.
  const size_t index = static_cast<size_t>(&in - ir_.code.data());
  constexpr size_t kMaxDistance = 32;
  for (size_t j = index; j > 0 && index - j < kMaxDistance; --j) {
    const Instr& prev = ir_.code[j - 1];
    if (ends_straight_line(prev.op)) return false;
    // The lowest slot `prev` pops or writes: its results go where its
    // operands began.
    uint32_t pops = 0;
    const OpcodeInfo& oi = info(prev.op);
    if (oi.params != "*") {
      pops = static_cast<uint32_t>(oi.params.size());
    } else if (prev.op == Opcode::LocalSet || prev.op == Opcode::LocalTee ||
               prev.op == Opcode::GlobalSet || prev.op == Opcode::Drop) {
      pops = 1;
    } else if (prev.op == Opcode::Select || prev.op == Opcode::SelectT) {
      pops = 3;
    } else {
      return false;  // calls and the like: not worth modelling here
    }
    if (prev.height < pops || prev.height - pops < addr_height) return false;
    if (prev.height - pops > addr_height) continue;
    // prev pushes the slot the address is read from.
    if (prev.op != Opcode::I32Const && prev.op != Opcode::I64Const) return false;
    // Security: the memory never shrinks below its declared minimum (an
    // imported one was checked against it when linked), so an access whose
    // last byte lies below min * 64 KiB is in bounds in every execution.
    // Computed in 128 bits: constant + offset + bytes cannot wrap.
    const uint64_t address = prev.op == Opcode::I32Const ? uint64_t{static_cast<uint32_t>(prev.imm)} : prev.imm;
    const unsigned __int128 end = static_cast<unsigned __int128>(address) + in.imm + bytes;
    const unsigned __int128 minimum =
        static_cast<unsigned __int128>(info_.module.memories[in.a].type.limits.min) * 65536u;
    return end <= minimum;
  }
  return false;
}

bool FunctionEmitter::needs_load_barrier(const Instr& in) {
  if (!load_uses_) load_uses_.emplace(ir_, info_.module);
  return load_uses_->needs_barrier(static_cast<size_t>(&in - ir_.code.data()));
}

std::string FunctionEmitter::unchecked_pointer(const VersionedAccess& access) {
  // The exact 64-bit address (open_versioned_loop proved it equals the
  // wasm address and is in bounds in every iteration), written so the C++
  // compiler sees it affine in the 64-bit iteration counter.
  const uint32_t b = unchecked_copy_->block;
  const int32_t stride = static_cast<int32_t>(unchecked_copy_->groups[access.group].stride);
  std::string out = fmt::format(FMT_COMPILE("uint64_t(v{}_b{})"), b, access.group);
  if (stride > 0) out += fmt::format(FMT_COMPILE(" + v{}_k * {}u"), b, stride);
  if (stride < 0) out += fmt::format(FMT_COMPILE(" - v{}_k * {}u"), b, -int64_t{stride});
  const int64_t constant = int64_t{access.delta} + static_cast<int64_t>(access.offset);
  if (constant > 0) out += fmt::format(FMT_COMPILE(" + {}ull"), constant);
  if (constant < 0) out += fmt::format(FMT_COMPILE(" - {}ull"), -constant);
  return fmt::format(FMT_COMPILE("{} + ({})"), mem_base(access.memory), out);
}

std::string FunctionEmitter::unchecked_load(const VersionedAccess& access) {
  return fmt::format(FMT_COMPILE("wasm2cpp::load_at<{}>({})"),
                     access_of(ir_.code[access.instr].op)->memory_type, unchecked_pointer(access));
}

bool FunctionEmitter::emit_memory(const Instr& in, bool result_dropped) {
  if (auto access = access_of(in.op)) {
    const uint32_t memory = in.a;
    const uint32_t bytes = info(in.op).access_bytes;
    ValType addr_type = info_.address_type(memory);
    const size_t index = static_cast<size_t>(&in - ir_.code.data());
    const VersionedAccess* unchecked = unchecked_copy_ ? unchecked_copy_->access_at(index) : nullptr;
    // Guard mode's store sinks (load_uses_stores.cpp): a fenced store keeps
    // the opaque loads feeding it, in either copy of a versioned loop.
    auto store_sinks = [&]() -> const LoadUses& {
      if (!load_uses_) load_uses_.emplace(ir_, info_.module);
      return *load_uses_;
    };
    const char* storer =
        is_store(in.op) && !explicit_checks(memory) && store_sinks().needs_store_fence(index) ? "store_fenced"
                                                                                                : "store_at";
    if (unchecked) {
      std::string pointer = unchecked_pointer(*unchecked);
      if (is_store(in.op)) {
        std::string value = get(in.height - 1, access->value);
        bool narrow = bytes < (access->value == ValType::I64 || access->value == ValType::F64 ? 8u : 4u);
        std::string stored =
            narrow ? fmt::format(FMT_COMPILE("{}({})"), access->memory_type, value) : value;
        line_format(FMT_COMPILE("wasm2cpp::{}<{}>({}, {});"), storer, access->memory_type, pointer, stored);
      } else if (!result_dropped) {
        // A dropped load is proven in bounds: nothing to do. A hoisted one
        // was read at the top of the iteration.
        std::string load = unchecked->hoisted ? hoisted_load_name(*unchecked) : unchecked_load(*unchecked);
        std::string target = internal_type(access->value);
        if (target != access->memory_type) load = fmt::format(FMT_COMPILE("{}({})"), target, load);
        line_format(FMT_COMPILE("{} = {};"), put(in.height - 1, access->value), load);
      }
      return true;
    }
    const bool in_bounds = statically_in_bounds(in, is_store(in.op) ? in.height - 2 : in.height - 1, bytes);
    if (is_store(in.op)) {
      std::string addr = get(in.height - 2, addr_type);
      std::string value = get(in.height - 1, access->value);
      if (!in_bounds) bounds_check(memory, addr, in.imm, bytes);
      bool narrow = bytes < (access->value == ValType::I64 || access->value == ValType::F64 ? 8u : 4u);
      std::string stored =
          narrow ? fmt::format(FMT_COMPILE("{}({})"), access->memory_type, value) : value;
      line_format(FMT_COMPILE("wasm2cpp::{}<{}>({}, {});"), storer, access->memory_type,
                  address_pointer(memory, addr, in.imm), stored);
      return true;
    }
    std::string addr = get(in.height - 1, addr_type);
    if (!in_bounds) bounds_check(memory, addr, in.imm, bytes);
    if (result_dropped) {
      // The value is never used: in guard mode the access must still fault
      // when out of bounds, so it is made volatile rather than deleted; in
      // explicit mode the check above is all that is needed.
      if (in_bounds)
        line_format(FMT_COMPILE("(void){};"), addr);  // cannot fault: nothing to do
      else if (!explicit_checks(memory))
        line_format(FMT_COMPILE("wasm2cpp::touch_at<{}>({});"), access->memory_type,
                    address_pointer(memory, addr, in.imm));
      return true;
    }
    // Guard mode: a value the compiler might drop or narrow goes through a
    // barrier, so the load happens in full and faults (load_uses.hpp).
    // An opaque load stays opaque in bounds too: a fenced store relies on it.
    const char* loader = explicit_checks(memory)                  ? "load_at"
                         : store_sinks().is_opaque_load(index)    ? "load_opaque"
                         : !in_bounds && needs_load_barrier(in) ? "load_kept"
                                                                  : "load_at";
    std::string load = fmt::format(FMT_COMPILE("wasm2cpp::{}<{}>({})"), loader, access->memory_type,
                                   address_pointer(memory, addr, in.imm));
    std::string target = internal_type(access->value);
    if (target != access->memory_type) load = fmt::format(FMT_COMPILE("{}({})"), target, load);
    line_format(FMT_COMPILE("{} = {};"), put(in.height - 1, access->value), load);
    return true;
  }

  switch (in.op) {
    case Opcode::MemorySize: {
      ValType t = info_.address_type(in.a);
      line_format(FMT_COMPILE("{} = {};"), put(in.height, t),
                  to_internal(t == ValType::I64 ? ValType::I64 : ValType::I32,
                              fmt::format(FMT_COMPILE("{}->mem{}->size_pages()"), ctx(), in.a)));
      return true;
    }
    case Opcode::MemoryGrow: {
      // grow() returns the old size or -1, which converts to the unsigned
      // all-ones value wasm expects.
      ValType t = info_.address_type(in.a);
      std::string delta = get(in.height - 1, t);
      line_format(
          FMT_COMPILE("{} = {};"), put(in.height - 1, t),
          to_internal(t, fmt::format(FMT_COMPILE("{}->mem{}->grow({})"), ctx(), in.a, delta)));
      reload_memory_sizes();
      return true;
    }
    case Opcode::MemoryFill: {
      ValType t = info_.address_type(in.a);
      std::string dst = get(in.height - 3, t);
      std::string value = get(in.height - 2, ValType::I32);
      std::string len = get(in.height - 1, t);
      line_format(FMT_COMPILE("{}->mem{}->fill({}, uint8_t({}), {});"), ctx(), in.a, dst, value,
                  len);
      return true;
    }
    case Opcode::MemoryCopy: {
      ValType dst_type = info_.address_type(in.a);
      ValType src_type = info_.address_type(in.b);
      ValType len_type = dst_type == ValType::I64 && src_type == ValType::I64 ? ValType::I64 : ValType::I32;
      std::string dst = get(in.height - 3, dst_type);
      std::string src = get(in.height - 2, src_type);
      std::string len = get(in.height - 1, len_type);
      std::string c = ctx();
      line_format(FMT_COMPILE("wasm2cpp::Memory::copy(*{0}->mem{1}, {2}, *{0}->mem{3}, {4}, {5});"),
                  c, in.a, dst, in.b, src, len);
      return true;
    }
    case Opcode::MemoryInit: {
      std::string dst = get(in.height - 3, info_.address_type(in.b));
      std::string src = get(in.height - 2, ValType::I32);
      std::string len = get(in.height - 1, ValType::I32);
      std::string c = ctx();
      line_format(FMT_COMPILE("{0}->mem{1}->init({2}, {0}->data{3}, {4}, {5});"), c, in.b, dst,
                  in.a, src, len);
      return true;
    }
    case Opcode::DataDrop:
      // A dropped segment behaves as an empty one.
      line_format(FMT_COMPILE("{}->data{} = {{}};"), ctx(), in.a);
      return true;
    default: return false;
  }
}

}  // namespace wasm2cpp::emit
