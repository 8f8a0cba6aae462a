// wasm2cpp: translate a WebAssembly module into C++ (a header and one or more
// sources), or with `wasm2cpp build` also compile it into an executable.
// See README.md ("Command line") for the options.
#include <filesystem>
#include <iostream>
#include <string>

#include "cli/build_command.hpp"
#include "cli/input.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "emit/translate.hpp"

namespace {

namespace fs = std::filesystem;
using namespace wasm2cpp;

using cli::read_input;
using cli::report_error;

int run(const cli::CommandLine& command) {
  const std::string subject = command.input_path == "-" ? "<stdin>" : command.input_path;

  auto bytes = read_input(command.input_path);
  if (!bytes) return report_error(subject, bytes.error().message);

  // The files are written while the translation runs (temporaries, renamed
  // into place only when every one is complete).
  cli::OutputDirectory output(fs::path(command.output_stem).parent_path());
  auto translated = translate_to(std::move(bytes).value(), command.translate, output);
  if (!translated) {
    if (const auto& failure = output.failure())
      return report_error(failure->path.string(), failure->message);
    return report_error(subject, translated.error().message, translated.error().offset);
  }
  if (auto failure = output.commit()) return report_error(failure->path.string(), failure->message);
  return cli::kExitSuccess;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  auto parsed = cli::parse_command_line(argc, argv);
  if (const int* exit_status = std::get_if<int>(&parsed)) return *exit_status;
  if (const auto* build = std::get_if<cli::BuildCommand>(&parsed)) return cli::run_build(*build);
  return run(std::get<cli::CommandLine>(parsed));
}
