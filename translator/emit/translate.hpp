// The whole pipeline: decode -> validate -> (per function) IR -> emit.
// Functions are validated and emitted one at a time (or a bounded number of
// chunks at a time on several threads, TranslateOptions::jobs) so memory
// stays proportional to the largest function, not the module.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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
  // Threads that validate and emit function bodies; 0: automatic (one per
  // hardware thread, one for small modules). The output is the same for
  // every value.
  uint32_t jobs = 0;
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

// Receives the generated files piece by piece from translate_to(), so a
// caller can write them out as they are produced instead of holding the
// whole output (about 15 bytes of C++ per byte of wasm code). File 0 is the
// header, file 1 + s source shard s. A file's text is the `head` given to
// finish() followed by everything append()ed to it, in order: the bulk
// (function bodies, segment literals) comes first because the head (which
// includes a file needs) depends on all of it. Each file is finished exactly
// once, after its last append.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual Expected<void> append(uint32_t file, std::string_view text) = 0;
  // `name`: the file name, no directory (TranslateOptions::output_stem based).
  virtual Expected<void> finish(uint32_t file, const std::string& name, std::string_view head) = 0;
};

// translate(), streaming into `sink`. An error (the module's, or one the sink
// returned) can come after some files were appended to or finished: the
// caller discards them.
Expected<void> translate_to(std::vector<uint8_t> bytes, const TranslateOptions& options,
                            OutputSink& sink);

}  // namespace wasm2cpp
