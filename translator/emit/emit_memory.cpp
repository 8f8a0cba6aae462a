// Linear-memory instructions: loads and stores, scalar and SIMD (guard or
// explicit bounds checks, versioned loops' unchecked copies),
// memory.size/grow, bulk memory and data segments.
#include "emit/function_emitter.hpp"
#include "fmt/compile.h"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

// The C++ type a scalar access reads or writes. Narrow loads read a signed
// or unsigned narrow type (converting it to the unsigned wide type sign- or
// zero-extends); narrow stores truncate to the unsigned narrow type.
const char* memory_type(const MemoryAccessInfo& access) {
  if (access.value == 'f' && access.bytes == 4) return "float";
  if (access.value == 'F' && access.bytes == 8) return "double";
  switch (access.bytes) {
    case 1: return access.sign_extends ? "int8_t" : "uint8_t";
    case 2: return access.sign_extends ? "int16_t" : "uint16_t";
    case 4: return access.sign_extends ? "int32_t" : "uint32_t";
    default: return "uint64_t";
  }
}

// The wasm type of the value loaded or stored (opcodes.def letter).
ValType value_type(const MemoryAccessInfo& access) {
  switch (access.value) {
    case 'i': return ValType::I32;
    case 'I': return ValType::I64;
    case 'f': return ValType::F32;
    case 'F': return ValType::F64;
    default: return ValType::V128;
  }
}

// A type of `bytes` bytes, for touching a dropped SIMD load.
const char* simd_touch_type(uint32_t bytes) {
  switch (bytes) {
    case 1: return "uint8_t";
    case 2: return "uint16_t";
    case 4: return "uint32_t";
    case 8: return "uint64_t";
    default: return "wasm2cpp::v128";
  }
}

// The runtime helper (simd_memory.hpp) of a SIMD access, e.g.
// "v128.load8_lane" lane 3 -> "simd::v128_load8_lane<3>".
std::string simd_helper(const Instr& in, const MemoryAccessInfo& access) {
  std::string name = "simd::";
  for (char c : info(in.op).mnemonic) name += c == '.' ? '_' : c;
  if (access.has_lane) append_format(name, FMT_COMPILE("<{}>"), in.b >> 8);
  return name;
}

// The call of a SIMD access's helper; `operand` is a lane access's vector.
std::string simd_call(const Instr& in, const MemoryAccessInfo& access, std::string_view pointer,
                      std::string_view operand) {
  if (access.operands == 1) return format_text(FMT_COMPILE("{}({})"), simd_helper(in, access), pointer);
  return format_text(FMT_COMPILE("{}({}, {})"), simd_helper(in, access), pointer, operand);
}

std::string offset_literal(uint64_t offset, bool memory64) {
  return memory64 ? format_text(FMT_COMPILE("{}ull"), offset)
                  : format_text(FMT_COMPILE("{}u"), offset);
}

}  // namespace

std::string FunctionEmitter::address_pointer(uint32_t memory, std::string_view addr, uint64_t offset) {
  // Security: a 32-bit address is widened to 64 bits before the offset is
  // added, so addr + offset < 2^33 cannot wrap; in guard mode that stays in
  // the reserved range, in explicit mode it was checked just before.
  std::string base = mem_base(memory);
  if (offset == 0) return format_text(FMT_COMPILE("{} + {}"), base, addr);
  if (info_.memory64(memory))
    return format_text(FMT_COMPILE("{} + ({} + {})"), base, addr, offset_literal(offset, true));
  return format_text(FMT_COMPILE("{} + (uint64_t({}) + {})"), base, addr,
                     offset_literal(offset, false));
}

