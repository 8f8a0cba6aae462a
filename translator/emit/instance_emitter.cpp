// The Instance implementation: import checks, creation of memories, tables
// and globals, the export map, element and data segments, the start
// function, export accessors and Imports::link.
#include <algorithm>
#include <functional>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "emit/append_format.hpp"
#include "emit/emitter.hpp"
#include "fmt/compile.h"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

std::string table_class(ValType elem) {
  return elem == ValType::ExternRef ? "wasm2cpp::ExternTable" : "wasm2cpp::FuncTable";
}

// A maximum as the runtime's (has_max, max) argument pair.
std::string max_args(const std::optional<uint64_t>& max) {
  return max ? format_text(FMT_COMPILE("true, {}ull"), *max) : std::string("false, 0ull");
}

std::string function_sig(const FuncType& type) {
  std::string sig = result_type(type) + "(";
  for (size_t p = 0; p < type.params.size(); ++p)
    sig += (p ? ", " : "") + public_type(type.params[p]);
  return sig + ")";
}

// A constant expression as a C++ expression of the internal type; `ctx`
// is in scope.
std::string const_expr(const ModuleInfo& info, const ConstExpr& expr) {
  std::vector<std::string> stack;
  auto binary = [&](const char* type, const char* op) {
    std::string rhs = stack.back();
    stack.pop_back();
    stack.back() = format_text(FMT_COMPILE("{}({} {} {})"), type, stack.back(), op, rhs);
  };
  for (const Instr& in : expr.instrs) {
    switch (in.op) {
      case Opcode::I32Const:
        stack.push_back(format_text(FMT_COMPILE("{}u"), static_cast<uint32_t>(in.imm)));
        break;
      case Opcode::I64Const:
        stack.push_back(format_text(FMT_COMPILE("uint64_t{{{}ull}}"), in.imm));
        break;
      case Opcode::F32Const:
        stack.push_back(format_text(FMT_COMPILE("std::bit_cast<float>(0x{:08x}u)"),
                                    static_cast<uint32_t>(in.imm)));
        break;
      case Opcode::F64Const:
        stack.push_back(format_text(FMT_COMPILE("std::bit_cast<double>(0x{:016x}ull)"), in.imm));
        break;
      case Opcode::V128Const: {
        uint8_t bytes[16];
        v128_bytes(in, bytes);
        std::string list;
        for (unsigned i = 0; i < 16; ++i)
          list += format_text(FMT_COMPILE("{}{}"), i ? ", " : "", bytes[i]);
        stack.push_back(format_text(FMT_COMPILE("wasm2cpp::v128{{{{{}}}}}"), list));
        break;
      }
      case Opcode::RefNull: stack.push_back(public_type(in.type) + "{}"); break;
      case Opcode::RefFunc: stack.push_back(info.func_ref(in.a, "ctx")); break;
      case Opcode::GlobalGet: stack.push_back(info.global_read(in.a, "ctx")); break;
      case Opcode::I32Add: binary("uint32_t", "+"); break;
      case Opcode::I32Sub: binary("uint32_t", "-"); break;
      case Opcode::I32Mul: binary("uint32_t", "*"); break;
      case Opcode::I64Add: binary("uint64_t", "+"); break;
      case Opcode::I64Sub: binary("uint64_t", "-"); break;
      case Opcode::I64Mul: binary("uint64_t", "*"); break;
      default:
        stack.push_back(format_text(FMT_COMPILE("/* unsupported constant {} */ {{}}"),
                                    wasm2cpp::info(in.op).mnemonic));
        break;
    }
  }
  return stack.empty() ? std::string("{}") : stack.back();
}

// Text that reaches the sink in pieces: emitters append to `text` and call
// flush_if_large() between items (a segment literal's lines, a slot array's
// rows), so the segments of a large module are never held whole.
class ChunkedText {
 public:
  explicit ChunkedText(const std::function<void(std::string_view)>& drain) : drain_(drain) {}
  std::string text;
  void flush_if_large() {
    if (text.size() >= kDrainBytes) flush();
  }
  void flush() {
    if (text.empty()) return;
    drain_(text);
    text.clear();
  }

 private:
  const std::function<void(std::string_view)>& drain_;
};

