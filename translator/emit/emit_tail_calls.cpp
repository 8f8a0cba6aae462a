// Guaranteed tail calls: the module plan, tail entries (a second entry point
// taking its arguments from a trampoline buffer) and the return_call /
// return_call_indirect sites in both kinds of entry.
#include "emit/emit_tail_calls.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "emit/function_emitter.hpp"
#include "ir/opcode.hpp"
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

// The opcode of each one-byte encoding, Opcode::kCount for the prefix bytes
// and unassigned ones: the common case without lookup_opcode's call.
constexpr std::array<Opcode, 256> kOneByteOpcodes = [] {
  std::array<Opcode, 256> table;
  table.fill(Opcode::kCount);
  for (size_t i = 0; i < static_cast<size_t>(Opcode::kCount); ++i)
    if (kOpcodeInfo[i].prefix == 0) table[kOpcodeInfo[i].code] = static_cast<Opcode>(i);
  return table;
}();

// Walks a function body instruction by instruction, skipping immediates
// without decoding them: the plan is made before the bodies are validated,
// and decoding each one in full (read_instruction) would add a second
// decoding pass to translation. It only has to be right for valid bodies;
// it stops early on anything malformed, which the validator then rejects.
class BodySkipper {
 public:
  explicit BodySkipper(std::span<const uint8_t> body)
      : at_(body.data()), end_(body.data() + body.size()) {}

  bool at_end() const { return at_ >= end_; }

