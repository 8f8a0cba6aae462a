// The CLI's view of support/identifiers.hpp: --name and the default name
// from the output stem are namespace names at global scope unless
// --namespace nests them (then the check is stricter than needed).
#pragma once

#include "support/identifiers.hpp"

namespace wasm2cpp::cli {

inline std::optional<std::string> namespace_name_problem(std::string_view name) {
  return ::wasm2cpp::namespace_name_problem(name, /*global_scope=*/true);
}

inline std::string sanitize_namespace_name(std::string_view text) {
  return ::wasm2cpp::sanitize_namespace_name(text, /*global_scope=*/true);
}

using ::wasm2cpp::namespace_path_problem;

}  // namespace wasm2cpp::cli
