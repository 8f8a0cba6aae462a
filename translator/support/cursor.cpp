#include "support/cursor.hpp"


namespace wasm2cpp {

Expected<uint8_t> ByteCursor::read_u8() {
  if (at_end()) return error_here("unexpected end");
  return bytes_[pos_++];
}

Expected<uint8_t> ByteCursor::peek_u8() const {
  if (at_end()) return error_here("unexpected end");
  return bytes_[pos_];
}

Expected<uint32_t> ByteCursor::read_fixed_u32() {
  if (remaining() < 4) return error_here("unexpected end");
  uint32_t value = 0;
  for (unsigned i = 0; i < 4; ++i) value |= uint32_t{bytes_[pos_ + i]} << (8 * i);
  pos_ += 4;
  return value;
}

Expected<uint64_t> ByteCursor::read_fixed_u64() {
  if (remaining() < 8) return error_here("unexpected end");
  uint64_t value = 0;
  for (unsigned i = 0; i < 8; ++i) value |= uint64_t{bytes_[pos_ + i]} << (8 * i);
  pos_ += 8;
  return value;
}

// The spec's LEB128 for an N-bit integer is at most ceil(N/7) bytes. In the
// last permitted byte only the low (N - 7*(k-1)) bits carry the value; the
// rest must be zero (unsigned) or copies of the sign bit (signed). The
// continuation bit there is "too long", wrong unused bits "too large".
template <typename T, unsigned Bits, bool Signed>
Expected<T> ByteCursor::read_leb() {
  constexpr unsigned kMaxBytes = (Bits + 6) / 7;
  constexpr unsigned kLastBits = Bits - 7 * (kMaxBytes - 1);  // 1..7
  const uint64_t start = offset();
  uint64_t result = 0;
  unsigned shift = 0;
  for (unsigned i = 0;; ++i) {
    if (at_end()) return error_here("unexpected end");
    const uint8_t byte = bytes_[pos_++];
    const uint8_t payload = byte & 0x7f;
    if (i + 1 == kMaxBytes) {
      if (byte & 0x80) return make_error("integer representation too long", start);
      if constexpr (Signed) {
        // Bits kLastBits-1 .. 6 must all be equal (sign bit and its copies).
        const uint8_t sign_mask = static_cast<uint8_t>(0x7f & ~((1u << (kLastBits - 1)) - 1));
        const uint8_t top = payload & sign_mask;
        if (top != 0 && top != sign_mask) return make_error("integer too large", start);
      } else {
        if (kLastBits < 7 && (payload >> kLastBits) != 0)
          return make_error("integer too large", start);
      }
      result |= uint64_t{payload} << shift;
      shift += 7;
      break;
    }
    result |= uint64_t{payload} << shift;
    shift += 7;
    if (!(byte & 0x80)) break;
  }
  if constexpr (Signed) {
    // Sign-extend from the last payload bit read. A full-length encoding was
    // checked above, so the value always fits T.
    if (shift < 64 && ((result >> (shift - 1)) & 1)) result |= ~uint64_t{0} << shift;
    return static_cast<T>(static_cast<int64_t>(result));
  } else {
    return static_cast<T>(result);
  }
}

Expected<uint32_t> ByteCursor::read_u32() { return read_leb<uint32_t, 32, false>(); }
Expected<uint64_t> ByteCursor::read_u64() { return read_leb<uint64_t, 64, false>(); }
Expected<int32_t> ByteCursor::read_s32() { return read_leb<int32_t, 32, true>(); }
Expected<int64_t> ByteCursor::read_s64() { return read_leb<int64_t, 64, true>(); }
Expected<int64_t> ByteCursor::read_s33() { return read_leb<int64_t, 33, true>(); }

Expected<uint32_t> ByteCursor::read_count(size_t min_item_size) {
  const uint64_t at = offset();
  TRY_ASSIGN(uint32_t count, read_u32());
  if (min_item_size == 0) min_item_size = 1;
  // Division instead of multiplication: count * size could overflow.
  if (count > remaining() / min_item_size) return make_error("unexpected end", at);
  return count;
}

Expected<std::span<const uint8_t>> ByteCursor::read_bytes(size_t n) {
  if (n > remaining()) return error_here("unexpected end");
  std::span<const uint8_t> out = bytes_.subspan(pos_, n);
  pos_ += n;
  return out;
}

Expected<std::string> ByteCursor::read_name() {
  const uint64_t at = offset();
  TRY_ASSIGN(uint32_t length, read_u32());
  if (length > remaining()) return make_error("length out of bounds", at);
  const uint64_t text_at = offset();
  TRY_ASSIGN(std::span<const uint8_t> raw, read_bytes(length));
  std::string name(reinterpret_cast<const char*>(raw.data()), raw.size());
  if (!is_valid_utf8(name)) return make_error("malformed UTF-8 encoding", text_at);
  return name;
}

Expected<ByteCursor> ByteCursor::sub_cursor(size_t n) {
  if (n > remaining()) return error_here("length out of bounds");
  ByteCursor sub(bytes_.subspan(pos_, n), offset());
  pos_ += n;
  return sub;
}

bool is_valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  auto continuation = [](unsigned char c) { return (c & 0xc0) == 0x80; };
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    size_t len = 0;
    uint32_t code = 0;
    if ((c & 0xe0) == 0xc0) {
      len = 2;
      code = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      len = 3;
      code = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      len = 4;
      code = c & 0x07;
    } else {
      return false;  // stray continuation byte or 0xf8..0xff
    }
    if (static_cast<size_t>(end - p) < len) return false;
    for (size_t i = 1; i < len; ++i) {
      if (!continuation(p[i])) return false;
      code = (code << 6) | (p[i] & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF.
    static constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMinForLength[len]) return false;
    if (code >= 0xd800 && code <= 0xdfff) return false;
    if (code > 0x10ffff) return false;
    p += len;
  }
  return true;
}

}  // namespace wasm2cpp
