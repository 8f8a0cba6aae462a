// SIMD (v128) instructions: constants, shuffles and the pure operations
// (driven by the `cpp` column of opcodes.def, with $imm for a lane
// immediate). The SIMD loads and stores (splat / extend / zero / lane forms)
// are emitted with the scalar ones in emit_memory.cpp. Helpers live in
// runtime/include/wasm2cpp/simd.hpp; generated files that use them include
// it and alias `simd` (translate.cpp).
#include <span>

#include "emit/function_emitter.hpp"
#include "fmt/format.h"
#include "support/invariant.hpp"

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
std::string expand_simd(std::string_view pattern, std::span<const VarName> operands, uint32_t lane) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '$') {
      out += pattern[i];
    } else if (pattern.substr(i, 4) == "$imm") {
      append_format(out, FMT_COMPILE("{}"), lane);
      i += 3;
    } else {
      out += operands[static_cast<size_t>(pattern[i + 1] - '0')].view();
      ++i;
    }
  }
  return out;
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
        list += format_text(FMT_COMPILE("{}{}"), i ? ", " : "", lanes[i]);
      const VarName a = get(in.height - 2, ValType::V128);
      const VarName b = get(in.height - 1, ValType::V128);
      line_format(FMT_COMPILE("{} = simd::i8x16_shuffle<{}>({}, {});"),
                  put(in.height - 2, ValType::V128), list, a, b);
      return true;
    }
    case Immediate::MemArg:
    case Immediate::MemArgLane:
      // Loads and stores, scalar or SIMD, share one emission (emit_memory.cpp).
      return emit_memory(in, result_dropped);
    default: break;
  }
  if (op.cpp.empty()) return false;
  const uint32_t n = static_cast<uint32_t>(op.params.size());
  VarName operands[3];  // SIMD instructions take at most three operands
  WASM2CPP_INVARIANT(n <= std::size(operands));
  for (uint32_t i = 0; i < n; ++i) operands[i] = get(in.height - n + i, simd_letter_type(op.params[i]));
  line_format(FMT_COMPILE("{} = {};"), put(in.height - n, simd_letter_type(op.results[0])),
              expand_simd(op.cpp, std::span<const VarName>(operands, n), in.a));
  return true;
}

}  // namespace wasm2cpp::emit
