#include "cli/input.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/options.hpp"

namespace wasm2cpp::cli {
namespace fs = std::filesystem;

int report_error(const std::string& subject, const std::string& message, uint64_t offset) {
  std::cerr << subject << ": error: " << message;
  if (offset != kNoOffset) {
    char hex[32];
    std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(offset));
    std::cerr << " (at offset 0x" << hex << ")";
  }
  std::cerr << "\n";
  return kExitTranslationFailed;
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
  std::vector<uint8_t> bytes;
  if (path != "-") {
    // A regular file's size is known: one allocation, one bulk read (byte by
    // byte through istreambuf_iterator cost ~3% of translating).
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec) bytes.reserve(static_cast<size_t>(size));
  }
  char chunk[1 << 16];
  while (*in) {
    in->read(chunk, sizeof chunk);
    // As bytes: an insert of the same type is one copy, not a conversion per byte.
    const auto* data = reinterpret_cast<const uint8_t*>(chunk);
    bytes.insert(bytes.end(), data, data + in->gcount());
  }
  if (in->bad()) return make_error("cannot read file: " + std::string(std::strerror(errno)));
  return bytes;
}

}  // namespace wasm2cpp::cli
