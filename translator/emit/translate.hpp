// The whole pipeline: decode -> validate -> (per function) IR -> emit.
// Functions are validated and emitted one at a time so memory stays
// proportional to the largest function, not the module.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "support/error.hpp"
#include "support/features.hpp"

namespace wasm2cpp {

enum class BoundsChecks : uint8_t {
  Guard,     // reserved address space + guard pages; faults become traps
  Explicit,  // a compare per access; portable; required for memory64
};

struct TranslateOptions {
  // C++ namespace of the generated module (an identifier).
  std::string name;
  // Optional enclosing namespace(s), e.g. "acme::plugins".
  std::string outer_namespace;
  BoundsChecks bounds_checks = BoundsChecks::Guard;
  Features features;
  // Number of .cpp files to split the functions over (>= 1).
  uint32_t shards = 1;
  // File name of the input, recorded in the header comment.
  std::string input_name;
  // Base name of the output files ("m" -> m.hpp, m.cpp / m_1.cpp ...).
  std::string output_stem;
};

struct OutputFile {
  std::string name;      // file name (no directory)
  std::string contents;
};

struct TranslatedModule {
  OutputFile header;
  std::vector<OutputFile> sources;
};

Expected<TranslatedModule> translate(std::vector<uint8_t> bytes, const TranslateOptions& options);

}  // namespace wasm2cpp
