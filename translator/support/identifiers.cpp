#include "support/identifiers.hpp"

#include <algorithm>
#include <iterator>

namespace wasm2cpp {
namespace {

// Sorted for binary search.
// clang-format off
constexpr std::string_view kReservedWords[] = {
    "BUFSIZ", "EOF", "FILENAME_MAX", "INFINITY", "MB_CUR_MAX", "NAN", "NULL", "RAND_MAX",
    "SIZE_MAX", "alignas", "alignof", "and", "and_eq", "asm", "assert", "auto", "bitand",
    "bitor", "bool", "break", "case", "catch", "char", "char16_t", "char32_t", "char8_t",
    "class", "co_await", "co_return", "co_yield", "compl", "concept", "const", "const_cast",
    "consteval", "constexpr", "constinit", "continue", "decltype", "default", "delete", "do",
    "double", "dynamic_cast", "else", "enum", "errno", "explicit", "export", "extern", "false",
    "float", "for", "friend", "goto", "i386", "if", "inline", "int", "linux", "long", "major",
    "minor", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "offsetof",
    "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
    "requires", "return", "setjmp", "short", "signed", "sizeof", "static", "static_assert",
    "static_cast", "stderr", "stdin", "stdout", "struct", "switch", "template", "this",
    "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union", "unix",
    "unsigned", "using", "va_arg", "va_copy", "va_end", "va_start", "virtual", "void",
    "volatile", "wchar_t", "while", "xor", "xor_eq",
};

// Names the headers of generated code declare globally, plus our own.
constexpr std::string_view kGlobalNames[] = {
#include "support/global_names.inc"
};
constexpr std::string_view kProjectGlobalNames[] = {"main", "posix", "std", "wasm2cpp"};
// clang-format on

static_assert(std::is_sorted(std::begin(kReservedWords), std::end(kReservedWords)));
static_assert(std::is_sorted(std::begin(kGlobalNames), std::end(kGlobalNames)));

template <size_t N>
bool contains(const std::string_view (&sorted)[N], std::string_view name) {
  return std::binary_search(std::begin(sorted), std::end(sorted), name);
}

}  // namespace

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_identifier_char(char c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }

bool is_cpp_reserved_word(std::string_view name) { return contains(kReservedWords, name); }

bool is_taken_at_global_scope(std::string_view name) {
  return is_cpp_reserved_word(name) || contains(kGlobalNames, name) ||
         std::find(std::begin(kProjectGlobalNames), std::end(kProjectGlobalNames), name) !=
             std::end(kProjectGlobalNames);
}

std::string sanitize_identifier(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 1);
  for (char c : raw) out += is_identifier_char(c) ? c : '_';
  if (out.empty()) return "_";
  // A leading digit needs a prefix (a suffix would not make an identifier);
  // '_' + digit is not a reserved spelling outside the global namespace.
  if (out[0] >= '0' && out[0] <= '9') return "_" + out;
  if (is_cpp_reserved_word(out)) out += '_';
  return out;
}

std::optional<std::string> namespace_name_problem(std::string_view name, bool global_scope) {
  std::string quoted = "'" + std::string(name) + "'";
  if (name.empty()) return std::string("an empty name is not a C++ identifier");
  if (!is_identifier_start(name.front()) ||
      !std::all_of(name.begin(), name.end(), is_identifier_char))
    return quoted + " is not a C++ identifier (letters, digits and '_', not starting with a digit)";
  // `__` anywhere and `_X` are reserved everywhere, and `_x` in the global
  // namespace, where the module namespace usually is.
  if (name.find("__") != std::string_view::npos || name.front() == '_')
    return quoted + " is reserved to the C++ implementation";
  if (is_cpp_reserved_word(name)) return quoted + " is a C++ keyword or a reserved name";
  if (global_scope && is_taken_at_global_scope(name))
    return quoted + " is already declared in the global namespace by the C/C++ library or the "
                    "runtime (choose another name, or nest it with --namespace)";
  return std::nullopt;
}

std::optional<std::string> namespace_path_problem(std::string_view path) {
  size_t start = 0;
  while (true) {
    size_t end = path.find("::", start);
    std::string_view component =
        path.substr(start, end == std::string_view::npos ? end : end - start);
    if (auto problem = namespace_name_problem(component, /*global_scope=*/start == 0))
      return "in namespace '" + std::string(path) + "': " + *problem;
    if (end == std::string_view::npos) return std::nullopt;
    start = end + 2;
  }
}

std::string sanitize_namespace_name(std::string_view text, bool global_scope) {
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
  if (global_scope ? is_taken_at_global_scope(name) : is_cpp_reserved_word(name)) name += '_';
  return name;
}

}  // namespace wasm2cpp
