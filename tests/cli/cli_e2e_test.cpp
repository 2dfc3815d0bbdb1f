// End-to-end: the casegraph binary as an examiner runs it, checking exit codes, --json
// documents (parsed with simdjson) and that failures leave the workspace unchanged.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <filesystem>

#include "testutil/testutil.h"

namespace casegraph {
namespace {

using testing::RunCli;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

const char* kChat = R"({
 "name": "Deniz",
 "type": "personal_chat",
 "id": 7770001,
 "messages": [
  {"id": 10, "type": "message", "date": "2025-05-01T10:00:00", "date_unixtime": "1746082800",
   "from": "Deniz", "from_id": "user7770001", "text": "Selam, yarın okulda görüşürüz"},
  {"id": 11, "type": "message", "date": "2025-05-01T10:05:00", "date_unixtime": "1746083100",
   "from": "Ece", "from_id": "user7770002", "text": "Tamam, kimseye söyleme"}
 ]
})";

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("cg-cli");
    ws_ = "-w " + Quote(dir_ + "/w.db");
    std::filesystem::create_directories(dir_ + "/export");
    testing::WriteFile(dir_ + "/export/result.json", kChat);
    ASSERT_EQ(RunCli(ws_ + " case add CASE-1 --title 'first'").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " subject add --case CASE-1 D.R. --born 2011 --role suspect").exit_code, 0);
  }
  std::string dir_, ws_;
};

TEST_F(CliTest, IngestStatsSearchShowVerify) {
  testing::CliRun ingest = RunCli(ws_ + " ingest --case CASE-1 --owner D.R. --json " + Quote(dir_ + "/export"));
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(ingest.out).get(doc), simdjson::SUCCESS) << ingest.out;
  simdjson::dom::element ex = doc["exhibits"].at(0);
  EXPECT_EQ(std::string_view(ex["status"]), "ingested");
  EXPECT_EQ(int64_t(ex["messages"]), 2);
  EXPECT_EQ(std::string_view(ex["format"]), "telegram-json");
  EXPECT_EQ(std::string_view(ex["sha256"]).size(), 64u);
  EXPECT_TRUE(ex["error"].is_null());

  testing::CliRun again = RunCli(ws_ + " ingest --case CASE-1 --json " + Quote(dir_ + "/export"));
  ASSERT_EQ(again.exit_code, 0);
  ASSERT_EQ(parser.parse(again.out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(doc["exhibits"].at(0)["status"]), "already-ingested");

  testing::CliRun stats = RunCli(ws_ + " stats --json");
  ASSERT_EQ(stats.exit_code, 0);
  ASSERT_EQ(parser.parse(stats.out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(int64_t(doc["cases"].at(0)["messages"]), 2);
  EXPECT_EQ(int64_t(doc["cases"].at(0)["exhibits"]), 1);

  testing::CliRun accounts = RunCli(ws_ + " accounts --case CASE-1 --json");
  ASSERT_EQ(accounts.exit_code, 0);
  ASSERT_EQ(parser.parse(accounts.out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(simdjson::dom::array(doc["accounts"]).size(), 2u);

  testing::CliRun search = RunCli(ws_ + " search 'KİMSEYE' --json");
  ASSERT_EQ(search.exit_code, 0);
  ASSERT_EQ(parser.parse(search.out).get(doc), simdjson::SUCCESS) << search.out;
  EXPECT_EQ(int64_t(doc["total"]), 1);
  simdjson::dom::element hit = doc["hits"].at(0);
  EXPECT_EQ(std::string_view(hit["sent_at"]), "2025-05-01T07:05:00Z");
  EXPECT_EQ(std::string_view(hit["sender_ref"]), "telegram:user7770002");
  std::string citation{std::string_view(hit["citation"]["text"])};
  EXPECT_EQ(std::string_view(hit["citation"]["locator"]), "/messages/1");

  testing::CliRun show = RunCli(ws_ + " show " + Quote(citation));
  ASSERT_EQ(show.exit_code, 0) << citation;
  EXPECT_NE(show.out.find("\"id\": 11"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("kimseye söyleme"), std::string::npos) << show.out;

  testing::CliRun verify = RunCli(ws_ + " verify --json");
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  ASSERT_EQ(parser.parse(verify.out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(doc["audit"]["chain"]), "ok");
  EXPECT_EQ(int64_t(doc["audit"]["entries"]), 3);  // case add, subject add, ingest
}

TEST_F(CliTest, VerifyReportsModifiedAndMissingExhibits) {
  ASSERT_EQ(RunCli(ws_ + " ingest --case CASE-1 " + Quote(dir_ + "/export")).exit_code, 0);
  testing::WriteFile(dir_ + "/export/extra.txt", "planted later");
  testing::CliRun verify = RunCli(ws_ + " verify --json");
  EXPECT_EQ(verify.exit_code, 1);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(verify.out).get(doc), simdjson::SUCCESS) << verify.out;
  EXPECT_EQ(std::string_view(doc["exhibits"].at(0)["status"]), "modified");
  EXPECT_EQ(std::string_view(doc["exhibits"].at(0)["changed"].at(0)), "added: extra.txt");

  std::filesystem::remove_all(dir_ + "/export");
  verify = RunCli(ws_ + " verify --json");
  EXPECT_EQ(verify.exit_code, 1);
  ASSERT_EQ(parser.parse(verify.out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(doc["exhibits"].at(0)["status"]), "missing");
}

TEST_F(CliTest, FailedIngestExitsOneAndChangesNothing) {
  testing::WriteFile(dir_ + "/trunc.json", std::string(kChat).substr(0, 200));
  const std::string before = RunCli(ws_ + " stats --json").out;
  testing::CliRun r = RunCli(ws_ + " ingest --case CASE-1 --json " + Quote(dir_ + "/trunc.json"));
  EXPECT_EQ(r.exit_code, 1);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(r.out).get(doc), simdjson::SUCCESS) << r.out;
  EXPECT_EQ(std::string_view(doc["exhibits"].at(0)["status"]), "failed");
  EXPECT_FALSE(std::string_view(doc["exhibits"].at(0)["error"]["location"]).empty());
  EXPECT_EQ(RunCli(ws_ + " stats --json").out, before);
  EXPECT_EQ(RunCli(ws_ + " verify").exit_code, 0);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunCli(ws_ + " ingest").exit_code, 2);
  EXPECT_EQ(RunCli(ws_ + " no-such-command").exit_code, 2);
  EXPECT_EQ(RunCli(ws_ + " search").exit_code, 2);
}

TEST_F(CliTest, TamperedAuditLogFailsVerify) {
  ASSERT_EQ(RunCli(ws_ + " ingest --case CASE-1 " + Quote(dir_ + "/export")).exit_code, 0);
  std::string sql = "sqlite3 " + Quote(dir_ + "/w.db") + " \"UPDATE audit_log SET actor='x' WHERE id=1\"";
  if (std::system(sql.c_str()) != 0) GTEST_SKIP() << "sqlite3 shell not installed";
  testing::CliRun verify = RunCli(ws_ + " verify --json");
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.out.find("\"chain\":\"broken\""), std::string::npos) << verify.out;
}

}  // namespace
}  // namespace casegraph