  // A LEB128 number; false when the body ends inside it.
  bool leb(uint64_t& value) {
    value = 0;
    for (unsigned shift = 0; at_ < end_; shift += 7) {
      uint8_t byte = *at_++;
      if (shift < 64) value |= uint64_t{byte & 0x7fu} << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }
  bool skip_leb() {
    while (at_ < end_)
      if (!(*at_++ & 0x80)) return true;
    return false;
  }
  bool skip_lebs(uint64_t count) {
    for (uint64_t i = 0; i < count; ++i)
      if (!skip_leb()) return false;
    return true;
  }
  bool skip_bytes(uint64_t count) {
    if (count > static_cast<uint64_t>(end_ - at_)) return false;
    at_ += count;
    return true;
  }

  // The locals declarations: a count of (count, value type) groups.
  bool skip_locals() {
    uint64_t groups;
    if (!leb(groups)) return false;
    for (uint64_t i = 0; i < groups; ++i)
      if (!skip_leb() || !skip_bytes(1)) return false;
    return true;
  }

  // The next opcode, its immediates skipped except the first, which is
  // returned in `index` for return_call (function) and return_call_indirect
  // (type). nullopt at the end of the body or on malformed bytes.
  std::optional<Opcode> next(uint64_t& index) {
    if (at_end()) return std::nullopt;
    const uint8_t byte = *at_++;
    Opcode op = kOneByteOpcodes[byte];
    if (op == Opcode::kCount) {  // a prefix (or no opcode at all)
      uint64_t code;
      if (byte < 0xfc || byte > 0xfe || !leb(code) || code > 0xffffffffu) return std::nullopt;
      std::optional<Opcode> prefixed = lookup_opcode(byte, static_cast<uint32_t>(code));
      if (!prefixed) return std::nullopt;
      op = *prefixed;
    }
    if (!skip_immediates(op, index)) return std::nullopt;
    return op;
  }

 private:
  bool skip_immediates(Opcode op, uint64_t& index) {
    uint64_t n;
    switch (info(op).immediate) {
      case Immediate::None: return op != Opcode::AtomicFence || skip_bytes(1);
      case Immediate::FuncIdx:
      case Immediate::CallIndirect:
        // call_indirect's table is a LEB128 number or a 0x00 byte alike.
        return leb(index) && (info(op).immediate == Immediate::FuncIdx || skip_leb());
      // Block types are one byte or an s33 type index: LEB128 either way,
      // as are the memory index bytes of the MVP.
      case Immediate::BlockType:
      case Immediate::LabelIdx:
      case Immediate::LocalIdx:
      case Immediate::GlobalIdx:
      case Immediate::TableIdx:
      case Immediate::MemIdx:
      case Immediate::I32:
      case Immediate::I64:
      case Immediate::DataIdx:
      case Immediate::ElemIdx:
      case Immediate::TagIdx: return skip_leb();
      case Immediate::DataMem:
      case Immediate::MemMem:
      case Immediate::ElemTable:
      case Immediate::TableTable: return skip_lebs(2);
      case Immediate::BrTable: return leb(n) && skip_lebs(n + 1);
      case Immediate::MemArg:
      case Immediate::MemArgLane: {
        // Flag bit 6: an explicit memory index follows (multi-memory).
        uint64_t flags;
        if (!leb(flags) || !skip_lebs((flags & 0x40) ? 2 : 1)) return false;
        return info(op).immediate == Immediate::MemArg || skip_bytes(1);
      }
      case Immediate::V128:
      case Immediate::Shuffle: return skip_bytes(16);
      case Immediate::LaneIdx:
      case Immediate::RefType: return skip_bytes(1);
      case Immediate::F32: return skip_bytes(4);
      case Immediate::F64: return skip_bytes(8);
      case Immediate::SelectT: return leb(n) && skip_bytes(n);  // one byte per value type
    }
    return false;
  }

  const uint8_t* at_;
  const uint8_t* end_;
};

// Marks return_call targets and the types of every tail call in one body.
// Returns whether the body contains a tail call.
bool scan_body(const Module& module, const Function& func, std::vector<bool>& direct_targets,
               std::vector<bool>& tail_called_types) {
  bool found = false;
  BodySkipper body(func.body);
  if (!body.skip_locals()) return false;
  uint64_t index = 0;
  while (std::optional<Opcode> op = body.next(index)) {
    if (*op == Opcode::ReturnCall && index < module.functions.size()) {
      found = true;
      direct_targets[index] = true;
      tail_called_types[module.functions[index].type_index] = true;
    } else if (*op == Opcode::ReturnCallIndirect && index < module.types.size()) {
      found = true;
      tail_called_types[index] = true;
    }
  }
  return found;
}

// Continue with `entry` (tc->data holds its arguments); the dummy result
// is only returned to the trampoline loop.
std::string tail_jump(const FuncType& type, std::string_view entry) {
  if (type.results.empty()) return format_text(FMT_COMPILE("WASM2CPP_TAIL_JUMP(tc, {});"), entry);
  return format_text(FMT_COMPILE("WASM2CPP_TAIL_JUMP(tc, {}, {{}});"), entry);
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
    has_tail_calls[f] = scan_body(module, func, direct_targets, tail_called_types);
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
  // When the tail entry is the file's last function the region reopened
  // here holds none, and clang -Wall warns at the closing pop.
  return "#if defined(__clang__)\n"
         "#pragma clang attribute push(__attribute__((disable_tail_calls)), apply_to = function)\n"
         "#pragma clang diagnostic ignored \"-Wpragma-clang-attribute\"\n"
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
    out += format_text(FMT_COMPILE("{} {}(wasm2cpp::TailCall* tc);\n"), result_type(m.func_type(f)),
                       tail_entry_name(info, f));
    if (plan.registered[f])
      pairs += format_text(FMT_COMPILE("    {{reinterpret_cast<void (*)()>(&{}), "
                                       "reinterpret_cast<wasm2cpp::ErasedTailEntry>(&{})}},\n"),
                           info.function_names[f], tail_entry_name(info, f));
  }
  out += reenter_no_tail_call_region();
  if (!pairs.empty()) {
    // One registration per module: with several shards each carries this
    // text, and inline variables are merged by the linker.
    const char* linkage = shared_linkage ? "inline" : "static";
    out += fmt::format(
        FMT_COMPILE("{} const wasm2cpp::TailEntryPair tail_entry_pairs[] = {{\n{}}};\n"), linkage,
        pairs);
    out += format_text(FMT_COMPILE("{} const wasm2cpp::TailEntryRegistration "
                                   "tail_entry_registration{{tail_entry_pairs}};\n"),
                       linkage);
  }
  return out;
}

// ---- FunctionEmitter: tail entries and tail-call sites ---------------------

std::string FunctionEmitter::tail_entry_header(bool shared_linkage) const {
  std::string out = shared_linkage ? "" : "[[maybe_unused]] static ";
  return out + format_text(FMT_COMPILE("{} {}(wasm2cpp::TailCall* tc)"), result_type(type_),
                           tail_entry_name(info_, ir_.func_index));
}