// Segment bytes as a string literal, 64 bytes per line.
void append_data_literal(std::span<const uint8_t> bytes, ChunkedText& chunks) {
  if (bytes.empty()) {
    chunks.text += " \"\"";
    return;
  }
  for (size_t pos = 0; pos < bytes.size(); pos += 64) {
    size_t n = std::min<size_t>(64, bytes.size() - pos);
    chunks.text += "\n    ";
    chunks.text +=
        cpp_string_literal(std::string_view(reinterpret_cast<const char*>(bytes.data() + pos), n));
    chunks.flush_if_large();
  }
}

std::string segment_span(uint32_t index, size_t size) {
  return format_text(
      FMT_COMPILE("wasm2cpp::SegmentView<uint8_t>(reinterpret_cast<const uint8_t*>(kData{}), {})"),
      index, size);
}

// What the instance owns, around the plain Context that function bodies
// see (module_emitter.cpp): exported globals' storage, and the host-side
// state (memories, tables and tags it defines, passive element items, the
// export map, imported callables' owners), which lives in the runtime
// library (wasm2cpp::InstanceHost) so this file needs none of the heavy
// host types. `ctx` in the instance code is the plain part (the env every
// function takes), `self` the whole.
void emit_owned_context(const ModuleInfo& info, std::string& out) {
  const Module& m = info.module;
  append_format(out, FMT_COMPILE("struct Instance::Context : {}Context {{\n"), info.qualified_ns);
  out += "  wasm2cpp::InstanceHost host;\n";
  for (uint32_t i = 0; i < m.globals.size(); ++i) {
    if (info.global_shared[i] && !m.globals[i].imported) {
      const GlobalType& g = m.globals[i].type;
      append_format(out, FMT_COMPILE("  wasm2cpp::Global<{0}> g{1}_storage{{{0}{{}}, {2}}};\n"),
                    public_type(g.type), i, g.is_mutable ? "true" : "false");
    }
  }
  out += "};\n\n";
}

void emit_link(const ModuleInfo& info, std::string& out) {
  const Module& m = info.module;
  bool guard = info.options.bounds_checks == BoundsChecks::Guard;
  append_format(out, FMT_COMPILE("Imports Imports::link(const wasm2cpp::Linker&{}) {{\n"),
                m.imports.empty() ? "" : " linker");
  out += "  Imports imports;\n";
  for (uint32_t i = 0; i < m.imports.size(); ++i) {
    const Import& imp = m.imports[i];
    const std::string& member = info.import_members[i];
    std::string names = cpp_string_literal(imp.module) + ", " + cpp_string_literal(imp.field);
    switch (imp.kind) {
      case ExternKind::Func: {
        std::string fn = format_text(FMT_COMPILE("wasm2cpp::Function<{}>"),
                                     function_sig(m.func_type(imp.index)));
        // A host callable defined as a Function stays alive with the instance.
        append_format(
            out,
            FMT_COMPILE("  imports.{} = {}::from_ref(\n      wasm2cpp::link::function(linker, "
                        "{}, wasm2cpp::intern_func_type({})),\n"
                        "      wasm2cpp::link::owner(linker, {}));\n"),
            member, fn, names, cpp_string_literal(signature_string(m.func_type(imp.index))), names);
        break;
      }
      case ExternKind::Memory: {
        const Limits& l = m.memories[imp.index].type.limits;
        append_format(out, FMT_COMPILE("  imports.{} = wasm2cpp::link::memory(linker, {});\n"),
                      member, names);
        append_format(
            out,
            FMT_COMPILE("  wasm2cpp::link::check_memory(imports.{}, {}, {}ull, {}, {}, {}, {});\n"),
            member, names, l.min, max_args(l.max), l.shared, l.is64, guard && !l.is64);
        break;
      }
      case ExternKind::Table: {
        const TableType& t = m.tables[imp.index].type;
        append_format(out, FMT_COMPILE("  imports.{} = wasm2cpp::link::table<{}>(linker, {});\n"),
                      member, table_class(t.elem), names);
        append_format(out,
                      FMT_COMPILE("  wasm2cpp::link::check_table(imports.{}, {}, {}ull, {});\n"),
                      member, names, t.limits.min, max_args(t.limits.max));
        break;
      }
      case ExternKind::Global: {
        const GlobalType& g = m.globals[imp.index].type;
        out += "  {\n";
        append_format(
            out,
            FMT_COMPILE("    wasm2cpp::GlobalBase* global = wasm2cpp::link::global(linker, {});\n"),
            names);
        append_format(out, FMT_COMPILE("    wasm2cpp::link::check_global(global, {}, {}, {});\n"),
                      names, val_kind(g.type), g.is_mutable);
        append_format(out,
                      FMT_COMPILE("    imports.{} = static_cast<wasm2cpp::Global<{}>*>(global);\n"),
                      member, public_type(g.type));
        out += "  }\n";
        break;
      }
      case ExternKind::Tag:
        append_format(out, FMT_COMPILE("  imports.{} = wasm2cpp::link::tag(linker, {});\n"), member,
                      names);
        append_format(
            out,
            FMT_COMPILE(
                "  wasm2cpp::link::check_tag(imports.{}, {}, wasm2cpp::intern_func_type({}));\n"),
            member, names,
            cpp_string_literal(signature_string(m.types[m.tags[imp.index].type_index])));
        break;
    }
  }
  out += "  return imports;\n}\n\n";
}

