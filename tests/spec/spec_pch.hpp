// Precompiled header for the spec harnesses: what every generated .cpp and
// the harness include, compiled once per compiler and flags instead of once
// per .wast file (it is most of the compile time of small scripts). It
// starts like a generated .cpp does, so inline runtime helpers are parsed
// under the same floating-point pragma.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#include <wasm2cpp/instance_support.hpp>
#include <wasm2cpp/runtime.hpp>

#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "harness.hpp"
