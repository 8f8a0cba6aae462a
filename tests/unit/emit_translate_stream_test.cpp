// translate_to(): the streamed pieces assemble into exactly translate()'s
// files, segment literals arrive in bounded pieces, and an error from the
// sink stops the translation.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "emit/emitter.hpp"
#include "emit/translate.hpp"
#include "wasm_builder.hpp"

namespace wasm2cpp {
namespace {

using test::Bytes;
using test::ModuleBuilder;

// `functions` functions (i32) -> i32, one data segment of `data_bytes`
// bytes and an element segment of `elem_items` function indices.
std::vector<uint8_t> module_with_segments(uint32_t functions, size_t data_bytes,
                                          uint32_t elem_items) {
  ModuleBuilder m;
  m.section(test::kTypeSection, Bytes().u32(1).func_type({test::kI32}, {test::kI32}));
  Bytes function_section = Bytes().u32(functions);
  for (uint32_t f = 0; f < functions; ++f) function_section.u32(0);
  m.section(test::kFunctionSection, function_section);
  m.section(test::kTableSection, Bytes().u32(1).u8(0x70).u8(0x00).u32(elem_items));
  m.section(test::kMemorySection,
            Bytes().u32(1).u8(0x00).u32(static_cast<uint32_t>(data_bytes / 65536 + 1)));
  Bytes elem = Bytes().u32(1).u8(0x00).i32_const(0).u32(elem_items);
  for (uint32_t k = 0; k < elem_items; ++k) elem.u32(k % functions);
  m.section(test::kElementSection, elem);
  Bytes code = Bytes().u32(functions);
  for (uint32_t f = 0; f < functions; ++f) {
    // local.get 0; i32.const f; i32.add
    Bytes body =
        Bytes().u32(0).raw({0x20, 0x00}).u8(test::kI32Const).s64(f).raw({0x6a, test::kEnd});
    code.sized(body);
  }
  m.section(test::kCodeSection, code);
  std::string data(data_bytes, '\0');
  for (size_t i = 0; i < data_bytes; ++i) data[i] = static_cast<char>((i * 131) >> 3);
  m.section(test::kDataSection, Bytes().u32(1).u8(0x00).i32_const(0).name(data));
  return m.build();
}

TranslateOptions options(uint32_t shards) {
  TranslateOptions o;
  o.name = "streamed";
  o.output_stem = "streamed";
  o.shards = shards;
  return o;
}

// Records every call; the largest single piece too.
class RecordingSink : public OutputSink {
 public:
  Expected<void> append(uint32_t file, std::string_view text) override {
    EXPECT_FALSE(finished.count(file)) << "append after finish, file " << file;
    bodies[file].append(text);
    largest_piece = std::max(largest_piece, text.size());
    if (fail_after_appends >= 0 && ++appends > fail_after_appends) return make_error("disk full");
    return {};
  }
  Expected<void> finish(uint32_t file, const std::string& name, std::string_view head) override {
    EXPECT_FALSE(finished.count(file)) << "finished twice, file " << file;
    finished[file] = name;
    files[name] = std::string(head) + bodies[file];
    return {};
  }

  std::map<uint32_t, std::string> bodies;
  std::map<uint32_t, std::string> finished;
  std::map<std::string, std::string> files;
  size_t largest_piece = 0;
  int fail_after_appends = -1;
  int appends = 0;
};

TEST(EmitTranslateStream, PiecesAssembleIntoTranslatesFiles) {
  const std::vector<uint8_t> wasm = module_with_segments(7, 3000, 40);
  for (uint32_t shards : {1u, 3u}) {
    auto whole = translate(wasm, options(shards));
    ASSERT_TRUE(whole.ok()) << whole.error().message;
    RecordingSink sink;
    ASSERT_TRUE(translate_to(wasm, options(shards), sink).ok());
    ASSERT_EQ(sink.files.size(), shards + 1);
    EXPECT_EQ(sink.finished.at(0), "streamed.hpp");
    EXPECT_EQ(sink.files.at("streamed.hpp"), whole->header.contents);
    ASSERT_EQ(whole->sources.size(), shards);
    for (uint32_t s = 0; s < shards; ++s) {
      EXPECT_EQ(sink.finished.at(s + 1), whole->sources[s].name);
      EXPECT_EQ(sink.files.at(whole->sources[s].name), whole->sources[s].contents) << "shard " << s;
    }
  }
}

TEST(EmitTranslateStream, LargeSegmentsArriveInBoundedPieces) {
  // 3 MB of data: about 10 MB of C++ literal, many times the drain size.
  const size_t data_bytes = 3 * 1024 * 1024;
  RecordingSink sink;
  ASSERT_TRUE(translate_to(module_with_segments(2, data_bytes, 300000), options(1), sink).ok());
  const std::string& source = sink.files.at("streamed.cpp");
  EXPECT_GT(source.size(), 3 * data_bytes);
  // A piece is at most one drain's worth plus one item (a literal line).
  EXPECT_LT(sink.largest_piece, emit::kDrainBytes + 4096);
  EXPECT_NE(source.find("static const char kData0[] ="), std::string::npos);
}

TEST(EmitTranslateStream, ASinkErrorStopsTheTranslation) {
  RecordingSink sink;
  sink.fail_after_appends = 3;
  auto result = translate_to(module_with_segments(20, 100, 20), options(1), sink);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "disk full");
  EXPECT_EQ(sink.appends, 4);  // nothing after the failing append
  EXPECT_TRUE(sink.finished.empty());
}

TEST(EmitTranslateStream, AnInvalidModuleFinishesNoFile) {
  std::vector<uint8_t> wasm = module_with_segments(3, 10, 3);
  wasm.resize(wasm.size() - 5);  // cut inside the data section
  RecordingSink sink;
  EXPECT_FALSE(translate_to(wasm, options(2), sink).ok());
  EXPECT_TRUE(sink.finished.empty());
}

}  // namespace
}  // namespace wasm2cpp
