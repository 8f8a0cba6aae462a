#include "support/features.hpp"

namespace wasm2cpp {

namespace {
struct FeatureInfo {
  std::string_view name;
  bool default_on;
};
constexpr FeatureInfo kFeatureInfo[] = {
#define X(e, name, def) {name, def},
    WASM2CPP_FOREACH_FEATURE(X)
#undef X
};
}  // namespace

std::string_view feature_name(Feature f) {
  if (f == Feature::Mvp) return "mvp";
  return kFeatureInfo[static_cast<size_t>(f)].name;
}

std::optional<Feature> feature_from_name(std::string_view name) {
  for (size_t i = 0; i < kFeatureCount; ++i)
    if (kFeatureInfo[i].name == name) return static_cast<Feature>(i);
  return std::nullopt;
}

Features::Features() {
  for (size_t i = 0; i < kFeatureCount; ++i) enabled_[i] = kFeatureInfo[i].default_on;
}

Features Features::all() {
  Features f;
  f.enabled_.fill(true);
  return f;
}

Features Features::none() {
  Features f;
  f.enabled_.fill(false);
  return f;
}

std::string Features::describe() const {
  std::string out;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    if (!enabled_[i]) continue;
    if (!out.empty()) out += ',';
    out += kFeatureInfo[i].name;
  }
  return out.empty() ? "mvp" : out;
}

std::string Features::enable_hint(Feature f) {
  return "(enable with --enable-" + std::string(feature_name(f)) + ")";
}

}  // namespace wasm2cpp
