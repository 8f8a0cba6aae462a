// wasm2cpp: translate a WebAssembly module into C++ (a header and one or more
// sources). See README.md ("Command line") for the options.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "emit/translate.hpp"

namespace {

namespace fs = std::filesystem;
using namespace wasm2cpp;

// "input.wasm: error: <message> (at offset 0x1f)"
int report_error(const std::string& subject, const std::string& message,
                 uint64_t offset = kNoOffset) {
  std::cerr << subject << ": error: " << message;
  if (offset != kNoOffset) {
    char hex[32];
    std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(offset));
    std::cerr << " (at offset 0x" << hex << ")";
  }
  std::cerr << "\n";
  return cli::kExitTranslationFailed;
}

Expected<std::vector<uint8_t>> read_input(const std::string& path) {
  std::istream* in = &std::cin;
  std::ifstream file;
  if (path != "-") {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return make_error("cannot read file: it is a directory");
    file.open(path, std::ios::binary);
    if (!file) return make_error("cannot open file: " + std::string(std::strerror(errno)));
    in = &file;
  }
  std::vector<uint8_t> bytes(std::istreambuf_iterator<char>(*in), {});
  if (in->bad()) return make_error("cannot read file: " + std::string(std::strerror(errno)));
  return bytes;
}

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
  return run(std::get<cli::CommandLine>(parsed));
}
