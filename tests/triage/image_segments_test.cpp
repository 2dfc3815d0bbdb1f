#include <gtest/gtest.h>

#include "triage/file_tree.h"
#include "triage/triage_test_util.h"

namespace casegraph::triage {
namespace {

using casegraph::testing::WriteFile;
using testing::TempDir;

TEST(ImageSegmentsTest, FolderAndSingleFileAreOneSegment) {
  TempDir dir("triage-seg");
  WriteFile(dir / "disk.dd", "x");
  EXPECT_EQ(*ExhibitSegments(dir.path()), std::vector<std::string>{dir.path()});
  EXPECT_EQ(*ExhibitSegments(dir / "disk.dd"), std::vector<std::string>{dir / "disk.dd"});
  auto missing = ExhibitSegments(dir / "nothing.dd");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().where().file, dir / "nothing.dd");
}

TEST(ImageSegmentsTest, SplitRawSetStopsAtTheFirstGap) {
  TempDir dir("triage-seg-split");
  WriteFile(dir / "x.001", "a");
  WriteFile(dir / "x.002", "b");
  WriteFile(dir / "x.004", "d");  // after a gap: not part of the set
  EXPECT_EQ(*ExhibitSegments(dir / "x.001"), (std::vector<std::string>{dir / "x.001", dir / "x.002"}));
}

TEST(ImageSegmentsTest, LooksLikeDiskImageByNameOrBytes) {
  EXPECT_TRUE(LooksLikeDiskImage("/e/phone.E01", ""));
  EXPECT_TRUE(LooksLikeDiskImage("/e/card.img", ""));
  EXPECT_TRUE(LooksLikeDiskImage("/e/set.001", ""));
  EXPECT_FALSE(LooksLikeDiskImage("/e/notes.txt", "plain text"));
  EXPECT_FALSE(LooksLikeDiskImage("/e.d/noext", "plain text"));
  EXPECT_TRUE(LooksLikeDiskImage("/e/x", std::string("EVF\x09\x0d\x0a\xff\x00", 8)));
  std::string mbr(512, '\0');
  mbr[446 + 4] = '\x0c';
  mbr[510] = '\x55';
  mbr[511] = '\xaa';
  EXPECT_TRUE(LooksLikeDiskImage("/e/x", mbr));
  std::string ext(2048, '\0');
  ext[1080] = '\x53';
  ext[1081] = '\xef';
  EXPECT_TRUE(LooksLikeDiskImage("/e/x", ext));
}

}  // namespace
}  // namespace casegraph::triage
