// The WebAssembly memory model from C++: each block mirrors one JavaScript
// snippet of the article (quoted above it).
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <span>

#include "accumulate.hpp"
#include "imported_memory.hpp"

int main() {
  // const { instance } = await WebAssembly.instantiate(bytes);
  accumulate::Instance acc;

  // The module exports its memory; the host reads and writes it through a
  // typed view:
  //   const u32 = new Uint32Array(instance.exports.memory.buffer);
  //   u32[256] = 13;  console.log(instance.exports.load_u32(1024));
  wasm2cpp::Memory& exported = acc.memory();
  std::span<uint32_t> u32 = exported.view<uint32_t>(0, exported.size_bytes() / 4);
  u32[256] = 13;
  std::printf("%d\n", acc.load_u32(1024));

  // const ptr = instance.exports.malloc(3);
  // new Uint8Array(memory.buffer, ptr, 3).set([1, 2, 3]);
  // console.log(instance.exports.accumulate(ptr, 3));
  uint32_t ptr = acc.malloc(3);
  std::span<uint8_t> bytes = exported.view<uint8_t>(ptr, 3);
  const uint8_t data[] = {1, 2, 3};
  std::memcpy(bytes.data(), data, sizeof data);
  std::printf("%d\n", acc.accumulate(ptr, 3));

  // const memory = new WebAssembly.Memory({initial: 10, maximum: 100});
  // WebAssembly.instantiate(bytes, {js: {mem: memory}});
  wasm2cpp::Memory memory({.initial = 10, .maximum = 100});
  imported_memory::Instance user(imported_memory::Imports{.js_mem = &memory});
  std::printf("%llu\n", static_cast<unsigned long long>(memory.size_bytes()));
  std::printf("%d\n", user.size_bytes());

  // memory.grow(90): both sides see the new size; the host's earlier view is
  // still valid (the base never moves), it just covers the old range.
  std::span<uint32_t> before = memory.view<uint32_t>(0, 16);
  memory.grow(90);
  std::printf("%llu\n", static_cast<unsigned long long>(memory.size_bytes()));
  before[3] = 42;
  std::printf("%d\n", user.load_u32(12));

  // Past the maximum, grow fails like memory.grow: -1, nothing changes.
  std::printf("%d\n", user.grow(1));

  // Every host access is bounds-checked: this is an exception, not a crash.
  try {
    memory.store<uint32_t>(memory.size_bytes() - 2, 1);
  } catch (const wasm2cpp::OutOfBounds& e) {
    std::printf("host access out of bounds\n");
  }
  // And a guest access out of bounds is a trap the host can catch.
  try {
    user.store_u32(static_cast<int32_t>(memory.size_bytes()), 1);
  } catch (const wasm2cpp::Trap& trap) {
    std::printf("trap: %s\n", trap.what());
  }
  return 0;
}