void emit_imports_into_context(const ModuleInfo& info, std::string& out) {
  const Module& m = info.module;
  bool guard = info.options.bounds_checks == BoundsChecks::Guard;
  for (uint32_t i = 0; i < m.imports.size(); ++i) {
    const Import& imp = m.imports[i];
    std::string member = "imports." + info.import_members[i];
    std::string names = cpp_string_literal(imp.module) + ", " + cpp_string_literal(imp.field);
    switch (imp.kind) {
      case ExternKind::Func:
        // The FuncRef from the Function's code and env and the module's own
        // interned type (the same TypeId as Function<Sig>::type(), which this
        // file cannot name without types.hpp).
        append_format(out,
                      FMT_COMPILE("  ctx->func{0} = wasm2cpp::FuncRef{{ctx->type{1}, "
                                  "reinterpret_cast<void (*)()>({2}.code()), {2}.env()}};\n"),
                      imp.index, m.functions[imp.index].type_index, member);
        append_format(
            out, FMT_COMPILE("  wasm2cpp::link::check_function(ctx->func{}, {}, ctx->type{});\n"),
            imp.index, names, m.functions[imp.index].type_index);
        append_format(out, FMT_COMPILE("  self->host.keep({}.owner());\n"), member);
        break;
      case ExternKind::Memory: {
        const Limits& l = m.memories[imp.index].type.limits;
        append_format(
            out, FMT_COMPILE("  wasm2cpp::link::check_memory({}, {}, {}ull, {}, {}, {}, {});\n"),
            member, names, l.min, max_args(l.max), l.shared, l.is64, guard && !l.is64);
        append_format(out, FMT_COMPILE("  ctx->mem{} = {};\n"), imp.index, member);
        append_format(out, FMT_COMPILE("  ctx->mem{0}_base = ctx->mem{0}->data();\n"), imp.index);
        break;
      }
      case ExternKind::Table: {
        const TableType& t = m.tables[imp.index].type;
        append_format(out, FMT_COMPILE("  wasm2cpp::link::check_table({}, {}, {}ull, {});\n"),
                      member, names, t.limits.min, max_args(t.limits.max));
        append_format(out, FMT_COMPILE("  ctx->table{} = {};\n"), imp.index, member);
        break;
      }
      case ExternKind::Global: {
        const GlobalType& g = m.globals[imp.index].type;
        append_format(out, FMT_COMPILE("  wasm2cpp::link::check_global({}, {}, {}, {});\n"), member,
                      names, val_kind(g.type), g.is_mutable);
        append_format(out, FMT_COMPILE("  ctx->g{} = {};\n"), imp.index, member);
        break;
      }
      case ExternKind::Tag:
        append_format(out, FMT_COMPILE("  wasm2cpp::link::check_tag({}, {}, ctx->type{});\n"),
                      member, names, m.tags[imp.index].type_index);
        append_format(out, FMT_COMPILE("  ctx->tag{} = {};\n"), imp.index, member);
        break;
    }
  }
}

