// Atomic writing: the whole file or nothing, and no temporary left behind on failure.
#include "report/report_file.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testutil/testutil.h"

namespace casegraph::report {
namespace {

TEST(ReportFileTest, WritesAndReplacesWholeFiles) {
  const std::string dir = testing::MakeTempDir("cg-report-file");
  const std::string path = dir + "/r.html";
  ASSERT_TRUE(WriteFileAtomically(path, "first").ok());
  EXPECT_EQ(testing::ReadFileOrDie(path), "first");
  ASSERT_TRUE(WriteFileAtomically(path, "second, longer").ok());
  EXPECT_EQ(testing::ReadFileOrDie(path), "second, longer");
  size_t entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) entries += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(entries, 1u);  // no temporary left
  std::filesystem::remove_all(dir);
}

TEST(ReportFileTest, MissingFolderOrFolderTargetIsAnErrorNamingThePath) {
  const std::string dir = testing::MakeTempDir("cg-report-file");
  auto missing = WriteFileAtomically(dir + "/no/such/r.html", "x");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message().find(dir + "/no/such/r.html"), std::string::npos);
  auto folder = WriteFileAtomically(dir, "x");
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.error().message().find("folder"), std::string::npos);
  EXPECT_FALSE(WriteFileAtomically("", "x").ok());
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casegraph::report
