// Formatting for the emitter's hot path: the same bytes as fmt::format for
// the shapes generated code is written with ("{}", "{0}", "{:08x}", "{{")
// and arguments that are strings or integers, without fmt's type-erased
// argument store and format-string interpreter, and straight into the
// destination string. Anything else (another spec, another argument type)
// falls back to fmt, so a call site can never get different output.
//
// The format string stays an fmt::format_string: it is still checked
// against the arguments at compile time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

namespace wasm2cpp::text {

// One argument as the fast path sees it: text, or an integer's sign and
// magnitude.
struct Arg {
  std::string_view text;
  uint64_t magnitude = 0;
  bool is_integer = false;
  bool negative = false;
};

// fmt writes `char` (and the other character types) as a character, but
// `signed char` and `unsigned char` (int8_t, uint8_t) as integers.
template <typename T>
constexpr bool is_fast_integer =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> &&
    !std::is_same_v<T, wchar_t> && !std::is_same_v<T, char8_t> &&
    !std::is_same_v<T, char16_t> && !std::is_same_v<T, char32_t>;

template <typename T>
constexpr bool is_fast_string = std::is_same_v<T, std::string> ||
                                std::is_same_v<T, std::string_view> ||
                                std::is_same_v<T, const char*> || std::is_same_v<T, char*> ||
                                (std::is_array_v<T> && std::is_same_v<std::remove_extent_t<T>, char>) ||
                                (std::is_array_v<T> &&
                                 std::is_same_v<std::remove_extent_t<T>, const char>);

template <typename T>
constexpr bool is_fast_arg = is_fast_integer<std::remove_cvref_t<T>> ||
                             is_fast_string<std::remove_cvref_t<T>>;

template <typename T>
Arg make_arg(const T& value) {
  using U = std::remove_cvref_t<T>;
  Arg arg;
  if constexpr (is_fast_integer<U>) {
    arg.is_integer = true;
    if constexpr (std::is_signed_v<U>) {
      arg.negative = value < 0;
      // Two's complement negation in unsigned arithmetic: exact for the
      // most negative value too.
      arg.magnitude = arg.negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    } else {
      arg.magnitude = static_cast<uint64_t>(value);
    }
  } else {
    arg.text = std::string_view(value);
  }
  return arg;
}

// Appends `format` with `args` substituted to `out`. Returns false (with
// `out` possibly extended: the caller truncates) on anything the fast path
// does not handle.
bool append_format(std::string& out, std::string_view format, const Arg* args, size_t count);
// The same into `out` (empty), allocating once.
bool format_new(std::string& out, std::string_view format, const Arg* args, size_t count);

// fmt::format_to(back_inserter(out), format, args...), the fast way when it can.
template <typename... Args>
void format_append(std::string& out, fmt::format_string<Args...> format, Args&&... args) {
  if constexpr ((is_fast_arg<Args> && ...)) {
    const Arg list[sizeof...(Args) + 1] = {make_arg(args)..., Arg{}};
    const size_t start = out.size();
    const fmt::string_view pattern = format;  // fmt 9 has no get()
    if (append_format(out, std::string_view(pattern.data(), pattern.size()), list, sizeof...(Args)))
      return;
    out.resize(start);
  }
  fmt::basic_memory_buffer<char, 256> text;
  fmt::format_to(fmt::appender(text), format, std::forward<Args>(args)...);
  out.append(text.data(), text.size());
}

// fmt::format, the fast way when it can.
template <typename... Args>
std::string format(fmt::format_string<Args...> format, Args&&... args) {
  std::string out;
  if constexpr ((is_fast_arg<Args> && ...)) {
    const Arg list[sizeof...(Args) + 1] = {make_arg(args)..., Arg{}};
    const fmt::string_view pattern = format;
    if (format_new(out, std::string_view(pattern.data(), pattern.size()), list, sizeof...(Args)))
      return out;
  }
  return fmt::format(format, std::forward<Args>(args)...);
}

}  // namespace wasm2cpp::text
