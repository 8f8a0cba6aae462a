// The spec script driver: executes the commands of one .wast script (in the
// line format written by run_spec.py, see "Script format" there) against the
// translated modules, reporting one result line per command.
#include "harness.hpp"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "spectest.hpp"

namespace wasm2cpp_spec {
namespace {

using wasm2cpp::ValKind;

// ---- script tokens -----------------------------------------------------

struct ScriptError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Tokens {
 public:
  explicit Tokens(std::string_view line) {
    size_t pos = 0;
    while (pos < line.size()) {
      size_t end = line.find(' ', pos);
      if (end == std::string_view::npos) end = line.size();
      if (end > pos) tokens_.push_back(line.substr(pos, end - pos));
      pos = end + 1;
    }
  }
  bool done() const { return next_ >= tokens_.size(); }
  std::string_view next() {
    if (done()) throw ScriptError("script line ends early");
    return tokens_[next_++];
  }
  uint64_t number() { return parse_u64(next()); }
  // "-" is absent; otherwise "s:" followed by percent-encoded bytes.
  std::optional<std::string> optional_string() {
    std::string_view t = next();
    if (t == "-") return std::nullopt;
    return decode_string(t);
  }
  std::string string() {
    auto s = optional_string();
    if (!s) throw ScriptError("missing string");
    return *s;
  }

