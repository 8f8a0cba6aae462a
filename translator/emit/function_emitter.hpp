// Internal to the emitter: turns one FunctionIR into a C++ function
// definition. The body is written first into a buffer while recording which
// variables, labels and cached values it uses; the prologue then declares
// exactly those (so there are no unused-variable or unused-label warnings and
// every variable is initialised before any goto).
//
// Instruction families live in separate files: emit_control.cpp,
// emit_numeric.cpp (constants, numeric, parametric, variables),
// emit_memory.cpp, emit_table.cpp (tables, references), emit_calls.cpp.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "emit/append_format.hpp"
#include "emit/emitter.hpp"
#include "fmt/compile.h"
#include "fmt/format.h"
#include "emit/load_uses.hpp"
#include "emit/loop_versioning.hpp"

namespace wasm2cpp::emit {

// A variable's name ("s3_i32", "l12", "ctx"): the emitter's most frequent
// text, written by hand into an inline buffer, so naming a variable neither
// allocates nor builds a std::string. Formats as its text (fmt copies it
// straight, also under FMT_COMPILE) and converts to std::string_view; no
// implicit std::string, so a name never turns into a heap string unnoticed.
class VarName {
 public:
  // Room for the longest forwarded operand (a slot alias, see
  // FunctionEmitter::SlotAlias): "std::bit_cast<double>(0x0123456789abcdefull)".
  static constexpr size_t kCapacity = 47;

  VarName() = default;  // empty

  // `prefix` + decimal `index` + ("_" + `suffix` unless null).
  VarName(char prefix, uint32_t index, const char* suffix);
  // Fixed text of at most kCapacity characters (longer text is an
  // internal error): e.g. `cond ? get(..) : ""`.
  VarName(const char* text);  // NOLINT(google-explicit-constructor)
  // Any text of at most kCapacity characters (longer text is an internal
  // error, not cut: a cut name would be wrong C++ or another variable).
  static VarName of(std::string_view text);
  // A stack slot's variable: "s<height>_<type_suffix(t)>".
  static VarName slot(uint32_t height, ValType t);

  std::string_view view() const { return {chars_, size_}; }
  operator std::string_view() const { return view(); }           // NOLINT
  operator fmt::string_view() const { return {chars_, size_}; }  // NOLINT
  const char* data() const { return chars_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  char chars_[kCapacity];
  uint8_t size_ = 0;
};

class FunctionEmitter {
 public:
  // `tail_entry`: emit the function's tail entry (emit_tail_calls.cpp)
  // instead of its ordinary entry.
  FunctionEmitter(const ModuleInfo& info, const FunctionIR& ir, bool tail_entry = false);
  ~FunctionEmitter();
  FunctionEmitter(const FunctionEmitter&) = delete;
  FunctionEmitter& operator=(const FunctionEmitter&) = delete;
  // Appends the function's definition to `out`.
  void emit(bool shared_linkage, std::string& out);

 private:
  // Braces nest at most this deep (clang's default limit is 256); deeper
  // blocks are written with labels and gotos only.
  static constexpr uint32_t kMaxBraceDepth = 200;

  struct Frame {
    uint32_t block = 0;
    bool braced = false;
  };

  void prescan();
  void emit_instr(size_t index);

  // ---- output ----
  void line(std::string_view text);
  // Text of whole lines (each ending in '\n', e.g. a rendered branch), each
  // line re-indented at the current depth.
  void lines(std::string_view text);
  // One body line (indentation, the text, '\n') formatted straight into the
  // body, no temporary: the emitter's hottest path. `format` must be
  // FMT_COMPILE("..."): parsed, and checked against the arguments, at
  // compile time (a plain literal does not compile here).
  // The line is formatted into a stack buffer and appended in one piece:
  // fmt writing through std::back_inserter(std::string) resizes (and
  // zero-fills) the string once per piece of the format.
  template <typename Format, typename... Args>
  void line_format(const Format& format, const Args&... args) {
    fmt::basic_memory_buffer<char, 256> text;
    text.append(std::string_view(kIndent, std::min<uint32_t>(indent_, 40) * 2));
    fmt::format_to(fmt::appender(text), format, args...);
    text.push_back('\n');
    body_.append(text.data(), text.size());
  }
  // `target = value;` as one body line, appended piece by piece: the most
  // frequent line shape after the numeric ones (local writes, loads,
  // materialised aliases, branch copies), without line_format's buffer.
  void assign_line(std::string_view target, std::string_view value) {
    body_.append(std::min<uint32_t>(indent_, 40) * 2, ' ');
    body_ += target;
    body_ += " = ";
    body_ += value;
    body_ += ";\n";
  }
  static constexpr char kIndent[] = "                                                                                ";

