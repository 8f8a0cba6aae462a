// `wasm2cpp build`: translate a module, compile the generated sources with a
// C++ compiler and link them with the runtime (and, for an executable, the
// WASI library and a main() that runs the module's _start). See
// docs/wasi.md ("wasm2cpp build").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "emit/translate.hpp"

namespace wasm2cpp::cli {

enum class BuildOutput : uint8_t {
  Executable,  // a WASI command (or reactor) with main()
  Object,      // one relocatable object of the module (+ its header next to it)
  Library,     // a static library of the module (+ its header next to it)
};

// A preopened directory baked into the executable.
struct BakedDirectory {
  std::string host_path;
  std::string guest_path;
};

struct BuildCommand {
  std::string input_path;  // "-" for standard input
  std::filesystem::path output_path;
  BuildOutput output = BuildOutput::Executable;
  TranslateOptions translate;

  std::string cxx;                         // empty: $CXX, else clang++, else g++
  std::string optimize = "-O2";            // -O0 ... -O3, -Os
  std::vector<std::string> cxx_flags;      // extra flags for every compile (and the link)
  std::vector<std::string> link_flags;     // extra flags for the link
  unsigned jobs = 0;                       // parallel compiles; 0: one per core
  std::filesystem::path runtime_prefix;    // --runtime-prefix; empty: found automatically
  bool keep_temporaries = false;
  bool verbose = false;                    // print the commands

  // Settings baked into the executable (wasm2cpp::wasi::CommandDefaults).
  std::vector<BakedDirectory> directories;
  std::vector<std::string> env;
  std::vector<std::string> tcp_listen;
  bool inherit_env = false;
  bool runner_options = true;
  std::string program_name;  // the guest's argv[0]; empty: the executable's name
};

// Runs the build; prints diagnostics to stderr. Returns the exit status.
int run_build(const BuildCommand& command);

// The C++ string literal for `text` (quotes included), safe for any bytes.
std::string cxx_string_literal(std::string_view text);

}  // namespace wasm2cpp::cli
