// End-to-end device triage as an examiner runs it: hash sets imported, a folder and a FAT disk
// image scanned, known files hidden, known-bad and PDQ near-duplicates listed with citations
// that `show` resolves, rules hits (path, lexicon in a document, YARA), document text found by
// search, bad input reported per file, a chat attachment matched at ingest, verify and
// re-scan. Images and sets come from ../shared/fixtures/pdq; file systems are built with
// mkfs.fat and mtools (no mounting).
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "hashing/digest.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

namespace fs = std::filesystem;
using testing::RunCli;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// `show --json` carries the record as a JSON string: its own quotes arrive escaped.
constexpr const char* kUnchanged = "\\\"unchanged\\\":true";

// The full-resolution PDQ of the bridge photo (python-threatexchange / HMA pipeline).
constexpr const char* kBridgePdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

constexpr const char* kRules = R"(
[[path_rule]]
name = "attack tactics folder"
patterns = ["attack tactics", "saldırı taktikleri"]

[[lexicon]]
name = "secrecy"
terms = ["tell no one", "kimseye söyleme", "delete this"]

[yara]
files = ["marker.yar"]
)";

constexpr const char* kYara = R"(rule placeholder_marker { strings: $m = "CASEGRAPH-TEST-MARKER" condition: $m })";

bool HaveTool(const std::string& tool) { return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0; }

simdjson::dom::element Parse(simdjson::dom::parser& parser, const std::string& text) {
  simdjson::dom::element doc;
  EXPECT_EQ(parser.parse(text).get(doc), simdjson::SUCCESS) << text;
  return doc;
}

class ScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("cg-scan");
    ws_ = "-w " + Quote(dir_ + "/w.db");
    ASSERT_EQ(RunCli(ws_ + " case add C1").exit_code, 0);
    testing::WriteFile(dir_ + "/rules.toml", kRules);
    testing::WriteFile(dir_ + "/marker.yar", kYara);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The seized folder: a known OS file, a known-bad file, a resized copy of a photo in a PDQ
  // list, a document with a lexicon term in an "attack tactics" folder written in Turkish
  // capitals, a YARA marker, and damage (zero-byte, FIFO, symlink loop, corrupt JPEG,
  // a name that is not UTF-8).
  std::string MakeFolder(const std::string& bridge_small) {
    const std::string root = dir_ + "/phone";
    fs::create_directories(root + "/system");
    fs::create_directories(root + "/DCIM");
    fs::create_directories(root + "/Documents/SALDIRI TAKTİKLERİ");
    testing::WriteFile(root + "/system/os-file.bin", "an operating system file\n");
    testing::WriteFile(root + "/Documents/notes.bin", "known bad placeholder bytes\n");
    fs::copy_file(bridge_small, root + "/DCIM/IMG_0001.jpg");
    testing::WriteFile(root + "/Documents/SALDIRI TAKTİKLERİ/plan.txt", "Placeholder plan. Tell NO one about it.\n");
    testing::WriteFile(root + "/Documents/marker.dat", "xx CASEGRAPH-TEST-MARKER xx");
    testing::WriteFile(root + "/empty.txt", "");
    testing::WriteFile(root + "/DCIM/broken.jpg", std::string("\xFF\xD8\xFF\xE0garbage", 11));
    EXPECT_EQ(mkfifo((root + "/pipe").c_str(), 0600), 0);
    fs::create_symlink(".", root + "/loop");
    testing::WriteFile(root + "/bad-\xff\xfe-name.txt", "name is not UTF-8\n");
    return root;
  }

  void ImportSets(const std::string& root) {
    // A known set (sha256sum, GNU style) and a known-bad set (md5sum, BSD style).
    const std::string os_sha = hashing::Sha256Hex("an operating system file\n");
    testing::WriteFile(dir_ + "/os.sha256", os_sha + "  system/os-file.bin\n");
    auto md5 = hashing::DigestFile(RealFileSystem(), root + "/Documents/notes.bin");
    ASSERT_TRUE(md5);
    auto odd = hashing::DigestFile(RealFileSystem(), root + "/bad-\xff\xfe-name.txt");
    ASSERT_TRUE(odd);
    testing::WriteFile(dir_ + "/bad.md5", "MD5 (notes.bin) = " + md5->md5 + "\n" + odd->md5 + "  odd-name.txt\n");
    testing::WriteFile(dir_ + "/photos.pdq", std::string(kBridgePdq) + ",100,bridge placeholder\n");
    ASSERT_EQ(RunCli(ws_ + " hashset import --name os --kind known " + Quote(dir_ + "/os.sha256")).exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " hashset import --name bad --kind known-bad " + Quote(dir_ + "/bad.md5")).exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " hashset import --name photos --kind alert --format pdq-list " + Quote(dir_ + "/photos.pdq")).exit_code, 0);
  }

  std::string dir_, ws_;
};

