// Disk images built by the tests with the standard Debian tools (never mounted): FAT with a
// deleted file (mkfs.fat + mcopy + mdel), ext4 (mkfs.ext4 -d, debugfs rm), an E01 of the FAT
// image (ewfacquire), a split raw set, an MBR-partitioned image, and damaged inputs.
#include "triage/image_tree.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "hashing/digest.h"
#include "triage/triage_test_util.h"

namespace casegraph::triage {
namespace {

using casegraph::testing::ReadFileOrDie;
using casegraph::testing::WriteFile;
using testing::FindEntry;
using testing::ReadSha256;
using testing::RunShell;
using testing::ShellQuote;
using testing::TempDir;
using testing::WalkAll;

// Deterministic filler bigger than one read chunk (1 MiB), so chunked reads are exercised.
std::string BigContent() {
  std::string s(2'500'000, '\0');
  uint32_t x = 12345;
  for (char& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 24);
  }
  return s;
}

// The files put into every test image, by path.
std::map<std::string, std::string> KnownFiles() {
  return {{"a.txt", "alpha\n"},
          {"docs/b.txt", "bravo content\n"},
          {"docs/deep/c.txt", "charlie\n"},
          {"docs/big.bin", BigContent()},
          {"empty.txt", ""}};
}

void WriteSourceTree(const std::string& root) {
  for (const auto& [rel, content] : KnownFiles()) {
    std::string path = root + "/" + rel;
    ASSERT_TRUE(RunShell("mkdir -p " + ShellQuote(path.substr(0, path.rfind('/')))));
    WriteFile(path, content);
  }
}

// A FAT image with KnownFiles() and "docs/old note.txt" deleted by mdel.
void BuildFatImage(const TempDir& dir, const std::string& image) {
  std::string src = dir / "fat-src";
  WriteSourceTree(src);
  WriteFile(src + "/docs/old note.txt", "to delete\n");
  ASSERT_TRUE(RunShell("mkfs.fat -C " + ShellQuote(image) + " 8192"));
  ASSERT_TRUE(RunShell("cd " + ShellQuote(src) + " && mcopy -s -i " + ShellQuote(image) +
                  " a.txt docs empty.txt ::/"));
  ASSERT_TRUE(RunShell("mdel -i " + ShellQuote(image) + " '::/docs/old note.txt'"));
}

void ExpectKnownFiles(const FileTree& tree, const std::vector<TriageEntry>& entries) {
  for (const auto& [rel, content] : KnownFiles()) {
    const TriageEntry* e = FindEntry(entries, rel);
    ASSERT_NE(e, nullptr) << rel;
    EXPECT_EQ(e->file_type, "file") << rel;
    EXPECT_EQ(e->size_bytes, content.size()) << rel;
    EXPECT_TRUE(e->problem.empty()) << rel << ": " << e->problem;
    EXPECT_EQ(ReadSha256(tree, *e), hashing::Sha256Hex(content)) << rel;
  }
}

void ExpectSortedAndCited(const std::vector<TriageEntry>& entries, uint64_t fs_offset) {
  for (size_t idx = 0; idx < entries.size(); ++idx) {
    const TriageEntry& e = entries[idx];
    ASSERT_TRUE(e.fs_offset.has_value() && e.inode.has_value()) << e.path;
    EXPECT_EQ(*e.fs_offset, fs_offset);
    EXPECT_EQ(e.locator, "offset " + std::to_string(fs_offset) + " inode " +
                             std::to_string(*e.inode) + " " + e.path);
    EXPECT_EQ(e.path.find('$'), std::string::npos) << "virtual entry listed: " << e.path;
    if (idx > 0) {
      EXPECT_LE(entries[idx - 1].path, e.path);
    }
  }
}

TEST(ImageTreeTest, FatImageListsFilesAndTheDeletedName) {
  TRIAGE_REQUIRE_TOOL("mkfs.fat");
  TRIAGE_REQUIRE_TOOL("mcopy");
  TempDir dir("triage-fat");
  std::string image = dir / "fat.img";
  BuildFatImage(dir, image);
  auto tree = OpenFileTree(image);
  ASSERT_TRUE(tree.ok()) << tree.error().ToString();
  EXPECT_EQ((*tree)->kind(), "raw-image");
  Diagnostics d;
  auto entries = WalkAll(**tree, d);
  EXPECT_EQ(entries.size(), KnownFiles().size() + 1);
  ExpectKnownFiles(**tree, entries);
  ExpectSortedAndCited(entries, 0);
  const TriageEntry* deleted = FindEntry(entries, "docs/old note.txt", /*deleted=*/true);
  ASSERT_NE(deleted, nullptr);
  EXPECT_EQ(FindEntry(entries, "docs/old note.txt", false), nullptr);
  EXPECT_EQ(deleted->fs_type.rfind("fat", 0), 0u) << deleted->fs_type;
  EXPECT_TRUE(deleted->mtime.has_value());
  // Nothing overwrote its clusters, so libtsk still addresses the content.
  EXPECT_EQ(deleted->problem, "");
  EXPECT_EQ(ReadSha256(**tree, *deleted), hashing::Sha256Hex("to delete\n"));
  EXPECT_EQ(d.count(), 0u);
}

TEST(ImageTreeTest, Ext4ImageDigestsMatchTheOriginals) {
  TRIAGE_REQUIRE_TOOL("mkfs.ext4");
  TRIAGE_REQUIRE_TOOL("debugfs");
  TempDir dir("triage-ext4");
  std::string src = dir / "ext-src";
  WriteSourceTree(src);
  WriteFile(src + "/docs/old.txt", "gone soon\n");
  WriteFile(src + "/caf\xe9.txt", "latin1 name\n");
  ASSERT_TRUE(RunShell("ln -s a.txt " + ShellQuote(src + "/link")));
  std::string image = dir / "ext4.img";
  ASSERT_TRUE(RunShell("truncate -s 16M " + ShellQuote(image)));
  ASSERT_TRUE(RunShell("mkfs.ext4 -q -F -d " + ShellQuote(src) + " " + ShellQuote(image)));
  ASSERT_TRUE(RunShell("debugfs -w -R 'rm /docs/old.txt' " + ShellQuote(image)));
  auto tree = OpenFileTree(image);
  ASSERT_TRUE(tree.ok()) << tree.error().ToString();
  Diagnostics d;
  auto entries = WalkAll(**tree, d);
  ExpectKnownFiles(**tree, entries);
  ExpectSortedAndCited(entries, 0);
  // sha256 of the original files on disk, computed independently of the tree.
  for (const auto& [rel, content] : KnownFiles()) {
    EXPECT_EQ(ReadSha256(**tree, *FindEntry(entries, rel)),
              hashing::Sha256Hex(ReadFileOrDie(src + "/" + rel)));
  }
  const TriageEntry* a = FindEntry(entries, "a.txt");
  EXPECT_EQ(a->fs_type, "ext4");
  EXPECT_TRUE(a->crtime.has_value());
  const TriageEntry* link = FindEntry(entries, "link");
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(link->file_type, "symlink");
  EXPECT_EQ(link->symlink_target, "a.txt");
  const TriageEntry* latin1 = FindEntry(entries, "caf\\xe9.txt");
  ASSERT_NE(latin1, nullptr);
  EXPECT_EQ(latin1->raw_path_hex, "636166e92e747874");
  EXPECT_EQ(ReadSha256(**tree, *latin1), hashing::Sha256Hex("latin1 name\n"));
  const TriageEntry* gone = FindEntry(entries, "docs/old.txt", /*deleted=*/true);
  ASSERT_NE(gone, nullptr);
  EXPECT_EQ(gone->problem, "");  // debugfs rm leaves the inode's extents: still addressable
  EXPECT_EQ(ReadSha256(**tree, *gone), hashing::Sha256Hex("gone soon\n"));
  EXPECT_EQ(FindEntry(entries, "lost+found"), nullptr);  // folders are not entries
}

TEST(ImageTreeTest, DeletedNameWhoseInodeWasReusedIsNotRecoverable) {
  TRIAGE_REQUIRE_TOOL("mkfs.ext4");
  TRIAGE_REQUIRE_TOOL("debugfs");
  TempDir dir("triage-ext4-reuse");
  std::string src = dir / "ext-src";
  WriteSourceTree(src);
  WriteFile(src + "/docs/old.txt", "gone soon\n");
  WriteFile(dir / "fresh.txt", "new data\n");
  std::string image = dir / "ext4.img";
  ASSERT_TRUE(RunShell("truncate -s 16M " + ShellQuote(image)));
  ASSERT_TRUE(RunShell("mkfs.ext4 -q -F -d " + ShellQuote(src) + " " + ShellQuote(image)));
  ASSERT_TRUE(RunShell("debugfs -w -R 'rm /docs/old.txt' " + ShellQuote(image)));
  // debugfs gives the new file the lowest free inode: the one old.txt had.
  ASSERT_TRUE(RunShell("cd " + ShellQuote(dir.path()) + " && debugfs -w -R 'write fresh.txt fresh.txt' " +
                       ShellQuote(image)));
  auto tree = OpenFileTree(image);
  ASSERT_TRUE(tree.ok()) << tree.error().ToString();
  Diagnostics d;
  auto entries = WalkAll(**tree, d);
  const TriageEntry* gone = FindEntry(entries, "docs/old.txt", /*deleted=*/true);
  const TriageEntry* fresh = FindEntry(entries, "fresh.txt");
  ASSERT_NE(gone, nullptr);
  ASSERT_NE(fresh, nullptr);
  ASSERT_EQ(gone->inode, fresh->inode);
  EXPECT_EQ(gone->problem, "content not recoverable: metadata reused by another file");
  EXPECT_FALSE((*tree)->Read(*gone, [](std::string_view) {}).ok());
  EXPECT_EQ(ReadSha256(**tree, *fresh), hashing::Sha256Hex("new data\n"));
}

TEST(ImageTreeTest, E01OfTheFatImageGivesTheSameFilesAndDigests) {
  TRIAGE_REQUIRE_TOOL("mkfs.fat");
  TRIAGE_REQUIRE_TOOL("mcopy");
  TRIAGE_REQUIRE_TOOL("ewfacquire");
  TempDir dir("triage-e01");
  std::string image = dir / "fat.img";
  BuildFatImage(dir, image);
  ASSERT_TRUE(RunShell("ewfacquire -u -q -c fast -f encase6 -t " + ShellQuote(dir / "fat") + " " +
                  ShellQuote(image)));
  auto segments = ExhibitSegments(dir / "fat.E01");
  ASSERT_TRUE(segments.ok()) << segments.error().ToString();
  EXPECT_EQ(*segments, std::vector<std::string>{dir / "fat.E01"});

  auto raw = OpenFileTree(image);
  auto ewf = OpenFileTree(dir / "fat.E01");
  ASSERT_TRUE(raw.ok() && ewf.ok()) << (ewf.ok() ? "" : ewf.error().ToString());
  EXPECT_EQ((*ewf)->kind(), "ewf-image");
  Diagnostics d;
  auto raw_entries = WalkAll(**raw, d);
  auto ewf_entries = WalkAll(**ewf, d);
  ASSERT_EQ(raw_entries.size(), ewf_entries.size());
  for (size_t idx = 0; idx < raw_entries.size(); ++idx) {
    EXPECT_EQ(raw_entries[idx].locator, ewf_entries[idx].locator);
    EXPECT_EQ(raw_entries[idx].deleted, ewf_entries[idx].deleted);
    EXPECT_EQ(ReadSha256(**raw, raw_entries[idx]), ReadSha256(**ewf, ewf_entries[idx]));
  }
  ExpectKnownFiles(**ewf, ewf_entries);
  // The acquisition MD5 stored in the E01 is the MD5 of the raw image.
  auto* ewf_tree = dynamic_cast<const ImageTree*>(ewf->get());
  ASSERT_NE(ewf_tree, nullptr);
  hashing::Digest md5(hashing::Digest::Algorithm::kMd5);
  md5.Update(ReadFileOrDie(image));
  EXPECT_EQ(ewf_tree->stored_md5(), md5.FinishHex());
}

TEST(ImageTreeTest, TruncatedE01IsACleanError) {
  TRIAGE_REQUIRE_TOOL("mkfs.fat");
  TRIAGE_REQUIRE_TOOL("mcopy");
  TRIAGE_REQUIRE_TOOL("ewfacquire");
  TempDir dir("triage-e01-cut");
  std::string image = dir / "fat.img";
  BuildFatImage(dir, image);
  ASSERT_TRUE(RunShell("ewfacquire -u -q -c fast -f encase6 -t " + ShellQuote(dir / "full") + " " +
                  ShellQuote(image)));
  std::string whole = ReadFileOrDie(dir / "full.E01");
  WriteFile(dir / "cut.E01", whole.substr(0, whole.size() / 2));
  auto tree = OpenFileTree(dir / "cut.E01");
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(tree.error().where().file, dir / "cut.E01");
  EXPECT_NE(tree.error().message().find("E01"), std::string::npos) << tree.error().ToString();
}

TEST(ImageTreeTest, RandomBytesAreNotAnImage) {
  TempDir dir("triage-corrupt");
  std::string noise(1 << 20, '\0');
  uint32_t x = 7;
  for (char& c : noise) {
    x = x * 1664525u + 1013904223u;
    c = static_cast<char>(x >> 24);
  }
  WriteFile(dir / "noise.img", noise);
  auto tree = OpenFileTree(dir / "noise.img");
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(tree.error().where().file, dir / "noise.img");
  EXPECT_NE(tree.error().message().find("no file system"), std::string::npos)
      << tree.error().ToString();

  WriteFile(dir / "notes.txt", "just a text file, not an image\n");
  auto text = OpenFileTree(dir / "notes.txt");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message().find("not a folder or a disk image"), std::string::npos)
      << text.error().ToString();

