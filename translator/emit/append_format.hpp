// append_format(out, FMT_COMPILE("..."), args...): formats into a stack
// buffer and appends the result to `out` in one piece. fmt writing through
// std::back_inserter(std::string) resizes (and zero-fills) the string once
// per piece of the format: a resize per literal and per argument in the
// module-level emitters (instance code, declarations).
#pragma once

#include <string>

#include "fmt/compile.h"
#include "fmt/format.h"

namespace wasm2cpp::emit {

// format_text(FMT_COMPILE("..."), args...): fmt::format(FMT_COMPILE(...))
// without its per-piece string growth: formatted into a stack buffer, then
// one string of the exact size.
template <typename Format, typename... Args>
std::string format_text(const Format& format, const Args&... args) {
  fmt::basic_memory_buffer<char, 256> text;
  fmt::format_to(fmt::appender(text), format, args...);
  return std::string(text.data(), text.size());
}

template <typename Format, typename... Args>
void append_format(std::string& out, const Format& format, const Args&... args) {
  fmt::basic_memory_buffer<char, 256> text;
  fmt::format_to(fmt::appender(text), format, args...);
  out.append(text.data(), text.size());
}

}  // namespace wasm2cpp::emit