  static uint64_t parse_u64(std::string_view t) {
    uint64_t v = 0;
    if (t.empty()) throw ScriptError("empty number");
    for (char c : t) {
      if (c < '0' || c > '9') throw ScriptError("bad number '" + std::string(t) + "'");
      v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    return v;
  }
  static std::string decode_string(std::string_view t) {
    if (t.substr(0, 2) != "s:") throw ScriptError("bad string token");
    std::string out;
    for (size_t i = 2; i < t.size(); ++i) {
      if (t[i] == '%' && i + 2 < t.size()) {
        out.push_back(static_cast<char>(std::stoi(std::string(t.substr(i + 1, 2)), nullptr, 16)));
        i += 2;
      } else {
        out.push_back(t[i]);
      }
    }
    return out;
  }

 private:
  std::vector<std::string_view> tokens_;
  size_t next_ = 0;
};

// ---- values and expected-value patterns ---------------------------------

enum class LaneMatch : uint8_t { Exact, NanCanonical, NanArithmetic };

struct Lane {
  LaneMatch match = LaneMatch::Exact;
  uint64_t bits = 0;
};

// An expected result: a scalar pattern, or a v128 of lane patterns.
struct Pattern {
  ValKind kind = ValKind::I32;
  Lane scalar;               // i32/i64/f32/f64; externref N: bits = N
  bool null_ref = false;     // funcref/externref: expects null (else non-null / N)
  bool any_ref = false;      // funcref non-null of any function
  unsigned lane_bits = 0;    // v128 lane width
  bool float_lanes = false;  // v128 f32x4 / f64x2
  std::vector<Lane> lanes;
};

ValKind kind_from_name(std::string_view n) {
  if (n == "i32") return ValKind::I32;
  if (n == "i64") return ValKind::I64;
  if (n == "f32") return ValKind::F32;
  if (n == "f64") return ValKind::F64;
  if (n == "v128") return ValKind::V128;
  if (n == "funcref") return ValKind::FuncRef;
  if (n == "externref") return ValKind::ExternRef;
  throw ScriptError("unknown value type " + std::string(n));
}


Lane parse_lane(std::string_view t) {
  if (t == "nan:canonical") return {LaneMatch::NanCanonical, 0};
  if (t == "nan:arithmetic") return {LaneMatch::NanArithmetic, 0};
  return {LaneMatch::Exact, Tokens::parse_u64(t)};
}

unsigned lane_width(std::string_view lane_type, bool* is_float) {
  *is_float = lane_type[0] == 'f';
  if (lane_type == "i8") return 8;
  if (lane_type == "i16") return 16;
  if (lane_type == "i32" || lane_type == "f32") return 32;
  if (lane_type == "i64" || lane_type == "f64") return 64;
  throw ScriptError("bad lane type " + std::string(lane_type));
}

// "<type>:<payload>"; v128 is "v128:<lane type>:<l0>,<l1>,...".
Pattern parse_pattern(std::string_view token) {
  size_t colon = token.find(':');
  if (colon == std::string_view::npos) throw ScriptError("bad value " + std::string(token));
  Pattern p;
  p.kind = kind_from_name(token.substr(0, colon));
  std::string_view rest = token.substr(colon + 1);
  switch (p.kind) {
    case ValKind::V128: {
      size_t c2 = rest.find(':');
      p.lane_bits = lane_width(rest.substr(0, c2), &p.float_lanes);
      std::string_view lanes = rest.substr(c2 + 1);
      size_t pos = 0;
      while (pos <= lanes.size()) {
        size_t comma = lanes.find(',', pos);
        if (comma == std::string_view::npos) comma = lanes.size();
        p.lanes.push_back(parse_lane(lanes.substr(pos, comma - pos)));
        pos = comma + 1;
      }
      if (p.lanes.size() != 128 / p.lane_bits) throw ScriptError("wrong v128 lane count");
      break;
    }
    case ValKind::FuncRef:
    case ValKind::ExternRef:
      if (rest == "null") {
        p.null_ref = true;
      } else if (rest == "any") {
        p.any_ref = true;
      } else {
        p.scalar.bits = Tokens::parse_u64(rest);
      }
      break;
    default:
      p.scalar = parse_lane(rest);
  }
  return p;
}

// The host value for `ref.extern N`: a distinct non-null pointer per N that
// is never dereferenced.
wasm2cpp::ExternRef extern_ref(uint64_t n) {
  return wasm2cpp::ExternRef{reinterpret_cast<void*>(static_cast<uintptr_t>(n + 1))};
}

Value to_argument(const Pattern& p) {
  Value v;
  v.kind = p.kind;
  if (p.kind == ValKind::V128) {
    uint8_t bytes[16];
    unsigned lane_bytes = p.lane_bits / 8;
    for (size_t i = 0; i < p.lanes.size(); ++i) {
      if (p.lanes[i].match != LaneMatch::Exact) throw ScriptError("NaN pattern as argument");
      std::memcpy(bytes + i * lane_bytes, &p.lanes[i].bits, lane_bytes);  // little-endian host
    }
    std::memcpy(&v.lo, bytes, 8);
    std::memcpy(&v.hi, bytes + 8, 8);
  } else if (p.kind == ValKind::FuncRef) {
    if (!p.null_ref) throw ScriptError("non-null funcref argument");
  } else if (p.kind == ValKind::ExternRef) {
    if (!p.null_ref) v.ext = extern_ref(p.scalar.bits);
  } else {
    if (p.scalar.match != LaneMatch::Exact) throw ScriptError("NaN pattern as argument");
    v.lo = p.scalar.bits;
  }
  return v;
}

bool lane_matches(const Lane& lane, uint64_t bits, unsigned width, bool is_float) {
  if (lane.match == LaneMatch::Exact) {
    uint64_t mask = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
    return (bits & mask) == (lane.bits & mask);
  }
  if (!is_float) return false;
  // Canonical NaN: exponent all ones, only the quiet bit of the payload set
  // (either sign). Arithmetic NaN: exponent all ones and the quiet bit set.
  uint64_t exp_quiet = width == 32 ? 0x7fc00000u : 0x7ff8000000000000u;
  uint64_t sign = width == 32 ? 0x80000000u : 0x8000000000000000u;
  if (lane.match == LaneMatch::NanCanonical) return (bits & ~sign) == exp_quiet;
  return (bits & exp_quiet) == exp_quiet;
}

std::string format_lane(uint64_t bits, unsigned width, bool is_float) {
  char buf[80];
  if (is_float && width == 32) {
    float f;
    uint32_t b = static_cast<uint32_t>(bits);
    std::memcpy(&f, &b, 4);
    std::snprintf(buf, sizeof buf, "0x%08" PRIx32 "(%.9g)", b, static_cast<double>(f));
  } else if (is_float) {
    double d;
    std::memcpy(&d, &bits, 8);
    std::snprintf(buf, sizeof buf, "0x%016" PRIx64 "(%.17g)", bits, d);
  } else {
    std::snprintf(buf, sizeof buf, "%" PRIu64, bits);
  }
  return buf;
}

std::string format_pattern_lane(const Lane& lane, unsigned width, bool is_float) {
  if (lane.match == LaneMatch::NanCanonical) return "nan:canonical";
  if (lane.match == LaneMatch::NanArithmetic) return "nan:arithmetic";
  return format_lane(lane.bits, width, is_float);
}

uint64_t v128_lane(const Value& v, unsigned width, size_t i) {
  uint8_t bytes[16];
  std::memcpy(bytes, &v.lo, 8);
  std::memcpy(bytes + 8, &v.hi, 8);
  uint64_t bits = 0;
  std::memcpy(&bits, bytes + i * (width / 8), width / 8);
  return bits;
}

bool matches(const Pattern& p, const Value& v) {
  if (p.kind != v.kind) return false;
  switch (p.kind) {
    case ValKind::I32: return lane_matches(p.scalar, v.lo, 32, false);
    case ValKind::I64: return lane_matches(p.scalar, v.lo, 64, false);
    case ValKind::F32: return lane_matches(p.scalar, v.lo, 32, true);
    case ValKind::F64: return lane_matches(p.scalar, v.lo, 64, true);
    case ValKind::V128:
      for (size_t i = 0; i < p.lanes.size(); ++i)
        if (!lane_matches(p.lanes[i], v128_lane(v, p.lane_bits, i), p.lane_bits, p.float_lanes))
          return false;
      return true;
    case ValKind::FuncRef:
      return p.null_ref ? v.func.is_null() : !v.func.is_null();
    case ValKind::ExternRef:
      return p.null_ref ? v.ext.is_null() : v.ext == extern_ref(p.scalar.bits);
  }
  return false;
}

std::string format_pattern(const Pattern& p) {
  std::string s = wasm2cpp::val_kind_name(p.kind);
  s += ':';
  switch (p.kind) {
    case ValKind::I32: return s + format_pattern_lane(p.scalar, 32, false);
    case ValKind::I64: return s + format_pattern_lane(p.scalar, 64, false);
    case ValKind::F32: return s + format_pattern_lane(p.scalar, 32, true);
    case ValKind::F64: return s + format_pattern_lane(p.scalar, 64, true);
    case ValKind::V128:
      for (size_t i = 0; i < p.lanes.size(); ++i)
        s += (i ? "," : "") + format_pattern_lane(p.lanes[i], p.lane_bits, p.float_lanes);
      return s;
    case ValKind::FuncRef:
      return s + (p.null_ref ? "null" : "non-null");
    case ValKind::ExternRef:
      return s + (p.null_ref ? "null" : std::to_string(p.scalar.bits));
  }
  return s;
}

// Formats `v` in the shape of `p` (so v128 lanes are comparable).
std::string format_value(const Value& v, const Pattern* shape) {
  std::string s = wasm2cpp::val_kind_name(v.kind);
  s += ':';
  switch (v.kind) {
    case ValKind::I32: return s + format_lane(v.lo & 0xffffffffu, 32, false);
    case ValKind::I64: return s + format_lane(v.lo, 64, false);
    case ValKind::F32: return s + format_lane(v.lo, 32, true);
    case ValKind::F64: return s + format_lane(v.lo, 64, true);
    case ValKind::V128: {
      unsigned width = shape && shape->kind == ValKind::V128 ? shape->lane_bits : 32;
      bool is_float = shape && shape->kind == ValKind::V128 && shape->float_lanes;
      for (size_t i = 0; i < 128 / width; ++i)
        s += (i ? "," : "") + format_lane(v128_lane(v, width, i), width, is_float);
      return s;
    }
    case ValKind::FuncRef:
      return s + (v.func.is_null() ? "null" : "non-null");
    case ValKind::ExternRef: {
      if (v.ext.is_null()) return s + "null";
      auto n = reinterpret_cast<uintptr_t>(v.ext.value);
      return s + std::to_string(static_cast<uint64_t>(n - 1));
    }
  }
  return s;
}

// Reads a global of any type into a Value.
Value read_global(const wasm2cpp::GlobalBase& g) {
  switch (g.kind) {
    case ValKind::I32: return to_value(static_cast<const wasm2cpp::Global<int32_t>&>(g).value);
    case ValKind::I64: return to_value(static_cast<const wasm2cpp::Global<int64_t>&>(g).value);
    case ValKind::F32: return to_value(static_cast<const wasm2cpp::Global<float>&>(g).value);
    case ValKind::F64: return to_value(static_cast<const wasm2cpp::Global<double>&>(g).value);
    case ValKind::V128:
      return to_value(static_cast<const wasm2cpp::Global<wasm2cpp::v128>&>(g).value);
    case ValKind::FuncRef:
      return to_value(static_cast<const wasm2cpp::Global<wasm2cpp::FuncRef>&>(g).value);
    case ValKind::ExternRef:
      return to_value(static_cast<const wasm2cpp::Global<wasm2cpp::ExternRef>&>(g).value);
  }
  return {};
}

// ---- command execution -----------------------------------------------------

// Outcome of one command; an empty reason means it passed.
struct Outcome {
  bool passed;
  std::string reason;
};
Outcome pass() { return {true, {}}; }
Outcome fail(std::string reason) { return {false, std::move(reason)}; }

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The reference interpreter requires the expected text to be a prefix of
// the actual message. A few scripts expect details the runtime's fixed
// messages do not carry ("uninitialized element 2"); those match when the
// expected text starts with the trap kind's message followed by a space.
bool trap_message_matches(const wasm2cpp::Trap& trap, std::string_view expected) {
  if (starts_with(trap.what(), expected)) return true;
  std::string kind_message = wasm2cpp::trap_message(trap.kind());
  return starts_with(expected, kind_message + " ");
}

class Driver {
 public:
  Driver(std::span<const ScriptModule> modules, std::span<const SignatureThunk> thunks)
      : modules_(modules) {
    for (const auto& t : thunks) thunks_[t.signature] = t.thunk;
    spectest_.define_in(linker_);
  }

