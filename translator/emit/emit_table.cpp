// Table instructions, element segments at run time, and references.
#include "emit/function_emitter.hpp"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

const char* table_class(ValType elem) {
  return elem == ValType::ExternRef ? "wasm2cpp::ExternTable" : "wasm2cpp::FuncTable";
}

}  // namespace

bool FunctionEmitter::emit_table(const Instr& in) {
  const auto& tables = info_.module.tables;
  switch (in.op) {
    case Opcode::TableGet: {
      ValType t = tables[in.a].type.elem;
      const VarName index = get(in.height - 1, ValType::I32);
      line_format(FMT_COMPILE("{} = wasm2cpp::table_get({}->table{}, {});"), put(in.height - 1, t),
                  ctx(), in.a, index);
      return true;
    }
    case Opcode::TableSet: {
      ValType t = tables[in.a].type.elem;
      const VarName index = get(in.height - 2, ValType::I32);
      const VarName value = get(in.height - 1, t);
      line_format(FMT_COMPILE("wasm2cpp::table_set({}->table{}, {}, {});"), ctx(), in.a, index,
                  value);
      return true;
    }
    case Opcode::TableSize:
      line_format(FMT_COMPILE("{} = {}->table{}->size();"), put(in.height, ValType::I32), ctx(),
                  in.a);
      return true;
    case Opcode::TableGrow: {
      // grow() returns the old size or -1 (all ones as uint32_t).
      ValType t = tables[in.a].type.elem;
      const VarName init = get(in.height - 2, t);
      const VarName delta = get(in.height - 1, ValType::I32);
      line_format(FMT_COMPILE("{} = uint32_t({}->table{}->grow({}, {}));"),
                  put(in.height - 2, ValType::I32), ctx(), in.a, delta, init);
      return true;
    }
    case Opcode::TableFill: {
      ValType t = tables[in.a].type.elem;
      const VarName dst = get(in.height - 3, ValType::I32);
      const VarName value = get(in.height - 2, t);
      const VarName len = get(in.height - 1, ValType::I32);
      line_format(FMT_COMPILE("{}->table{}->fill({}, {}, {});"), ctx(), in.a, dst, value, len);
      return true;
    }
    case Opcode::TableCopy: {
      const VarName dst = get(in.height - 3, ValType::I32);
      const VarName src = get(in.height - 2, ValType::I32);
      const VarName len = get(in.height - 1, ValType::I32);
      const VarName c = ctx();
      line_format(FMT_COMPILE("{}::copy(*{}->table{}, {}, *{}->table{}, {}, {});"),
                  table_class(tables[in.a].type.elem), c, in.a, dst, c, in.b, src, len);
      return true;
    }
    case Opcode::TableInit: {
      const VarName dst = get(in.height - 3, ValType::I32);
      const VarName src = get(in.height - 2, ValType::I32);
      const VarName len = get(in.height - 1, ValType::I32);
      const VarName c = ctx();
      line_format(
          FMT_COMPILE(
              "{0}->table{1}->init({2}, {0}->elem{3}.data(), {0}->elem{3}.size(), {4}, {5});"),
          c, in.b, dst, in.a, src, len);
      return true;
    }
    case Opcode::ElemDrop:
      // A dropped segment behaves as an empty one.
      line_format(FMT_COMPILE("wasm2cpp::drop_segment({}->elem{});"), ctx(), in.a);
      return true;
    case Opcode::RefNull:
      line_format(FMT_COMPILE("{} = {}{{}};"), put(in.height, in.type), public_type(in.type));
      return true;
    case Opcode::RefIsNull: {
      const VarName value = get(in.height - 1, in.type);
      line_format(FMT_COMPILE("{} = {}.is_null();"), put(in.height - 1, ValType::I32), value);
      return true;
    }
    case Opcode::RefFunc:
      line_format(FMT_COMPILE("{} = {};"), put(in.height, ValType::FuncRef),
                  info_.func_ref(in.a, ctx()));
      return true;
    default: return false;
  }
}

}  // namespace wasm2cpp::emit
