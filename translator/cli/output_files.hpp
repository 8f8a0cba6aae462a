// Writing the generated files all-or-nothing. Every file is first written to
// a temporary in its final directory; only when all of them are complete are
// they renamed into place. On failure (or SIGINT/SIGTERM/SIGHUP while
// writing) the temporaries are removed, so an output path never holds a
// half-written file and a failed run leaves nothing new behind.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace wasm2cpp::cli {

struct PendingFile {
  std::filesystem::path path;  // final location
  std::string contents;
};

struct WriteFailure {
  std::filesystem::path path;  // the file (or directory) that failed
  std::string message;
};

// Creates `directory` (and missing parents) if needed, then writes every file
// atomically as described above. Directories it created are removed again on
// failure. Returns nullopt on success.
std::optional<WriteFailure> write_all_or_nothing(const std::filesystem::path& directory,
                                                 const std::vector<PendingFile>& files);

}  // namespace wasm2cpp::cli