void emit_definitions(const ModuleInfo& info, std::string& out) {
  const Module& m = info.module;
  for (uint32_t i = 0; i < m.tags.size(); ++i)
    if (!m.tags[i].imported)
      append_format(
          out, FMT_COMPILE("  ctx->tag{} = self->host.add_tag(wasm2cpp::intern_func_type({}));\n"),
          i, cpp_string_literal(signature_string(m.types[m.tags[i].type_index])));
  for (uint32_t i = 0; i < m.memories.size(); ++i) {
    const Memory& mem = m.memories[i];
    if (mem.imported) continue;
    const Limits& l = mem.type.limits;
    append_format(out, FMT_COMPILE("  ctx->mem{} = self->host.add_memory({}ull, {}, {}, {});\n"), i,
                  l.min, max_args(l.max), l.shared, l.is64);
    append_format(out, FMT_COMPILE("  ctx->mem{0}_base = ctx->mem{0}->data();\n"), i);
    // Security: guard-mode code has no bounds checks, so it must never run
    // against a memory without the full guard reservation.
    if (!info.explicit_checks(i))
      out += format_text(FMT_COMPILE("  wasm2cpp::require_guarded(*ctx->mem{});\n"), i);
  }
  for (uint32_t i = 0; i < m.tables.size(); ++i) {
    const Table& t = m.tables[i];
    if (t.imported) continue;
    append_format(out, FMT_COMPILE("  ctx->table{} = self->host.add_{}_table({}ull, {});\n"), i,
                  t.type.elem == ValType::ExternRef ? "extern" : "func", t.type.limits.min,
                  max_args(t.type.limits.max));
  }
  for (uint32_t i = 0; i < m.globals.size(); ++i) {
    const Global& g = m.globals[i];
    if (g.imported) continue;
    if (info.global_shared[i])
      out += format_text(FMT_COMPILE("  ctx->g{0} = &self->g{0}_storage;\n"), i);
    out += "  " + info.global_write(i, "ctx", const_expr(info, g.init)) + ";\n";
  }
}

// The export map is table-driven: one static array of entries (name, kind,
// index, code pointer) and one out-of-line wasm2cpp::register_exports call
// in the constructor, with a local array of the objects of each kind that
// is exported. One call per export (and a std::string each before that)
// made the constructor the costliest function to compile in a module with
// many exports (docs/performance.md, "Compile cost").
struct ExportTable {
  std::string entries;  // the static array's rows
  std::string items;    // the constructor's arrays and ExportItems fields
};

ExportTable export_table(const ModuleInfo& info) {
  const Module& m = info.module;
  ExportTable table;
  // Per-kind arrays, in export order (duplicates allowed).
  std::vector<std::string> funcs, memories, func_tables, extern_tables, globals, tags;
  bool any_defined_function = false;
  for (const Export& e : m.exports) {
    const char* kind = "";
    size_t index = 0;
    std::string code = "nullptr";
    auto push = [&](std::vector<std::string>& list, std::string value) {
      index = list.size();
      list.push_back(std::move(value));
    };
    switch (e.kind) {
      case ExternKind::Func:
        if (m.functions[e.index].imported) {
          kind = "ImportedFunction";
          push(funcs, format_text(FMT_COMPILE("ctx->func{}"), e.index));
        } else {
          kind = "Function";
          any_defined_function = true;
          index = m.functions[e.index].type_index;
          code = format_text(FMT_COMPILE("reinterpret_cast<void (*)()>(&{}{})"), info.qualified_ns,
                             info.function_names[e.index]);
        }
        break;
      case ExternKind::Memory:
        kind = "Memory";
        push(memories, format_text(FMT_COMPILE("ctx->mem{}"), e.index));
        break;
      case ExternKind::Table:
        if (m.tables[e.index].type.elem == ValType::ExternRef) {
          kind = "ExternTable";
          push(extern_tables, format_text(FMT_COMPILE("ctx->table{}"), e.index));
        } else {
          kind = "FuncTable";
          push(func_tables, format_text(FMT_COMPILE("ctx->table{}"), e.index));
        }
        break;
      case ExternKind::Global:
        kind = "Global";
        push(globals, format_text(FMT_COMPILE("ctx->g{}"), e.index));
        break;
      case ExternKind::Tag:
        kind = "Tag";
        push(tags, format_text(FMT_COMPILE("ctx->tag{}"), e.index));
        break;
    }
    append_format(table.entries, FMT_COMPILE("    {{{}, {}, wasm2cpp::ExportKind::{}, {}, {}}},\n"),
                  cpp_string_literal(e.name), e.name.size(), kind, index, code);
  }
  auto array = [&](const std::vector<std::string>& list, const char* type, const char* name) {
    if (list.empty()) return;
    append_format(table.items, FMT_COMPILE("    {} const {}[] = {{"), type, name);
    for (size_t k = 0; k < list.size(); ++k)
      append_format(table.items, FMT_COMPILE("{}{}"), k ? ", " : "", list[k]);
    table.items += "};\n";
    append_format(table.items, FMT_COMPILE("    items.{0} = {0};\n"), name);
  };
  table.items += "    wasm2cpp::ExportItems items;\n";
  if (any_defined_function) {
    table.items += "    const wasm2cpp::TypeId types[] = {";
    for (uint32_t t = 0; t < m.types.size(); ++t)
      append_format(table.items, FMT_COMPILE("{}ctx->type{}"), t ? ", " : "", t);
    table.items += "};\n    items.env = ctx;\n    items.types = types;\n";
  }
  array(funcs, "wasm2cpp::FuncRef", "funcs");
  array(memories, "wasm2cpp::Memory*", "memories");
  array(func_tables, "wasm2cpp::FuncTable*", "func_tables");
  array(extern_tables, "wasm2cpp::ExternTable*", "extern_tables");
  array(globals, "wasm2cpp::GlobalBase*", "globals");
  array(tags, "wasm2cpp::Tag*", "tags");
  return table;
}

