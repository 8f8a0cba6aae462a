// Direct, imported and indirect calls. Their tail-call forms (return_call,
// return_call_indirect) are in emit_tail_calls.cpp.
#include "emit/function_emitter.hpp"
#include "fmt/format.h"

namespace wasm2cpp::emit {

namespace {

// to_public / to_internal (naming.cpp) appended in place: no temporaries.
// `Out`: std::string or a fmt buffer.
template <typename Out>
void append_converted(Out& out, ValType t, std::string_view expr, bool to_public_type) {
  const char* cast = nullptr;
  if (t == ValType::I32) cast = to_public_type ? "int32_t(" : "uint32_t(";
  if (t == ValType::I64) cast = to_public_type ? "int64_t(" : "uint64_t(";
  if (cast != nullptr) out.append(cast, cast + std::char_traits<char>::length(cast));
  out.append(expr.data(), expr.data() + expr.size());
  if (cast != nullptr) out.push_back(')');
}

template <typename Out>
void append_text(Out& out, std::string_view text) {
  out.append(text.data(), text.data() + text.size());
}

}  // namespace

std::string FunctionEmitter::call_args(const FuncType& type, uint32_t first) {
  std::string out;
  out.reserve(24 * type.params.size());
  append_call_args(out, type, first);
  return out;
}

template <typename Out>
void FunctionEmitter::append_call_args(Out& out, const FuncType& type, uint32_t first) {
  for (uint32_t i = 0; i < type.params.size(); ++i) {
    append_text(out, ", ");
    append_converted(out, type.params[i], get(first + i, type.params[i]), /*to_public_type=*/true);
  }
}

void FunctionEmitter::store_call_results(const FuncType& type, std::string_view call_expr,
                                         uint32_t result_height) {
  const auto& results = type.results;
  if (results.empty()) {
    line_format(FMT_COMPILE("{};"), call_expr);
  } else if (results.size() == 1) {
    // line_format(FMT_COMPILE("{} = {};"), put(...), to_internal(...)) without temporaries.
    const VarName target = put(result_height, results[0]);
    body_.append(std::min<uint32_t>(indent_, 40) * 2, ' ');
    body_ += target;
    body_ += " = ";
    append_converted(body_, results[0], call_expr, /*to_public_type=*/false);
    body_ += ";\n";
  } else {
    // The tuple lives in its own scope so no goto crosses its initialisation.
    line("{");
    ++indent_;
    line_format(FMT_COMPILE("const auto results = {};"), call_expr);
    for (uint32_t i = 0; i < results.size(); ++i)
      line_format(FMT_COMPILE("{} = {};"), put(result_height + i, results[i]),
                  to_internal(results[i], format_text(FMT_COMPILE("std::get<{}>(results)"), i)));
    --indent_;
    line("}");
  }
  // The callee may have grown a memory.
  reload_memory_sizes();
}

bool FunctionEmitter::emit_call(const Instr& in) {
  switch (in.op) {
    case Opcode::ReturnCall: emit_return_call(in); return true;
    case Opcode::ReturnCallIndirect: emit_return_call_indirect(in); return true;
    case Opcode::Call: {
      // The call expression is formatted into a stack buffer and the line
      // written straight into the body: calls are frequent, and building
      // the arguments, the expression and the line as strings cost three
      // allocations per call.
      const FuncType& type = info_.func_type(in.a);
      uint32_t first = in.height - static_cast<uint32_t>(type.params.size());
      fmt::basic_memory_buffer<char, 256> call;
      if (info_.module.functions[in.a].imported) {
        fmt::format_to(fmt::appender(call), FMT_COMPILE("wasm2cpp::call_ref<{}>({}->func{}"),
                       result_type(type), ctx(), in.a);
      } else {
        const std::string& name = info_.function_names[in.a];
        if (has_try_) {  // direct_callee
          append_text(call, "wasm2cpp::opaque_fn(&");
          append_text(call, name);
          call.push_back(')');
        } else {
          append_text(call, name);
        }
        call.push_back('(');
        append_text(call, ctx());
      }
      append_call_args(call, type, first);
      call.push_back(')');
      store_call_results(type, std::string_view(call.data(), call.size()), first);
      return true;
    }
    case Opcode::CallIndirect: {
      // Checks, in the spec's order: index in bounds (undefined element),
      // not null (uninitialized element), exact type (type mismatch).
      const FuncType& type = info_.module.types[in.a];
      const VarName index = get(in.height - 1, ValType::I32);
      uint32_t first = in.height - 1 - static_cast<uint32_t>(type.params.size());
      fmt::basic_memory_buffer<char, 256> call;
      const VarName c = ctx();
      fmt::format_to(fmt::appender(call),
                     FMT_COMPILE("wasm2cpp::call_indirect<{}>({}->table{}, {}, {}->type{}"),
                     result_type(type), c, in.b, index, c, in.a);
      append_call_args(call, type, first);
      call.push_back(')');
      store_call_results(type, std::string_view(call.data(), call.size()), first);
      return true;
    }
    default: return false;
  }
}

}  // namespace wasm2cpp::emit