  // ---- variables: each call records the use ----
  // The operand at `height`: the slot's variable, or the text the slot
  // aliases (a local or a constant, see SlotAlias).
  VarName get(uint32_t height, ValType t);
  VarName put(uint32_t height, ValType t);  // write slot (drops its alias)
  VarName local_get(uint32_t index);
  VarName local_put(uint32_t index);
  ValType local_type(uint32_t index) const { return ir_.locals[index]; }
  VarName ctx();
  std::string mem_base(uint32_t memory);
  std::string mem_size(uint32_t memory);
  // Cached memory sizes (explicit bounds checks) may be stale after
  // anything that can grow a memory.
  void reload_memory_sizes();

  // ---- operand forwarding (function_emitter.cpp) ----
  // `local.get` and scalar constants do not write their slot: the slot
  // aliases the local's name or the constant's exactly typed text, which
  // get() returns, so `l2 = l2 + 1u;` instead of four slot assignments. An
  // alias lives only inside one straight-line stretch; the rules that keep
  // it equal to the value the slot would hold are at emit_instr().
  void alias_slot(uint32_t height, ValType t, uint32_t local, const VarName& text);
  template <typename Format, typename Value>
  void alias_constant(uint32_t height, ValType t, const Format& format, Value value) {
    char text[64];  // the longest spelling is 44 characters
    const char* end = fmt::format_to(text, format, value);
    alias_slot(height, t, SlotAlias::kNoLocal, VarName::of({text, static_cast<size_t>(end - text)}));
  }
  // Writes `sH = <alias>;` for an aliased slot and forgets the alias.
  void materialise(uint32_t height);
  // Materialises every aliased slot below `limit`; the others keep theirs.
  void materialise_below(uint32_t limit);
  void forget_aliases();
  // Before local `local` is written: materialises the slots below `limit`
  // that alias it (SlotAlias::kNoLocal: every aliased slot below `limit`).
  void materialise_local(uint32_t local, uint32_t limit);
  // Before an integer comparison of the two slots from `first`: see
  // is_integer_comparison (emit_numeric.cpp).
  void materialise_tautological_operands(uint32_t first);
  bool slot_aliased(uint32_t height) const {
    return height < alias_.size() && alias_[height].type != ValType::Bottom;
  }
  // The stack operands (on top) a control instruction reads itself, which
  // may stay aliases: everything below them is materialised first.
  uint32_t control_operands(const Instr& in) const;

  // ---- families ----
  bool emit_control(const Instr& in);
  bool emit_numeric(const Instr& in);
  void mark_identity_const(const Instr& in);
  bool emit_variable(const Instr& in);
  bool emit_memory(const Instr& in, bool result_dropped);
  bool emit_simd(const Instr& in, bool result_dropped);  // emit_simd.cpp
  bool emit_atomics(const Instr& in);                     // emit_atomics.cpp
  bool emit_table(const Instr& in);
  bool emit_call(const Instr& in);

  // ---- control helpers (emit_control.cpp) ----
  void open_block(const Instr& in);
  void close_block(const Instr& in);
  // Transfer to `block` with its branch values on top of the stack, whose
  // top is at `top`. Emits copies then goto/return.
  void branch_to(uint32_t block, uint32_t top);
  // branch_to's text, unindented, into `out` (body_ unchanged).
  void render_branch(uint32_t block, uint32_t top, std::string& out);
  // A br_table as a computed goto through a table of label addresses
  // (docs/generated-code.md, "Functions"); `order` holds its distinct
  // non-default targets in order of first use.
  bool br_table_as_computed_goto(size_t distinct_targets) const;
  void emit_br_table_goto(const Instr& in, size_t index, const std::vector<uint32_t>& order);
  void copy_values(std::span<const ValType> types, uint32_t from, uint32_t to);
  std::string return_statement(uint32_t top);
  static std::string label(uint32_t block);

  // ---- exception handling (emit_exceptions.cpp) ----
  void prescan_exceptions();
  bool emit_exception(const Instr& in);
  void open_try(uint32_t block);
  void close_try(const Instr& in);  // the end or delegate of a try block
  void finish_try_body(uint32_t block);
  void close_function_exceptions();
  // A function with try blocks has an LSDA, and its personality routine
  // terminates on a throw from an instruction its call-site table does not
  // cover: so it checks memory accesses explicitly instead of relying on
  // guard-page faults, and calls defined functions through opaque_fn.
  bool explicit_checks(uint32_t memory) const { return has_try_ || info_.explicit_checks(memory); }
  std::string direct_callee(uint32_t func_index) const;

  // ---- call helpers (emit_calls.cpp) ----
  // Args (public types) for `type` taken from heights [first, ...).
  std::string call_args(const FuncType& type, uint32_t first);
  template <typename Out>
  void append_call_args(Out& out, const FuncType& type, uint32_t first);
  // Writes `call_expr`'s results to slots starting at `result_height`.
  void store_call_results(const FuncType& type, std::string_view call_expr, uint32_t result_height);

