// Guaranteed tail calls: the module plan, tail entries (a second entry point
// taking its arguments from a trampoline buffer) and the return_call /
// return_call_indirect sites in both kinds of entry.
#include "emit/emit_tail_calls.hpp"

#include <algorithm>

#include "decode/instruction_reader.hpp"
#include "emit/function_emitter.hpp"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

struct ValueLayout {
  uint32_t size;
  uint32_t align;
};

// Sizes of the public C++ types (FuncRef is three pointers).
ValueLayout layout_of(ValType t) {
  switch (t) {
    case ValType::I32:
    case ValType::F32: return {4, 4};
    case ValType::I64:
    case ValType::F64:
    case ValType::ExternRef: return {8, 8};
    case ValType::V128: return {16, 16};
    case ValType::FuncRef: return {24, 8};
    default: return {16, 16};
  }
}

// Marks return_call targets and the types of every tail call in one body.
// Returns whether the body contains a tail call.
bool scan_body(const Module& module, const Function& func, const Features& features,
               std::vector<bool>& direct_targets, std::vector<bool>& tail_called_types) {
  bool found = false;
  ByteCursor cursor(func.body, func.body_offset);
  auto groups = cursor.read_count(2);
  if (!groups) return false;
  for (uint32_t i = 0; i < *groups; ++i)
    if (!cursor.read_u32() || !read_val_type(cursor, features)) return false;
  std::vector<uint32_t> br_targets;
  while (!cursor.at_end()) {
    br_targets.clear();
    auto in = read_instruction(cursor, features, br_targets);
    if (!in) break;
    if (in->op == Opcode::ReturnCall && in->a < module.functions.size()) {
      found = true;
      direct_targets[in->a] = true;
      tail_called_types[module.functions[in->a].type_index] = true;
    } else if (in->op == Opcode::ReturnCallIndirect && in->a < module.types.size()) {
      found = true;
      tail_called_types[in->a] = true;
    }
  }
  return found;
}

// Continue with `entry` (tc->data holds its arguments); the dummy result
// is only returned to the trampoline loop.
std::string tail_jump(const FuncType& type, const std::string& entry) {
  if (type.results.empty()) return fmt::format("WASM2CPP_TAIL_JUMP(tc, {});", entry);
  return fmt::format("WASM2CPP_TAIL_JUMP(tc, {}, {{}});", entry);
}

}  // namespace

uint32_t tail_argument_bytes(const FuncType& type) {
  uint32_t end = 0;
  for (ValType t : type.params) {
    ValueLayout l = layout_of(t);
    end = (end + l.align - 1) / l.align * l.align + l.size;
  }
  return end;
}

std::vector<uint32_t> tail_argument_offsets(const FuncType& type) {
  std::vector<uint32_t> offsets;
  uint32_t end = 0;
  for (ValType t : type.params) {
    ValueLayout l = layout_of(t);
    uint32_t at = (end + l.align - 1) / l.align * l.align;
    offsets.push_back(at);
    end = at + l.size;
  }
  return offsets;
}

TailCallPlan plan_tail_calls(const Module& module, const Features& features) {
  TailCallPlan plan;
  if (!features.has(Feature::TailCall)) return plan;
  const uint32_t count = static_cast<uint32_t>(module.functions.size());
  std::vector<bool> has_tail_calls(count, false), direct_targets(count, false);
  std::vector<bool> tail_called_types(module.types.size(), false);
  for (uint32_t f = 0; f < count; ++f) {
    const Function& func = module.functions[f];
    if (func.imported || func.type_index >= module.types.size()) continue;
    has_tail_calls[f] = scan_body(module, func, features, direct_targets, tail_called_types);
    plan.any = plan.any || has_tail_calls[f];
  }
  if (!plan.any) return plan;

  // Only a function that itself tail-calls can continue a chain of tail
  // calls: any other callee is simply called (one frame, which returns
  // before the chain could go on). So tail entries go to tail-calling
  // functions that are reached by a direct return_call or through a funcref
  // (element segments, ref.func, exports: a return_call_indirect here or in
  // another module); the latter are registered.
  plan.has_entry.assign(count, false);
  plan.registered.assign(count, false);
  for (uint32_t f = 0; f < count; ++f) {
    if (!has_tail_calls[f]) continue;
    bool by_ref = f < module.declared_func_refs.size() && module.declared_func_refs[f];
    plan.has_entry[f] = direct_targets[f] || by_ref;
    plan.registered[f] = by_ref;
  }
  for (uint32_t t = 0; t < module.types.size(); ++t)
    if (tail_called_types[t])
      plan.buffer_bytes = std::max(plan.buffer_bytes, tail_argument_bytes(module.types[t]));
  plan.buffer_bytes = (plan.buffer_bytes + 15) / 16 * 16;
  return plan;
}

