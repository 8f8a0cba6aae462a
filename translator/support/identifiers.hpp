// C++ identifiers made from wasm names and user input: one keyword table and
// one sanitiser for the emitter (members, locals, namespace names) and the
// CLI (validating --name and --namespace).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wasm2cpp {

bool is_identifier_start(char c);
bool is_identifier_char(char c);

// C++20 keywords and alternative tokens, and macros the standard headers or
// the compiler define whose expansion would break a declaration (`assert`,
// `errno`, `linux`, `EOF`, ...).
bool is_cpp_reserved_word(std::string_view name);

// Whether `name` may not name a namespace at global scope: a reserved word,
// a name the library headers included by generated code declare or define
// globally (`fma`, `time`, `stdout`; see global_names.inc), or `std`,
// `wasm2cpp`, `posix`, `main`.
bool is_taken_at_global_scope(std::string_view name);

// A member or local name made from arbitrary bytes: other bytes become `_`, a
// leading digit gets a `_` prefix, a reserved word a trailing `_`.
std::string sanitize_identifier(std::string_view raw);

// Why `name` cannot be used as a namespace name, or nullopt when it can: it
// must be an identifier that is not reserved to the implementation (`__x`,
// `_x`) nor a reserved word; at global scope it must also not be taken there.
std::optional<std::string> namespace_name_problem(std::string_view name, bool global_scope);

// Same for an enclosing namespace path such as "acme::plugins" (its first
// component is at global scope).
std::optional<std::string> namespace_path_problem(std::string_view path);

// A usable namespace name made from an arbitrary string (usually a file
// stem): other bytes become `_`, runs of `_` collapse, a leading digit gets a
// `m` prefix, and a name that is reserved (or taken at global scope, when
// `global_scope`) gets a trailing `_`.
std::string sanitize_namespace_name(std::string_view text, bool global_scope);

}  // namespace wasm2cpp
