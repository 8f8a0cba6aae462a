// C++ identifiers for the generated module's namespace: validating what the
// user asked for (--name, --namespace) and deriving a default from the output
// file name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wasm2cpp::cli {

// Why `name` cannot be used as a namespace name, or nullopt when it can: it
// must be an identifier that is not a C++ keyword, not reserved to the
// implementation (`__x`, `_x`), and not `std` or `wasm2cpp`.
std::optional<std::string> namespace_name_problem(std::string_view name);

// Same for an enclosing namespace path such as "acme::plugins".
std::optional<std::string> namespace_path_problem(std::string_view path);

// A usable namespace name made from an arbitrary string (usually a file
// stem): other bytes become `_`, runs of `_` collapse, a leading digit gets a
// `m` prefix, a keyword or reserved name gets a trailing `_`.
std::string sanitize_namespace_name(std::string_view text);

}  // namespace wasm2cpp::cli