std::string tail_entry_name(const ModuleInfo& info, uint32_t func) {
  // Defined functions are all named fn...: tail_fn... cannot collide.
  return "tail_" + info.function_names[func];
}

std::string leave_no_tail_call_region() {
  return "#if defined(__clang__)\n#pragma clang attribute pop\n#endif\n";
}

std::string reenter_no_tail_call_region() {
  return "#if defined(__clang__)\n"
         "#pragma clang attribute push(__attribute__((disable_tail_calls)), apply_to = function)\n"
         "#endif\n";
}

std::string emit_tail_entry_declarations(const ModuleInfo& info, bool shared_linkage) {
  const TailCallPlan& plan = info.tail_calls;
  if (!plan.any) return "";
  const Module& m = info.module;
  std::string out = "\n// Tail entries (see wasm2cpp/tail_call.hpp).\n" + leave_no_tail_call_region();
  std::string pairs;
  for (uint32_t f = 0; f < m.functions.size(); ++f) {
    if (!plan.entry(f)) continue;
    out += shared_linkage ? "" : "[[maybe_unused]] static ";
    out += fmt::format("{} {}(wasm2cpp::TailCall* tc);\n", result_type(m.func_type(f)), tail_entry_name(info, f));
    if (plan.registered[f])
      pairs += fmt::format("    {{reinterpret_cast<void (*)()>(&{}), reinterpret_cast<wasm2cpp::ErasedTailEntry>(&{})}},\n",
                           info.function_names[f], tail_entry_name(info, f));
  }
  out += reenter_no_tail_call_region();
  if (!pairs.empty()) {
    // One registration per module: with several shards each carries this
    // text, and inline variables are merged by the linker.
    const char* linkage = shared_linkage ? "inline" : "static";
    out += fmt::format("{} const wasm2cpp::TailEntryPair tail_entry_pairs[] = {{\n{}}};\n", linkage, pairs);
    out += fmt::format("{} const wasm2cpp::TailEntryRegistration tail_entry_registration{{tail_entry_pairs}};\n",
                       linkage);
  }
  return out;
}

// ---- FunctionEmitter: tail entries and tail-call sites ---------------------

std::string FunctionEmitter::tail_entry_header(bool shared_linkage) const {
  std::string out = shared_linkage ? "" : "[[maybe_unused]] static ";
  return out + fmt::format("{} {}(wasm2cpp::TailCall* tc)", result_type(type_),
                           tail_entry_name(info_, ir_.func_index));
}

std::string FunctionEmitter::tail_entry_prologue(const std::vector<bool>& named) const {
  std::string out;
  std::vector<uint32_t> offsets = tail_argument_offsets(type_);
  for (uint32_t i = 0; i < type_.params.size(); ++i) {
    if (!named[i]) continue;
    const std::string type = public_type(type_.params[i]);
    out += fmt::format("  {0} p{1} = wasm2cpp::tail_get<{0}>(tc->data + {2});\n", type, i, offsets[i]);
  }
  if (named.back()) out += "  void* env = tc->env;\n";
  // The arguments are read: the buffer and `next` now belong to this call.
  out += "  tc->next = nullptr;\n";
  return out;
}

void FunctionEmitter::put_tail_arguments(const FuncType& type, uint32_t first, const std::string& buffer) {
  std::vector<uint32_t> offsets = tail_argument_offsets(type);
  for (uint32_t i = 0; i < type.params.size(); ++i) {
    const std::string public_name = public_type(type.params[i]);
    line(fmt::format("wasm2cpp::tail_put<{}>({} + {}, {});", public_name, buffer, offsets[i],
                     to_public(type.params[i], get(first + i, type.params[i]))));
  }
}

