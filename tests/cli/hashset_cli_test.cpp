// End-to-end: `hashset import/list/remove` through the casegraph binary: JSON documents,
// exit codes (1 bad input naming the file and line, 2 usage), re-matching of an ingested
// attachment, NSRL in place, and failures that leave the workspace unchanged.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>

#include "hashing/digest.h"
#include "store/sqlite_util.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

using testing::RunCli;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

const char* kPhotoBytes = "placeholder picture bytes for the hash-set test";

const char* kChat = R"({
 "name": "Deniz", "type": "personal_chat", "id": 7770001,
 "messages": [
  {"id": 10, "type": "message", "date": "2025-05-01T10:00:00", "date_unixtime": "1746082800",
   "from": "Deniz", "from_id": "user7770001", "text": "", "photo": "photos/photo_1.jpg"}
 ]
})";

class HashsetCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("cg-hashset-cli");
    ws_ = "-w " + Quote(dir_ + "/w.db");
    std::filesystem::create_directories(dir_ + "/export/photos");
    testing::WriteFile(dir_ + "/export/result.json", kChat);
    testing::WriteFile(dir_ + "/export/photos/photo_1.jpg", kPhotoBytes);
    hashing::MultiDigest d;
    d.Update(kPhotoBytes);
    photo_ = d.Finish();
    ASSERT_EQ(RunCli(ws_ + " case add CASE-1").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " ingest --case CASE-1 --no-refresh " + Quote(dir_ + "/export")).exit_code, 0);
  }
  std::string Write(const std::string& name, const std::string& content) {
    testing::WriteFile(dir_ + "/" + name, content);
    return Quote(dir_ + "/" + name);
  }
  std::string dir_, ws_;
  model::FileDigests photo_;
  simdjson::dom::parser parser_;
};

