#include "triage/file_analysis.h"

#include <gtest/gtest.h>

#include "triage/folder_tree.h"
#include "triage/triage_test_util.h"

namespace casegraph::triage {
namespace {

using casegraph::testing::WriteFile;
using testing::FindEntry;
using testing::TempDir;
using testing::WalkAll;

// The smallest valid PNG header libmagic recognises (signature + IHDR).
const std::string kPngHead = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", 29);

// A tree whose Read streams given chunks and can fail after them, to test error paths.
class FakeTree : public FileTree {
 public:
  std::vector<std::string> chunks;
  bool fail_after = false;
  mutable int reads = 0;
  std::string kind() const override { return "folder"; }
  Status Walk(const std::function<bool(const TriageEntry&)>&, Diagnostics&) const override { return Ok(); }
  Status Read(const TriageEntry& e, const std::function<void(std::string_view)>& chunk) const override {
    ++reads;
    uint64_t offset = 0;
    for (const auto& c : chunks) {
      chunk(c);
      offset += c.size();
    }
    if (fail_after) return Error::Io("read failed", Location{e.path, "byte " + std::to_string(offset)});
    return Ok();
  }
};

TEST(FileAnalysisTest, DigestsAndMimeFromOneRead) {
  FileAnalyzer analyzer;
  ASSERT_EQ(analyzer.magic_error(), "");
  FakeTree tree;
  tree.chunks = {"a", "bc"};
  TriageEntry e;
  e.path = "abc.txt";
  e.file_type = "file";
  e.size_bytes = 3;
  auto result = analyzer.Analyze(tree, e, 1 << 20, nullptr);
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(tree.reads, 1);
  EXPECT_EQ(result->digests.size_bytes, 3u);
  EXPECT_EQ(result->digests.md5, "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(result->digests.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(result->digests.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(result->mime_type, "text/plain");
  EXPECT_FALSE(result->content_kept);
  EXPECT_EQ(result->content, "");
}

TEST(FileAnalysisTest, KeepsContentOnlyWhenAskedAndWithinTheLimit) {
  FileAnalyzer analyzer;
  FakeTree tree;
  // The PNG head, then more than the 64 KiB libmagic sees, split across chunks.
  tree.chunks = {kPngHead.substr(0, 10), kPngHead.substr(10), std::string(100'000, 'x')};
  TriageEntry e;
  e.path = "pic.png";
  e.file_type = "file";
  e.size_bytes = kPngHead.size() + 100'000;
  std::string seen_mime;
  auto keep_images = [&](std::string_view mime, uint64_t) {
    seen_mime = std::string(mime);
    return mime.rfind("image/", 0) == 0;
  };
  auto kept = analyzer.Analyze(tree, e, 1 << 20, keep_images);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(seen_mime, "image/png");
  EXPECT_EQ(kept->mime_type, "image/png");
  EXPECT_TRUE(kept->content_kept);
  EXPECT_EQ(kept->content, kPngHead + std::string(100'000, 'x'));
  EXPECT_EQ(kept->digests.sha256, hashing::Sha256Hex(kept->content));

  auto over_limit = analyzer.Analyze(tree, e, 1000, keep_images);
  ASSERT_TRUE(over_limit.ok());
  EXPECT_FALSE(over_limit->content_kept);
  EXPECT_EQ(over_limit->content, "");
  EXPECT_EQ(over_limit->digests.sha256, kept->digests.sha256);

  auto refused = analyzer.Analyze(tree, e, 1 << 20, [](std::string_view, uint64_t) { return false; });
  ASSERT_TRUE(refused.ok());
  EXPECT_FALSE(refused->content_kept);
}

TEST(FileAnalysisTest, ContentGrowingPastTheLimitIsDropped) {
  FileAnalyzer analyzer;
  FakeTree tree;
  tree.chunks = {std::string(70'000, 'a'), std::string(70'000, 'b')};
  TriageEntry e;
  e.path = "grew.txt";
  e.file_type = "file";
  e.size_bytes = 100;  // listed small, read bigger
  auto result = analyzer.Analyze(tree, e, 100'000, [](std::string_view, uint64_t) { return true; });
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->content_kept);
  EXPECT_EQ(result->content, "");
  EXPECT_EQ(result->digests.size_bytes, 140'000u);
}

TEST(FileAnalysisTest, ReadErrorMidwayNamesPathAndOffset) {
  FileAnalyzer analyzer;
  FakeTree tree;
  tree.chunks = {std::string(4096, 'z')};
  tree.fail_after = true;
  TriageEntry e;
  e.path = "docs/broken.bin";
  e.file_type = "file";
  auto result = analyzer.Analyze(tree, e, 1 << 20, nullptr);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().where().file, "docs/broken.bin");
  EXPECT_EQ(result.error().where().place, "byte 4096");
}

TEST(FileAnalysisTest, AnalyzesFolderEntriesIncludingEmptyAndRefusesProblems) {
  TempDir dir("triage-analysis");
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "pic.png", kPngHead);
  FolderTree tree(dir.path());
  Diagnostics d;
  auto entries = WalkAll(tree, d);
  FileAnalyzer analyzer;
  auto empty = analyzer.Analyze(tree, *FindEntry(entries, "empty.txt"), 1 << 20, nullptr);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->digests.size_bytes, 0u);
  EXPECT_EQ(empty->digests.sha256, hashing::Sha256Hex(""));
  auto png = analyzer.Analyze(tree, *FindEntry(entries, "pic.png"), 1 << 20, nullptr);
  ASSERT_TRUE(png.ok());
  EXPECT_EQ(png->mime_type, "image/png");

  TriageEntry sparse = *FindEntry(entries, "empty.txt");
  sparse.problem = "sparse file: 0 of 2000000000 bytes allocated; not read";
  EXPECT_FALSE(analyzer.Analyze(tree, sparse, 1 << 20, nullptr).ok());
}

}  // namespace
}  // namespace casegraph::triage
