#include "cli/identifiers.hpp"

#include <algorithm>
#include <iterator>

namespace wasm2cpp::cli {
namespace {

// C++20 keywords and alternative tokens ([lex.key], [lex.digraph]), then names
// that are not keywords but would collide with the standard library, the
// runtime, or common macros.
// clang-format off
constexpr std::string_view kReservedWords[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
    "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
    "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
    "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
    "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
    "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
    "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
    "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast",
    "struct", "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef",
    "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t",
    "while", "xor", "xor_eq",
    "std", "wasm2cpp", "posix", "NULL", "assert", "errno", "main",
};
// clang-format on

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_identifier_char(char c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }

bool is_reserved_word(std::string_view name) {
  return std::find(std::begin(kReservedWords), std::end(kReservedWords), name) !=
         std::end(kReservedWords);
}

}  // namespace

std::optional<std::string> namespace_name_problem(std::string_view name) {
  std::string quoted = "'" + std::string(name) + "'";
  if (name.empty()) return std::string("an empty name is not a C++ identifier");
  if (!is_identifier_start(name.front()) ||
      !std::all_of(name.begin(), name.end(), is_identifier_char))
    return quoted + " is not a C++ identifier (letters, digits and '_', not starting with a digit)";
  // `__` anywhere and `_X` are reserved everywhere, and `_x` in the global
  // namespace, where the module namespace usually is.
  if (name.find("__") != std::string_view::npos || name.front() == '_')
    return quoted + " is reserved to the C++ implementation";
  if (is_reserved_word(name)) return quoted + " is a C++ keyword or a reserved name";
  return std::nullopt;
}

std::optional<std::string> namespace_path_problem(std::string_view path) {
  size_t start = 0;
  while (true) {
    size_t end = path.find("::", start);
    std::string_view component =
        path.substr(start, end == std::string_view::npos ? end : end - start);
    if (auto problem = namespace_name_problem(component))
      return "in namespace '" + std::string(path) + "': " + *problem;
    if (end == std::string_view::npos) return std::nullopt;
    start = end + 2;
  }
}

std::string sanitize_namespace_name(std::string_view text) {
  std::string name;
  for (char c : text) {
    char mapped = is_identifier_char(c) ? c : '_';
    if (mapped == '_' && !name.empty() && name.back() == '_') continue;
    name += mapped;
  }
  // A leading '_' could form a reserved name; a trailing one is harmless, but
  // "foo-" -> "foo_" reads worse than "foo".
  while (!name.empty() && name.front() == '_') name.erase(0, 1);
  while (name.size() > 1 && name.back() == '_') name.pop_back();
  if (name.empty() || name == "_") return "module";
  if (name.front() >= '0' && name.front() <= '9') name.insert(0, "m");
  if (is_reserved_word(name)) name += '_';
  return name;
}

}  // namespace wasm2cpp::cli
