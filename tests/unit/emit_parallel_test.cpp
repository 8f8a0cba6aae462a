// TranslateOptions::jobs: function bodies made on several threads give the
// same files as one thread, byte for byte, and the same first error.
#include <gtest/gtest.h>

#include "emit/function_bodies.hpp"
#include "emit/translate.hpp"
#include "wasm_builder.hpp"

namespace wasm2cpp {
namespace {

using test::Bytes;
using test::ModuleBuilder;

constexpr uint8_t kI32 = test::kI32;
constexpr uint8_t kLocalGet = 0x20, kLocalSet = 0x21, kCall = 0x10, kBlock = 0x02, kLoop = 0x03;
constexpr uint8_t kBrIf = 0x0d, kI32Add = 0x6a, kI32Mul = 0x6c, kI32Xor = 0x73, kI32Load = 0x28;
constexpr uint8_t kI32Store = 0x36, kI32LtU = 0x49, kI64Const = 0x42, kDrop = 0x1a;

// Function i of type (i32, i32) -> i32: a loop that mixes its parameters
// with constants depending on i, loads and stores memory and calls the
// function before it, so bodies differ in size, slots and facts. Function
// `invalid_a` / `invalid_b` (if below count) instead add an i64 to an i32.
Bytes body(uint32_t i, uint32_t invalid_a, uint32_t invalid_b) {
  Bytes code;
  code.u32(1).u32(1).u8(kI32);  // one i32 local
  if (i == invalid_a || i == invalid_b) {
    code.u8(kLocalGet).u32(0).u8(kI64Const).s64(i).u8(kI32Add).u8(kDrop);
  }
  code.u8(kBlock).u8(0x40).u8(kLoop).u8(0x40);
  for (uint32_t k = 0; k < 3 + i % 7; ++k) {
    code.u8(kLocalGet).u32(2).u8(kLocalGet).u32(k % 2).u8(test::kI32Const).s64(int32_t(i * 977 + k));
    code.u8(k % 2 ? kI32Mul : kI32Xor).u8(kI32Add).u8(kLocalSet).u32(2);
  }
  if (i % 3 == 0) {
    code.u8(test::kI32Const).s64(int32_t(i * 4)).u8(kLocalGet).u32(2).u8(kI32Store).u32(2).u32(0);
    code.u8(kLocalGet).u32(2).u8(kI32Load).u32(2).u32(i % 64).u8(kLocalSet).u32(2);
  }
  if (i > 0 && i % 4 == 1) {
    code.u8(kLocalGet).u32(2).u8(kLocalGet).u32(1).u8(kCall).u32(i - 1).u8(kLocalSet).u32(2);
  }
  code.u8(kLocalGet).u32(2).u8(test::kI32Const).s64(int32_t(i)).u8(kI32LtU).u8(kBrIf).u32(0);
  code.u8(test::kEnd).u8(test::kEnd);
  code.u8(kLocalGet).u32(2).u8(test::kEnd);
  return code;
}

// `count` functions (about 90 bytes of code each), a memory, two exports.
std::vector<uint8_t> many_functions(uint32_t count, uint32_t invalid_a = ~0u,
                                    uint32_t invalid_b = ~0u) {
  ModuleBuilder m;
  m.section(test::kTypeSection, Bytes().u32(1).func_type({kI32, kI32}, {kI32}));
  Bytes functions = Bytes().u32(count);
  for (uint32_t i = 0; i < count; ++i) functions.u32(0);
  m.section(test::kFunctionSection, functions);
  m.section(test::kMemorySection, Bytes().u32(1).u8(0x00).u32(1));
  m.section(test::kExportSection,
            Bytes().u32(2).name("first").u8(0x00).u32(0).name("last").u8(0x00).u32(count - 1));
  Bytes code = Bytes().u32(count);
  for (uint32_t i = 0; i < count; ++i) code.sized(body(i, invalid_a, invalid_b));
  m.section(test::kCodeSection, code);
  return m.build();
}

TranslateOptions options(uint32_t jobs, uint32_t shards, BoundsChecks checks) {
  TranslateOptions o;
  o.name = "par";
  o.input_name = "par.wasm";
  o.output_stem = "par";
  o.jobs = jobs;
  o.shards = shards;
  o.bounds_checks = checks;
  return o;
}

void expect_same_files(const TranslatedModule& a, const TranslatedModule& b) {
  EXPECT_EQ(a.header.name, b.header.name);
  EXPECT_EQ(a.header.contents, b.header.contents);
  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (size_t i = 0; i < a.sources.size(); ++i) {
    EXPECT_EQ(a.sources[i].name, b.sources[i].name);
    EXPECT_TRUE(a.sources[i].contents == b.sources[i].contents) << "source " << i << " differs";
  }
}

TEST(EmitParallel, ModuleIsLargeEnoughForSeveralChunks) {
  // The tests below only mean something if the bodies are cut into many
  // chunks: more code than the automatic threshold, too.
  const std::vector<uint8_t> wasm = many_functions(600);
  EXPECT_GT(wasm.size(), emit::kParallelMinCodeBytes + 8 * 1024);
}

TEST(EmitParallel, SameOutputForEveryJobCount) {
  const std::vector<uint8_t> wasm = many_functions(600);
  for (BoundsChecks checks : {BoundsChecks::Guard, BoundsChecks::Explicit}) {
    for (uint32_t shards : {1u, 3u}) {
      auto one = translate(wasm, options(1, shards, checks));
      ASSERT_TRUE(one.ok()) << one.error().message;
      // The bodies really are there (not an empty translation twice): ~20
      // lines of C++ per function.
      size_t total = 0;
      for (const OutputFile& file : one->sources) total += file.contents.size();
      EXPECT_GT(total, 600u * 400);
      for (uint32_t jobs : {0u, 2u, 3u, 4u, 7u}) {
        SCOPED_TRACE("jobs " + std::to_string(jobs) + ", shards " + std::to_string(shards));
        auto many = translate(wasm, options(jobs, shards, checks));
        ASSERT_TRUE(many.ok()) << many.error().message;
        expect_same_files(*one, *many);
      }
    }
  }
}

TEST(EmitParallel, FirstErrorWinsForEveryJobCount) {
  // Two invalid functions far apart: whichever thread finds which first,
  // the reported error is the lower function's, as with one thread.
  const std::vector<uint8_t> wasm = many_functions(600, 211, 523);
  auto one = translate(wasm, options(1, 1, BoundsChecks::Guard));
  ASSERT_FALSE(one.ok());
  EXPECT_NE(one.error().message.find("type mismatch"), std::string::npos) << one.error().message;
  // Function 523 alone fails at a later offset: the two errors differ.
  auto later = translate(many_functions(600, 523), options(1, 1, BoundsChecks::Guard));
  ASSERT_FALSE(later.ok());
  EXPECT_LT(one.error().offset, later.error().offset);
  for (uint32_t jobs : {0u, 2u, 3u, 4u, 8u}) {
    for (uint32_t shards : {1u, 2u}) {
      SCOPED_TRACE("jobs " + std::to_string(jobs) + ", shards " + std::to_string(shards));
      auto many = translate(wasm, options(jobs, shards, BoundsChecks::Guard));
      ASSERT_FALSE(many.ok());
      EXPECT_EQ(many.error().message, one.error().message);
      EXPECT_EQ(many.error().offset, one.error().offset);
    }
  }
}

TEST(EmitParallel, ErrorInTheLastFunction) {
  const std::vector<uint8_t> wasm = many_functions(600, 599);
  auto one = translate(wasm, options(1, 1, BoundsChecks::Guard));
  ASSERT_FALSE(one.ok());
  for (uint32_t jobs : {2u, 4u}) {
    auto many = translate(wasm, options(jobs, 1, BoundsChecks::Guard));
    ASSERT_FALSE(many.ok());
    EXPECT_EQ(many.error().message, one.error().message);
    EXPECT_EQ(many.error().offset, one.error().offset);
  }
}

// A sink that fails on its n-th append: the failure is reported, and the
// appends before it are the same for every job count.
class FailingSink final : public OutputSink {
 public:
  explicit FailingSink(int fail_at) : fail_at_(fail_at) {}
  Expected<void> append(uint32_t file, std::string_view text) override {
    if (++appends_ == fail_at_) return make_error("disk full");
    seen_ += std::to_string(file) + ":" + std::string(text);
    return {};
  }
  Expected<void> finish(uint32_t, const std::string&, std::string_view) override { return {}; }
  const std::string& seen() const { return seen_; }

 private:
  int fail_at_;
  int appends_ = 0;
  std::string seen_;
};

TEST(EmitParallel, SinkErrorStopsEveryJobCountAtTheSameAppend) {
  const std::vector<uint8_t> wasm = many_functions(600);
  FailingSink one_sink(401);
  auto one = translate_to(wasm, options(1, 2, BoundsChecks::Guard), one_sink);
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.error().message, "disk full");
  for (uint32_t jobs : {2u, 4u}) {
    FailingSink sink(401);
    auto many = translate_to(wasm, options(jobs, 2, BoundsChecks::Guard), sink);
    ASSERT_FALSE(many.ok());
    EXPECT_EQ(many.error().message, "disk full");
    EXPECT_TRUE(sink.seen() == one_sink.seen());
  }
}

TEST(EmitParallel, ResolveJobs) {
  EXPECT_EQ(emit::resolve_jobs(3, 10), 3u);  // asked for: given, however small the module
  EXPECT_EQ(emit::resolve_jobs(0, emit::kParallelMinCodeBytes - 1), 1u);
  EXPECT_GE(emit::resolve_jobs(0, emit::kParallelMinCodeBytes), 1u);
}

}  // namespace
}  // namespace wasm2cpp