  // ---- tail calls (emit_tail_calls.cpp) ----
  std::string tail_entry_header(bool shared_linkage) const;
  std::string tail_entry_prologue(const std::vector<bool>& named) const;
  void emit_return_call(const Instr& in);
  void emit_return_call_indirect(const Instr& in);
  void tail_call_through_ref(const FuncType& type, uint32_t first, std::string_view ref);
  void put_tail_arguments(const FuncType& type, uint32_t first, std::string_view buffer);
  void start_trampoline(const FuncType& type, uint32_t first, std::string_view env,
                        std::string_view entry);

  // ---- loop versioning (emit_control.cpp; see loop_versioning.hpp) ----
  // At a versionable loop: writes the range test and the unchecked copy and
  // opens the `else` arm the ordinary loop then goes into.
  void open_versioned_loop(const Instr& in);
  void close_versioned_loop(uint32_t block);
  std::string affine_value(const AffineForm& form);  // uint32_t expression at loop entry
  // Address of a versioned access in the unchecked copy (emit_memory.cpp).
  std::string unchecked_pointer(const VersionedAccess& access);
  // `wasm2cpp::load_at<T>(address)` of a versioned load in the unchecked
  // copy (emit_memory.cpp), and the variable a hoisted one is read into at
  // the top of the iteration (emit_control.cpp).
  std::string unchecked_load(const VersionedAccess& access);
  std::string hoisted_load_name(const VersionedAccess& access) const;

  // ---- memory helpers (emit_memory.cpp) ----
  std::string address_pointer(uint32_t memory, std::string_view addr, uint64_t offset);
  void bounds_check(uint32_t memory, std::string_view addr, uint64_t offset, uint32_t bytes);
  // Guard mode: whether the load `in` must pass its value through
  // wasm2cpp::keep (load_uses.hpp); computed for the function on first use.
  bool needs_load_barrier(const Instr& in);
  // Whether the access `in` (`bytes` wide, its address at `addr_height`) can
  // never be out of bounds: a constant address whose whole access lies
  // inside the memory's declared minimum size. It then needs neither an
  // explicit check nor, in guard mode, a barrier or touch.
  bool statically_in_bounds(const Instr& in, uint32_t addr_height, uint32_t bytes) const;

  const ModuleInfo& info_;
  const FunctionIR& ir_;
  const FuncType& type_;
  const bool tail_entry_;
  std::string body_;
  // br_if writes its branch here first (to see whether it is one line): a
  // buffer kept for the function, so that costs no allocation per br_if.
  std::string branch_scratch_;
  uint32_t indent_ = 1;
  uint32_t brace_depth_ = 1;  // the function body's own braces
  std::vector<Frame> frames_;
  bool live_ = true;

  // Usage, recorded while writing the body.
  enum : uint8_t { kRead = 1, kWritten = 2 };
  std::vector<uint8_t> slot_use_;   // [height * 8 + slot_type_bit]
  std::vector<uint8_t> local_use_;  // [local index]
  bool ctx_used_ = false;
  std::vector<bool> label_used_;    // per block
  std::vector<bool> base_used_;     // per memory: cached base pointer
  std::vector<bool> size_used_;     // per memory: cached size (explicit mode)
  bool has_calls_ = false;
  bool calls_in_loop_ = false;
  // Per loop block that contains another loop: the f32/f64 locals whose
  // first access inside it is a read (loop-carried), passed through
  // wasm2cpp::opaque at its head (prescan; emit_control.cpp, open_block).
  std::vector<std::vector<uint32_t>> outer_loop_floats_;
  // Where WASM2CPP_STACK_CHECK() goes: every recursion passes through a
  // call, so a check anywhere before a call in the same activation is as
  // safe as one at entry. At entry, its slow-path call makes the compiler
  // save callee-saved registers before anything else, so an early return (a
  // recursive function's base case) pays the whole prologue. Instead, each
  // straight-line stretch of code (split at every control instruction, so a
  // check dominates everything after it in its stretch) that contains calls
  // gets one check at its start: the early-return path pays nothing, calls
  // in one stretch share a check, and no value computed for a call has to
  // survive the check's slow-path call in a callee-saved register.
  // Functions calling inside a loop keep the single check at entry rather
  // than one per iteration.
  bool stack_check_at_calls() const { return has_calls_ && !calls_in_loop_; }
  // Per instruction (only with stack_check_at_calls()): a check goes before it.
  std::vector<bool> stack_check_before_;
  // Exception handling, per block: a try with catch arms or a delegate (else
  // it is emitted as a plain block), in its catch arms, with a catch_all,
  // receiving delegated exceptions.
  struct TryState {
    bool has_handlers = false;
    bool in_catch = false;
    bool catch_all = false;
    bool delegate_target = false;
  };
  std::vector<TryState> try_state_;
  // return_call / return_call_indirect met inside a try or handler: the call
  // must happen after this frame's handlers are gone, so each becomes a goto
  // to a stub emitted at the function's end, outside every try.
  std::vector<size_t> deferred_tail_calls_;
  bool emitting_deferred_ = false;
  bool has_try_ = false;
  bool delegates_to_caller_ = false;
  bool pending_exception_used_ = false;
  // Per stack height: the local (or kNoLocal: a constant) and the text the
  // slot aliases instead of holding a value (type Bottom: none).
  struct SlotAlias {
    static constexpr uint32_t kNoLocal = UINT32_MAX;
    ValType type = ValType::Bottom;
    uint32_t local = kNoLocal;
    VarName text;
  };
  std::vector<SlotAlias> alias_;
  uint32_t aliases_ = 0;  // how many entries of alias_ are set
  // Heights aliased since the last forget_aliases(), some perhaps no longer.
  std::vector<uint32_t> alias_heights_;
  // Per slot (as slot_use_): last written by a float constant that makes
  // add/sub/mul/div an identity or negation (see emit_numeric).
  std::vector<bool> identity_const_;
  // Loop versioning: the plans (found at the first loop), per block whether
  // it was versioned, and the plan whose unchecked copy is being written.
  LoopVersions loop_versions_;
  bool loop_versions_found_ = false;
  std::vector<bool> versioned_loop_;
  const LoopVersion* unchecked_copy_ = nullptr;
  // Guard-mode loads that need a value barrier (see needs_load_barrier).
  std::optional<LoadUses> load_uses_;

