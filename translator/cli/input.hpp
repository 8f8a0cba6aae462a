// Reading the input module and reporting errors the same way for every
// subcommand ("input.wasm: error: <message> (at offset 0x1f)").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "support/error.hpp"

namespace wasm2cpp::cli {

// The bytes of `path` ("-": standard input).
Expected<std::vector<uint8_t>> read_input(const std::string& path);

// Prints "<subject>: error: <message>[ (at offset 0x..)]" to stderr and
// returns kExitTranslationFailed.
int report_error(const std::string& subject, const std::string& message,
                 uint64_t offset = kNoOffset);

}  // namespace wasm2cpp::cli