void FunctionEmitter::bounds_check(uint32_t memory, std::string_view addr, uint64_t offset,
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
    // operands began. Calls and the like: not worth modelling here.
    const std::optional<StackEffect> effect = stack_effect(prev.op);
    if (!effect) return false;
    const uint32_t pops = effect->pops;
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
  std::string out = format_text(FMT_COMPILE("uint64_t(v{}_b{})"), b, access.group);
  if (stride > 0) out += format_text(FMT_COMPILE(" + v{}_k * {}u"), b, stride);
  if (stride < 0) out += format_text(FMT_COMPILE(" - v{}_k * {}u"), b, -int64_t{stride});
  const int64_t constant = int64_t{access.delta} + static_cast<int64_t>(access.offset);
  if (constant > 0) out += format_text(FMT_COMPILE(" + {}ull"), constant);
  if (constant < 0) out += format_text(FMT_COMPILE(" - {}ull"), -constant);
  return format_text(FMT_COMPILE("{} + ({})"), mem_base(access.memory), out);
}

std::string FunctionEmitter::unchecked_load(const VersionedAccess& access) {
  const Instr& in = ir_.code[access.instr];
  const MemoryAccessInfo load = *memory_access(in.op);
  if (!load.is_simd)
    return format_text(FMT_COMPILE("wasm2cpp::load_at<{}>({})"), memory_type(load), unchecked_pointer(access));
  const VarName vector = load.operands == 2 ? get(in.height - 1, ValType::V128) : VarName();
  return simd_call(in, load, unchecked_pointer(access), vector);
}

