// The host side shared by every driver tests/differential/run.py generates:
// the "fuzzing-support" imports binaryen's fuzz modules log through, and the
// printing of values and of the exported memory's hash, in exactly the
// format node_runner.mjs prints. Header-only and inline so that many drivers
// can share one translation unit (a batch).
#pragma once

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <tuple>
#include <variant>

#include <wasm2cpp/runtime.hpp>

namespace differential {

inline void put(int32_t v) { std::printf(" %" PRId32, v); }
inline void put(int64_t v) { std::printf(" %" PRId64, v); }

// NaN payloads are not portable (the spec lets them vary): every NaN is "nan".
inline void put(float v) {
  if (v != v) {
    std::printf(" nan");
    return;
  }
  uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  std::printf(" f32:%08" PRIx32, bits);
}

inline void put(double v) {
  if (v != v) {
    std::printf(" nan");
    return;
  }
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  std::printf(" f64:%016" PRIx64, bits);
}

template <typename... T>
void put(const std::tuple<T...>& values) {
  std::apply([](const auto&... x) { (put(x), ...); }, values);
}

template <typename T>
void print_result(const T& value) {
  std::printf("result");
  put(value);
  std::printf("\n");
}

template <typename T>
void log_value(T value) {
  std::printf("log");
  put(value);
  std::printf("\n");
}

// The imports of a binaryen fuzz module, linked by name.
class Host {
 public:
  Host() {
    linker.define("fuzzing-support", "log-i32", log_i32_.ref());
    linker.define("fuzzing-support", "log-i64", log_i64_.ref());
    linker.define("fuzzing-support", "log-f32", log_f32_.ref());
    linker.define("fuzzing-support", "log-f64", log_f64_.ref());
    linker.define("fuzzing-support", "log-v128", log_v128_.ref());
  }
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  wasm2cpp::Linker linker;

 private:
  wasm2cpp::Function<void(int32_t)> log_i32_{&log_value<int32_t>};
  wasm2cpp::Function<void(int64_t)> log_i64_{&log_value<int64_t>};
  wasm2cpp::Function<void(float)> log_f32_{&log_value<float>};
  wasm2cpp::Function<void(double)> log_f64_{&log_value<double>};
  // V8 cannot pass a v128 to JavaScript: the call fails (a TypeError) and
  // ends the export's call. The C++ host traps at the same point.
  wasm2cpp::Function<void(wasm2cpp::v128)> log_v128_{[](wasm2cpp::v128) {
    throw wasm2cpp::Trap(wasm2cpp::TrapKind::HostTrap, "v128 to host");
  }};
};

// FNV-1a over the whole exported memory, as node_runner.mjs computes it;
// the bytes go to the file $DIFFERENTIAL_MEMORY_DUMP names, if set.
inline void print_memory_hash(const wasm2cpp::Exports& exports) {
  const wasm2cpp::ExternValue* exported = exports.find("memory");
  if (exported == nullptr || !std::holds_alternative<wasm2cpp::Memory*>(*exported)) return;
  const wasm2cpp::Memory& memory = *std::get<wasm2cpp::Memory*>(*exported);
  uint32_t hash = 0x811c9dc5u;
  const uint8_t* bytes = memory.data();
  for (uint64_t i = 0; i < memory.size_bytes(); ++i) hash = (hash ^ bytes[i]) * 0x01000193u;
  std::printf("memory %" PRIu64 " %08" PRIx32 "\n", memory.size_bytes(), hash);
  // run.py asks for the bytes when only the hashes differ (NaN payloads).
  if (const char* path = std::getenv("DIFFERENTIAL_MEMORY_DUMP")) {
    if (FILE* file = std::fopen(path, "wb")) {
      std::fwrite(bytes, 1, memory.size_bytes(), file);
      std::fclose(file);
    }
  }
}

}  // namespace differential
