// The set of WebAssembly features the decoder accepts. Each feature has a
// command-line flag `--enable-<name>` / `--disable-<name>`; an error caused by
// a disabled feature names that flag.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wasm2cpp {

// X(enumerator, flag-name, enabled-by-default)
#define WASM2CPP_FOREACH_FEATURE(X)                 \
  X(MutableGlobals, "mutable-globals", true)        \
  X(SignExtension, "sign-extension", true)          \
  X(SatFloatToInt, "saturating-float-to-int", true) \
  X(MultiValue, "multi-value", true)                \
  X(BulkMemory, "bulk-memory", true)                \
  X(ReferenceTypes, "reference-types", true)        \
  X(Simd, "simd", true)                             \
  X(RelaxedSimd, "relaxed-simd", false)             \
  X(Threads, "threads", false)                      \
  X(MultiMemory, "multi-memory", false)             \
  X(Memory64, "memory64", false)                    \
  X(TailCall, "tail-call", false)                   \
  X(Exceptions, "exceptions", false)                \
  X(ExtendedConst, "extended-const", false)

enum class Feature : uint8_t {
#define X(e, name, def) e,
  WASM2CPP_FOREACH_FEATURE(X)
#undef X
      kCount,
  // Pseudo-feature for opcodes that are always available (MVP).
  Mvp = 0xff,
};

inline constexpr size_t kFeatureCount = static_cast<size_t>(Feature::kCount);

std::string_view feature_name(Feature f);
std::optional<Feature> feature_from_name(std::string_view name);

class Features {
 public:
  // The WebAssembly 2.0 feature set (the defaults in the table above).
  Features();
  static Features all();
  static Features none();  // MVP only

  bool has(Feature f) const {
    return f == Feature::Mvp || enabled_[static_cast<size_t>(f)];
  }
  void set(Feature f, bool on) { enabled_[static_cast<size_t>(f)] = on; }

  // "enabled: a,b,c" style list of the enabled feature names, sorted by
  // declaration order; recorded in the generated header.
  std::string describe() const;

  // Message suffix for an error caused by `f` being off, e.g.
  // "(enable with --enable-simd)".
  static std::string enable_hint(Feature f);

 private:
  std::array<bool, kFeatureCount> enabled_{};
};

}  // namespace wasm2cpp