  WriteFile(dir / "zero.dd", "");
  auto zero = OpenFileTree(dir / "zero.dd");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().where().file, dir / "zero.dd");

  auto missing = OpenFileTree(dir / "absent.E01");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind(), ErrorKind::kNotFound);
}

TEST(ImageTreeTest, TruncatedRawImageFailsMidFileNamingPathAndOffset) {
  TRIAGE_REQUIRE_TOOL("mkfs.fat");
  TRIAGE_REQUIRE_TOOL("mcopy");
  TempDir dir("triage-raw-cut");
  std::string image = dir / "fat.img";
  BuildFatImage(dir, image);
  // The 2.5 MB file runs past the first 2 MiB, where the copy ends.
  WriteFile(dir / "cut.img", ReadFileOrDie(image).substr(0, 2 << 20));
  auto tree = OpenFileTree(dir / "cut.img");
  ASSERT_TRUE(tree.ok()) << tree.error().ToString();
  Diagnostics d;
  auto entries = WalkAll(**tree, d);
  const TriageEntry* big = FindEntry(entries, "docs/big.bin");
  ASSERT_NE(big, nullptr);
  uint64_t bytes_seen = 0;
  auto status = (*tree)->Read(*big, [&](std::string_view c) { bytes_seen += c.size(); });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().where().file, "docs/big.bin");
  EXPECT_EQ(status.error().where().place, "byte " + std::to_string(bytes_seen));
  EXPECT_NE(status.error().message().find(dir / "cut.img"), std::string::npos);
  // Files wholly inside the copy still read.
  EXPECT_EQ(ReadSha256(**tree, *FindEntry(entries, "a.txt")), hashing::Sha256Hex("alpha\n"));
}

