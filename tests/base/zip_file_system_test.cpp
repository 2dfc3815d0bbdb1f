#include "base/zip_file_system.h"

#include <gtest/gtest.h>
#include <zip.h>

#include "testutil/testutil.h"

namespace casegraph {
namespace {

// Writes a ZIP with the given (name, content) entries using libzip itself.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  const std::string path = testing::MakeTempDir("cg-zip") + "/export.zip";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  return path;
}

TEST(ZipFileSystemTest, ReadsEntriesAsAFolder) {
  const std::string path = MakeZip({{"_chat.txt", "hello"}, {"media/a.jpg", "JPEG"}, {"../escape.txt", "x"}});
  auto fs = ZipFileSystem::Open(RealFileSystem(), path);
  ASSERT_TRUE(fs.ok()) << fs.error().ToString();
  auto names = (*fs)->List(path);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"_chat.txt", "media"}));  // "../escape.txt" is never listed
  EXPECT_TRUE((*fs)->Stat(path + "/media")->is_directory);
  EXPECT_EQ((*fs)->Stat(path + "/_chat.txt")->size_bytes, 5u);
  auto view = (*fs)->Map(path + "/media/a.jpg");
  ASSERT_TRUE(view.ok());
  EXPECT_EQ((*view)->bytes(), "JPEG");
  EXPECT_FALSE((*fs)->Map(path + "/../escape.txt").ok());
  EXPECT_FALSE((*fs)->Stat(path + "/missing").ok());
  std::string streamed;
  ASSERT_TRUE((*fs)->ReadChunks(path + "/_chat.txt", [&](std::string_view c) { streamed += c; }).ok());
  EXPECT_EQ(streamed, "hello");
}

TEST(ZipFileSystemTest, RefusesADamagedArchiveNamingIt) {
  const std::string path = MakeZip({{"_chat.txt", "hello"}});
  auto bytes = ReadWholeFile(RealFileSystem(), path);
  ASSERT_TRUE(bytes.ok());
  const std::string cut = testing::MakeTempDir("cg-zip") + "/cut.zip";
  testing::WriteFile(cut, bytes->substr(0, bytes->size() / 2));
  auto fs = ZipFileSystem::Open(RealFileSystem(), cut);
  ASSERT_FALSE(fs.ok());
  EXPECT_NE(fs.error().ToString().find("cut.zip"), std::string::npos) << fs.error().ToString();
}

}  // namespace
}  // namespace casegraph
