// Test helper: build WebAssembly binary modules byte by byte, with section
// framing and LEB128 done for you, so tests state exactly the bytes they
// mean (including malformed ones).
//
//   wasm_builder::ModuleBuilder m;
//   m.section(kTypeSection, Bytes().u32(1).raw({0x60, 0x00, 0x00}));
//   m.section(kFunctionSection, Bytes().u32(1).u32(0));
//   m.section(kCodeSection, Bytes().u32(1).sized(Bytes().u32(0).raw({0x0b})));
//   std::vector<uint8_t> wasm = m.build();
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

// Its own namespace: other test helpers live in wasm2cpp::test, and two
// different inline classes of the same name would break the one-definition
// rule once the tests are linked into one binary.
namespace wasm2cpp::wasm_builder {

inline constexpr uint8_t kCustomSection = 0;
inline constexpr uint8_t kTypeSection = 1;
inline constexpr uint8_t kImportSection = 2;
inline constexpr uint8_t kFunctionSection = 3;
inline constexpr uint8_t kTableSection = 4;
inline constexpr uint8_t kMemorySection = 5;
inline constexpr uint8_t kGlobalSection = 6;
inline constexpr uint8_t kExportSection = 7;
inline constexpr uint8_t kStartSection = 8;
inline constexpr uint8_t kElementSection = 9;
inline constexpr uint8_t kCodeSection = 10;
inline constexpr uint8_t kDataSection = 11;
inline constexpr uint8_t kDataCountSection = 12;

// Value type and instruction bytes tests use often.
inline constexpr uint8_t kI32 = 0x7f, kI64 = 0x7e, kF32 = 0x7d, kF64 = 0x7c, kV128 = 0x7b;
inline constexpr uint8_t kFuncRef = 0x70, kExternRef = 0x6f;
inline constexpr uint8_t kEnd = 0x0b, kI32Const = 0x41, kI64Const = 0x42, kGlobalGet = 0x23;
inline constexpr uint8_t kRefNull = 0xd0, kRefFunc = 0xd2;

class Bytes {
 public:
  Bytes() = default;
  Bytes(std::initializer_list<uint8_t> bytes) : data_(bytes) {}

  Bytes& u8(uint8_t b) {
    data_.push_back(b);
    return *this;
  }
  Bytes& raw(std::initializer_list<uint8_t> bytes) {
    data_.insert(data_.end(), bytes.begin(), bytes.end());
    return *this;
  }
  Bytes& append(const Bytes& other) {
    data_.insert(data_.end(), other.data_.begin(), other.data_.end());
    return *this;
  }
  // Unsigned LEB128, minimal length.
  Bytes& u32(uint64_t value) {
    do {
      uint8_t byte = value & 0x7f;
      value >>= 7;
      if (value != 0) byte |= 0x80;
      data_.push_back(byte);
    } while (value != 0);
    return *this;
  }
  // Signed LEB128, minimal length.
  Bytes& s64(int64_t value) {
    for (;;) {
      const uint8_t byte = value & 0x7f;
      value >>= 7;  // arithmetic shift (C++20)
      const bool done = (value == 0 && !(byte & 0x40)) || (value == -1 && (byte & 0x40));
      data_.push_back(done ? byte : byte | 0x80);
      if (done) return *this;
    }
  }
  // A name: length + bytes (no UTF-8 check, so tests can write bad ones).
  Bytes& name(std::string_view text) {
    u32(text.size());
    data_.insert(data_.end(), text.begin(), text.end());
    return *this;
  }
  // A length-prefixed blob (a code entry, a subsection, ...).
  Bytes& sized(const Bytes& payload) {
    u32(payload.size());
    return append(payload);
  }
  // Constant expressions.
  Bytes& i32_const(int32_t v) { return u8(kI32Const).s64(v).u8(kEnd); }
  Bytes& i64_const(int64_t v) { return u8(kI64Const).s64(v).u8(kEnd); }
  Bytes& global_get(uint32_t index) { return u8(kGlobalGet).u32(index).u8(kEnd); }
  Bytes& ref_null(uint8_t type) { return u8(kRefNull).u8(type).u8(kEnd); }
  Bytes& ref_func(uint32_t index) { return u8(kRefFunc).u32(index).u8(kEnd); }
  // A function type entry: 0x60 params results.
  Bytes& func_type(std::initializer_list<uint8_t> params, std::initializer_list<uint8_t> results) {
    u8(0x60).u32(params.size()).raw(params);
    return u32(results.size()).raw(results);
  }

  size_t size() const { return data_.size(); }
  const std::vector<uint8_t>& vec() const { return data_; }

 private:
  std::vector<uint8_t> data_;
};

class ModuleBuilder {
 public:
  // Sections are emitted in call order, so tests can also build misordered
  // or duplicated sections.
  ModuleBuilder& section(uint8_t id, const Bytes& payload) {
    body_.u8(id).sized(payload);
    return *this;
  }
  ModuleBuilder& custom(std::string_view name, const Bytes& payload) {
    Bytes content;
    content.name(name).append(payload);
    return section(kCustomSection, content);
  }
  // Arbitrary trailing bytes (for framing errors).
  ModuleBuilder& raw(std::initializer_list<uint8_t> bytes) {
    body_.raw(bytes);
    return *this;
  }

  // "\0asm" + version 1 + sections.
  std::vector<uint8_t> build() const {
    Bytes out{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    out.append(body_);
    return out.vec();
  }

  // Convenience for the common "one type [] -> [], N empty functions" setup.
  ModuleBuilder& empty_functions(uint32_t count) {
    section(kTypeSection, Bytes().u32(1).func_type({}, {}));
    Bytes funcs;
    funcs.u32(count);
    for (uint32_t i = 0; i < count; ++i) funcs.u32(0);
    section(kFunctionSection, funcs);
    code_ = Bytes().u32(count);
    for (uint32_t i = 0; i < count; ++i) code_.sized(Bytes().u32(0).u8(kEnd));
    return *this;
  }
  // The code section for empty_functions(); call where it belongs in order.
  ModuleBuilder& empty_code() { return section(kCodeSection, code_); }

 private:
  Bytes body_;
  Bytes code_;
};

}  // namespace wasm2cpp::wasm_builder

// The names under wasm2cpp::test as well, for tests written against that
// spelling. Using-declarations define nothing, so they cannot clash with
// other helpers' classes in wasm2cpp::test in other translation units.
namespace wasm2cpp::test {
using wasm_builder::Bytes;
using wasm_builder::ModuleBuilder;
using wasm_builder::kCustomSection;
using wasm_builder::kTypeSection;
using wasm_builder::kImportSection;
using wasm_builder::kFunctionSection;
using wasm_builder::kTableSection;
using wasm_builder::kMemorySection;
using wasm_builder::kGlobalSection;
using wasm_builder::kExportSection;
using wasm_builder::kStartSection;
using wasm_builder::kElementSection;
using wasm_builder::kCodeSection;
using wasm_builder::kDataSection;
using wasm_builder::kDataCountSection;
using wasm_builder::kI32;
using wasm_builder::kI64;
using wasm_builder::kF32;
using wasm_builder::kF64;
using wasm_builder::kV128;
using wasm_builder::kFuncRef;
using wasm_builder::kExternRef;
using wasm_builder::kEnd;
using wasm_builder::kI32Const;
using wasm_builder::kI64Const;
using wasm_builder::kGlobalGet;
using wasm_builder::kRefNull;
using wasm_builder::kRefFunc;
}  // namespace wasm2cpp::test
