// libFuzzer entry point: the whole translator pipeline (decode -> validate ->
// IR -> emit) on arbitrary bytes. Any crash, sanitizer report, leak or hang
// is a bug: the translator must answer every input with an Error or C++.
//
// The last input byte, when present, also picks the configuration, so one
// corpus exercises both bounds modes, sharding and every feature set:
//   bit 0: explicit bounds checks; bit 1: two shards; bit 2: all features.
// Seeds from the spec testsuite keep their meaning since any byte works.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "emit/translate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const uint8_t knobs = size ? data[size - 1] : 0;
  wasm2cpp::TranslateOptions options;
  options.name = "fuzzed";
  options.output_stem = "fuzzed";
  options.bounds_checks =
      (knobs & 1) ? wasm2cpp::BoundsChecks::Explicit : wasm2cpp::BoundsChecks::Guard;
  options.shards = (knobs & 2) ? 2 : 1;
  options.features = (knobs & 4) ? wasm2cpp::Features::all() : wasm2cpp::Features();
  auto result = wasm2cpp::translate(std::vector<uint8_t>(data, data + size), options);
  if (result.ok()) {
    // Touch the output so the emitter's work cannot be optimised away.
    volatile size_t total = result->header.contents.size();
    for (const auto& source : result->sources) total = total + source.contents.size();
  }
  return 0;
}
