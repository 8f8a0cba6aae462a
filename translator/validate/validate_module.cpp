// Module-level validation (spec 3.4): everything outside function bodies.
// Constant expressions and segments live in module_const_expr.cpp and
// module_segments.cpp.
#include "validate/validate_module.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "validate/module_checks.hpp"

namespace wasm2cpp {

namespace {

using module_validation::ConstExprChecker;

constexpr uint64_t kMaxMemory32Pages = 65536;            // 4 GiB
constexpr uint64_t kMaxMemory64Pages = uint64_t{1} << 48;  // 2^64 bytes

// Spec wording for index spaces ("unknown function", not "unknown func").
const char* index_space_name(ExternKind kind) {
  switch (kind) {
    case ExternKind::Func: return "function";
    case ExternKind::Table: return "table";
    case ExternKind::Memory: return "memory";
    case ExternKind::Global: return "global";
    case ExternKind::Tag: return "tag";
  }
  return "?";
}

Expected<void> check_limits_order(const Limits& limits, uint64_t offset) {
  if (limits.max && limits.min > *limits.max)
    return make_error(fmt::format("size minimum must not be greater than maximum ({} > {})",
                                  limits.min, *limits.max),
                      offset);
  return {};
}

Expected<void> check_functions(const Module& m) {
  for (size_t i = 0; i < m.functions.size(); ++i) {
    const Function& f = m.functions[i];
    if (f.type_index >= m.types.size())
      return make_error(fmt::format("unknown type {} for function {}", f.type_index, i),
                        f.offset);
  }
  return {};
}

// Exception handling: a tag's type is a function type without results.
Expected<void> check_tags(const Module& m) {
  for (size_t i = 0; i < m.tags.size(); ++i) {
    const Tag& tag = m.tags[i];
    if (tag.type_index >= m.types.size())
      return make_error(fmt::format("unknown type {} for tag {}", tag.type_index, i), tag.offset);
    if (!m.types[tag.type_index].results.empty())
      return make_error(fmt::format("non-empty tag result type (tag {})", i), tag.offset);
  }
  return {};
}

Expected<void> check_tables(const Module& m, const Features& features) {
  if (m.tables.size() > 1 && !features.has(Feature::ReferenceTypes))
    return make_error("multiple tables " + Features::enable_hint(Feature::ReferenceTypes),
                      m.tables[1].offset);
  // Table limits are u32 in the binary format, so the range 2^32-1 holds.
  for (const Table& t : m.tables) TRY(check_limits_order(t.type.limits, t.offset));
  return {};
}

Expected<void> check_memories(const Module& m, const Features& features) {
  if (m.memories.size() > 1 && !features.has(Feature::MultiMemory))
    return make_error("multiple memories " + Features::enable_hint(Feature::MultiMemory),
                      m.memories[1].offset);
  for (const Memory& mem : m.memories) {
    const Limits& limits = mem.type.limits;
    const uint64_t max_pages = limits.is64 ? kMaxMemory64Pages : kMaxMemory32Pages;
    const char* max_text = limits.is64 ? "memory size must be at most 2^48 pages"
                                       : "memory size must be at most 65536 pages (4GiB)";
    if (limits.min > max_pages || (limits.max && *limits.max > max_pages))
      return make_error(max_text, mem.offset);
    TRY(check_limits_order(limits, mem.offset));
    if (limits.shared && !limits.max)
      return make_error("shared memory must have maximum", mem.offset);
  }
  return {};
}

Expected<void> check_globals(const Module& m, const Features& features) {
  ConstExprChecker checker(m, features);
  for (const Global& g : m.globals)
    if (!g.imported) TRY(checker.check(g.init, g.type.type));
  return {};
}

Expected<void> check_start(const Module& m) {
  if (!m.start) return {};
  const uint32_t index = *m.start;
  if (index >= m.functions.size())
    return make_error(fmt::format("unknown function {} (start function)", index));
  const FuncType& type = m.func_type(index);
  if (!type.params.empty() || !type.results.empty())
    return make_error(fmt::format("start function {} must have type [] -> [], has {}", index,
                                  signature_string(type)));
  return {};
}

// Sorting positions by name finds duplicates with good locality; a hash set
// of hundreds of thousands of names is several times slower.
Expected<void> check_export_names(const Module& m) {
  std::vector<uint32_t> order(m.exports.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const int c = m.exports[a].name.compare(m.exports[b].name);
    return c != 0 ? c < 0 : a < b;
  });
  for (size_t i = 1; i < order.size(); ++i) {
    const Export& later = m.exports[order[i]];
    if (later.name == m.exports[order[i - 1]].name)
      return make_error(fmt::format("duplicate export name \"{}\"", later.name), later.offset);
  }
  return {};
}

Expected<void> check_exports(const Module& m, const Features& features) {
  for (const Export& e : m.exports) {
    size_t space = 0;
    switch (e.kind) {
      case ExternKind::Func: space = m.functions.size(); break;
      case ExternKind::Table: space = m.tables.size(); break;
      case ExternKind::Memory: space = m.memories.size(); break;
      case ExternKind::Global: space = m.globals.size(); break;
      case ExternKind::Tag: space = m.tags.size(); break;
    }
    if (e.index >= space)
      return make_error(fmt::format("unknown {} {} exported as \"{}\"", index_space_name(e.kind),
                                    e.index, e.name),
                        e.offset);
    if (e.kind == ExternKind::Global && m.globals[e.index].type.is_mutable &&
        !features.has(Feature::MutableGlobals))
      return make_error("exporting a mutable global requires the mutable-globals feature " +
                            Features::enable_hint(Feature::MutableGlobals),
                        e.offset);
  }
  return check_export_names(m);
}

}  // namespace

Expected<void> validate_module(Module& module, const Features& features) {
  TRY(check_functions(module));
  TRY(check_tables(module, features));
  TRY(check_memories(module, features));
  TRY(check_tags(module));
  TRY(check_globals(module, features));
  TRY(module_validation::check_elem_segments(module, features));
  TRY(module_validation::check_data_segments(module, features));
  TRY(check_start(module));
  TRY(check_exports(module, features));
  module.declared_func_refs = module_validation::collect_declared_func_refs(module);
  return {};
}

}  // namespace wasm2cpp