  Outcome execute(std::string_view command, uint64_t line, Tokens& t) {
    if (command == "instantiate") return instantiate(t, line);
    if (command == "register") return register_instance(t);
    if (command == "invoke") return invoke(t);
    if (command == "get") return get(t);
    throw ScriptError("unknown command " + std::string(command));
  }

 private:
  Outcome instantiate(Tokens& t, uint64_t line) {
    std::string kind(t.next());
    uint64_t index = t.number();
    auto name = t.optional_string();
    auto text = t.optional_string();
    if (kind == "module") {
      // Until this one instantiates there is no current instance; later
      // commands say why.
      current_ = nullptr;
      current_missing_ = "the module at line " + std::to_string(line) + " did not instantiate";
      if (name) named_.erase(*name);
    }
    if (index >= modules_.size()) throw ScriptError("bad module index");
    const ScriptModule& m = modules_[index];
    if (!m.factory) return fail(std::string("module not available: ") + m.unavailable_reason);
    try {
      std::unique_ptr<ModuleInstance> instance = m.factory(linker_);
      ModuleInstance* raw = instance.get();
      instances_.push_back(std::move(instance));
      if (kind != "module") return fail("instantiation succeeded, expected " + describe(kind));
      current_ = raw;
      if (name) named_[*name] = raw;
      return pass();
    } catch (const wasm2cpp::LinkError& e) {
      if (kind == "assert_unlinkable") {
        if (text && !starts_with(e.what(), *text))
          return fail("link error \"" + std::string(e.what()) + "\", expected \"" + *text + "\"");
        return pass();
      }
      return fail("instantiation: link error: " + std::string(e.what()));
    } catch (const wasm2cpp::Trap& e) {
      if (kind == "assert_uninstantiable") {
        if (text && !trap_message_matches(e, *text))
          return fail("trap \"" + std::string(e.what()) + "\", expected \"" + *text + "\"");
        return pass();
      }
      return fail("instantiation trapped: " + std::string(e.what()));
    } catch (const std::exception& e) {
      return fail("instantiation threw: " + std::string(e.what()));
    }
  }

