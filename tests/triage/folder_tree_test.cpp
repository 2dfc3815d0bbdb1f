#include "triage/folder_tree.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "hashing/digest.h"
#include "triage/triage_test_util.h"

namespace casegraph::triage {
namespace {

using casegraph::testing::WriteFile;
using testing::FindEntry;
using testing::ReadSha256;
using testing::TempDir;
using testing::WalkAll;

std::vector<std::string> Paths(const std::vector<TriageEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.path);
  return out;
}

TEST(FolderTreeTest, NestedFilesSortedByPathBytesWithSizesAndTimes) {
  TempDir dir("triage-folder");
  ASSERT_EQ(::mkdir((dir / "a").c_str(), 0755), 0);
  ASSERT_EQ(::mkdir((dir / "a/sub").c_str(), 0755), 0);
  WriteFile(dir / "a/sub/deep.txt", "deep");
  WriteFile(dir / "a.txt", "dot sorts before slash");
  WriteFile(dir / "a0", "zero sorts after slash");
  WriteFile(dir / "B.txt", "upper case first");
  WriteFile(dir / "empty", "");
  FolderTree tree(dir.path());
  Diagnostics d;
  auto entries = WalkAll(tree, d);
  EXPECT_EQ(Paths(entries),
            (std::vector<std::string>{"B.txt", "a.txt", "a/sub/deep.txt", "a0", "empty"}));
  EXPECT_EQ(d.count(), 0u);
  const TriageEntry* deep = FindEntry(entries, "a/sub/deep.txt");
  ASSERT_NE(deep, nullptr);
  EXPECT_EQ(deep->file_type, "file");
  EXPECT_EQ(deep->size_bytes, 4u);
  EXPECT_EQ(deep->locator, "a/sub/deep.txt");
  EXPECT_TRUE(deep->mtime.has_value());
  EXPECT_TRUE(deep->atime.has_value());
  EXPECT_TRUE(deep->ctime.has_value());
  EXPECT_FALSE(deep->inode.has_value());
  EXPECT_EQ(ReadSha256(tree, *deep), hashing::Sha256Hex("deep"));
  const TriageEntry* empty = FindEntry(entries, "empty");
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(empty->size_bytes, 0u);
  EXPECT_TRUE(empty->problem.empty());
  EXPECT_EQ(ReadSha256(tree, *empty), hashing::Sha256Hex(""));
}

TEST(FolderTreeTest, VisitorCanStopTheWalk) {
  TempDir dir("triage-stop");
  WriteFile(dir / "1", "x");
  WriteFile(dir / "2", "y");
  FolderTree tree(dir.path());
  Diagnostics d;
  int seen = 0;
  ASSERT_TRUE(tree.Walk([&](const TriageEntry&) { ++seen; return false; }, d).ok());
  EXPECT_EQ(seen, 1);
}

TEST(FolderTreeTest, SymlinkLoopsAreListedNotFollowed) {
  TempDir dir("triage-loop");
  ASSERT_EQ(::mkdir((dir / "d").c_str(), 0755), 0);
  WriteFile(dir / "d/file.txt", "inside");
  ASSERT_EQ(::symlink(".", (dir / "d/a").c_str()), 0);
  ASSERT_EQ(::symlink("b", (dir / "d/b").c_str()), 0);
  ASSERT_EQ(::symlink("..", (dir / "d/up").c_str()), 0);
  FolderTree tree(dir.path());
  Diagnostics d;
  auto entries = WalkAll(tree, d);
  EXPECT_EQ(Paths(entries), (std::vector<std::string>{"d/a", "d/b", "d/file.txt", "d/up"}));
  const TriageEntry* a = FindEntry(entries, "d/a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->file_type, "symlink");
  EXPECT_EQ(a->symlink_target, ".");
  EXPECT_EQ(FindEntry(entries, "d/b")->symlink_target, "b");
  // Reading a symlink is refused, not followed.
  EXPECT_EQ(ReadSha256(tree, *a).rfind("error:", 0), 0u);
}

TEST(FolderTreeTest, FifoAndSocketAreListedButNeverOpened) {
  TempDir dir("triage-fifo");
  ASSERT_EQ(::mkfifo((dir / "pipe").c_str(), 0644), 0);
  int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::string sock_path = dir / "sock";
  ASSERT_LT(sock_path.size(), sizeof(addr.sun_path));
  std::copy(sock_path.begin(), sock_path.end(), addr.sun_path);
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  FolderTree tree(dir.path());
  Diagnostics d;
  auto entries = WalkAll(tree, d);
  ::close(sock);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].file_type, "fifo");
  EXPECT_EQ(entries[1].file_type, "socket");
  // No writer ever opens the FIFO: a blocking open would hang this test.
  auto status = tree.Read(entries[0], [](std::string_view) {});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message().find("fifo"), std::string::npos);
}

