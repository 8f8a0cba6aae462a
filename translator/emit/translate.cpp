// translate(): decode -> validate module -> per defined function: validate,
// emit, drop its IR (function_bodies.cpp, on one or several threads) ->
// assemble the header and the source shard(s).
#include "emit/translate.hpp"

#include <algorithm>
#include <iterator>
#include <numeric>

#include "decode/decode_module.hpp"
#include "emit/append_format.hpp"
#include "emit/emitter.hpp"
#include "emit/function_bodies.hpp"
#include "fmt/compile.h"
#include "fmt/format.h"
#include "validate/validate_module.hpp"

namespace wasm2cpp {

namespace {

// Assigns each defined function to a shard: largest bodies first, each to the
// currently lightest shard (ties: lowest shard number), so shards get
// similar amounts of code. Deterministic for a given module.
std::vector<uint32_t> assign_shards(const Module& module, uint32_t shards) {
  std::vector<uint32_t> shard_of(module.functions.size(), 0);
  if (shards <= 1) return shard_of;
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < module.functions.size(); ++i)
    if (!module.functions[i].imported) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return module.functions[a].body.size() > module.functions[b].body.size();
  });
  std::vector<uint64_t> load(shards, 0);
  for (uint32_t f : order) {
    uint32_t lightest =
        static_cast<uint32_t>(std::min_element(load.begin(), load.end()) - load.begin());
    shard_of[f] = lightest;
    // Every function costs at least its declaration and prologue.
    load[lightest] += module.functions[f].body.size() + 16;
  }
  return shard_of;
}

// What each source file includes beyond the module's own declarations.
struct ShardNeeds {
  bool instance = false;  // the instance implementation (module declarations + instance_support)
  bool simd = false;
  bool exceptions = false;
};

std::string source_prelude(const emit::ModuleInfo& info, const std::string& header_name,
                           const ShardNeeds& needs) {
  std::string out = emit::banner(info);
  out += R"(
// WebAssembly rounds every float operation separately: never contract a*b+c
// into a fused multiply-add, whatever -ffp-contract / -march say. This must
// precede every include so inline helpers are compiled the same way.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
// Runaway recursion must end in a call-stack-exhausted trap; a call in tail
// position compiled as a jump would loop forever instead. Tail entries (wasm
// tail calls, see wasm2cpp/tail_call.hpp) close this region around
// themselves: clang ignores [[clang::musttail]] under disable_tail_calls.
#if defined(__clang__)
#pragma clang attribute push(__attribute__((disable_tail_calls)), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC optimize("no-optimize-sibling-calls")
#endif
// A wasm function may legitimately recurse without end (it traps with call
// stack exhausted); that is not a defect in the generated code.
#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
#pragma GCC diagnostic ignored "-Winfinite-recursion"
#endif

)";
  // Function bodies need only the lean wasm2cpp/code.hpp. The instance
  // implementation needs the module's class declarations and the light
  // instance_support.hpp, not the host API the public header adds for hosts
  // (<memory>, <string>, <vector>... ~0.3 s of compile time): one macro
  // (module_api.hpp) asks the header for the declarations only.
  if (needs.instance) {
    out += "#define WASM2CPP_MODULE_API_ONLY\n";
    emit::append_format(out, FMT_COMPILE("#include \"{}\"\n"), header_name);
    out += "#undef WASM2CPP_MODULE_API_ONLY\n\n";
    out += "#include <wasm2cpp/instance_support.hpp>\n";
  }
  out += "#include <wasm2cpp/code.hpp>\n";
  if (needs.exceptions) out += "#include <wasm2cpp/exception.hpp>\n";
  if (info.tail_calls.any) out += "#include <wasm2cpp/tail_call.hpp>\n";
  if (needs.simd) out += "#include <wasm2cpp/simd.hpp>\n";
  out += "\n#include <bit>\n#include <cstdint>\n";
  if (needs.exceptions) out += "#include <exception>\n";
  if (info.uses_tuples()) out += "#include <tuple>\n";
  out += "\n";
  emit::append_format(out, FMT_COMPILE("namespace {} {{\n\nnamespace ops = ::wasm2cpp::ops;\n"),
                      info.ns);
  if (needs.simd) out += "namespace simd = ::wasm2cpp::simd;\n";
  out += "\n";
  return out;
}

}  // namespace

