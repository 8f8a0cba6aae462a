// Module-wide naming and access paths shared by every emission family.
#include <iterator>
#include <string>

#include "emit/append_format.hpp"
#include "emit/emitter.hpp"
#include "fmt/compile.h"
#include "fmt/format.h"
#include "support/identifiers.hpp"

namespace wasm2cpp::emit {

namespace {

// The CLI has validated --name already; library callers get the same rules
// (a name the library headers take at global scope gets a trailing '_').
std::string module_namespace_name(const TranslateOptions& options) {
  bool global_scope = options.outer_namespace.empty();
  if (!options.name.empty()) return sanitize_namespace_name(options.name, global_scope);
  if (!options.output_stem.empty())
    return sanitize_namespace_name(options.output_stem, global_scope);
  return "wasm_module";
}

// Replaces non-identifier bytes only (used after a fixed prefix, where
// keywords and leading digits cannot occur).
std::string identifier_tail(std::string_view raw) {
  std::string out = sanitize_identifier(raw);
  // sanitize_identifier's trailing '_' for keywords/digits is harmless here.
  return out;
}

}  // namespace

ModuleInfo::ModuleInfo(const Module& m, const TranslateOptions& o) : module(m), options(o) {
  std::string name = module_namespace_name(options);
  ns = options.outer_namespace.empty() ? name : options.outer_namespace + "::" + name;
  qualified_ns = "::" + ns + "::";

  // Defined functions: "fn_<name>" from the name section, else "fn<index>".
  // The two shapes never collide; duplicates among names get _2, _3, ...
  NameSet function_set;
  function_names.resize(module.functions.size());
  for (uint32_t i = 0; i < module.functions.size(); ++i) {
    if (module.functions[i].imported) continue;
    auto named = module.names.functions.find(i);
    if (named != module.names.functions.end() && !named->second.empty()) {
      function_names[i] = function_set.claim("fn_" + identifier_tail(named->second));
    } else {
      function_names[i] = function_set.claim(format_text(FMT_COMPILE("fn{}"), i));
    }
  }

  NameSet import_set;
  import_set.reserve("link");
  import_set.reserve("Imports");
  for (const Import& import : module.imports) {
    import_members.push_back(
        import_set.claim(sanitize_identifier(import.module + "_" + import.field)));
  }

  // Instance members that exports must not shadow, and namespaces used
  // unqualified inside member function bodies.
  NameSet export_set;
  for (const char* reserved :
       {"exports", "Context", "Instance", "Imports", "ctx_", "wasm2cpp", "std"})
    export_set.reserve(reserved);
  for (const Export& e : module.exports)
    export_members.push_back(export_set.claim(sanitize_identifier(e.name)));

  global_shared.assign(module.globals.size(), false);
  for (uint32_t i = 0; i < module.globals.size(); ++i)
    global_shared[i] = module.globals[i].imported;
  for (const Export& e : module.exports)
    if (e.kind == ExternKind::Global && e.index < global_shared.size())
      global_shared[e.index] = true;
}

bool ModuleInfo::uses_tuples() const {
  for (const FuncType& type : module.types)
    if (type.results.size() > 1) return true;
  return false;
}

bool ModuleInfo::explicit_checks(uint32_t memory_index) const {
  return options.bounds_checks == BoundsChecks::Explicit || memory64(memory_index);
}

std::string ModuleInfo::global_read(uint32_t index, std::string_view ctx) const {
  ValType t = module.globals[index].type.type;
  if (global_shared[index])
    return to_internal(t, format_text(FMT_COMPILE("{}->g{}->value"), ctx, index));
  return format_text(FMT_COMPILE("{}->g{}"), ctx, index);
}

std::string ModuleInfo::global_write(uint32_t index, std::string_view ctx,
                                     std::string_view value) const {
  ValType t = module.globals[index].type.type;
  if (global_shared[index])
    return format_text(FMT_COMPILE("{}->g{}->value = {}"), ctx, index, to_public(t, value));
  return format_text(FMT_COMPILE("{}->g{} = {}"), ctx, index, value);
}

std::string ModuleInfo::func_ref(uint32_t index, std::string_view ctx) const {
  const Function& f = module.functions[index];
  if (f.imported) return format_text(FMT_COMPILE("{}->func{}"), ctx, index);
  return format_text(
      FMT_COMPILE("wasm2cpp::FuncRef{{{}->type{}, reinterpret_cast<void (*)()>(&{}{}), {}}}"), ctx,
      f.type_index, qualified_ns, function_names[index], ctx);
}

std::string ModuleInfo::function_declaration(uint32_t func_index,
                                             const std::vector<bool>* named_params) const {
  const FuncType& type = func_type(func_index);
  bool name_env = named_params == nullptr || (!named_params->empty() && named_params->back());
  std::string out;
  // Room for the usual signature at once (the name, then about 20
  // characters per parameter), instead of growing it piece by piece.
  out.reserve(64 + function_names[func_index].size() + 24 * type.params.size());
  append_format(out, FMT_COMPILE("{} {}(void*{}"), result_type(type), function_names[func_index],
                name_env ? " env" : "");
  for (size_t i = 0; i < type.params.size(); ++i) {
    bool named = named_params == nullptr || (*named_params)[i];
    out += ", ";
    out += public_type(type.params[i]);
    if (named) append_format(out, FMT_COMPILE(" p{}"), i);
  }
  out += ')';
  return out;
}

}  // namespace wasm2cpp::emit