TEST(FolderTreeTest, ReadRefusesAFifoSwappedInAfterTheWalk) {
  TempDir dir("triage-swap");
  WriteFile(dir / "x", "regular");
  FolderTree tree(dir.path());
  Diagnostics d;
  auto entries = WalkAll(tree, d);
  ASSERT_EQ(entries.size(), 1u);
  ASSERT_EQ(::unlink((dir / "x").c_str()), 0);
  ASSERT_EQ(::mkfifo((dir / "x").c_str(), 0644), 0);
  EXPECT_FALSE(tree.Read(entries[0], [](std::string_view) {}).ok());  // and does not hang
}

TEST(FolderTreeTest, NonUtf8NameIsEscapedAndStillReadable) {
  TempDir dir("triage-utf8");
  std::string raw_name = "caf\xe9-\xff.txt";  // Latin-1 é and a stray 0xFF
  WriteFile(dir.path() + "/" + raw_name, "latin1 name");
  WriteFile(dir / "ok-\xc3\xa9.txt", "utf8 name");
  FolderTree tree(dir.path());
  Diagnostics d;
  auto entries = WalkAll(tree, d);
  ASSERT_EQ(entries.size(), 2u);
  const TriageEntry* bad = FindEntry(entries, "caf\\xe9-\\xff.txt");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->raw_path_hex, "636166e92dff2e747874");
  EXPECT_EQ(bad->locator, "caf\\xe9-\\xff.txt");
  EXPECT_EQ(ReadSha256(tree, *bad), hashing::Sha256Hex("latin1 name"));
  const TriageEntry* good = FindEntry(entries, "ok-\xc3\xa9.txt");
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(good->raw_path_hex, "");
}

TEST(FolderTreeTest, SparseTenGigabyteFileIsFlaggedAndNotRead) {
  TempDir dir("triage-sparse");
  std::string path = dir / "huge.bin";
  int fd = ::open(path.c_str(), O_CREAT | O_WRONLY, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, off_t{10} * 1000 * 1000 * 1000), 0);  // 10 GB, no block allocated
  ::close(fd);
  FolderTree tree(dir.path());
  Diagnostics d;
  auto entries = WalkAll(tree, d);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].size_bytes, 10'000'000'000u);
  ASSERT_TRUE(entries[0].allocated_bytes.has_value());
  EXPECT_LT(*entries[0].allocated_bytes, 10'000'000'000u / 16);
  EXPECT_EQ(entries[0].problem,
            "sparse file: " + std::to_string(*entries[0].allocated_bytes) +
                " of 10000000000 bytes allocated; not read");
  uint64_t bytes_seen = 0;
  auto status = tree.Read(entries[0], [&](std::string_view c) { bytes_seen += c.size(); });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(bytes_seen, 0u);
}

TEST(FolderTreeTest, SparseRuleThresholds) {
  EXPECT_EQ(SparseProblem(uint64_t{1} << 30, 0, uint64_t{1} << 30), "");  // not over 1 GiB
  EXPECT_EQ(SparseProblem((uint64_t{1} << 30) + 16, (uint64_t{1} << 26) + 1, uint64_t{1} << 30), "");
  EXPECT_NE(SparseProblem(uint64_t{2} << 30, 4096, uint64_t{1} << 30), "");
}