TEST(ImageTreeTest, FatImageWithAGarbledFatIsNoCrash) {
  TRIAGE_REQUIRE_TOOL("mkfs.fat");
  TRIAGE_REQUIRE_TOOL("mcopy");
  TempDir dir("triage-garbled");
  std::string image = dir / "fat.img";
  BuildFatImage(dir, image);
  std::string bytes = ReadFileOrDie(image);
  for (size_t pos = 512; pos < 64 * 1024 && pos < bytes.size(); ++pos) bytes[pos] = '\xff';
  WriteFile(image, bytes);
  auto tree = OpenFileTree(image);
  if (!tree.ok()) return;  // refused cleanly at open
  Diagnostics d;
  std::vector<TriageEntry> entries;
  ASSERT_TRUE((*tree)->Walk([&](const TriageEntry& e) { entries.push_back(e); return true; }, d).ok());
  for (const auto& e : entries) {
    if (e.problem.empty() && e.file_type == "file") (void)ReadSha256(**tree, e);  // error or bytes
  }
}

TEST(ImageTreeTest, SplitRawSetIsReadAcrossSegments) {
  TRIAGE_REQUIRE_TOOL("mkfs.fat");
  TRIAGE_REQUIRE_TOOL("mcopy");
  TempDir dir("triage-split");
  std::string image = dir / "fat.img";
  BuildFatImage(dir, image);
  ASSERT_TRUE(RunShell("cd " + ShellQuote(dir.path()) +
                  " && split -b 3M -d -a 3 --numeric-suffixes=1 fat.img part."));
  auto segments = ExhibitSegments(dir / "part.001");
  ASSERT_TRUE(segments.ok());
  EXPECT_EQ(*segments, (std::vector<std::string>{dir / "part.001", dir / "part.002", dir / "part.003"}));
  auto tree = OpenFileTree(dir / "part.001");
  ASSERT_TRUE(tree.ok()) << tree.error().ToString();
  Diagnostics d;
  auto entries = WalkAll(**tree, d);
  ExpectKnownFiles(**tree, entries);
}

