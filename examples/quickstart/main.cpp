// The host side of the quickstart: instantiates the C library of
// quickstart.c, translated by wasm2cpp into quickstart.hpp / quickstart.cpp,
// and calls its exports like ordinary C++ member functions.
#include <cstdint>
#include <cstdio>
#include <string>

#include "quickstart.hpp"

int main() {
  // Imports are plain C++ callables.
  quickstart::Imports imports;
  imports.env_report = [](int32_t prime) { std::printf("  ... %d is a prime\n", prime); };
  quickstart::Instance instance(imports);

  std::printf("fib(90) = %lld\n", static_cast<long long>(instance.fib(90)));
  std::printf("primes below 10000:\n");
  std::printf("count_primes(10000) = %d\n", instance.count_primes(10000));

  // Guest memory is reached through bounds-checked host accessors.
  const std::string greeting = "Hello from WebAssembly";
  const uint32_t text = static_cast<uint32_t>(instance.text_buffer());
  instance.memory().write(text, std::span(reinterpret_cast<const uint8_t*>(greeting.data()),
                                          greeting.size()));
  instance.reverse(static_cast<int32_t>(text), static_cast<int32_t>(greeting.size()));
  std::printf("reverse(\"%s\") = \"%s\"\n", greeting.c_str(),
              instance.memory().read_string(text, greeting.size()).c_str());

  // A trap in guest code is a C++ exception; the instance stays usable.
  try {
    instance.divide(1, 0);
  } catch (const wasm2cpp::Trap& trap) {
    std::printf("divide(1, 0) trapped: %s\n", trap.what());
  }
  std::printf("divide(84, 2) = %d\n", instance.divide(84, 2));
  return 0;
}