std::string FunctionEmitter::tail_entry_prologue(const std::vector<bool>& named) const {
  std::string out;
  std::vector<uint32_t> offsets = tail_argument_offsets(type_);
  for (uint32_t i = 0; i < type_.params.size(); ++i) {
    if (!named[i]) continue;
    const std::string type = public_type(type_.params[i]);
    out += format_text(FMT_COMPILE("  {0} p{1} = wasm2cpp::tail_get<{0}>(tc->data + {2});\n"), type,
                       i, offsets[i]);
  }
  if (named.back()) out += "  void* env = tc->env;\n";
  // The arguments are read: the buffer and `next` now belong to this call.
  out += "  tc->next = nullptr;\n";
  return out;
}

void FunctionEmitter::put_tail_arguments(const FuncType& type, uint32_t first, std::string_view buffer) {
  std::vector<uint32_t> offsets = tail_argument_offsets(type);
  for (uint32_t i = 0; i < type.params.size(); ++i) {
    const std::string public_name = public_type(type.params[i]);
    line_format(FMT_COMPILE("wasm2cpp::tail_put<{}>({} + {}, {});"), public_name, buffer,
                offsets[i], to_public(type.params[i], get(first + i, type.params[i])));
  }
}

void FunctionEmitter::start_trampoline(const FuncType& type, uint32_t first, std::string_view env,
                                       std::string_view entry) {
  const uint32_t bytes = info_.tail_calls.buffer_bytes;
  line_format(FMT_COMPILE("alignas(16) unsigned char tail_buffer[{}];"), bytes);
  line_format(FMT_COMPILE("wasm2cpp::TailCall tail_call{{nullptr, {}, tail_buffer, {}}};"), env,
              bytes);
  put_tail_arguments(type, first, "tail_buffer");
  line_format(FMT_COMPILE("return wasm2cpp::run_tail_calls<{}>(&tail_call, {});"),
              result_type(type), entry);
}

void FunctionEmitter::emit_return_call(const Instr& in) {
  const FuncType& type = info_.func_type(in.a);
  const uint32_t first = in.height - static_cast<uint32_t>(type.params.size());
  if (info_.module.functions[in.a].imported) {
    tail_call_through_ref(type, first, format_text(FMT_COMPILE("{}->func{}"), ctx(), in.a));
    return;
  }
  if (!info_.tail_calls.entry(in.a)) {
    // The callee makes no tail calls: an ordinary call ends the chain.
    line_format(FMT_COMPILE("return {}({}{});"), info_.function_names[in.a], ctx(),
                call_args(type, first));
    live_ = false;
    return;
  }
  const std::string entry = format_text(FMT_COMPILE("&{}"), tail_entry_name(info_, in.a));
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
    line_format(FMT_COMPILE("if (tc->capacity >= {}) {{"), bytes);
    ++indent_;
    put_tail_arguments(type, first, "tc->data");
    line(tail_jump(type, entry));
    --indent_;
    line("}");
    line_format(FMT_COMPILE("return {}({}{});"), info_.function_names[in.a], ctx(),
                call_args(type, first));
  }
  --indent_;
  line("}");
  live_ = false;
}

void FunctionEmitter::emit_return_call_indirect(const Instr& in) {
  const FuncType& type = info_.module.types[in.a];
  const uint32_t first = in.height - 1 - static_cast<uint32_t>(type.params.size());
  const VarName c = ctx();
  tail_call_through_ref(
      type, first,
      format_text(FMT_COMPILE("wasm2cpp::tail_call_target({}->table{}, {}, {}->type{})"), c, in.b,
                  get(in.height - 1, ValType::I32), c, in.a));
}

void FunctionEmitter::tail_call_through_ref(const FuncType& type, uint32_t first, std::string_view ref) {
  const std::string result = result_type(type);
  const uint32_t bytes = tail_argument_bytes(type);
  line("{");
  ++indent_;
  line_format(FMT_COMPILE("const wasm2cpp::FuncRef tail_ref = {};"), ref);
  std::string condition = fmt::format(
      FMT_COMPILE("const auto tail_entry = wasm2cpp::find_tail_entry_as<{}>(tail_ref.code)"),
      result);
  if (tail_entry_ && bytes > kTailCallMinCapacity)
    condition += format_text(FMT_COMPILE("; tail_entry && tc->capacity >= {}"), bytes);
  line_format(FMT_COMPILE("if ({}) {{"), condition);
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
  line_format(FMT_COMPILE("return wasm2cpp::call_ref<{}>(tail_ref{});"), result,
              call_args(type, first));
  --indent_;
  line("}");
  live_ = false;
}

}  // namespace wasm2cpp::emit
