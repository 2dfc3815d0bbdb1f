#include "hashing/digest.h"

#include <gtest/gtest.h>

#include "hashing/exhibit_hash.h"
#include "testutil/testutil.h"

namespace casegraph::hashing {
namespace {

TEST(DigestTest, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  MultiDigest m;
  m.Update("ab");
  m.Update("c");
  model::FileDigests d = m.Finish();
  EXPECT_EQ(d.size_bytes, 3u);
  EXPECT_EQ(d.md5, "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(d.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(d.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ExhibitHashTest, FileAndFolderManifest) {
  testing::MemFileSystem fs;
  fs.Add("/ev/one.json", "abc");
  fs.Add("/ev/dir/result.json", "abc");
  fs.Add("/ev/dir/photos/p.jpg", "");
  auto file = HashExhibit(fs, "/ev/one.json");
  ASSERT_TRUE(file.ok());
  EXPECT_FALSE(file->is_folder);
  EXPECT_EQ(file->sha256, Sha256Hex("abc"));
  EXPECT_EQ(file->size_bytes, 3u);

  auto folder = HashExhibit(fs, "/ev/dir");
  ASSERT_TRUE(folder.ok());
  EXPECT_TRUE(folder->is_folder);
  ASSERT_EQ(folder->manifest.size(), 2u);
  EXPECT_EQ(folder->manifest[0].rel_path, "photos/p.jpg");
  EXPECT_EQ(folder->manifest[1].rel_path, "result.json");
  EXPECT_EQ(folder->sha256, Sha256Hex(ManifestText(folder->manifest)));

  fs.Add("/ev/dir/extra.txt", "x");  // a change anywhere in the folder changes the exhibit hash
  EXPECT_NE(HashExhibit(fs, "/ev/dir")->sha256, folder->sha256);
  EXPECT_FALSE(HashExhibit(fs, "/ev/missing").ok());
}

}  // namespace
}  // namespace casegraph::hashing
