// Function body validation: the SIMD instructions that carry immediates
// (v128.const, i8x16.shuffle, extract/replace_lane, v128.loadN_lane /
// storeN_lane). SIMD loads and stores with a plain memarg go through
// on_memory and the pure SIMD operations through the fixed-signature path.
#include <fmt/format.h>

#include "validate/function_validator_state.hpp"

namespace wasm2cpp {

namespace {

// Lanes of the shape an extract/replace_lane mnemonic starts with
// ("i8x16." -> 16, "f64x2." -> 2).
uint32_t lane_count(std::string_view mnemonic) {
  const size_t x = mnemonic.find('x');
  const size_t dot = mnemonic.find('.');
  uint32_t lanes = 0;
  for (size_t i = x + 1; i < dot; ++i) lanes = lanes * 10 + static_cast<uint32_t>(mnemonic[i] - '0');
  return lanes;
}

uint32_t log2_of(uint32_t bytes) {
  uint32_t log = 0;
  while ((1u << log) < bytes) ++log;
  return log;
}

}  // namespace

bool FunctionValidator::State::on_simd(const RawInstr& in, uint32_t h) {
  const OpcodeInfo& op = info(in.op);
  const function_validation::FixedSignature& sig = function_validation::fixed_signature(in.op);
  switch (op.immediate) {
    case Immediate::V128:
      push(ValType::V128);
      emit(in.op, h, in.a, in.b, in.imm);
      return true;
    case Immediate::Shuffle: {
      uint8_t lanes[16];
      for (unsigned i = 0; i < 8; ++i) lanes[i] = static_cast<uint8_t>(in.imm >> (8 * i));
      for (unsigned i = 0; i < 4; ++i) lanes[8 + i] = static_cast<uint8_t>(in.a >> (8 * i));
      for (unsigned i = 0; i < 4; ++i) lanes[12 + i] = static_cast<uint8_t>(in.b >> (8 * i));
      for (uint8_t lane : lanes)
        if (lane >= 32) return fail(fmt::format("invalid lane index {} for i8x16.shuffle", lane));
      if (!pop(ValType::V128) || !pop(ValType::V128)) return false;
      push(ValType::V128);
      emit(in.op, h, in.a, in.b, in.imm);
      return true;
    }
    case Immediate::LaneIdx: {
      if (in.a >= lane_count(op.mnemonic))
        return fail(fmt::format("invalid lane index {} for {}", in.a, op.mnemonic));
      for (uint32_t i = sig.num_params; i-- > 0;)
        if (!pop(sig.params[i])) return false;
      push(sig.result);
      emit(in.op, h, in.a);
      return true;
    }
    case Immediate::MemArgLane: {
      ValType address;
      if (!check_memory(in.a, address)) return false;
      const uint32_t align = in.b & 0xff;
      const uint32_t lane = in.b >> 8;
      if (align > log2_of(op.access_bytes))
        return fail(fmt::format("alignment must not be larger than natural ({} > {} for {})",
                                1ull << align, op.access_bytes, op.mnemonic));
      if (lane >= 16 / op.access_bytes)
        return fail(fmt::format("invalid lane index {} for {}", lane, op.mnemonic));
      if (address == ValType::I32 && in.imm > 0xffffffffull) return fail("offset out of range");
      if (!pop(ValType::V128) || !pop(address)) return false;
      if (!op.results.empty()) push(ValType::V128);
      if (live) ir->uses_memory = true;
      emit(in.op, h, in.a, in.b, in.imm);
      return true;
    }
    default: return fail(fmt::format("unsupported instruction {}", op.mnemonic));
  }
}

}  // namespace wasm2cpp