// An MBR with one FAT16 partition starting at sector 2048 (1 MiB), written by hand so the
// test needs neither sfdisk nor parted.
std::string MbrWithOnePartition(uint32_t start_sector, uint32_t sector_count) {
  std::string mbr(512, '\0');
  auto put32 = [&](size_t at, uint32_t v) {
    for (int byte_idx = 0; byte_idx < 4; ++byte_idx) mbr[at + byte_idx] = static_cast<char>(v >> (8 * byte_idx));
  };
  mbr[446] = '\x00';  // not bootable
  mbr[446 + 4] = '\x0e';  // FAT16 (LBA)
  put32(446 + 8, start_sector);
  put32(446 + 12, sector_count);
  mbr[510] = '\x55';
  mbr[511] = '\xaa';
  return mbr;
}

TEST(ImageTreeTest, PartitionedImageCitesTheFileSystemOffset) {
  TRIAGE_REQUIRE_TOOL("mkfs.fat");
  TRIAGE_REQUIRE_TOOL("mcopy");
  TempDir dir("triage-mbr");
  std::string fat = dir / "fat.img";
  BuildFatImage(dir, fat);
  std::string fs_bytes = ReadFileOrDie(fat);
  std::string disk = MbrWithOnePartition(2048, static_cast<uint32_t>(fs_bytes.size() / 512));
  disk.resize(1 << 20, '\0');
  disk += fs_bytes;
  disk.resize(disk.size() + (1 << 20), '\0');  // unpartitioned space after the volume
  WriteFile(dir / "disk.dd", disk);
  auto tree = OpenFileTree(dir / "disk.dd");
  ASSERT_TRUE(tree.ok()) << tree.error().ToString();
  auto* image = dynamic_cast<const ImageTree*>(tree->get());
  ASSERT_NE(image, nullptr);
  EXPECT_EQ(image->fs_offsets(), std::vector<uint64_t>{1048576});
  Diagnostics d;
  auto entries = WalkAll(**tree, d);
  ExpectKnownFiles(**tree, entries);
  ExpectSortedAndCited(entries, 1048576);
  EXPECT_EQ(FindEntry(entries, "a.txt")->locator.rfind("offset 1048576 inode ", 0), 0u);
}

TEST(ImageTreeTest, ReadRefusesEntriesOfAnotherFileSystem) {
  TRIAGE_REQUIRE_TOOL("mkfs.fat");
  TempDir dir("triage-foreign");
  std::string image = dir / "fat.img";
  ASSERT_TRUE(RunShell("mkfs.fat -C " + ShellQuote(image) + " 1024"));
  auto tree = OpenFileTree(image);
  ASSERT_TRUE(tree.ok()) << tree.error().ToString();
  TriageEntry e;
  e.path = "x";
  e.file_type = "file";
  e.fs_offset = 4096;
  e.inode = 3;
  EXPECT_FALSE((*tree)->Read(e, [](std::string_view) {}).ok());
  e.fs_offset = 0;
  e.inode = 999999999;
  EXPECT_FALSE((*tree)->Read(e, [](std::string_view) {}).ok());
}

}  // namespace
}  // namespace casegraph::triage
