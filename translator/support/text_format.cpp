#include "support/text_format.hpp"

#include <charconv>
#include <cstring>

namespace wasm2cpp::text {

namespace {

// fmt's integer presentation for the specs the fast path accepts: an
// optional '0' (pad with zeros after the sign), a width, and 'd', 'x' or
// nothing.
struct IntegerSpec {
  bool zero_pad = false;
  uint32_t width = 0;
  bool hex = false;
};

bool parse_integer_spec(std::string_view spec, IntegerSpec& out) {
  size_t i = 0;
  if (i < spec.size() && spec[i] == '0') {
    out.zero_pad = true;
    ++i;
  }
  while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') {
    out.width = out.width * 10 + static_cast<uint32_t>(spec[i] - '0');
    if (out.width > 64) return false;
    ++i;
  }
  if (i < spec.size() && (spec[i] == 'x' || spec[i] == 'd')) {
    out.hex = spec[i] == 'x';
    ++i;
  }
  // Width without '0' pads with spaces (right-aligned): rare, left to fmt.
  if (out.width != 0 && !out.zero_pad) return false;
  return i == spec.size();
}

// The output as pieces: literal runs of the format, argument text, integer
// digits (kept in `digits`), padding (from kZeros). Collected first so the
// destination grows once per call.
constexpr char kZeros[] = "0000000000000000000000000000000000000000000000000000000000000000";

struct Pieces {
  struct Span {  // trivial: the arrays are not initialised
    const char* data;
    size_t size;
  };
  static constexpr size_t kMax = 32;
  static constexpr size_t kMaxIntegers = 8;
  Span piece[kMax];
  size_t count = 0;
  size_t total = 0;
  char digits[kMaxIntegers][24];
  size_t digit_buffers = 0;

