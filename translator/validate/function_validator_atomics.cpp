// Function body validation: the threads proposal's 0xFE instructions that
// carry a memarg (atomic loads, stores, read-modify-write, compare-exchange,
// wait and notify). atomic.fence has no operands and goes through the
// fixed-signature path.
//
// Atomic accesses are valid on any memory, shared or not (only wait traps,
// at run time, on an unshared memory); their alignment immediate must be
// exactly the natural alignment of the access.
#include <fmt/format.h>

#include "validate/function_validator_state.hpp"

namespace wasm2cpp {

namespace {

uint32_t log2_of(uint32_t bytes) {
  uint32_t log = 0;
  while ((1u << log) < bytes) ++log;
  return log;
}

}  // namespace

bool FunctionValidator::State::on_atomic(const RawInstr& in, uint32_t h) {
  const OpcodeInfo& op = info(in.op);
  ValType address;
  if (!check_memory(in.a, address)) return false;
  if (in.b != log2_of(op.access_bytes))
    return fail(fmt::format("atomic alignment must be natural ({} != {} for {})", 1ull << in.b,
                            op.access_bytes, op.mnemonic));
  if (address == ValType::I32 && in.imm > 0xffffffffull) return fail("offset out of range");
  // Operands after the address, from the top of the stack down.
  const function_validation::FixedSignature& sig = function_validation::fixed_signature(in.op);
  for (uint32_t i = sig.num_params; i-- > 1;)
    if (!pop(sig.params[i])) return false;
  if (!pop(address)) return false;
  if (sig.num_results) push(sig.result);
  if (live) ir->uses_memory = true;
  emit(in.op, h, in.a, in.b, in.imm);
  return true;
}

}  // namespace wasm2cpp
