// wasm2cpp: translate a WebAssembly module into C++ (a header and one or more
// sources), or with `wasm2cpp build` also compile it into an executable.
// See README.md ("Command line") for the options.
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

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

  auto translated = translate(std::move(bytes).value(), command.translate);
  if (!translated)
    return report_error(subject, translated.error().message, translated.error().offset);

  const fs::path stem(command.output_stem);
  const fs::path directory = stem.parent_path();
  std::vector<cli::PendingFile> files;
  files.push_back({directory / translated->header.name, std::move(translated->header.contents)});
  for (OutputFile& source : translated->sources)
    files.push_back({directory / source.name, std::move(source.contents)});
  for (const cli::PendingFile& file : files) {
    // The translator names files; they must stay inside the output directory.
    const std::string name = file.path.filename().string();
    if (name.empty() || name == "." || name == ".." || file.path != directory / name)
      return report_error(subject,
                          "internal error: bad output file name '" + file.path.string() + "'");
  }

  if (auto failure = cli::write_all_or_nothing(directory, files))
    return report_error(failure->path.string(), failure->message);
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
