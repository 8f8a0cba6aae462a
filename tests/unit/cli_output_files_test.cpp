// The CLI's sources are linked only into the wasm2cpp executable, so the unit
// under test is compiled into this test directly.
#include "cli/output_files.cpp"  // NOLINT(bugprone-suspicious-include)

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace wasm2cpp::cli {
namespace {

class CliOutputFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("wasm2cpp_cli_output_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path root_;
};

TEST_F(CliOutputFiles, WritesEveryFileAndCreatesDirectories) {
  fs::path dir = root_ / "a" / "b";
  auto failure = write_all_or_nothing(dir, {{dir / "m.hpp", "header"}, {dir / "m.cpp", "source"}});
  ASSERT_FALSE(failure.has_value()) << failure->message;
  EXPECT_EQ(read(dir / "m.hpp"), "header");
  EXPECT_EQ(read(dir / "m.cpp"), "source");
  EXPECT_EQ(entries(dir), (std::vector<std::string>{"m.cpp", "m.hpp"}));
}

TEST_F(CliOutputFiles, ReplacesEarlierOutputs) {
  std::ofstream(root_ / "m.hpp") << "old";
  ASSERT_FALSE(write_all_or_nothing(root_, {{root_ / "m.hpp", "new"}}).has_value());
  EXPECT_EQ(read(root_ / "m.hpp"), "new");
}

TEST_F(CliOutputFiles, FilesGetTheUsualPermissions) {
  mode_t mask = ::umask(022);
  ASSERT_FALSE(write_all_or_nothing(root_, {{root_ / "m.hpp", "x"}}).has_value());
  ::umask(mask);
  EXPECT_EQ(fs::status(root_ / "m.hpp").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                fs::perms::others_read);
}

TEST_F(CliOutputFiles, FailedRenameRemovesTheWholeSetAndTemporaries) {
  fs::create_directories(root_ / "m.cpp");  // a directory where a file must go
  auto failure =
      write_all_or_nothing(root_, {{root_ / "m.hpp", "header"}, {root_ / "m.cpp", "source"}});
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->path, root_ / "m.cpp");
  EXPECT_EQ(entries(root_), (std::vector<std::string>{"m.cpp"}));
  EXPECT_TRUE(fs::is_directory(root_ / "m.cpp"));
}

TEST_F(CliOutputFiles, ExistingDirectoriesAreKeptOnFailure) {
  fs::path dir = root_ / "existing";
  fs::create_directories(dir / "m.hpp");
  ASSERT_TRUE(write_all_or_nothing(dir, {{dir / "m.hpp", "h"}}).has_value());
  EXPECT_TRUE(fs::is_directory(dir / "m.hpp"));
  EXPECT_EQ(entries(dir), (std::vector<std::string>{"m.hpp"}));
}

TEST_F(CliOutputFiles, CreatedDirectoriesAreRemovedWhenWritingFails) {
  fs::path dir = root_ / "made" / "here";
  // The second file cannot be created (its name is too long), after the
  // directories and the first temporary were.
  std::string long_name(300, 'x');
  auto failure =
      write_all_or_nothing(dir, {{dir / "m.hpp", "h"}, {dir / (long_name + ".cpp"), "s"}});
  ASSERT_TRUE(failure.has_value());
  EXPECT_FALSE(fs::exists(root_ / "made"));
}

// OutputDirectory: translate_to()'s sink. A file's text arrives before its
// head; past kBufferBytes it goes to a second temporary that finish() copies
// behind the head.
TEST_F(CliOutputFiles, StreamedFilesGetTheirHeadInFrontAndAppearOnlyOnCommit) {
  fs::path dir = root_ / "out";
  std::string big;
  for (size_t i = 0; big.size() < 3 * OutputDirectory::kBufferBytes; ++i)
    big += "line " + std::to_string(i) + "\n";
  {
    OutputDirectory output(dir);
    // Pieces of varied sizes: some fill the buffer past its limit.
    for (size_t pos = 0; pos < big.size();) {
      size_t n = std::min<size_t>(big.size() - pos, 1 + (pos * 7919) % 400000);
      ASSERT_TRUE(output.append(1, std::string_view(big).substr(pos, n)).ok());
      pos += n;
    }
    ASSERT_TRUE(output.append(2, "small body\n").ok());
    ASSERT_TRUE(output.finish(2, "m_1.cpp", "// head 1\n").ok());
    ASSERT_TRUE(output.finish(1, "m.cpp", "// head 0\n").ok());
    ASSERT_TRUE(output.finish(0, "m.hpp", "header").ok());
    EXPECT_FALSE(fs::exists(dir / "m.cpp"));  // nothing final before the commit
    auto failure = output.commit();
    ASSERT_FALSE(failure.has_value()) << failure->message;
  }
  EXPECT_EQ(read(dir / "m.cpp"), "// head 0\n" + big);
  EXPECT_EQ(read(dir / "m_1.cpp"), "// head 1\nsmall body\n");
  EXPECT_EQ(read(dir / "m.hpp"), "header");
  EXPECT_EQ(entries(dir), (std::vector<std::string>{"m.cpp", "m.hpp", "m_1.cpp"}));
}

// A full-sized buffer that cannot take the next piece spills what it holds
// first (instead of growing): the file is the same concatenation.
TEST_F(CliOutputFiles, APieceThatOverflowsAFullBufferFollowsWhatItHolds) {
  fs::path dir = root_ / "out";
  const std::string first(OutputDirectory::kBufferBytes - 10, 'a');
  const std::string second(300000, 'b');
  {
    OutputDirectory output(dir);
    ASSERT_TRUE(output.append(1, first).ok());   // the buffer, nearly full
    ASSERT_TRUE(output.append(1, second).ok());  // does not fit: spill, then buffer
    ASSERT_TRUE(output.append(1, "c").ok());
    ASSERT_TRUE(output.finish(1, "m.cpp", "// head\n").ok());
    ASSERT_TRUE(output.finish(0, "m.hpp", "header").ok());
    auto failure = output.commit();
    ASSERT_FALSE(failure.has_value()) << failure->message;
  }
  EXPECT_EQ(read(dir / "m.cpp"), "// head\n" + first + second + "c");
}

TEST_F(CliOutputFiles, AnUncommittedOutputLeavesNothingBehind) {
  fs::path dir = root_ / "made" / "here";
  {
    OutputDirectory output(dir);
    ASSERT_TRUE(output.append(1, std::string(2 * OutputDirectory::kBufferBytes, 'x')).ok());
    ASSERT_TRUE(output.finish(0, "m.hpp", "header").ok());
    EXPECT_FALSE(entries(dir).empty());  // the temporaries
    // e.g. the module failed to validate: no commit
  }
  EXPECT_FALSE(fs::exists(root_ / "made"));
}

TEST_F(CliOutputFiles, NothingIsCreatedBeforeTheFirstPiece) {
  { OutputDirectory output(root_ / "never"); }
  EXPECT_FALSE(fs::exists(root_ / "never"));
}

TEST_F(CliOutputFiles, AStreamedNameMustStayInTheDirectory) {
  OutputDirectory output(root_);
  auto result = output.finish(0, "../escape.hpp", "x");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("bad output file name"), std::string::npos);
  EXPECT_FALSE(output.failure().has_value());  // not a file-system failure
}