std::string entry_call(const ModuleInfo& info, uint32_t f);

// Function-index segments this long are emitted as one FuncRef per distinct
// function plus a constant array of small slot numbers, so the output (and
// the translator's memory) grows by a few bytes per item instead of ~80.
constexpr size_t kCompactElemThreshold = 16;

void emit_compact_func_items(const ModuleInfo& info, const std::vector<uint32_t>& funcs,
                             ChunkedText& chunks) {
  std::string& out = chunks.text;
  std::unordered_map<uint32_t, uint32_t> slot_of;
  std::vector<uint32_t> distinct;
  for (uint32_t f : funcs)
    if (slot_of.emplace(f, static_cast<uint32_t>(distinct.size())).second) distinct.push_back(f);
  out += "      const wasm2cpp::FuncRef refs[] = {";
  for (size_t k = 0; k < distinct.size(); ++k)
    append_format(out, FMT_COMPILE("{}\n          {}"), k ? "," : "",
                  info.func_ref(distinct[k], "ctx"));
  const char* slot_type = distinct.size() <= 0x100     ? "uint8_t"
                          : distinct.size() <= 0x10000 ? "uint16_t"
                                                       : "uint32_t";
  append_format(out, FMT_COMPILE("}};\n      static constexpr {} slots[] = {{"), slot_type);
  for (size_t k = 0; k < funcs.size(); ++k) {
    out += k % 32 ? "," : (k ? ",\n          " : "\n          ");
    append_format(out, FMT_COMPILE("{}"), slot_of[funcs[k]]);
    if (k % 32 == 31) chunks.flush_if_large();
  }
  out += "};\n";
}

// Whether emit_segments_and_start writes anything.
bool has_segments_or_start(const Module& m) {
  for (const ElemSegment& seg : m.elems)
    if (seg.mode != ElemSegment::Mode::Declarative) return true;
  return !m.datas.empty() || m.start.has_value();
}

