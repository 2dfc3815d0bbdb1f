// End-to-end: `ingest --rules` with the shipped example rules on a small synthetic WhatsApp
// export: the hit count in --json, the hit rows citing lines that `show` resolves, and a bad
// rules file stopping the command (exit 1, file:line:col) before anything is ingested.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sqlite3.h>

#include <filesystem>

#include "testutil/testutil.h"

namespace casegraph {
namespace {

using testing::RunCli;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// Synthetic people and neutral text; lines 2 and 4 hold terms of the example "secrecy" lexicon.
constexpr const char* kChat =
    "6/13/24, 10:00 AM - Deniz: see you at school tomorrow\n"
    "6/13/24, 10:01 AM - Ece: Tamam, KİMSEYE SÖYLEME\n"
    "6/13/24, 10:02 AM - Deniz: the undelete thistle is in the garden\n"
    "6/13/24, 10:03 AM - Ece: please Delete This photo and tell no one\n";

class RulesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("cg-rules-cli");
    db_path_ = dir_ + "/w.db";
    ws_ = "-w " + Quote(db_path_);
    std::filesystem::create_directories(dir_ + "/export");
    testing::WriteFile(dir_ + "/export/_chat.txt", kChat);
    ASSERT_EQ(RunCli(ws_ + " case add C1").exit_code, 0);
  }

  std::vector<std::vector<std::string>> Rows(const std::string& sql) {
    std::vector<std::vector<std::string>> rows;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(db_path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW) {
          std::vector<std::string> row;
          for (int col = 0; col < sqlite3_column_count(stmt); ++col) {
            const auto* text = sqlite3_column_text(stmt, col);
            row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
          }
          rows.push_back(std::move(row));
        }
      }
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return rows;
  }

  std::string dir_, db_path_, ws_;
  const std::string example_ = testing::RepoFixture("../../examples/rules/example-rules.toml");
};

TEST_F(RulesCliTest, IngestWithRulesCountsAndCitesLexiconHits) {
  testing::CliRun r = RunCli(ws_ + " ingest --case C1 --tz Europe/Istanbul --rules " + Quote(example_) + " --json " +
                             Quote(dir_ + "/export"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(r.out).get(doc), simdjson::SUCCESS) << r.out;
  simdjson::dom::element ex = doc["exhibits"].at(0);
  EXPECT_EQ(std::string_view(ex["status"]), "ingested");
  EXPECT_EQ(int64_t(ex["messages"]), 4);
  EXPECT_EQ(int64_t(ex["rule_hits"]), 3);

  const auto hits = Rows(
      "SELECT rh.rule_kind, rh.rule_name, rh.matched, rh.target, rh.locator, e.label, e.sha256 FROM rule_hits rh "
      "JOIN exhibits e ON e.id=rh.exhibit_id ORDER BY rh.message_id, rh.matched");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0][0], "lexicon");
  EXPECT_EQ(hits[0][1], "secrecy");
  EXPECT_EQ(hits[0][2], "kimseye söyleme");
  EXPECT_EQ(hits[0][3], "message");
  EXPECT_EQ(hits[1][2], "delete this");
  EXPECT_EQ(hits[2][2], "tell no one");
  EXPECT_EQ(hits[1][4], hits[2][4]);

  // Each hit's citation resolves to the line that holds the term.
  const std::string citation = hits[0][5] + "@" + hits[0][6].substr(0, 12) + "#" + hits[0][4];
  testing::CliRun show = RunCli(ws_ + " show " + Quote(citation));
  ASSERT_EQ(show.exit_code, 0) << citation;
  EXPECT_NE(show.out.find("KİMSEYE SÖYLEME"), std::string::npos) << show.out;

  testing::CliRun verify = RunCli(ws_ + " verify --json");
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
}

TEST_F(RulesCliTest, TextOutputSaysHowManyHits) {
  testing::CliRun r = RunCli(ws_ + " ingest --case C1 --tz Europe/Istanbul --rules " + Quote(example_) + " " +
                             Quote(dir_ + "/export"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("3 rule hits"), std::string::npos) << r.out;
}

TEST_F(RulesCliTest, WithoutRulesTheCountIsZero) {
  testing::CliRun r = RunCli(ws_ + " ingest --case C1 --tz Europe/Istanbul --json " + Quote(dir_ + "/export"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(r.out).get(doc), simdjson::SUCCESS) << r.out;
  EXPECT_EQ(int64_t(doc["exhibits"].at(0)["rule_hits"]), 0);
  EXPECT_TRUE(Rows("SELECT id FROM rule_hits").empty());
}

TEST_F(RulesCliTest, BadRulesFileStopsBeforeAnythingIsIngested) {
  testing::WriteFile(dir_ + "/bad.toml", "[[lexicon]]\nname = \"secrecy\"\nterms = [\"tell no one\", 42]\n");
  const std::string stderr_file = dir_ + "/stderr.txt";
  testing::CliRun r = RunCli(ws_ + " ingest --case C1 --tz Europe/Istanbul --rules " + Quote(dir_ + "/bad.toml") + " " +
                                 Quote(dir_ + "/export"),
                             "2>" + Quote(stderr_file));
  EXPECT_EQ(r.exit_code, 1);
  const std::string err = testing::ReadFileOrDie(stderr_file);
  EXPECT_NE(err.find(dir_ + "/bad.toml:3:25: every entry of 'terms' must be a string"), std::string::npos) << err;
  EXPECT_TRUE(Rows("SELECT id FROM exhibits").empty());
  EXPECT_EQ(Rows("SELECT id FROM audit_log").size(), 1u);  // case add only
}

TEST_F(RulesCliTest, YaraSyntaxErrorNamesTheYaraFileAndLine) {
  testing::WriteFile(dir_ + "/lab.toml", "[yara]\nfiles = [\"lab.yar\"]\n");
  testing::WriteFile(dir_ + "/lab.yar", "rule Broken {\n  strings: $a = \"x\"\n  condition\n}\n");
  const std::string stderr_file = dir_ + "/stderr.txt";
  testing::CliRun r = RunCli(ws_ + " ingest --case C1 --tz Europe/Istanbul --rules " + Quote(dir_ + "/lab.toml") + " " +
                                 Quote(dir_ + "/export"),
                             "2>" + Quote(stderr_file));
  EXPECT_EQ(r.exit_code, 1);
  const std::string err = testing::ReadFileOrDie(stderr_file);
  EXPECT_NE(err.find(dir_ + "/lab.yar:4: syntax error"), std::string::npos) << err;
  EXPECT_TRUE(Rows("SELECT id FROM exhibits").empty());
}

}  // namespace
}  // namespace casegraph
