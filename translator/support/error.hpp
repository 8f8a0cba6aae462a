// Error reporting for the translator: one small Error{message, offset} carried
// through Expected<T>. The first error wins; no exception crosses the decoder
// or validator.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace wasm2cpp {

inline constexpr uint64_t kNoOffset = ~uint64_t{0};

struct Error {
  std::string message;
  // Absolute byte offset into the input module, or kNoOffset when the error
  // is not tied to a position (e.g. an I/O failure).
  uint64_t offset = kNoOffset;
};

template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : storage_(std::move(value)) {}
  Expected(Error error) : storage_(std::move(error)) {}

  bool ok() const { return storage_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(storage_); }
  T&& value() && { return std::get<0>(std::move(storage_)); }
  const T& value() const& { return std::get<0>(storage_); }
  T& operator*() & { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(storage_); }
  Error&& error() && { return std::get<1>(std::move(storage_)); }

 private:
  std::variant<T, Error> storage_;
};

template <>
class [[nodiscard]] Expected<void> {
 public:
  Expected() = default;
  Expected(Error error) : error_(std::move(error)), failed_(true) {}
  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  void value() const {}
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool failed_ = false;
};

inline Error make_error(std::string message, uint64_t offset = kNoOffset) {
  return Error{std::move(message), offset};
}

}  // namespace wasm2cpp

#define WASM2CPP_CONCAT_IMPL(a, b) a##b
#define WASM2CPP_CONCAT(a, b) WASM2CPP_CONCAT_IMPL(a, b)

// TRY(expr): evaluate an Expected<void>; on error return the error.
#define TRY(expr)                                          \
  do {                                                     \
    auto&& try_result_ = (expr);                           \
    if (!try_result_.ok()) return std::move(try_result_).error(); \
  } while (0)

// TRY_ASSIGN(lhs, expr): evaluate an Expected<T>; on error return it,
// otherwise assign/declare lhs from its value. `lhs` may be a declaration,
// e.g. TRY_ASSIGN(uint32_t count, cursor.read_u32());
#define TRY_ASSIGN(lhs, expr) \
  TRY_ASSIGN_IMPL(WASM2CPP_CONCAT(try_tmp_, __LINE__), lhs, expr)
#define TRY_ASSIGN_IMPL(tmp, lhs, expr)                 \
  auto tmp = (expr);                                    \
  if (!tmp.ok()) return std::move(tmp).error();         \
  lhs = std::move(tmp).value()
