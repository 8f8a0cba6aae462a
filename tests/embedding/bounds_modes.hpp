// Embedding tests run each module as translated in both bounds-check modes;
// a googletest type parameter names one translation's Instance and Imports
// (generated code has them side by side in the module's namespace).
#pragma once

namespace embedding {

template <typename InstanceType, typename ImportsType>
struct Translation {
  using Instance = InstanceType;
  using Imports = ImportsType;
};

}  // namespace embedding

// The translation whose generated namespace is `ns` (a namespace cannot be a
// template argument, hence the macro).
#define EMBEDDING_TRANSLATION(ns) ::embedding::Translation<ns::Instance, ns::Imports>
