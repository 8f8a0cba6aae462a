// WebAssembly exceptions (the exception-handling proposal) as C++
// exceptions.
//
// A Tag is an identity: two exceptions match a `catch` iff they were thrown
// with the same Tag object, so tags are shared by address across instances
// through imports and exports, like memories and tables. A wasm `throw`
// raises a wasm2cpp::Exception carrying the tag and its payload values; it
// unwinds through wasm and host frames like any C++ exception, is caught by
// the guest's catch clauses (which compare tags) and, when nothing catches
// it, reaches the host. Host code may throw one into the guest the same way.
//
// Traps are a different type (wasm2cpp::Trap): catch_all never catches them.
#pragma once

#include <cstddef>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "wasm2cpp/types.hpp"

namespace wasm2cpp {

// An exception tag. Its type is the function type of its payload (params
// only, no results), interned like function types: "iF:" for (i32, f64).
// Not copyable: its address is its identity.
class Tag {
 public:
  explicit Tag(TypeId type) noexcept : type_(type) {}
  Tag(const Tag&) = delete;
  Tag& operator=(const Tag&) = delete;

  // The TypeId of a tag whose payload is `Params...` (public value types):
  //   wasm2cpp::Tag tag(wasm2cpp::Tag::type_of<int32_t, double>());
  template <typename... Params>
  static TypeId type_of() {
    return SignatureOf<void(Params...)>::id();
  }

  TypeId type() const noexcept { return type_; }
  // The payload's value-type letters (i I f F v r e), e.g. "iF".
  std::string_view params() const noexcept {
    std::string_view sig = type_->signature;
    return sig.substr(0, sig.find(':'));
  }

 private:
  TypeId type_;
};

// One payload value, stored as raw bits (every value type fits).
struct ExceptionValue {
  alignas(16) unsigned char bytes[32];
};

template <typename T>
inline ExceptionValue exception_value(T value) noexcept {
  static_assert(std::is_trivially_copyable_v<T> && sizeof(T) <= sizeof(ExceptionValue));
  ExceptionValue v{};
  std::memcpy(v.bytes, &value, sizeof(T));
  return v;
}

template <typename T>
inline T exception_value_as(const ExceptionValue& v) noexcept {
  T value;
  std::memcpy(&value, v.bytes, sizeof(T));
  return value;
}

// A WebAssembly exception: a tag and its payload.
class Exception final : public std::exception {
 public:
  // From raw values (generated code): the caller guarantees they match the
  // tag's type.
  Exception(const Tag& tag, std::initializer_list<ExceptionValue> values)
      : tag_(&tag), type_(tag.type()), values_(values) {}

  // From typed values (host code), checked against the tag's type: throws
  // std::invalid_argument on a mismatch.
  //   throw wasm2cpp::Exception::make(tag, int32_t{1}, 2.5);
  template <typename... Ts>
  static Exception make(const Tag& tag, Ts... values) {
    check_letters(tag.type(), {ValTypeLetter<Ts>::value...});
    return Exception(tag, {exception_value(values)...});
  }

  // The tag's identity (compare with a Tag's address); the Tag object may
  // have been destroyed with its instance, so use type() for its type.
  const Tag* tag() const noexcept { return tag_; }
  bool is(const Tag& tag) const noexcept { return tag_ == &tag; }
  TypeId type() const noexcept { return type_; }
  std::string_view params() const noexcept {
    std::string_view sig = type_->signature;
    return sig.substr(0, sig.find(':'));
  }
  size_t size() const noexcept { return values_.size(); }

  // The value at `index` as its public type T (int32_t, int64_t, float,
  // double, v128, FuncRef, ExternRef); throws std::invalid_argument if the
  // payload has another type there (or fewer values).
  template <typename T>
  T get(size_t index) const {
    check_index(index, ValTypeLetter<T>::value);
    return exception_value_as<T>(values_[index]);
  }
  // The whole payload, checked: auto [code, x] = e.values<int32_t, double>();
  template <typename... Ts>
  std::tuple<Ts...> values() const {
    check_letters(type_, {ValTypeLetter<Ts>::value...});
    return values_at<Ts...>(std::index_sequence_for<Ts...>{});
  }

  // Unchecked access for generated code.
  const ExceptionValue* raw() const noexcept { return values_.data(); }

  const char* what() const noexcept override { return "uncaught WebAssembly exception"; }

 private:
  template <typename... Ts, size_t... I>
  std::tuple<Ts...> values_at(std::index_sequence<I...>) const {
    return std::tuple<Ts...>{exception_value_as<Ts>(values_[I])...};
  }
  static void check_letters(TypeId type, std::initializer_list<char> letters);
  void check_index(size_t index, char letter) const;

  const Tag* tag_;
  TypeId type_;
  std::vector<ExceptionValue> values_;
};

// `throw` in generated code: out of line, so the throwing function holds no
// object with a destructor and needs no unwind cleanup of its own.
[[noreturn]] void throw_exception(const Tag& tag, std::initializer_list<ExceptionValue> values);

}  // namespace wasm2cpp
