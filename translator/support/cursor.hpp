// A byte cursor over the whole module that knows absolute offsets, so every
// error can name the position of the offending byte. Section decoders take a
// sub-cursor limited to the section's payload; offsets stay absolute.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "support/error.hpp"

namespace wasm2cpp {

class ByteCursor {
 public:
  ByteCursor() = default;
  // `base_offset` is the absolute offset of bytes[0] in the module.
  explicit ByteCursor(std::span<const uint8_t> bytes, uint64_t base_offset = 0)
      : bytes_(bytes), base_(base_offset) {}

  uint64_t offset() const { return base_ + pos_; }  // absolute
  size_t remaining() const { return bytes_.size() - pos_; }
  bool at_end() const { return pos_ == bytes_.size(); }

  Expected<uint8_t> read_u8();
  Expected<uint8_t> peek_u8() const;
  Expected<uint32_t> read_fixed_u32();  // little-endian, 4 bytes
  Expected<uint64_t> read_fixed_u64();  // little-endian, 8 bytes

  // LEB128 with the spec's strict rules: at most ceil(N/7) bytes, and the
  // unused bits of the last byte must be zero (unsigned) or a sign extension
  // (signed). Errors: "integer representation too long",
  // "integer too large", "unexpected end".
  Expected<uint32_t> read_u32();
  Expected<uint64_t> read_u64();
  Expected<int32_t> read_s32();
  Expected<int64_t> read_s64();
  Expected<int64_t> read_s33();  // block types

  // A vector length: read_u32 plus a plausibility check that `count` items of
  // at least `min_item_size` bytes fit in the remaining input, so a huge
  // declared count never allocates before it is checked.
  Expected<uint32_t> read_count(size_t min_item_size = 1);

  // A name: u32 length + UTF-8 bytes, validated ("malformed UTF-8 encoding").
  Expected<std::string> read_name();
  Expected<std::span<const uint8_t>> read_bytes(size_t n);

  // A cursor over the next `n` bytes (absolute offsets preserved); advances
  // this cursor past them. Error "unexpected end" / "length out of bounds".
  Expected<ByteCursor> sub_cursor(size_t n);

  // Inline fast paths for the instruction decoder's inner loop: true with
  // the value when the next byte is a complete encoding on its own, false
  // (nothing consumed) when the caller must use the checked read_*() above,
  // which then reports any error exactly as before.
  bool try_read_u8(uint8_t& out) {
    if (at_end()) return false;
    out = bytes_[pos_++];
    return true;
  }
  bool try_peek_u8(uint8_t& out) const {
    if (at_end()) return false;
    out = bytes_[pos_];
    return true;
  }
  bool try_read_u32_1(uint32_t& out) {
    if (at_end() || (bytes_[pos_] & 0x80)) return false;
    out = bytes_[pos_++];
    return true;
  }
  // One-byte signed LEB128: bit 6 is the sign.
  bool try_read_s64_1(int64_t& out) {
    if (at_end() || (bytes_[pos_] & 0x80)) return false;
    const uint8_t byte = bytes_[pos_++];
    out = (byte & 0x40) ? static_cast<int64_t>(byte) - 0x80 : static_cast<int64_t>(byte);
    return true;
  }

  Error error_here(std::string message) const { return make_error(std::move(message), offset()); }

 private:
  template <typename T, unsigned Bits, bool Signed>
  Expected<T> read_leb();

  std::span<const uint8_t> bytes_;
  uint64_t base_ = 0;
  size_t pos_ = 0;
};

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or
// code points above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

}  // namespace wasm2cpp
