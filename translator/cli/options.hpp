// The command line of `wasm2cpp`: parsed with CLI11 into CommandLine (translate
// a module) or BuildCommand (`wasm2cpp build`: translate and compile).
#pragma once

#include <string>
#include <variant>

#include "cli/build_command.hpp"
#include "emit/translate.hpp"

namespace wasm2cpp::cli {

// Exit statuses.
inline constexpr int kExitSuccess = 0;
inline constexpr int kExitTranslationFailed = 1;  // bad input, I/O error, compiler failed
inline constexpr int kExitUsage = 2;              // bad command line

struct CommandLine {
  std::string input_path;      // "-" for standard input
  std::string output_stem;     // path without extension, e.g. "out/m"
  TranslateOptions translate;  // name, namespace, checks, features, shards
};

// A command line to run, or an exit status when parsing already did
// everything (--help, --version, --list-features, usage errors: the
// messages have been printed).
using ParseResult = std::variant<CommandLine, BuildCommand, int>;

ParseResult parse_command_line(int argc, char** argv);

// The bounds-check strategy used when --bounds-checks is not given: guard
// pages where the runtime can reserve them (64-bit Linux and macOS).
BoundsChecks default_bounds_checks();

}  // namespace wasm2cpp::cli