bool FunctionEmitter::emit_memory(const Instr& in, bool result_dropped) {
  if (const std::optional<MemoryAccessInfo> access = memory_access(in.op)) {
    const uint32_t memory = in.a;
    const uint32_t bytes = access->bytes;
    const uint32_t addr_height = access->address_height(in.height);
    const ValType value = value_type(*access);
    const size_t index = static_cast<size_t>(&in - ir_.code.data());
    const VersionedAccess* unchecked = unchecked_copy_ ? unchecked_copy_->access_at(index) : nullptr;
    // Guard mode's store sinks (load_uses_stores.cpp): a fenced store keeps
    // the opaque loads feeding it, in either copy of a versioned loop.
    auto store_sinks = [&]() -> const LoadUses& {
      if (!load_uses_) load_uses_.emplace(ir_, info_.module);
      return *load_uses_;
    };
    const VarName addr = get(addr_height, info_.address_type(memory));
    // The stored value, or a lane access's vector operand.
    const VarName operand = access->operands == 2 ? get(in.height - 1, value) : VarName();
    // In a versioned loop's unchecked copy the range test before the loop
    // (loop_versioning.hpp) proved the access in bounds: no check, no
    // barrier, and a dropped load is nothing at all.
    const bool in_bounds = unchecked || statically_in_bounds(in, addr_height, bytes);
    if (!in_bounds) bounds_check(memory, addr, in.imm, bytes);
    // Named only where used: naming a memory's base makes the function load it.
    auto pointer = [&] { return unchecked ? unchecked_pointer(*unchecked) : address_pointer(memory, addr, in.imm); };
    if (access->is_store) {
      if (access->is_simd) {
        line_format(FMT_COMPILE("{};"), simd_call(in, *access, pointer(), operand));
        return true;
      }
      bool narrow = bytes < (value == ValType::I64 || value == ValType::F64 ? 8u : 4u);
      std::string stored = narrow ? format_text(FMT_COMPILE("{}({})"), memory_type(*access), operand)
                                : std::string(operand.view());
      const char* storer =
          !explicit_checks(memory) && store_sinks().needs_store_fence(index) ? "store_fenced" : "store_at";
      line_format(FMT_COMPILE("wasm2cpp::{}<{}>({}, {});"), storer, memory_type(*access), pointer(), stored);
      return true;
    }
    if (result_dropped) {
      // The value is never used: in guard mode the access must still fault
      // when out of bounds, so it is made volatile rather than deleted; in
      // explicit mode the check above is all that is needed.
      if (unchecked) return true;
      if (in_bounds) {
        // Cannot fault: nothing to do (a forwarded constant address is not
        // even a variable to mark used).
        if (!slot_aliased(addr_height) || alias_[addr_height].local != SlotAlias::kNoLocal)
          line_format(FMT_COMPILE("(void){};"), addr);
      }
      else if (!explicit_checks(memory))
        line_format(FMT_COMPILE("wasm2cpp::touch_at<{}>({});"),
                    access->is_simd ? simd_touch_type(bytes) : memory_type(*access), pointer());
      return true;
    }
    // Guard mode: a value the compiler might drop or narrow goes through a
    // barrier, so the load happens in full and faults (load_uses.hpp).
    const bool kept = !explicit_checks(memory) && !in_bounds && needs_load_barrier(in);
    if (access->is_simd) {
      const VarName result = put(addr_height, value);
      line_format(FMT_COMPILE("{} = {};"), result, simd_call(in, *access, pointer(), operand));
      if (kept) line_format(FMT_COMPILE("wasm2cpp::keep({});"), result);
      return true;
    }
    // An opaque load (a fenced store relies on it) stays opaque statically
    // in bounds too. A read-modify-write load relies on its partner being
    // opaque, which the unchecked copy may have made a plain load: a barrier.
    const bool opaque = !explicit_checks(memory) && !unchecked && store_sinks().is_opaque_load(index);
    const bool rmw_kept = !explicit_checks(memory) && !in_bounds && unchecked_copy_ &&
                          store_sinks().is_read_modify_write_load(index);
    const char* loader = opaque ? "load_opaque" : kept || rmw_kept ? "load_kept" : "load_at";
    // A hoisted load was read at the top of the iteration.
    std::string load = unchecked && unchecked->hoisted ? hoisted_load_name(*unchecked)
                       : format_text(FMT_COMPILE("wasm2cpp::{}<{}>({})"), loader, memory_type(*access), pointer());
    std::string target = internal_type(value);
    if (target != memory_type(*access)) load = format_text(FMT_COMPILE("{}({})"), target, load);
    assign_line(put(addr_height, value), load);
    return true;
  }

  switch (in.op) {
    case Opcode::MemorySize: {
      ValType t = info_.address_type(in.a);
      line_format(FMT_COMPILE("{} = {};"), put(in.height, t),
                  to_internal(t == ValType::I64 ? ValType::I64 : ValType::I32,
                              format_text(FMT_COMPILE("{}->mem{}->size_pages()"), ctx(), in.a)));
      return true;
    }
    case Opcode::MemoryGrow: {
      // grow() returns the old size or -1, which converts to the unsigned
      // all-ones value wasm expects.
      ValType t = info_.address_type(in.a);
      const VarName delta = get(in.height - 1, t);
      line_format(
          FMT_COMPILE("{} = {};"), put(in.height - 1, t),
          to_internal(t, format_text(FMT_COMPILE("{}->mem{}->grow({})"), ctx(), in.a, delta)));
      reload_memory_sizes();
      return true;
    }
    case Opcode::MemoryFill: {
      ValType t = info_.address_type(in.a);
      const VarName dst = get(in.height - 3, t);
      const VarName value = get(in.height - 2, ValType::I32);
      const VarName len = get(in.height - 1, t);
      line_format(FMT_COMPILE("{}->mem{}->fill({}, uint8_t({}), {});"), ctx(), in.a, dst, value,
                  len);
      return true;
    }
    case Opcode::MemoryCopy: {
      ValType dst_type = info_.address_type(in.a);
      ValType src_type = info_.address_type(in.b);
      ValType len_type = dst_type == ValType::I64 && src_type == ValType::I64 ? ValType::I64 : ValType::I32;
      const VarName dst = get(in.height - 3, dst_type);
      const VarName src = get(in.height - 2, src_type);
      const VarName len = get(in.height - 1, len_type);
      const VarName c = ctx();
      line_format(FMT_COMPILE("wasm2cpp::Memory::copy(*{0}->mem{1}, {2}, *{0}->mem{3}, {4}, {5});"),
                  c, in.a, dst, in.b, src, len);
      return true;
    }
    case Opcode::MemoryInit: {
      const VarName dst = get(in.height - 3, info_.address_type(in.b));
      const VarName src = get(in.height - 2, ValType::I32);
      const VarName len = get(in.height - 1, ValType::I32);
      const VarName c = ctx();
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