  static std::string describe(const std::string& kind) {
    if (kind == "assert_unlinkable") return "a link error";
    if (kind == "assert_uninstantiable") return "a trap";
    return kind;
  }

  Outcome register_instance(Tokens& t) {
    std::string as = t.string();
    auto name = t.optional_string();
    ModuleInstance* instance = lookup(name);
    if (!instance) return fail(missing_instance(name));
    linker_.define_instance(as, instance->exports());
    return pass();
  }

  ModuleInstance* lookup(const std::optional<std::string>& name) const {
    if (!name) return current_;
    auto it = named_.find(*name);
    return it == named_.end() ? nullptr : it->second;
  }
  std::string missing_instance(const std::optional<std::string>& name) const {
    if (name) return "no instance named " + *name;
    return "no current instance (" + current_missing_ + ")";
  }

  static std::vector<std::vector<Pattern>> read_alternatives(Tokens& t) {
    std::vector<std::vector<Pattern>> alternatives(t.number());
    for (auto& alt : alternatives) {
      alt.resize(t.number());
      for (auto& p : alt) p = parse_pattern(t.next());
    }
    return alternatives;
  }

  Outcome invoke(Tokens& t) {
    std::string kind(t.next());
    auto module = t.optional_string();
    std::string field = t.string();
    std::string signature(t.next());
    std::vector<Value> args(t.number());
    for (auto& a : args) a = to_argument(parse_pattern(t.next()));
    auto alternatives = read_alternatives(t);
    auto text = t.optional_string();

    ModuleInstance* instance = lookup(module);
    if (!instance) return fail(missing_instance(module));
    auto thunk = thunks_.find(signature);
    if (thunk == thunks_.end()) throw ScriptError("no thunk for signature " + signature);
    size_t colon = signature.find(':');
    std::vector<Value> results(signature.size() - colon - 1);
    try {
      const wasm2cpp::FuncRef& ref = instance->exports().func_ref(field);
      if (!ref.type || ref.type->signature != signature)
        return fail("export \"" + field + "\" has type " +
                    std::string(ref.type ? ref.type->signature : "<null>") +
                    ", script calls it as " + signature);
      thunk->second(ref, args.data(), results.data());
    } catch (const wasm2cpp::Trap& e) {
      return trap_outcome(kind, e, text);
    } catch (const wasm2cpp::Exception&) {
      // An uncaught wasm exception (exception handling).
      if (kind == "assert_exception") return pass();
      return fail("uncaught exception");
    } catch (const std::exception& e) {
      return fail("threw " + std::string(e.what()));
    }
    return results_outcome(kind, alternatives, results);
  }