TEST_F(ScanTest, FolderKnownBadPdqRulesDocumentsAndDamage) {
  CASEGRAPH_SHARED_OR_SKIP(small, "pdq/images/threatexchange/bridge-mods/shrink-a-little.jpg");
  const std::string root = MakeFolder(small);
  ImportSets(root);

  testing::CliRun scan = RunCli(ws_ + " scan --case C1 --rules " + Quote(dir_ + "/rules.toml") + " --json " + Quote(root));
  ASSERT_EQ(scan.exit_code, 0) << scan.out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = Parse(parser, scan.out);
  EXPECT_EQ(std::string_view(doc["exhibit"]["status"]), "scanned");
  EXPECT_EQ(std::string_view(doc["exhibit"]["kind"]), "folder");
  EXPECT_EQ(int64_t(doc["known_good"]), 1);  // os-file.bin, hidden
  EXPECT_GE(int64_t(doc["files"]["images"]), 1);

  bool exact = false, pdq = false;
  std::string cited, odd_cited;
  for (auto m : doc["matches"].get_array()) {
    const std::string_view path = m["path"];
    EXPECT_NE(path, "system/os-file.bin");  // known files are not listed
    if (path == "Documents/notes.bin") {
      exact = std::string_view(m["kind"]) == "exact" && std::string_view(m["hashset"]) == "bad";
      cited = std::string(std::string_view(m["citation"]["text"]));
    }
    if (path == "bad-\\xff\\xfe-name.txt") odd_cited = std::string(std::string_view(m["citation"]["text"]));
    if (path == "DCIM/IMG_0001.jpg") {
      pdq = std::string_view(m["kind"]) == "pdq" && int64_t(m["distance"]) <= 31;
    }
  }
  EXPECT_TRUE(exact) << scan.out;
  EXPECT_TRUE(pdq) << scan.out;

  bool path_rule = false, lexicon = false, yara = false;
  for (auto h : doc["rule_hits"].get_array()) {
    const std::string_view kind = h["rule_kind"];
    if (kind == "path_rule" && std::string_view(h["path"]).find("SALDIRI") != std::string_view::npos) path_rule = true;
    if (kind == "lexicon" && std::string_view(h["target"]) == "document") lexicon = true;
    if (kind == "yara" && std::string_view(h["path"]) == "Documents/marker.dat") yara = true;
  }
  EXPECT_TRUE(path_rule) << scan.out;
  EXPECT_TRUE(lexicon) << scan.out;
  EXPECT_TRUE(yara) << scan.out;

  // Damage is reported per file; the scan went on.
  std::string problems;
  for (auto p : doc["problems"].get_array()) problems += std::string(std::string_view(p["path"])) + "|";
  EXPECT_NE(problems.find("pipe|"), std::string::npos) << problems;
  EXPECT_NE(problems.find("loop|"), std::string::npos) << problems;
  EXPECT_NE(problems.find("DCIM/broken.jpg|"), std::string::npos) << problems;

  // The citation resolves, and the file read again still has its hash.
  ASSERT_FALSE(cited.empty());
  testing::CliRun show = RunCli(ws_ + " show --json " + Quote(cited));
  ASSERT_EQ(show.exit_code, 0) << show.out;
  EXPECT_NE(show.out.find(kUnchanged), std::string::npos) << show.out;

  // A name that is not UTF-8 is shown escaped, and read again through its raw bytes.
  ASSERT_FALSE(odd_cited.empty()) << scan.out;
  show = RunCli(ws_ + " show --json " + Quote(odd_cited));
  ASSERT_EQ(show.exit_code, 0) << show.out;
  EXPECT_NE(show.out.find(kUnchanged), std::string::npos) << show.out;

  // The document's text is searchable, as a file hit.
  testing::CliRun search = RunCli(ws_ + " search --json 'placeholder plan'");
  ASSERT_EQ(search.exit_code, 0);
  EXPECT_NE(search.out.find("\"kind\":\"file\""), std::string::npos) << search.out;

  EXPECT_EQ(RunCli(ws_ + " verify").exit_code, 0);
  testing::CliRun again = RunCli(ws_ + " scan --case C1 --json " + Quote(root));
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("already-scanned"), std::string::npos) << again.out;
}

