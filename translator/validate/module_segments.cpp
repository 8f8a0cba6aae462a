// Element and data segments (spec 3.4.6 / 3.4.7) and the C.refs set that
// ref.func in function bodies is checked against.
#include <fmt/format.h>

#include "validate/module_checks.hpp"

namespace wasm2cpp::module_validation {

Expected<void> check_elem_segments(const Module& module, const Features& features) {
  ConstExprChecker checker(module, features);
  for (size_t i = 0; i < module.elems.size(); ++i) {
    const ElemSegment& seg = module.elems[i];
    for (const ConstExpr& item : seg.items) TRY(checker.check(item, seg.type));
    for (uint32_t func : seg.func_indices)
      if (func >= module.functions.size())
        return make_error(fmt::format("unknown function {} in element segment {}", func, i),
                          seg.offset_in_module);
    if (seg.mode != ElemSegment::Mode::Active) continue;
    if (seg.table_index >= module.tables.size())
      return make_error(fmt::format("unknown table {} in element segment {}", seg.table_index, i),
                        seg.offset_in_module);
    const TableType& table = module.tables[seg.table_index].type;
    TRY(checker.check(seg.offset, ValType::I32));
    if (table.elem != seg.type)
      return make_error(fmt::format("type mismatch: element segment {} of type {} for a table "
                                    "of {}",
                                    i, type_name(seg.type), type_name(table.elem)),
                        seg.offset_in_module);
  }
  return {};
}

Expected<void> check_data_segments(const Module& module, const Features& features) {
  ConstExprChecker checker(module, features);
  for (size_t i = 0; i < module.datas.size(); ++i) {
    const DataSegment& seg = module.datas[i];
    if (seg.mode != DataSegment::Mode::Active) continue;
    if (seg.memory_index >= module.memories.size())
      return make_error(fmt::format("unknown memory {} in data segment {}", seg.memory_index, i),
                        seg.offset_in_module);
    const bool is64 = module.memories[seg.memory_index].type.limits.is64;
    TRY(checker.check(seg.offset, is64 ? ValType::I64 : ValType::I32));
  }
  return {};
}

std::vector<bool> collect_declared_func_refs(const Module& module) {
  std::vector<bool> refs(module.functions.size(), false);
  auto note_expr = [&](const ConstExpr& expr) {
    for (const Instr& in : expr.instrs)
      if (in.op == Opcode::RefFunc && in.a < refs.size()) refs[in.a] = true;
  };
  for (const Global& g : module.globals)
    if (!g.imported) note_expr(g.init);
  for (const ElemSegment& seg : module.elems) {
    note_expr(seg.offset);
    for (const ConstExpr& item : seg.items) note_expr(item);
    for (uint32_t func : seg.func_indices)
      if (func < refs.size()) refs[func] = true;
  }
  for (const DataSegment& seg : module.datas) note_expr(seg.offset);
  for (const Export& e : module.exports)
    if (e.kind == ExternKind::Func && e.index < refs.size()) refs[e.index] = true;
  return refs;
}

}  // namespace wasm2cpp::module_validation