void FunctionEmitter::start_trampoline(const FuncType& type, uint32_t first, const std::string& env,
                                       const std::string& entry) {
  const uint32_t bytes = info_.tail_calls.buffer_bytes;
  line(fmt::format("alignas(16) unsigned char tail_buffer[{}];", bytes));
  line(fmt::format("wasm2cpp::TailCall tail_call{{nullptr, {}, tail_buffer, {}}};", env, bytes));
  put_tail_arguments(type, first, "tail_buffer");
  line(fmt::format("return wasm2cpp::run_tail_calls<{}>(&tail_call, {});", result_type(type), entry));
}

void FunctionEmitter::emit_return_call(const Instr& in) {
  const FuncType& type = info_.func_type(in.a);
  const uint32_t first = in.height - static_cast<uint32_t>(type.params.size());
  if (info_.module.functions[in.a].imported) {
    tail_call_through_ref(type, first, fmt::format("{}->func{}", ctx(), in.a));
    return;
  }
  if (!info_.tail_calls.entry(in.a)) {
    // The callee makes no tail calls: an ordinary call ends the chain.
    line(fmt::format("return {}({}{});", info_.function_names[in.a], ctx(), call_args(type, first)));
    live_ = false;
    return;
  }
  const std::string entry = "&" + tail_entry_name(info_, in.a);
  const uint32_t bytes = tail_argument_bytes(type);
  line("{");
  ++indent_;
  if (!tail_entry_) {
    start_trampoline(type, first, ctx(), entry);
  } else if (bytes <= kTailCallMinCapacity) {
    put_tail_arguments(type, first, "tc->data");
    line(tail_jump(type, entry));
  } else {
    // The buffer comes from whichever trampoline runs this chain: if it is
    // too small, call the ordinary entry (one frame; it starts a trampoline
    // of its own module's size, so this cannot repeat without bound).
    line(fmt::format("if (tc->capacity >= {}) {{", bytes));
    ++indent_;
    put_tail_arguments(type, first, "tc->data");
    line(tail_jump(type, entry));
    --indent_;
    line("}");
    line(fmt::format("return {}({}{});", info_.function_names[in.a], ctx(), call_args(type, first)));
  }
  --indent_;
  line("}");
  live_ = false;
}

void FunctionEmitter::emit_return_call_indirect(const Instr& in) {
  const FuncType& type = info_.module.types[in.a];
  const uint32_t first = in.height - 1 - static_cast<uint32_t>(type.params.size());
  std::string c = ctx();
  tail_call_through_ref(type, first,
                        fmt::format("wasm2cpp::tail_call_target({}->table{}, {}, {}->type{})", c, in.b,
                                    get(in.height - 1, ValType::I32), c, in.a));
}

void FunctionEmitter::tail_call_through_ref(const FuncType& type, uint32_t first, const std::string& ref) {
  const std::string result = result_type(type);
  const uint32_t bytes = tail_argument_bytes(type);
  line("{");
  ++indent_;
  line(fmt::format("const wasm2cpp::FuncRef tail_ref = {};", ref));
  std::string condition = fmt::format("const auto tail_entry = wasm2cpp::find_tail_entry_as<{}>(tail_ref.code)", result);
  if (tail_entry_ && bytes > kTailCallMinCapacity) condition += fmt::format("; tail_entry && tc->capacity >= {}", bytes);
  line(fmt::format("if ({}) {{", condition));
  ++indent_;
  if (!tail_entry_) {
    start_trampoline(type, first, "tail_ref.env", "tail_entry");
  } else {
    line("tc->env = tail_ref.env;");
    put_tail_arguments(type, first, "tc->data");
    line(tail_jump(type, "tail_entry"));
  }
  --indent_;
  line("}");
  // Not translated with tail calls (a host function, another module): an
  // ordinary call. It adds one frame, which is not wasm recursion.
  line(fmt::format("return wasm2cpp::call_ref<{}>(tail_ref{});", result, call_args(type, first)));
  --indent_;
  line("}");
  live_ = false;
}

}  // namespace wasm2cpp::emit