TEST_F(ScanTest, FatImageWithDeletedFile) {
  if (!HaveTool("mkfs.fat") || !HaveTool("mcopy")) {
    if (testing::SharedRequired()) FAIL() << "mkfs.fat / mtools missing (scripts/setup-debian.sh)";
    GTEST_SKIP() << "mkfs.fat / mtools missing";
  }
  const std::string img = dir_ + "/card.img";
  testing::WriteFile(dir_ + "/keep.txt", "kept placeholder\n");
  testing::WriteFile(dir_ + "/gone.txt", "deleted placeholder, tell no one\n");
  const std::string q = Quote(img);
  ASSERT_EQ(std::system(("mkfs.fat -C " + q + " 4096 >/dev/null && mmd -i " + q + " ::/DOCS && mcopy -i " + q + " " +
                         Quote(dir_ + "/keep.txt") + " ::/DOCS/KEEP.TXT && mcopy -i " + q + " " + Quote(dir_ + "/gone.txt") +
                         " ::/DOCS/GONE.TXT && mdel -i " + q + " ::/DOCS/GONE.TXT")
                            .c_str()),
            0);
  auto kept = hashing::DigestFile(RealFileSystem(), dir_ + "/keep.txt");
  ASSERT_TRUE(kept);
  testing::WriteFile(dir_ + "/bad.sha1", kept->sha1 + " *KEEP.TXT\n");
  ASSERT_EQ(RunCli(ws_ + " hashset import --name bad --kind known-bad " + Quote(dir_ + "/bad.sha1")).exit_code, 0);

  testing::CliRun scan = RunCli(ws_ + " scan --case C1 --json " + q);
  ASSERT_EQ(scan.exit_code, 0) << scan.out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = Parse(parser, scan.out);
  EXPECT_EQ(std::string_view(doc["exhibit"]["kind"]), "raw-image");
  EXPECT_GE(int64_t(doc["files"]["deleted"]), 1) << scan.out;
  ASSERT_EQ(doc["matches"].get_array().size(), 1u) << scan.out;
  simdjson::dom::element m = doc["matches"].at(0);
  const std::string_view locator = m["citation"]["locator"];
  EXPECT_NE(locator.find("inode"), std::string_view::npos) << locator;
  EXPECT_NE(locator.find("KEEP.TXT"), std::string_view::npos) << locator;
  testing::CliRun show = RunCli(ws_ + " show --json " + Quote(std::string(std::string_view(m["citation"]["text"]))));
  ASSERT_EQ(show.exit_code, 0) << show.out;
  EXPECT_NE(show.out.find(kUnchanged), std::string::npos) << show.out;
  EXPECT_EQ(RunCli(ws_ + " verify").exit_code, 0);
}

TEST_F(ScanTest, CorruptImageFailsAndLeavesWorkspaceUnchanged) {
  std::string junk(1 << 20, '\0');
  for (size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 2654435761u) >> 13);
  testing::WriteFile(dir_ + "/junk.dd", junk);
  const std::string before = RunCli(ws_ + " stats --json").out;
  testing::CliRun scan = RunCli(ws_ + " scan --case C1 --json " + Quote(dir_ + "/junk.dd"));
  EXPECT_EQ(scan.exit_code, 1) << scan.out;
  EXPECT_NE(scan.out.find("junk.dd"), std::string::npos) << scan.out;
  EXPECT_EQ(RunCli(ws_ + " stats --json").out, before);
  EXPECT_EQ(RunCli(ws_ + " scan --case NOPE " + Quote(dir_)).exit_code, 1);
}

// A photo sent in a Telegram chat whose PDQ is in an alert set is listed with the message
// that carried it.
TEST_F(ScanTest, ChatAttachmentMatchedAtIngest) {
  CASEGRAPH_SHARED_OR_SKIP(photo, "pdq/images/threatexchange/bridge-mods/high-contrast.jpg");
  const std::string exp = dir_ + "/export";
  fs::create_directories(exp + "/photos");
  fs::copy_file(photo, exp + "/photos/photo_1.jpg");
  testing::WriteFile(exp + "/result.json", R"({"name": "Deniz", "type": "personal_chat", "id": 7770001, "messages": [
 {"id": 5, "type": "message", "date": "2025-05-01T10:00:00", "date_unixtime": "1746082800", "from": "Deniz",
  "from_id": "user7770001", "photo": "photos/photo_1.jpg", "width": 1600, "height": 1004, "text": ""}]})");
  testing::WriteFile(dir_ + "/photos.pdq", std::string("hash=") + kBridgePdq + "\n");
  ASSERT_EQ(RunCli(ws_ + " hashset import --name photos --kind alert --format pdq-list " + Quote(dir_ + "/photos.pdq")).exit_code, 0);
  testing::CliRun ingest = RunCli(ws_ + " ingest --case C1 --json " + Quote(exp));
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  testing::CliRun matches = RunCli(ws_ + " matches --case C1 --json");
  ASSERT_EQ(matches.exit_code, 0);
  simdjson::dom::parser parser;
  simdjson::dom::element doc = Parse(parser, matches.out);
  ASSERT_EQ(doc["matches"].get_array().size(), 1u) << matches.out;
  simdjson::dom::element m = doc["matches"].at(0);
  EXPECT_EQ(std::string_view(m["carrier"]), "attachment");
  EXPECT_EQ(std::string_view(m["kind"]), "pdq");
  EXPECT_EQ(std::string_view(m["citation"]["locator"]), "/messages/0");
  EXPECT_EQ(RunCli(ws_ + " show " + Quote(std::string(std::string_view(m["citation"]["text"])))).exit_code, 0);
}

}  // namespace
}  // namespace casegraph
