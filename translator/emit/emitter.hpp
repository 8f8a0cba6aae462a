// Internal to the emitter: the per-module facts every emission family needs
// (names, types, how each entity is reached from generated code), and the
// entry points of the families. translate.cpp drives them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "emit/emit_tail_calls.hpp"
#include "emit/translate.hpp"
#include "ir/function_ir.hpp"
#include "ir/module.hpp"
#include "support/identifiers.hpp"

namespace wasm2cpp::emit {

// ---- naming (naming.cpp) ----------------------------------------------------

// One sanitiser and keyword table for the emitter and the CLI.
using ::wasm2cpp::sanitize_identifier;

// Hands out unique identifiers in a deterministic order: a taken name gets
// "_2", "_3", ... appended.
class NameSet {
 public:
  void reserve(std::string name) { used_.insert(std::move(name)); }
  std::string claim(const std::string& base);

 private:
  std::unordered_set<std::string> used_;  // membership only
};

// A C++ string literal (with escapes) denoting exactly `bytes`.
std::string cpp_string_literal(std::string_view bytes);

// ---- types (naming.cpp) -----------------------------------------------------

// Public (API) spelling: int32_t, int64_t, float, double, wasm2cpp::v128,
// wasm2cpp::FuncRef, wasm2cpp::ExternRef.
std::string public_type(ValType t);
// Spelling inside function bodies: uint32_t / uint64_t for integers.
std::string internal_type(ValType t);
// Short suffix used in slot names: i32, i64, f32, f64, v128, fref, eref.
// (Inline: every slot name the emitter writes asks it. The view's text is
// a literal, so it is also NUL-terminated.)
inline std::string_view type_suffix_view(ValType t) {
  switch (t) {
    case ValType::I32: return "i32";
    case ValType::I64: return "i64";
    case ValType::F32: return "f32";
    case ValType::F64: return "f64";
    case ValType::V128: return "v128";
    case ValType::FuncRef: return "fref";
    case ValType::ExternRef: return "eref";
    case ValType::Bottom: break;
  }
  return "bot";
}
inline const char* type_suffix(ValType t) { return type_suffix_view(t).data(); }
// `void`, the single type, or std::tuple<...> (public types).
std::string result_type(const FuncType& type);
// `R (*)(void*, P...)` with public types.
std::string code_pointer_type(const FuncType& type);
// Conversions between the internal and public spelling of an expression.
std::string to_public(ValType t, std::string_view expr);
std::string to_internal(ValType t, std::string_view expr);
// The zero value of the internal type.
std::string zero_value(ValType t);
// ValKind enumerator for a value type ("wasm2cpp::ValKind::I32").
std::string val_kind(ValType t);

// ---- module-wide facts ------------------------------------------------------

struct ModuleInfo {
  const Module& module;
  const TranslateOptions& options;

  std::string ns;            // the namespace path, e.g. "acme::x::m"
  std::string qualified_ns;  // "::acme::x::m::"
  // Per function index: C++ function name (defined functions only).
  std::vector<std::string> function_names;
  // Per import index: member name in `Imports`.
  std::vector<std::string> import_members;
  // Per export index: member function name in `Instance`.
  std::vector<std::string> export_members;
  // Per global index: reached through a wasm2cpp::Global<T>* (imported or
  // exported) rather than stored as a plain Context member.
  std::vector<bool> global_shared;
  // Per function index: entering it from a frame that catches (the start
  // call, export wrappers) must go through wasm2cpp::opaque_fn. In guard mode
  // a memory access throws from a signal, which compilers do not model: a
  // function whose body has no throwing call is deduced nothrow, and a caller
  // with a handler then drops it (or inlines the body outside any call-site
  // entry) and the trap ends in std::terminate. Filled per function by
  // translate() before the instance implementation is emitted.
  std::vector<bool> entry_needs_barrier;
  // Guaranteed tail calls: which functions get a tail entry (emit_tail_calls).
  TailCallPlan tail_calls;
  // Per element segment: referenced by table.init / elem.drop at run time
  // (kept in the Context) -- passive segments.
  // Per type index: interned TypeId kept in the Context.

  ModuleInfo(const Module& m, const TranslateOptions& o);

  // Explicit bounds checks for memory `index` (always for memory64).
  bool explicit_checks(uint32_t memory_index) const;
  // Whether some function type has several results (public std::tuple).
  bool uses_tuples() const;
  bool memory64(uint32_t memory_index) const {
    return module.memories[memory_index].type.limits.is64;
  }
  ValType address_type(uint32_t memory_index) const {
    return memory64(memory_index) ? ValType::I64 : ValType::I32;
  }

  // Expressions (in the internal type) for globals, given `ctx` names the
  // Context pointer.
  std::string global_read(uint32_t index, std::string_view ctx) const;
  std::string global_write(uint32_t index, std::string_view ctx, std::string_view value) const;
  // A FuncRef expression for function `index`.
  std::string func_ref(uint32_t index, std::string_view ctx) const;
  // Signature of a defined function: `R name(void* env, P0 p0, ...)`.
  std::string function_declaration(uint32_t func_index,
                                   const std::vector<bool>* named_params) const;
  const FuncType& func_type(uint32_t index) const { return module.func_type(index); }
};

// ---- families ---------------------------------------------------------------

// The public header (Imports, Instance).
std::string emit_public_header(const ModuleInfo& info);
// The Context definition and the declarations of every defined function.
std::string emit_context_and_declarations(const ModuleInfo& info, bool shared_linkage);
// Instance constructor, destructor, export accessors, Imports::link. The
// segments' contents are literals here (hundreds of MB for a large module),
// so the text goes to `drain` in pieces of about kDrainBytes as it is made.
inline constexpr size_t kDrainBytes = size_t{1} << 20;
void emit_instance_implementation(const ModuleInfo& info,
                                  const std::function<void(std::string_view)>& drain);
// One defined function's definition, in place of `out`'s contents (its
// capacity is reused: one buffer can serve function after function).
void emit_function(const ModuleInfo& info, const FunctionIR& ir, bool shared_linkage,
                   std::string& out);

// Banner lines common to every output file.
std::string banner(const ModuleInfo& info);

}  // namespace wasm2cpp::emit