void emit_segments_and_start(const ModuleInfo& info, ChunkedText& chunks) {
  const Module& m = info.module;
  std::string& out = chunks.text;
  for (uint32_t i = 0; i < m.elems.size(); ++i) {
    const ElemSegment& seg = m.elems[i];
    if (seg.mode == ElemSegment::Mode::Declarative) continue;  // dropped at once
    out += "    {\n";
    const bool passive = seg.mode == ElemSegment::Mode::Passive;
    // Passive items are copied into the instance's host state; active ones
    // go into the table (table.init then elem.drop: an out-of-range segment
    // traps, even an empty one).
    const std::string offset = passive ? std::string() : const_expr(info, seg.offset);
    const size_t count = seg.items.size() + seg.func_indices.size();
    if (seg.func_indices.size() >= kCompactElemThreshold) {
      emit_compact_func_items(info, seg.func_indices, chunks);
      if (passive) {
        append_format(out,
                      FMT_COMPILE("      ctx->elem{} = wasm2cpp::SegmentView<wasm2cpp::FuncRef>("
                                  "self->host.keep_items(refs, slots, {}), {});\n"),
                      i, count, count);
      } else {
        append_format(
            out, FMT_COMPILE("      wasm2cpp::init_table(ctx->table{}, {}, refs, slots, {});\n"),
            seg.table_index, offset, count);
      }
    } else if (count == 0) {
      if (passive) {
        append_format(out, FMT_COMPILE("      ctx->elem{} = {{}};\n"), i);
      } else {
        append_format(out, FMT_COMPILE("      ctx->table{}->init({}, nullptr, 0, 0, 0);\n"),
                      seg.table_index, offset);
      }
    } else {
      append_format(out, FMT_COMPILE("      const {} items[] = {{"), public_type(seg.type));
      for (size_t k = 0; k < seg.items.size(); ++k) {
        append_format(out, FMT_COMPILE("{}\n          {}"), k ? "," : "",
                      const_expr(info, seg.items[k]));
        chunks.flush_if_large();
      }
      for (size_t k = 0; k < seg.func_indices.size(); ++k)
        append_format(out, FMT_COMPILE("{}\n          {}"), k ? "," : "",
                      info.func_ref(seg.func_indices[k], "ctx"));
      out += "};\n";
      if (passive) {
        append_format(out,
                      FMT_COMPILE("      ctx->elem{} = wasm2cpp::SegmentView<{}>("
                                  "self->host.keep_items(items, {}), {});\n"),
                      i, public_type(seg.type), count, count);
      } else {
        append_format(out, FMT_COMPILE("      ctx->table{}->init({}, items, {}, 0, {});\n"),
                      seg.table_index, offset, count, count);
      }
    }
    out += "    }\n";
  }
  for (uint32_t i = 0; i < m.datas.size(); ++i) {
    const DataSegment& seg = m.datas[i];
    std::string span = segment_span(i, seg.bytes.size());
    if (seg.mode == DataSegment::Mode::Passive) {
      append_format(out, FMT_COMPILE("    ctx->data{} = {};\n"), i, span);
    } else {
      append_format(out, FMT_COMPILE("    ctx->mem{}->init({}, {}, 0, {});\n"), seg.memory_index,
                    const_expr(info, seg.offset), span, seg.bytes.size());
    }
  }
  if (m.start) {
    uint32_t f = *m.start;
    if (m.functions[f].imported) {
      append_format(out, FMT_COMPILE("    wasm2cpp::call_ref<void>(ctx->func{});\n"), f);
    } else {
      append_format(out, FMT_COMPILE("    {}(ctx);\n"), entry_call(info, f));
    }
  }
}

// How host-facing code (start call, export wrappers) names a defined
// function: directly, or through opaque_fn (see entry_needs_barrier).
std::string entry_call(const ModuleInfo& info, uint32_t f) {
  std::string fn = info.qualified_ns + info.function_names[f];
  if (f < info.entry_needs_barrier.size() && info.entry_needs_barrier[f])
    return "wasm2cpp::opaque_fn(&" + fn + ")";
  return fn;
}

void emit_export_members(const ModuleInfo& info, std::string& out) {
  const Module& m = info.module;
  for (uint32_t i = 0; i < m.exports.size(); ++i) {
    const Export& e = m.exports[i];
    const std::string& member = info.export_members[i];
    switch (e.kind) {
      case ExternKind::Func: {
        const FuncType& type = m.func_type(e.index);
        std::string params, args;
        for (size_t p = 0; p < type.params.size(); ++p) {
          append_format(params, FMT_COMPILE("{}{} p{}"), p ? ", " : "", public_type(type.params[p]),
                        p);
          append_format(args, FMT_COMPILE(", p{}"), p);
        }
        std::string call = m.functions[e.index].imported
                               ? format_text(FMT_COMPILE("wasm2cpp::call_ref<{}>(ctx_->func{}{})"),
                                             result_type(type), e.index, args)
                               : format_text(FMT_COMPILE("{}(static_cast<{}Context*>(ctx_){})"),
                                             entry_call(info, e.index), info.qualified_ns, args);
        append_format(out, FMT_COMPILE("{} Instance::{}({}) {{ return {}; }}\n"), result_type(type),
                      member, params, call);
        break;
      }
      case ExternKind::Memory:
        append_format(out,
                      FMT_COMPILE("wasm2cpp::Memory& Instance::{}() {{ return *ctx_->mem{}; }}\n"),
                      member, e.index);
        break;
      case ExternKind::Table:
        append_format(out, FMT_COMPILE("{}& Instance::{}() {{ return *ctx_->table{}; }}\n"),
                      table_class(m.tables[e.index].type.elem), member, e.index);
        break;
      case ExternKind::Global:
        append_format(
            out, FMT_COMPILE("wasm2cpp::Global<{}>& Instance::{}() {{ return *ctx_->g{}; }}\n"),
            public_type(m.globals[e.index].type.type), member, e.index);
        break;
      case ExternKind::Tag:
        append_format(out,
                      FMT_COMPILE("wasm2cpp::Tag& Instance::{}() {{ return *ctx_->tag{}; }}\n"),
                      member, e.index);
        break;
    }
  }
}

}  // namespace