// `wasm2cpp build` compiles the files translate_to() named: paths() gives
// them in file order (the header first), where they are after commit().
TEST_F(CliOutputFiles, PathsListsTheFinishedFilesInFileOrder) {
  fs::path dir = root_ / "src";
  OutputDirectory output(dir);
  ASSERT_TRUE(output.append(2, "b\n").ok());
  ASSERT_TRUE(output.finish(2, "m_1.cpp", "").ok());
  ASSERT_TRUE(output.finish(1, "m.cpp", "a\n").ok());
  ASSERT_TRUE(output.finish(0, "m.hpp", "h\n").ok());
  ASSERT_FALSE(output.commit().has_value());
  const std::vector<fs::path> paths = output.paths();
  ASSERT_EQ(paths, (std::vector<fs::path>{dir / "m.hpp", dir / "m.cpp", dir / "m_1.cpp"}));
  EXPECT_EQ(read(paths[2]), "b\n");
}

// A caller that catches SIGINT itself (build) keeps its handler while an
// OutputDirectory exists and after it is gone.
TEST_F(CliOutputFiles, WithoutSignalHandlingTheCallersHandlerStays) {
  struct sigaction mine {};
  mine.sa_handler = [](int) {};
  sigemptyset(&mine.sa_mask);
  struct sigaction previous {};
  ASSERT_EQ(sigaction(SIGINT, &mine, &previous), 0);
  auto current_handler = [] {
    struct sigaction now {};
    sigaction(SIGINT, nullptr, &now);
    return now.sa_handler;
  };
  {
    OutputDirectory output(root_ / "quiet", /*handle_signals=*/false);
    EXPECT_EQ(current_handler(), mine.sa_handler);
  }
  EXPECT_EQ(current_handler(), mine.sa_handler);
  {
    OutputDirectory output(root_ / "loud");
    EXPECT_NE(current_handler(), mine.sa_handler);
  }
  sigaction(SIGINT, &previous, nullptr);
}

}  // namespace
}  // namespace wasm2cpp::cli
