// SIMD (v128) instructions: constants, shuffles, the pure operations (driven
// by the `cpp` column of opcodes.def, with $imm for a lane immediate) and the
// SIMD loads and stores (splat / extend / zero / lane forms) in both bounds
// check modes. Helpers live in runtime/include/wasm2cpp/simd.hpp; generated
// files that use them include it and alias `simd` (translate.cpp).
#include "emit/function_emitter.hpp"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

ValType simd_letter_type(char c) {
  switch (c) {
    case 'i': return ValType::I32;
    case 'I': return ValType::I64;
    case 'f': return ValType::F32;
    case 'F': return ValType::F64;
    default: return ValType::V128;
  }
}

// Substitutes $0, $1, $2 (operands) and $imm (the lane index).
std::string expand_simd(std::string_view pattern, const std::vector<std::string>& operands, uint32_t lane) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '$') {
      out += pattern[i];
    } else if (pattern.substr(i, 4) == "$imm") {
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), lane);
      i += 3;
    } else {
      out += operands[static_cast<size_t>(pattern[i + 1] - '0')];
      ++i;
    }
  }
  return out;
}

// "v128.load8_lane" -> "simd::v128_load8_lane".
std::string helper_name(std::string_view mnemonic) {
  std::string name = "simd::";
  for (char c : mnemonic) name += c == '.' ? '_' : c;
  return name;
}

// A type of `bytes` bytes, for touching a dropped load.
const char* access_type(uint32_t bytes) {
  switch (bytes) {
    case 1: return "uint8_t";
    case 2: return "uint16_t";
    case 4: return "uint32_t";
    case 8: return "uint64_t";
    default: return "wasm2cpp::v128";
  }
}

}  // namespace

bool FunctionEmitter::emit_simd(const Instr& in, bool result_dropped) {
  const OpcodeInfo& op = info(in.op);
  if (op.prefix != 0xfd) return false;
  switch (op.immediate) {
    case Immediate::V128: {
      const uint64_t hi = uint64_t{in.b} << 32 | in.a;
      line_format(FMT_COMPILE("{} = simd::make(0x{:016x}ull, 0x{:016x}ull);"),
                  put(in.height, ValType::V128), in.imm, hi);
      return true;
    }
    case Immediate::Shuffle: {
      uint8_t lanes[16];
      v128_bytes(in, lanes);
      std::string list;
      for (unsigned i = 0; i < 16; ++i)
        list += fmt::format(FMT_COMPILE("{}{}"), i ? ", " : "", lanes[i]);
      std::string a = get(in.height - 2, ValType::V128);
      std::string b = get(in.height - 1, ValType::V128);
      line_format(FMT_COMPILE("{} = simd::i8x16_shuffle<{}>({}, {});"),
                  put(in.height - 2, ValType::V128), list, a, b);
      return true;
    }
    case Immediate::MemArg:
    case Immediate::MemArgLane: {
      const uint32_t memory = in.a;
      const uint32_t lane = in.b >> 8;
      const ValType addr_type = info_.address_type(memory);
      const bool store = op.results.empty();
      const bool has_vector_operand = op.params.size() == 2;
      const uint32_t addr_height = in.height - static_cast<uint32_t>(op.params.size());
      std::string addr = get(addr_height, addr_type);
      std::string vector = has_vector_operand ? get(in.height - 1, ValType::V128) : "";
      // In a versioned loop's unchecked copy, v128.load/store are proven in
      // bounds by the range test (loop_versioning.hpp): no check, no barrier.
      const VersionedAccess* unchecked =
          unchecked_copy_ ? unchecked_copy_->access_at(static_cast<size_t>(&in - ir_.code.data())) : nullptr;
      if (unchecked) {
        std::string pointer = unchecked_pointer(*unchecked);
        if (store)
          line_format(FMT_COMPILE("simd::v128_store({}, {});"), pointer, vector);
        else if (!result_dropped)
          line_format(FMT_COMPILE("{} = simd::v128_load({});"), put(addr_height, ValType::V128), pointer);
        return true;
      }
      const bool in_bounds = statically_in_bounds(in, addr_height, op.access_bytes);
      if (!in_bounds) bounds_check(memory, addr, in.imm, op.access_bytes);
      if (result_dropped && !store) {
        // As for scalar loads: in guard mode a dropped load must still fault;
        // with explicit checks the check alone is the whole access (the base
        // is not even named, so no unused variable appears).
        if (in_bounds)
          line_format(FMT_COMPILE("(void){};"), addr);  // cannot fault: nothing to do
        else if (!explicit_checks(memory))
          line_format(FMT_COMPILE("wasm2cpp::touch_at<{}>({});"), access_type(op.access_bytes),
                      address_pointer(memory, addr, in.imm));
        return true;
      }
      std::string pointer = address_pointer(memory, addr, in.imm);
      std::string helper = helper_name(op.mnemonic);
      if (op.immediate == Immediate::MemArgLane) helper += fmt::format(FMT_COMPILE("<{}>"), lane);
      if (store) {
        line_format(FMT_COMPILE("{}({}, {});"), helper, pointer, vector);
        return true;
      }
      std::string args = has_vector_operand ? pointer + ", " + vector : pointer;
      std::string result = put(addr_height, ValType::V128);
      line_format(FMT_COMPILE("{} = {}({});"), result, helper, args);
      // Guard mode: keep the loaded vector, as for scalar loads (load_uses.hpp).
      if (!explicit_checks(memory) && !in_bounds && needs_load_barrier(in))
        line_format(FMT_COMPILE("wasm2cpp::keep({});"), result);
      return true;
    }
    default: break;
  }
  if (op.cpp.empty()) return false;
  const uint32_t n = static_cast<uint32_t>(op.params.size());
  std::vector<std::string> operands;
  for (uint32_t i = 0; i < n; ++i) operands.push_back(get(in.height - n + i, simd_letter_type(op.params[i])));
  line_format(FMT_COMPILE("{} = {};"), put(in.height - n, simd_letter_type(op.results[0])),
              expand_simd(op.cpp, operands, in.a));
  return true;
}

}  // namespace wasm2cpp::emit