  bool add(std::string_view text) {
    if (text.empty()) return true;
    if (count == kMax) return false;
    piece[count++] = Span{text.data(), text.size()};
    total += text.size();
    return true;
  }
};

bool add_integer(Pieces& pieces, const Arg& arg, const IntegerSpec& spec) {
  if (pieces.digit_buffers == Pieces::kMaxIntegers) return false;
  char* digits = pieces.digits[pieces.digit_buffers++];
  char* end = std::to_chars(digits + 1, digits + 24, arg.magnitude, spec.hex ? 16 : 10).ptr;
  size_t length = static_cast<size_t>(end - digits - 1);
  if (arg.negative) {
    if (!pieces.add("-")) return false;
    ++length;
  }
  if (spec.zero_pad && spec.width > length &&
      !pieces.add(std::string_view(kZeros, spec.width - length)))
    return false;
  return pieces.add(std::string_view(digits + 1, static_cast<size_t>(end - digits - 1)));
}

// A format string parsed once: literal runs and fields. Format strings are
// string literals (fmt::format_string is built at compile time), so the
// parse is cached by address: the emitter uses a few hundred of them, each
// millions of times on a large module.
struct Op {
  uint16_t begin = 0;  // literal: [begin, begin + size) of the format string
  uint16_t size = 0;
  uint8_t arg = 0;  // field: the argument's index
  bool is_field = false;
  bool has_spec = false;
  IntegerSpec spec;
};

struct Compiled {
  static constexpr size_t kMaxOps = 24;
  const char* key = nullptr;
  size_t key_size = 0;
  bool fast = false;  // false: fmt's business (an unsupported shape)
  uint8_t op_count = 0;
  Op ops[kMaxOps];
};

bool add_literal(Compiled& c, size_t begin, size_t size) {
  if (size == 0) return true;
  if (c.op_count == Compiled::kMaxOps || begin + size > 0xffff) return false;
  Op& op = c.ops[c.op_count++];
  op = Op{};  // the slot may hold a field from an evicted format
  op.begin = static_cast<uint16_t>(begin);
  op.size = static_cast<uint16_t>(size);
  return true;
}

bool compile(std::string_view format, Compiled& c) {
  c.op_count = 0;
  size_t next_auto = 0;
  size_t i = 0;
  const size_t n = format.size();
  while (i < n) {
    size_t brace = i;
    while (brace < n && format[brace] != '{' && format[brace] != '}') ++brace;
    if (!add_literal(c, i, brace - i)) return false;
    if (brace == n) break;
    if (format[brace] == '}') {
      // Only "}}" is valid here (the format string was checked at compile time).
      if (brace + 1 >= n || format[brace + 1] != '}') return false;
      if (!add_literal(c, brace, 1)) return false;
      i = brace + 2;
      continue;
    }
    if (brace + 1 < n && format[brace + 1] == '{') {
      if (!add_literal(c, brace, 1)) return false;
      i = brace + 2;
      continue;
    }
    size_t close = format.find('}', brace + 1);
    if (close == std::string_view::npos) return false;
    std::string_view field = format.substr(brace + 1, close - brace - 1);
    i = close + 1;
    size_t colon = field.find(':');
    std::string_view id = field.substr(0, colon);
    std::string_view spec = colon == std::string_view::npos ? std::string_view() : field.substr(colon + 1);
    size_t index = 0;
    if (id.empty()) {
      index = next_auto++;
    } else {
      for (char ch : id) {
        if (ch < '0' || ch > '9') return false;  // named arguments
        index = index * 10 + static_cast<size_t>(ch - '0');
      }
    }
    if (index > 0xff || c.op_count == Compiled::kMaxOps) return false;
    Op& op = c.ops[c.op_count++];
    op = Op{};
    op.is_field = true;
    op.arg = static_cast<uint8_t>(index);
    op.has_spec = !spec.empty();
    op.spec = IntegerSpec{};
    if (!parse_integer_spec(spec, op.spec)) return false;
  }
  return true;
}

const Compiled& compiled(std::string_view format) {
  // Direct-mapped by address; a collision just parses again.
  thread_local Compiled cache[128];
  const auto address = reinterpret_cast<uintptr_t>(format.data());
  Compiled& entry = cache[(address >> 3 ^ address >> 10) % 128];
  if (entry.key != format.data() || entry.key_size != format.size()) {
    entry.key = format.data();
    entry.key_size = format.size();
    entry.fast = compile(format, entry);
  }
  return entry;
}

bool collect(std::string_view format, const Arg* args, size_t count, Pieces& pieces) {
  const Compiled& c = compiled(format);
  if (!c.fast) return false;
  for (size_t i = 0; i < c.op_count; ++i) {
    const Op& op = c.ops[i];
    if (!op.is_field) {
      if (!pieces.add(std::string_view(format.data() + op.begin, op.size))) return false;
      continue;
    }
    if (op.arg >= count) return false;
    const Arg& arg = args[op.arg];
    if (arg.is_integer) {
      if (!add_integer(pieces, arg, op.spec)) return false;
    } else {
      if (op.has_spec) return false;
      if (!pieces.add(arg.text)) return false;
    }
  }
  return true;
}

void write(const Pieces& pieces, char* out) {
  for (size_t i = 0; i < pieces.count; ++i) {
    std::memcpy(out, pieces.piece[i].data, pieces.piece[i].size);
    out += pieces.piece[i].size;
  }
}

}  // namespace

bool append_format(std::string& out, std::string_view format, const Arg* args, size_t count) {
  Pieces pieces;
  if (!collect(format, args, count, pieces)) return false;
  const size_t old_size = out.size();
  // resize() grows the capacity geometrically, like append().
  out.resize(old_size + pieces.total);
  write(pieces, out.data() + old_size);
  return true;
}

bool format_new(std::string& out, std::string_view format, const Arg* args, size_t count) {
  Pieces pieces;
  if (!collect(format, args, count, pieces)) return false;
  out.resize(pieces.total);  // one allocation at most
  write(pieces, out.data());
  return true;
}

}  // namespace wasm2cpp::text