  // The containers above that grow with the function, handed from one
  // emitter to the next on the same thread: the constructor takes them (and
  // clears them), the destructor gives them back, so their capacity is
  // reused instead of allocated per function. A new field goes into
  // swap_buffers (which does not compile until it does) and the
  // constructor's clear list.
  struct Buffers {
    std::string body, branch_scratch;
    std::vector<Frame> frames;
    std::vector<uint8_t> slot_use, local_use;
    std::vector<bool> label_used, base_used, size_used, stack_check_before, identity_const,
        versioned_loop;
    std::vector<TryState> try_state;
    std::vector<size_t> deferred_tail_calls;
    std::vector<SlotAlias> alias;
    std::vector<uint32_t> alias_heights;
  };
  static Buffers& spare_buffers();  // this thread's
  void swap_buffers(Buffers& spare);
};

// Inline: the emitter names a slot or local for nearly every operand, and
// with the prefix and suffix known at the call the copies fold.
inline VarName::VarName(char prefix, uint32_t index, const char* suffix) {
  char* out = chars_;
  *out++ = prefix;
  if (index < 10) {
    *out++ = static_cast<char>('0' + index);
  } else if (index < 100) {
    *out++ = static_cast<char>('0' + index / 10);
    *out++ = static_cast<char>('0' + index % 10);
  } else {
    out = std::to_chars(out, chars_ + 11, index).ptr;  // 10 digits at most
  }
  if (suffix != nullptr) {
    *out++ = '_';
    // Type suffixes are 3 or 4 letters ("i32", "v128", "fref").
    for (const char* c = suffix; *c != 0 && out < chars_ + kCapacity; ++c) *out++ = *c;
  }
  size_ = static_cast<uint8_t>(out - chars_);
}

inline VarName VarName::slot(uint32_t height, ValType t) {
  VarName name('s', height, nullptr);
  // The suffix's length is known here (3 or 4 letters): one fixed copy
  // instead of VarName's character loop.
  const std::string_view suffix = type_suffix_view(t);
  name.chars_[name.size_] = '_';
  std::memcpy(name.chars_ + name.size_ + 1, suffix.data(), suffix.size());
  name.size_ = static_cast<uint8_t>(name.size_ + 1 + suffix.size());
  return name;
}

}  // namespace wasm2cpp::emit

// A name without a format spec (the emitter's most frequent field) is
// copied as it is, skipping the string formatter's width and precision
// handling; with a spec it formats as its text does.
template <>
struct fmt::formatter<wasm2cpp::emit::VarName> {
  template <typename ParseContext>
  constexpr auto parse(ParseContext& ctx) {
    plain_ = ctx.begin() == ctx.end() || *ctx.begin() == '}';
    return plain_ ? ctx.begin() : text_.parse(ctx);
  }
  template <typename FormatContext>
  auto format(const wasm2cpp::emit::VarName& name, FormatContext& ctx) const {
    if (plain_)
      return fmt::detail::copy_str<char>(name.data(), name.data() + name.size(), ctx.out());
    return text_.format(fmt::string_view(name), ctx);
  }

 private:
  bool plain_ = true;
  fmt::formatter<fmt::string_view> text_;
};