void emit_instance_implementation(const ModuleInfo& info,
                                  const std::function<void(std::string_view)>& drain) {
  const Module& m = info.module;
  ChunkedText chunks(drain);
  std::string& out = chunks.text;
  emit_owned_context(info, out);
  for (uint32_t i = 0; i < m.datas.size(); ++i) {
    append_format(out, FMT_COMPILE("static const char kData{}[] ="), i);
    append_data_literal(m.datas[i].bytes, chunks);
    out += ";\n";
  }
  if (!m.datas.empty()) out += "\n";

  emit_link(info, out);

  const ExportTable exports = export_table(info);
  if (!m.exports.empty()) {
    out += "static const wasm2cpp::ExportEntry kExports[] = {\n";
    out += exports.entries;
    out += "};\n\n";
  }

  out +=
      "Instance::Instance(const wasm2cpp::Linker& linker) : Instance(Imports::link(linker)) {}\n\n";
  append_format(out, FMT_COMPILE("Instance::Instance(const Imports&{}) : ctx_(new Context) {{\n"),
                m.imports.empty() ? "" : " imports");
  append_format(
      out,
      FMT_COMPILE(
          "  Context* self = ctx_;\n  {}Context* ctx = self;\n  (void)self;\n  (void)ctx;\n"),
      info.qualified_ns);
  // Segment and start-function effects on imported tables and memories
  // persist when instantiation fails, including funcrefs whose env is this
  // context; so a failure from then on retains the context, never frees it.
  // An earlier failure frees it.
  const bool segments = has_segments_or_start(m);
  if (segments) out += "  bool retain = false;\n";
  out += "  try {\n";
  std::string setup;
  // Types are interned per process: equal signatures give equal TypeIds
  // across modules, which is what call_indirect and linking compare.
  for (uint32_t i = 0; i < m.types.size(); ++i)
    append_format(setup, FMT_COMPILE("  ctx->type{} = wasm2cpp::intern_func_type({});\n"), i,
                  cpp_string_literal(signature_string(m.types[i])));
  emit_imports_into_context(info, setup);
  emit_definitions(info, setup);
  if (!m.exports.empty()) {
    setup += "  {\n";
    setup += exports.items;
    append_format(setup,
                  FMT_COMPILE("    wasm2cpp::register_exports(self->host.exports(), kExports, {}, "
                              "items);\n  }}\n"),
                  m.exports.size());
  }
  // One level deeper, inside the try.
  for (size_t pos = 0; pos < setup.size();) {
    const size_t eol = setup.find('\n', pos);
    out += "  ";
    out.append(setup, pos, eol + 1 - pos);
    pos = eol + 1;
  }
  if (segments) {
    out += "    retain = true;\n";
    emit_segments_and_start(info, chunks);
  }
  out += "  } catch (...) {\n";
  if (segments) {
    out +=
        "    if (retain)\n      wasm2cpp::retain_failed_instance(ctx_);\n    else\n      delete "
        "ctx_;\n";
  } else {
    out += "    delete ctx_;\n";
  }
  out += "    throw;\n  }\n}\n\n";
  out += "Instance::~Instance() { delete ctx_; }\n\n";
  out += "const wasm2cpp::Exports& Instance::exports() const { return ctx_->host.exports(); }\n\n";
  emit_export_members(info, out);
  chunks.flush();
}

}  // namespace wasm2cpp::emit
