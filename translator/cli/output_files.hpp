// Writing the generated files all-or-nothing. Every file is first written to
// a temporary in its final directory; only when all of them are complete are
// they renamed into place. On failure (or SIGINT/SIGTERM/SIGHUP while
// writing) the temporaries are removed, so an output path never holds a
// half-written file and a failed run leaves nothing new behind.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "emit/translate.hpp"

namespace wasm2cpp::cli {

struct PendingFile {
  std::filesystem::path path;  // final location
  std::string contents;
};

struct WriteFailure {
  std::filesystem::path path;  // the file (or directory) that failed
  std::string message;
};

// The files of one translate_to() run, written into `directory` while the
// translation runs, all-or-nothing as described above: memory stays bounded
// by a buffer per file (kBufferBytes) instead of the whole output. A file's
// text arrives before its head (OutputSink), so once it outgrows its buffer
// it goes to a second temporary that finish() copies behind the head.
// Nothing touches the file system before the first append() or finish(): a
// module that fails to decode leaves no trace. One OutputDirectory at a time
// per process (the signal handler's list of temporaries is global).
class OutputDirectory final : public OutputSink {
 public:
  static constexpr size_t kBufferBytes = size_t{1} << 20;

  // `handle_signals`: install the SIGINT/SIGTERM/SIGHUP handler that removes
  // the temporaries and re-raises. A caller that catches those signals
  // itself (`wasm2cpp build`, which owns a whole temporary directory) passes
  // false and lets the destructor clean up.
  explicit OutputDirectory(std::filesystem::path directory, bool handle_signals = true);
  // Removes every temporary (and directories it created) unless commit()
  // succeeded.
  ~OutputDirectory() override;
  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;

  Expected<void> append(uint32_t file, std::string_view text) override;
  Expected<void> finish(uint32_t file, const std::string& name, std::string_view head) override;
  // Renames every finished file into place, in file order; on failure the
  // ones already renamed are removed again.
  std::optional<WriteFailure> commit();
  // Where each file goes (or went, after commit()), in file order; empty for
  // a file never finished.
  std::vector<std::filesystem::path> paths() const;
  // The file-system failure behind an error append/finish returned.
  const std::optional<WriteFailure>& failure() const { return failure_; }

  // Writes `contents` as the finished file `path` (in this directory).
  std::optional<WriteFailure> add_file(const std::filesystem::path& path,
                                       std::string_view contents);

 private:
  struct File {
    std::string buffer;  // appended text not yet written
    int spill_fd = -1;   // earlier appended text, when it outgrew the buffer
    std::string spill_path;
    uint64_t spilled = 0;  // bytes in the spill file
    std::filesystem::path final_path;
    std::string temp_path;  // the complete file, once finished
  };

  File& file(uint32_t index);
  std::optional<WriteFailure> ensure_directory();
  std::optional<WriteFailure> spill(File& file);
  std::optional<WriteFailure> write_finished(File& file, const std::filesystem::path& final_path,
                                             std::string_view head);
  Expected<void> fail(WriteFailure failure);
  void discard();

  std::filesystem::path directory_;
  bool directory_ready_ = false;
  std::vector<std::filesystem::path> created_directories_;
  std::vector<File> files_;
  std::optional<WriteFailure> failure_;
  bool committed_ = false;
  bool handle_signals_ = true;
};

// Creates `directory` (and missing parents) if needed, then writes every file
// atomically as described above. Directories it created are removed again on
// failure. Returns nullopt on success.
std::optional<WriteFailure> write_all_or_nothing(const std::filesystem::path& directory,
                                                 const std::vector<PendingFile>& files);

}  // namespace wasm2cpp::cli