TEST_F(HashsetCliTest, ImportMatchesIngestedAttachmentListAndRemove) {
  const std::string set = Write("bad.md5", "# placeholder set\r\n" + Upper(photo_.md5) + "  photo_1.jpg\r\nnot-a-hash\r\n");
  testing::CliRun imp = RunCli(ws_ + " hashset import --name lab-set --kind known-bad --json " + set);
  ASSERT_EQ(imp.exit_code, 0) << imp.out;
  simdjson::dom::element doc;
  ASSERT_EQ(parser_.parse(imp.out).get(doc), simdjson::SUCCESS) << imp.out;
  EXPECT_EQ(std::string_view(doc["status"]), "imported");
  EXPECT_EQ(int64_t(doc["matched_files"]), 1);
  simdjson::dom::element hs = doc["hashset"];
  EXPECT_EQ(std::string_view(hs["name"]), "lab-set");
  EXPECT_EQ(std::string_view(hs["kind"]), "known-bad");
  EXPECT_EQ(std::string_view(hs["format"]), "md5sum");
  EXPECT_EQ(int64_t(hs["entries"]), 1);
  EXPECT_FALSE(bool(hs["in_place"]));
  EXPECT_TRUE(hs["layout"].is_null());
  EXPECT_EQ(std::string_view(hs["source_sha256"]).size(), 64u);
  simdjson::dom::array warnings = doc["warnings"];
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(std::string_view(warnings.at(0)["locator"]), "line 3");

  testing::CliRun again = RunCli(ws_ + " hashset import --name other --kind alert --json " + set);
  ASSERT_EQ(again.exit_code, 0);
  ASSERT_EQ(parser_.parse(again.out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(doc["status"]), "already-imported");
  EXPECT_EQ(std::string_view(doc["hashset"]["name"]), "lab-set");

  testing::CliRun list = RunCli(ws_ + " hashset list --json");
  ASSERT_EQ(list.exit_code, 0);
  ASSERT_EQ(parser_.parse(list.out).get(doc), simdjson::SUCCESS);
  simdjson::dom::array sets = doc["hashsets"];
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(int64_t(sets.at(0)["matched_files"]), 1);
  EXPECT_EQ(RunCli(ws_ + " hashset list --json").out, list.out);  // byte-identical

  EXPECT_EQ(RunCli(ws_ + " hashset remove lab-set").exit_code, 0);
  EXPECT_EQ(RunCli(ws_ + " hashset remove lab-set").exit_code, 1);
  list = RunCli(ws_ + " hashset list --json");
  ASSERT_EQ(parser_.parse(list.out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(simdjson::dom::array(doc["hashsets"]).size(), 0u);
  testing::CliRun verify = RunCli(ws_ + " verify --json");
  ASSERT_EQ(verify.exit_code, 0) << verify.out;
  ASSERT_EQ(parser_.parse(verify.out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(doc["audit"]["chain"]), "ok");
}

TEST_F(HashsetCliTest, NsrlInPlaceDefaultsToKnown) {
  const std::string db_path = dir_ + "/rds_minimal.db";
  {
    store::Db db;
    ASSERT_TRUE(db.Open(db_path, true).ok());
    ASSERT_TRUE(db.Exec("CREATE TABLE FILE (sha256 VARCHAR NOT NULL, sha1 VARCHAR NOT NULL, md5 VARCHAR NOT NULL, crc32 VARCHAR NOT NULL,"
                        " file_name VARCHAR NOT NULL, file_size INTEGER NOT NULL, package_id INTEGER NOT NULL,"
                        " PRIMARY KEY (sha256, sha1, md5, crc32, file_name, file_size, package_id));"
                        "CREATE VIEW DISTINCT_HASH AS SELECT DISTINCT sha256, sha1, md5, crc32 FROM FILE;"
                        "INSERT INTO FILE VALUES('" + Upper(photo_.sha256) + "','" + Upper(photo_.sha1) + "','" +
                        Upper(photo_.md5) + "','00000000','photo.jpg',47,1);")
                    .ok());
  }
  testing::CliRun imp = RunCli(ws_ + " hashset import --name nsrl --json " + Quote(db_path));
  ASSERT_EQ(imp.exit_code, 0) << imp.out;
  simdjson::dom::element doc;
  ASSERT_EQ(parser_.parse(imp.out).get(doc), simdjson::SUCCESS) << imp.out;
  EXPECT_EQ(std::string_view(doc["hashset"]["kind"]), "known");
  EXPECT_EQ(std::string_view(doc["hashset"]["format"]), "nsrl-rds3");
  EXPECT_EQ(std::string_view(doc["hashset"]["layout"]), "minimal");
  EXPECT_TRUE(bool(doc["hashset"]["in_place"]));
  EXPECT_TRUE(doc["hashset"]["source_sha256"].is_null());
  EXPECT_EQ(int64_t(doc["matched_files"]), 1);
}

TEST_F(HashsetCliTest, UsageAndBadInputExitCodesLeaveWorkspaceUnchanged) {
  const std::string good = Write("ok.md5", photo_.md5 + "  x\n");
  testing::CliRun no_kind = RunCli(ws_ + " hashset import --name s " + good, "2>&1");
  EXPECT_EQ(no_kind.exit_code, 2);
  EXPECT_NE(no_kind.out.find("--kind"), std::string::npos);
  EXPECT_EQ(RunCli(ws_ + " hashset import --name s --kind nonsense " + good).exit_code, 2);
  EXPECT_EQ(RunCli(ws_ + " hashset import --name s --kind alert --format nonsense " + good).exit_code, 2);
  EXPECT_EQ(RunCli(ws_ + " hashset import --kind alert " + good).exit_code, 2);  // no --name

  testing::CliRun bad = RunCli(ws_ + " hashset import --name s --kind alert --format sha1sum " + Write("bad.sha1", "abc  x\n"), "2>&1");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("bad.sha1"), std::string::npos);
  EXPECT_NE(bad.out.find("line 1"), std::string::npos);
  EXPECT_EQ(RunCli(ws_ + " hashset import --name s --kind alert " + Quote(dir_ + "/missing.md5")).exit_code, 1);
  testing::CliRun ambiguous = RunCli(ws_ + " hashset import --name s --kind alert " + Write("list.txt", photo_.sha256 + "\n"), "2>&1");
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_NE(ambiguous.out.find("--format"), std::string::npos);

  testing::CliRun list = RunCli(ws_ + " hashset list --json");
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_EQ(list.out, "{\"hashsets\":[]}\n");
}

}  // namespace
}  // namespace casegraph
