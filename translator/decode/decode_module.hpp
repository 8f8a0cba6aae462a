// Binary decoding of a whole module (every section; one file per section in
// this folder). Checks the binary format only: malformed input is reported
// here, invalid-but-well-formed input by the validator. Function bodies are
// left as byte ranges for the validator.
#pragma once

#include <cstdint>
#include <vector>

#include "ir/module.hpp"
#include "support/error.hpp"
#include "support/features.hpp"

namespace wasm2cpp {

Expected<Module> decode_module(std::vector<uint8_t> bytes, const Features& features);

}  // namespace wasm2cpp