  Outcome get(Tokens& t) {
    std::string kind(t.next());
    auto module = t.optional_string();
    std::string field = t.string();
    auto alternatives = read_alternatives(t);
    (void)t.optional_string();
    ModuleInstance* instance = lookup(module);
    if (!instance) return fail(missing_instance(module));
    std::vector<Value> results;
    try {
      results.push_back(read_global(instance->exports().global(field)));
    } catch (const std::exception& e) {
      return fail("threw " + std::string(e.what()));
    }
    return results_outcome(kind, alternatives, results);
  }

  static Outcome trap_outcome(const std::string& kind, const wasm2cpp::Trap& e,
                              const std::optional<std::string>& text) {
    if (kind == "assert_trap" || kind == "assert_exhaustion") {
      if (text && !trap_message_matches(e, *text))
        return fail("trap \"" + std::string(e.what()) + "\", expected \"" + *text + "\"");
      return pass();
    }
    return fail("trap: " + std::string(e.what()));
  }

  static Outcome results_outcome(const std::string& kind,
                                 const std::vector<std::vector<Pattern>>& alternatives,
                                 const std::vector<Value>& results) {
    if (kind == "action") return pass();
    if (kind == "assert_trap" || kind == "assert_exhaustion")
      return fail("returned normally, expected a trap");
    if (kind == "assert_exception") return fail("returned normally, expected an exception");
    for (const auto& alt : alternatives) {
      if (alt.size() != results.size()) continue;
      bool all = true;
      for (size_t i = 0; i < alt.size() && all; ++i) all = matches(alt[i], results[i]);
      if (all) return pass();
    }
    std::string got, want;
    for (size_t i = 0; i < results.size(); ++i) {
      const Pattern* shape = alternatives.empty() || i >= alternatives[0].size()
                                 ? nullptr : &alternatives[0][i];
      got += (i ? " " : "") + format_value(results[i], shape);
    }
    for (size_t a = 0; a < alternatives.size(); ++a) {
      want += a ? " | " : "";
      for (size_t i = 0; i < alternatives[a].size(); ++i)
        want += (i ? " " : "") + format_pattern(alternatives[a][i]);
    }
    return fail("got " + (got.empty() ? "nothing" : got) + ", expected " + want);
  }