TEST(FolderTreeTest, DepthLimitWarnsAndGoesOn) {
  TempDir dir("triage-depth");
  ASSERT_EQ(::mkdir((dir / "1").c_str(), 0755), 0);
  ASSERT_EQ(::mkdir((dir / "1/2").c_str(), 0755), 0);
  WriteFile(dir / "1/2/too-deep.txt", "x");
  WriteFile(dir / "1/shallow.txt", "y");
  FolderTreeOptions options;
  options.max_depth = 1;
  FolderTree tree(dir.path(), options);
  Diagnostics d;
  auto entries = WalkAll(tree, d);
  EXPECT_EQ(Paths(entries), (std::vector<std::string>{"1/shallow.txt"}));
  ASSERT_EQ(d.count(), 1u);
  EXPECT_EQ(d.warnings()[0].where.file, "1/2");
}

// 0 when the walk lists only open.txt and warns once about "locked"; a code per failure else.
int WalkWithLockedFolder(const std::string& root) {
  FolderTree tree(root);
  Diagnostics d;
  std::vector<std::string> paths;
  auto status = tree.Walk([&](const TriageEntry& e) { paths.push_back(e.path); return true; }, d);
  if (!status.ok()) return 2;
  if (paths != std::vector<std::string>{"open.txt"}) return 3;
  if (d.count() != 1 || d.warnings()[0].where.file != "locked") return 4;
  return 0;
}

TEST(FolderTreeTest, UnreadableFolderIsAWarningAndTheWalkGoesOn) {
  TempDir dir("triage-unreadable");
  ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
  ASSERT_EQ(::mkdir((dir / "locked").c_str(), 0755), 0);
  WriteFile(dir / "locked/secret.txt", "x");
  WriteFile(dir / "open.txt", "y");
  ASSERT_EQ(::chmod((dir / "open.txt").c_str(), 0644), 0);
  ASSERT_EQ(::chmod((dir / "locked").c_str(), 0), 0);
  if (::geteuid() != 0) {
    EXPECT_EQ(WalkWithLockedFolder(dir.path()), 0);
    return;
  }
  // Root reads any folder, so walk as "nobody" in a child process (CI runs tests as root).
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(10);
    if (::access(dir.path().c_str(), R_OK | X_OK) != 0) ::_exit(11);  // TMPDIR closed to others
    ::_exit(WalkWithLockedFolder(dir.path()));
  }
  int wstatus = 0;
  ASSERT_EQ(::waitpid(child, &wstatus, 0), child);
  ASSERT_TRUE(WIFEXITED(wstatus));
  if (WEXITSTATUS(wstatus) == 11) GTEST_SKIP() << "the temp folder is not reachable by nobody";
  EXPECT_EQ(WEXITSTATUS(wstatus), 0) << "2: walk failed, 3: wrong entries, 4: wrong warning, "
                                        "10: could not drop privileges";
}

TEST(FolderTreeTest, ReadRefusesPathsOutsideTheExhibit) {
  TempDir dir("triage-escape");
  FolderTree tree(dir.path());
  TriageEntry e;
  e.path = "../etc/passwd";
  e.file_type = "file";
  EXPECT_FALSE(tree.Read(e, [](std::string_view) {}).ok());
}

TEST(FolderTreeTest, ReadRefusesASymlinkInAParentFolder) {
  TempDir dir("triage-parent-link");
  TempDir outside("triage-outside");
  WriteFile(outside / "target.txt", "outside the exhibit");
  ASSERT_EQ(::symlink(outside.path().c_str(), (dir / "link").c_str()), 0);
  FolderTree tree(dir.path());
  TriageEntry e;
  e.path = "link/target.txt";
  e.file_type = "file";
  EXPECT_FALSE(tree.Read(e, [](std::string_view) {}).ok());
}

}  // namespace
}  // namespace casegraph::triage
