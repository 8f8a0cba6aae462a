// Hostile input: truncated modules, huge declared counts, deep nesting, huge
// local counts, large segments. The translator must answer each with a clear
// error (or succeed) without crashing, overflowing its stack or allocating
// memory out of proportion to the input.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <ctime>
#include <new>
#include <string>

#include "decode/decode_module.hpp"
#include "emit/translate.hpp"
#include "validate/function_validator.hpp"
#include "wasm_builder.hpp"

// Allocation probe: the largest single operator-new request while armed.
// Replacing the global operator new is allowed by the standard (and by the
// sanitizers); it forwards to malloc, so it changes nothing for other tests.
namespace {
std::atomic<bool> g_probe_armed{false};
std::atomic<size_t> g_probe_largest{0};
std::atomic<size_t> g_probe_total{0};

void* probed_alloc(size_t size) {
  if (g_probe_armed.load(std::memory_order_relaxed)) {
    g_probe_total.fetch_add(size, std::memory_order_relaxed);
    size_t seen = g_probe_largest.load(std::memory_order_relaxed);
    while (size > seen && !g_probe_largest.compare_exchange_weak(seen, size)) {
    }
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(size_t size) { return probed_alloc(size); }
void* operator new[](size_t size) { return probed_alloc(size); }
// The nothrow forms too (std::stable_sort's buffer uses them): otherwise they
// would come from the sanitizer's allocator and be freed by free() below,
// which ASan reports as an alloc-dealloc mismatch.
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  try {
    return probed_alloc(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }

namespace wasm2cpp {
namespace {

namespace wb = wasm_builder;
using wb::Bytes;

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
using wb::ModuleBuilder;

struct AllocationProbe {
  AllocationProbe() {
    g_probe_largest = 0;
    g_probe_total = 0;
    g_probe_armed = true;
  }
  ~AllocationProbe() { g_probe_armed = false; }
  size_t largest() const { return g_probe_largest; }
  size_t total() const { return g_probe_total; }
};

TranslateOptions options() {
  TranslateOptions o;
  o.name = "hostile";
  o.output_stem = "hostile";
  return o;
}

// A module touching most sections, built section by section so the test
// knows where each section ends.
struct SampleModule {
  std::vector<uint8_t> bytes;
  std::vector<size_t> section_ends;  // byte counts after which the module is complete
};

SampleModule sample_module() {
  const std::vector<std::pair<uint8_t, Bytes>> sections = {
      {wb::kTypeSection, Bytes().u32(2).func_type({wb::kI32}, {wb::kI32}).func_type({}, {})},
      {wb::kImportSection, Bytes().u32(1).name("env").name("f").u8(0x00).u32(1)},
      {wb::kFunctionSection, Bytes().u32(2).u32(0).u32(1)},
      {wb::kTableSection, Bytes().u32(1).u8(wb::kFuncRef).u8(0x00).u32(4)},
      {wb::kMemorySection, Bytes().u32(1).u8(0x01).u32(1).u32(2)},
      {wb::kGlobalSection, Bytes().u32(1).u8(wb::kI32).u8(0x01).i32_const(7)},
      {wb::kExportSection, Bytes().u32(2).name("inc").u8(0x00).u32(1).name("m").u8(0x02).u32(0)},
      {wb::kElementSection, Bytes().u32(1).u32(0).i32_const(0).u32(3).u32(0).u32(1).u32(2)},
      {wb::kCodeSection,
       Bytes().u32(2)
           // local.get 0; global.get 0; i32.add; i32.load offset=4; end
           .sized(Bytes().u32(1).u32(1).u8(wb::kI32).raw({0x20, 0x00, 0x23, 0x00, 0x6a, 0x28,
                                                           0x02, 0x04, 0x0b}))
           .sized(Bytes().u32(0).raw({0x10, 0x00, 0x0b}))},
      {wb::kDataSection, Bytes().u32(1).u8(0x00).i32_const(8).name("hello")},
  };
  SampleModule out;
  ModuleBuilder m;
  out.section_ends.push_back(m.build().size());
  for (const auto& [id, payload] : sections) {
    m.section(id, payload);
    out.section_ends.push_back(m.build().size());
  }
  out.bytes = m.build();
  return out;
}

TEST(HostileInput, EveryTruncationIsAnErrorInsideTheInput) {
  const SampleModule sample = sample_module();
  ASSERT_TRUE(translate(sample.bytes, options()).ok());
  size_t failures = 0;
  for (size_t n = 0; n < sample.bytes.size(); ++n) {
    std::vector<uint8_t> prefix(sample.bytes.begin(), sample.bytes.begin() + n);
    auto result = translate(prefix, options());
    const bool at_section_end =
        std::find(sample.section_ends.begin(), sample.section_ends.end(), n) !=
        sample.section_ends.end();
    if (!at_section_end) {
      ASSERT_FALSE(result.ok()) << "prefix of " << n << " bytes accepted";
    }
    if (result.ok()) continue;
    ++failures;
    EXPECT_FALSE(result.error().message.empty());
    if (result.error().offset != kNoOffset) {
      EXPECT_LE(result.error().offset, n);
    }
  }
  // Some section ends leave a function without code: those fail too.
  EXPECT_GE(failures, sample.bytes.size() - sample.section_ends.size());
}

TEST(HostileInput, EverySingleByteCorruptionIsHandled) {
  // Not a correctness oracle: each variant must only come back (error or
  // success) without crashing; the sanitizer build checks the rest.
  const SampleModule sample = sample_module();
  size_t rejected = 0;
  for (size_t i = 8; i < sample.bytes.size(); ++i) {
    for (uint8_t value : {uint8_t{0x00}, uint8_t{0x7f}, uint8_t{0x80}, uint8_t{0xff}}) {
      std::vector<uint8_t> bytes = sample.bytes;
      if (bytes[i] == value) continue;
      bytes[i] = value;
      if (!translate(bytes, options()).ok()) ++rejected;
    }
  }
  EXPECT_GT(rejected, 0u);
}

// A section whose vector count is 2^32-1 but which holds a handful of
// bytes: rejected at the count, before anything is reserved.
void expect_huge_count_rejected(uint8_t section_id) {
  SCOPED_TRACE(testing::Message() << "section " << int(section_id));
  ModuleBuilder m;
  m.section(section_id, Bytes().u32(0xffffffffu).raw({0x00, 0x00, 0x00, 0x00}));
  std::vector<uint8_t> bytes = m.build();
  AllocationProbe probe;
  auto result = decode_module(bytes, Features());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("unexpected end"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(result.error().offset, 10u);  // the count, after magic, version, id, size
  EXPECT_LT(probe.largest(), 4096u);
}

TEST(HostileInput, HugeCountsAreCheckedBeforeAllocating) {
  for (uint8_t id : {wb::kTypeSection, wb::kImportSection, wb::kFunctionSection,
                     wb::kTableSection, wb::kMemorySection, wb::kGlobalSection,
                     wb::kExportSection, wb::kElementSection, wb::kCodeSection,
                     wb::kDataSection})
    expect_huge_count_rejected(id);
}

TEST(HostileInput, HugeCountsInsideItemsAreCheckedBeforeAllocating) {
  // A function type with 2^32-1 params; an element segment with 2^32-1
  // function indices; a name of length 2^32-1; a data segment of 2^32-1 bytes.
  const std::vector<std::pair<uint8_t, Bytes>> cases = {
      {wb::kTypeSection, Bytes().u32(1).u8(0x60).u32(0xffffffffu).u8(wb::kI32)},
      {wb::kElementSection, Bytes().u32(1).u32(0).i32_const(0).u32(0xffffffffu).u32(0)},
      {wb::kExportSection, Bytes().u32(1).u32(0xffffffffu).u8('a')},
      {wb::kDataSection, Bytes().u32(1).u8(0x01).u32(0xffffffffu).u8(0)},
  };
  for (const auto& [id, payload] : cases) {
    SCOPED_TRACE(testing::Message() << "section " << int(id));
    std::vector<uint8_t> bytes = ModuleBuilder().section(id, payload).build();
    AllocationProbe probe;
    auto result = decode_module(bytes, Features());
    ASSERT_FALSE(result.ok());
    EXPECT_LT(probe.largest(), 4096u);
  }
}

// One function () -> () with the given body (locals + code).
std::vector<uint8_t> one_function(const Bytes& body) {
  ModuleBuilder m;
  m.section(wb::kTypeSection, Bytes().u32(1).func_type({}, {}));
  m.section(wb::kFunctionSection, Bytes().u32(1).u32(0));
  m.section(wb::kCodeSection, Bytes().u32(1).sized(body));
  return m.build();
}

TEST(HostileInput, AMillionLocalsIsAClearError) {
  // One group of a million i32 locals: rejected before any is materialised.
  {
    std::vector<uint8_t> bytes = one_function(Bytes().u32(1).u32(1000000).u8(wb::kI32).u8(wb::kEnd));
    AllocationProbe probe;
    auto result = translate(bytes, options());
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("too many locals"), std::string::npos)
        << result.error().message;
    EXPECT_LT(probe.largest(), 1u << 20);
  }
  // A million groups of one local each (2 MB of declarations).
  {
    Bytes body;
    body.u32(1000000);
    for (int i = 0; i < 1000000; ++i) body.u32(1).u8(wb::kI64);
    auto result = translate(one_function(body.u8(wb::kEnd)), options());
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("too many locals"), std::string::npos);
  }
  // Groups summing past 2^32: the sum must not wrap around to a small number.
  {
    Bytes body;
    body.u32(2).u32(0xffffffffu).u8(wb::kI32).u32(2).u8(wb::kI32).u8(wb::kEnd);
    auto result = translate(one_function(body), options());
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("too many locals"), std::string::npos);
  }
}

TEST(HostileInput, LocalsAtTheLimitAreAccepted) {
  std::vector<uint8_t> bytes =
      one_function(Bytes().u32(1).u32(kMaxFunctionLocals).u8(wb::kI32).u8(wb::kEnd));
  auto result = translate(bytes, options());
  ASSERT_TRUE(result.ok()) << result.error().message;
}

Bytes nested_blocks(uint32_t depth, uint8_t opcode) {
  Bytes body;
  body.u32(0);
  for (uint32_t i = 0; i < depth; ++i) {
    if (opcode == 0x04) body.raw({0x41, 0x01});  // i32.const 1 for `if`
    body.raw({opcode, 0x40});
  }
  for (uint32_t i = 0; i < depth; ++i) body.u8(wb::kEnd);
  return body.u8(wb::kEnd);
}

TEST(HostileInput, AMillionNestedBlocksDoNotOverflowTheTranslatorStack) {
  // The decoder, validator and emitter are iterative: a recursive one would
  // need ~100 MB of stack here. Blocks, loops and ifs take different paths.
  for (uint8_t opcode : {uint8_t{0x02}, uint8_t{0x03}, uint8_t{0x04}}) {
    SCOPED_TRACE(testing::Message() << "opcode " << int(opcode));
    auto result = translate(one_function(nested_blocks(1000000, opcode)), options());
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_FALSE(result->sources.empty());
  }
}

TEST(HostileInput, UnclosedNestingIsAnError) {
  Bytes body;
  body.u32(0);
  for (int i = 0; i < 100000; ++i) body.raw({0x02, 0x40});
  body.u8(wb::kEnd);
  auto result = translate(one_function(body), options());
  ASSERT_FALSE(result.ok());
}

TEST(HostileInput, FunctionIndexElementSegmentsCostLittleMemory) {
  // 200,000 one-byte function indices: the decoded module must stay within
  // a small multiple of the input (a ConstExpr per item used to cost ~100x).
  constexpr uint32_t kItems = 200000;
  ModuleBuilder m;
  m.section(wb::kTypeSection, Bytes().u32(1).func_type({}, {}));
  m.section(wb::kFunctionSection, Bytes().u32(1).u32(0));
  m.section(wb::kTableSection, Bytes().u32(1).u8(wb::kFuncRef).u8(0x00).u32(kItems));
  Bytes segment;
  segment.u32(1).u32(0).i32_const(0).u32(kItems);
  for (uint32_t i = 0; i < kItems; ++i) segment.u8(0x00);
  m.section(wb::kElementSection, segment);
  m.section(wb::kCodeSection, Bytes().u32(1).sized(Bytes().u32(0).u8(wb::kEnd)));
  std::vector<uint8_t> bytes = m.build();
  AllocationProbe probe;
  auto module = decode_module(bytes, Features());
  ASSERT_TRUE(module.ok()) << module.error().message;
  ASSERT_EQ(module->elems.size(), 1u);
  EXPECT_EQ(module->elems[0].size(), kItems);
  // The input copy (1x) plus 4 bytes per index, with slack for vectors.
  EXPECT_LT(probe.total(), 8 * bytes.size());
}

TEST(HostileInput, AnOversizedElementIndexIsAnError) {
  ModuleBuilder m;
  m.section(wb::kTypeSection, Bytes().u32(1).func_type({}, {}));
  m.section(wb::kFunctionSection, Bytes().u32(1).u32(0));
  m.section(wb::kTableSection, Bytes().u32(1).u8(wb::kFuncRef).u8(0x00).u32(2));
  m.section(wb::kElementSection, Bytes().u32(1).u32(0).i32_const(0).u32(2).u32(0).u32(1));
  m.section(wb::kCodeSection, Bytes().u32(1).sized(Bytes().u32(0).u8(wb::kEnd)));
  auto result = translate(m.build(), options());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("unknown function 1"), std::string::npos)
      << result.error().message;
}

TEST(HostileInput, ALargeModuleTranslatesInTime) {
  // 4 MB: 2,000 functions of ~2 KB straight-line arithmetic each. The
  // 100 MB measurement (peak RSS) is in docs/robustness.md.
  constexpr int kFunctions = 2000;
  ModuleBuilder m;
  m.section(wb::kTypeSection, Bytes().u32(1).func_type({wb::kI32}, {wb::kI32}));
  Bytes funcs;
  funcs.u32(kFunctions);
  for (int i = 0; i < kFunctions; ++i) funcs.u32(0);
  m.section(wb::kFunctionSection, funcs);
  Bytes code;
  code.u32(kFunctions);
  for (int i = 0; i < kFunctions; ++i) {
    Bytes body;
    body.u32(0).raw({0x20, 0x00});  // local.get 0
    for (int k = 0; k < 500; ++k) body.raw({0x41, 0x03, 0x6a});  // i32.const 3; i32.add
    code.sized(body.u8(wb::kEnd));
  }
  m.section(wb::kCodeSection, code);
  std::vector<uint8_t> bytes = m.build();
  // A hang guard, not a speed test: thread CPU time, so a loaded machine or
  // a sanitizer build under nice does not fail it.
  const double start = thread_cpu_seconds();
  auto result = translate(bytes, options());
  ASSERT_TRUE(result.ok()) << result.error().message;
  size_t output = result->header.contents.size();
  for (const OutputFile& f : result->sources) output += f.contents.size();
  EXPECT_GT(output, bytes.size());
  EXPECT_LT(thread_cpu_seconds() - start, 120.0);
}

}  // namespace
}  // namespace wasm2cpp