Expected<void> translate_to(std::vector<uint8_t> bytes, const TranslateOptions& options,
                            OutputSink& sink) {
  TRY_ASSIGN(Module module, decode_module(std::move(bytes), options.features));
  TRY(validate_module(module, options.features));

  const uint32_t shards = std::max<uint32_t>(options.shards, 1);
  emit::ModuleInfo info(module, options);
  info.tail_calls = emit::plan_tail_calls(module, options.features);
  std::string stem = options.output_stem.empty() ? std::string("module") : options.output_stem;
  const std::string header_name = stem + ".hpp";
  const bool shared_linkage = shards > 1;
  auto source_file = [](uint32_t shard) { return shard + 1; };

  std::vector<uint32_t> shard_of = assign_shards(module, shards);
  std::vector<ShardNeeds> shard_needs(shards);
  shard_needs[0].instance = true;
  bool any_guarded_memory = false;
  for (uint32_t m = 0; m < module.memories.size(); ++m)
    any_guarded_memory = any_guarded_memory || !info.explicit_checks(m);
  // Bodies, validated and emitted on options.jobs threads, arrive here in
  // function order (function_bodies.hpp).
  std::vector<bool> entry_needs_barrier(module.functions.size(), false);
  TRY(emit::emit_function_bodies(
      info, shared_linkage, options.jobs,
      [&](uint32_t f, std::string_view text, const emit::BodyFacts& facts) -> Expected<void> {
        const uint32_t file = source_file(shard_of[f]);
        TRY(sink.append(file, "\n"));
        TRY(sink.append(file, text));
        if (facts.uses_simd) shard_needs[shard_of[f]].simd = true;
        if (facts.uses_exceptions) shard_needs[shard_of[f]].exceptions = true;
        // A leaf without memory accesses cannot fault, so its export wrapper
        // stays a direct call that link-time optimisation can inline.
        entry_needs_barrier[f] = any_guarded_memory && facts.may_fault;
        return {};
      }));
  info.entry_needs_barrier = std::move(entry_needs_barrier);

  // The instance implementation (first shard) holds the segments' contents
  // as literals: it reaches the sink in pieces.
  TRY(sink.append(source_file(0), "\n"));
  Expected<void> status;
  emit::emit_instance_implementation(info, [&](std::string_view text) {
    if (status) status = sink.append(source_file(0), text);
  });
  TRY(status);

  // Each shard carries the (identical) plain Context definition and the
  // function declarations, so no extra internal header file is needed.
  const std::string shared = emit::emit_context_and_declarations(info, shared_linkage);
  const std::string closing = emit::format_text(
      FMT_COMPILE(
          "\n}}  // namespace {}\n\n#if defined(__clang__)\n#pragma clang attribute pop\n#endif\n"),
      info.ns);
  for (uint32_t s = 0; s < shards; ++s) {
    TRY(sink.append(source_file(s), closing));
    const std::string name =
        s == 0 ? stem + ".cpp" : emit::format_text(FMT_COMPILE("{}_{}.cpp"), stem, s);
    TRY(sink.finish(source_file(s), name,
                    source_prelude(info, header_name, shard_needs[s]) + shared));
  }
  return sink.finish(0, header_name, emit::emit_public_header(info));
}

namespace {

// Keeps every file in memory: translate()'s result.
class StringSink final : public OutputSink {
 public:
  explicit StringSink(uint32_t files) : bodies_(files), files_(files) {}

  Expected<void> append(uint32_t file, std::string_view text) override {
    bodies_[file].append(text);
    return {};
  }
  Expected<void> finish(uint32_t file, const std::string& name, std::string_view head) override {
    // The head goes in front in place: a move within the buffer, no second copy.
    std::string& text = bodies_[file];
    text.insert(0, head);
    files_[file] = OutputFile{name, std::move(text)};
    return {};
  }

  TranslatedModule take() && {
    TranslatedModule out;
    out.header = std::move(files_[0]);
    for (size_t i = 1; i < files_.size(); ++i) out.sources.push_back(std::move(files_[i]));
    return out;
  }

 private:
  std::vector<std::string> bodies_;
  std::vector<OutputFile> files_;
};

}  // namespace

Expected<TranslatedModule> translate(std::vector<uint8_t> bytes, const TranslateOptions& options) {
  StringSink sink(std::max<uint32_t>(options.shards, 1) + 1);
  TRY(translate_to(std::move(bytes), options, sink));
  return std::move(sink).take();
}

}  // namespace wasm2cpp
