// WebAssembly exceptions: throwing from generated code, typed payload checks.
#include "wasm2cpp/exception.hpp"

#include <string>

namespace wasm2cpp {

void throw_exception(const Tag& tag, std::initializer_list<ExceptionValue> values) {
  throw Exception(tag, values);
}

void Exception::check_letters(TypeId type, std::initializer_list<char> letters) {
  std::string_view sig = type->signature;
  std::string_view expected = sig.substr(0, sig.find(':'));
  if (std::string_view(letters.begin(), letters.size()) != expected)
    throw std::invalid_argument("exception payload (" + std::string(letters.begin(), letters.size()) +
                                ") does not match the tag's type (" + std::string(expected) + ")");
}

void Exception::check_index(size_t index, char letter) const {
  std::string_view expected = params();
  if (index >= expected.size())
    throw std::invalid_argument("exception payload has " + std::to_string(expected.size()) +
                                " values, no value " + std::to_string(index));
  if (expected[index] != letter)
    throw std::invalid_argument("exception payload value " + std::to_string(index) + " has type " +
                                expected[index] + ", not " + letter);
}

}  // namespace wasm2cpp