  std::span<const ScriptModule> modules_;
  std::map<std::string, Thunk, std::less<>> thunks_;
  SpecTestModule spectest_;
  wasm2cpp::Linker linker_;
  std::vector<std::unique_ptr<ModuleInstance>> instances_;
  std::map<std::string, ModuleInstance*> named_;
  ModuleInstance* current_ = nullptr;
  std::string current_missing_ = "no module yet";
};

std::string single_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

int run_script(const char* script, std::span<const ScriptModule> modules,
               std::span<const SignatureThunk> thunks, int argc, char** argv) {
  FILE* out = stdout;
  std::set<uint64_t> skip;
  std::string script_override;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--results" && i + 1 < argc) {
      out = std::fopen(argv[++i], "w");
      if (!out) {
        std::perror(argv[i]);
        return 2;
      }
    } else if (arg == "--skip" && i + 1 < argc) {
      std::stringstream ids(argv[++i]);
      std::string id;
      while (std::getline(ids, id, ','))
        if (!id.empty()) skip.insert(Tokens::parse_u64(id));
    } else if (arg == "--script" && i + 1 < argc) {
      // Debugging aid: run another script (same modules and thunks).
      FILE* f = std::fopen(argv[++i], "rb");
      if (!f) {
        std::perror(argv[i]);
        return 2;
      }
      char buf[65536];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) script_override.append(buf, n);
      std::fclose(f);
      script = script_override.c_str();
    } else {
      std::fprintf(stderr, "usage: %s [--results FILE] [--skip ID,ID,...] [--script FILE]\n",
                   argv[0]);
      return 2;
    }
  }

  Driver driver(modules, thunks);
  std::string_view rest(script);
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.empty()) continue;
    Tokens t(line);
    std::string_view command = t.next();
    uint64_t id = t.number();
    uint64_t wast_line = t.number();
    if (skip.count(id)) continue;
    // Announce the command first: if it crashes the process, the runner
    // knows which one did.
    std::fprintf(out, "%" PRIu64 " start\n", id);
    std::fflush(out);
    Outcome outcome;
    try {
      outcome = driver.execute(command, wast_line, t);
    } catch (const ScriptError& e) {
      outcome = fail(std::string("harness script error: ") + e.what());
    }
    if (outcome.passed) {
      std::fprintf(out, "%" PRIu64 " ok\n", id);
    } else {
      std::fprintf(out, "%" PRIu64 " fail %s\n", id, single_line(outcome.reason).c_str());
    }
    std::fflush(out);
    std::fflush(stdout);
  }
  if (out != stdout) std::fclose(out);
  return 0;
}

}  // namespace wasm2cpp_spec
