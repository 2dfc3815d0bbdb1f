// End-to-end: `persons` and its decisions, `subject add --account`, `subject account` and
// `ingest --owner-account` through the binary: exit codes, the --json document, citations that
// `show` resolves, byte-identical output, audit entries, and nothing written on bad input.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

#include "graph/identity_exports.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

using testing::RunCli;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

constexpr long long kT0 = 1717236000;  // 2024-06-01T10:00:00Z

class PersonsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("cg-persons");
    db_path_ = dir_ + "/w.db";
    ws_ = "-w " + Quote(db_path_);
    std::filesystem::create_directories(dir_ + "/s1-telegram");
    testing::WriteFile(dir_ + "/s1-telegram/result.json",
                       graph::testing::TelegramExport(
                           100, "Ece", "ece_test", {{200, "Deniz", "+90 532 999 88 77"}},
                           {{"Deniz", "personal_chat", 200,
                             {{1, "user200", "Deniz", "hello", kT0},
                              {2, "user200", "Deniz", "write to me on Element: @deniz:example.org", kT0 + 60},
                              {3, "user100", "Ece", "ok", kT0 + 120}}}}));
    testing::WriteFile(dir_ + "/s2-whatsapp.txt",
                       "6/13/24, 10:00 AM - +90 532 999 88 77: hi there\n6/13/24, 10:01 AM - You: hello\n");
    testing::WriteFile(dir_ + "/s1-element.json",
                       graph::testing::ElementExport("dm", {"@deniz:example.org", "@ece:example.org"}, (kT0 + 3600) * 1000));
    ASSERT_EQ(RunCli(ws_ + " case add C1").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " case add C2").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " subject add --case C1 S1 --born 2010 --account telegram:user100").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " subject add --case C2 S2 --born 2011").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " ingest --case C1 --owner S1 " + Quote(dir_ + "/s1-telegram")).exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " ingest --case C2 --owner S2 --tz Europe/Istanbul " + Quote(dir_ + "/s2-whatsapp.txt")).exit_code, 0);
  }

  int64_t Count(const std::string& sql) {
    sqlite3* db = nullptr;
    int64_t n = -1;
    if (sqlite3_open_v2(db_path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        n = sqlite3_column_int64(stmt, 0);
      }
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return n;
  }

  // "ref:status:basis" of every membership, person by person.
  std::vector<std::string> Memberships() {
    testing::CliRun r = RunCli(ws_ + " persons --json");
    EXPECT_EQ(r.exit_code, 0);
    simdjson::dom::element doc;
    EXPECT_EQ(parser_.parse(r.out).get(doc), simdjson::SUCCESS) << r.out;
    std::vector<std::string> out;
    for (simdjson::dom::element p : simdjson::dom::array(doc["persons"])) {
      for (simdjson::dom::element a : simdjson::dom::array(p["accounts"])) {
        out.push_back(std::string(std::string_view(a["ref"])) + ":" + std::string(std::string_view(a["status"])) + ":" +
                      std::string(std::string_view(a["basis"])));
      }
    }
    return out;
  }

  std::string dir_, db_path_, ws_;
  simdjson::dom::parser parser_;
};

TEST_F(PersonsCliTest, OwnerAccountMustBeInTheExhibitAndNothingIsWrittenOtherwise) {
  const int64_t exhibits = Count("SELECT COUNT(*) FROM exhibits");
  testing::CliRun bad = RunCli(ws_ + " ingest --case C1 --owner S1 --owner-account matrix:@nobody:example.org " +
                         Quote(dir_ + "/s1-element.json"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM exhibits"), exhibits);
  testing::CliRun good = RunCli(ws_ + " ingest --case C1 --owner S1 --owner-account matrix:@ece:example.org " +
                          Quote(dir_ + "/s1-element.json"));
  EXPECT_EQ(good.exit_code, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM exhibits e JOIN accounts a ON a.id=e.owner_account_id "
                  "WHERE a.ref='matrix:@ece:example.org'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM g_subject_accounts g JOIN accounts a ON a.id=g.account_id "
                  "WHERE a.ref='matrix:@ece:example.org' AND g.basis='exhibit-owner'"),
            1);
  // A Telegram export names its owner: a different --owner-account is refused.
  std::filesystem::create_directories(dir_ + "/again");
  testing::WriteFile(dir_ + "/again/result.json", graph::testing::TelegramExport(101, "Other", "", {}, {}));
  EXPECT_EQ(RunCli(ws_ + " ingest --case C1 --owner-account telegram:user100 " + Quote(dir_ + "/again")).exit_code, 1);
  // The examiner's declaration made before the ingest is in force: S1 owns telegram:user100.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM g_subject_accounts g JOIN accounts a ON a.id=g.account_id "
                  "WHERE a.ref='telegram:user100'"),
            1);
}

TEST_F(PersonsCliTest, PersonsJsonIsCitedAndDeterministic) {
  testing::CliRun first = RunCli(ws_ + " persons --json");
  ASSERT_EQ(first.exit_code, 0);
  EXPECT_EQ(RunCli(ws_ + " persons --json").out, first.out);  // byte-identical
  simdjson::dom::element doc;
  ASSERT_EQ(parser_.parse(first.out).get(doc), simdjson::SUCCESS) << first.out;
  simdjson::dom::array persons = doc["persons"];
  ASSERT_EQ(persons.size(), 1u);
  simdjson::dom::element p = persons.at(0);
  EXPECT_EQ(std::string_view(p["label"]), "Deniz");
  EXPECT_EQ(simdjson::dom::array(p["cases"]).size(), 2u);
  simdjson::dom::element a = p["accounts"].at(0);
  EXPECT_EQ(std::string_view(a["ref"]), "telegram:user200");
  EXPECT_EQ(std::string_view(a["basis"]), "same-phone");
  EXPECT_EQ(std::string_view(a["status"]), "confirmed");
  EXPECT_DOUBLE_EQ(double(a["confidence"]), 0.95);
  for (simdjson::dom::element c : simdjson::dom::array(a["citations"])) {
    EXPECT_EQ(std::string_view(c["sha256"]).size(), 64u);
    testing::CliRun show = RunCli(ws_ + " show " + Quote(std::string(std::string_view(c["text"]))));
    EXPECT_EQ(show.exit_code, 0) << std::string_view(c["text"]);
  }
  EXPECT_EQ(RunCli(ws_ + " persons --case C2 --json").out, first.out);
  EXPECT_EQ(RunCli(ws_ + " persons --case NOPE").exit_code, 1);
  testing::CliRun text = RunCli(ws_ + " persons");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("same-phone"), std::string::npos) << text.out;
}

TEST_F(PersonsCliTest, DecisionsAreAuditedAndChangeThePersons) {
  ASSERT_EQ(RunCli(ws_ + " ingest --case C1 --owner S1 " + Quote(dir_ + "/s1-element.json")).exit_code, 0);
  EXPECT_EQ(Memberships(), (std::vector<std::string>{"telegram:user200:confirmed:same-phone",
                                                     "whatsapp:+905329998877:confirmed:same-phone",
                                                     "matrix:@deniz:example.org:suggested:self-declared"}));
  testing::CliRun persons = RunCli(ws_ + " persons --json");
  simdjson::dom::element doc;
  ASSERT_EQ(parser_.parse(persons.out).get(doc), simdjson::SUCCESS);
  const std::string key(std::string_view(doc["persons"].at(0)["key"]));

  EXPECT_EQ(RunCli(ws_ + " persons confirm person:" + key + " matrix:@deniz:example.org --note 'same writing style'").exit_code, 0);
  EXPECT_EQ(Memberships(), (std::vector<std::string>{"matrix:@deniz:example.org:confirmed:self-declared",
                                                     "telegram:user200:confirmed:same-phone",
                                                     "whatsapp:+905329998877:confirmed:same-phone"}));
  EXPECT_EQ(RunCli(ws_ + " persons split whatsapp:+905329998877").exit_code, 0);
  EXPECT_EQ(Memberships(), (std::vector<std::string>{"matrix:@deniz:example.org:confirmed:self-declared",
                                                     "telegram:user200:confirmed:self-declared"}));
  EXPECT_EQ(RunCli(ws_ + " persons reject telegram:user200 matrix:@deniz:example.org").exit_code, 0);
  EXPECT_TRUE(Memberships().empty());
  testing::CliRun merge = RunCli(ws_ + " persons merge telegram:user200 whatsapp:+905329998877 --json");
  EXPECT_EQ(merge.exit_code, 0);
  ASSERT_EQ(parser_.parse(merge.out).get(doc), simdjson::SUCCESS) << merge.out;
  EXPECT_EQ(std::string_view(doc["decision"]["action"]), "merge");
  EXPECT_EQ(Memberships(), (std::vector<std::string>{"telegram:user200:confirmed:examiner",
                                                     "whatsapp:+905329998877:confirmed:examiner"}));

  // Bad refs: exit 1, nothing recorded; a missing operand: usage, exit 2.
  EXPECT_EQ(RunCli(ws_ + " persons merge telegram:user200 telegram:user999").exit_code, 1);
  EXPECT_EQ(RunCli(ws_ + " persons split person:P-0000000000").exit_code, 1);
  EXPECT_EQ(RunCli(ws_ + " persons merge telegram:user200").exit_code, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM person_decisions"), 4);
  for (const char* command : {"persons confirm", "persons split", "persons reject", "persons merge"}) {
    EXPECT_EQ(Count(std::string("SELECT COUNT(*) FROM audit_log WHERE command='") + command + "'"), 1) << command;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE command='persons confirm' AND params LIKE '%same writing style%'"), 1);
  testing::CliRun verify = RunCli(ws_ + " verify --json");
  ASSERT_EQ(parser_.parse(verify.out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(doc["audit"]["chain"]), "ok");
}

TEST_F(PersonsCliTest, SubjectAccountDeclaredLaterIsAudited) {
  EXPECT_EQ(RunCli(ws_ + " subject account --case C2 S2 whatsapp:+905329998877").exit_code, 0);
  EXPECT_EQ(RunCli(ws_ + " subject account --case C2 S2 whatsapp:+905329998877").exit_code, 1);  // already declared
  EXPECT_EQ(RunCli(ws_ + " subject account --case C2 S2 'not a ref'").exit_code, 1);
  EXPECT_EQ(RunCli(ws_ + " subject account --case C2 NOBODY whatsapp:+905329998877").exit_code, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE command='subject account'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM g_subject_accounts g JOIN accounts a ON a.id=g.account_id "
                  "WHERE a.ref='whatsapp:+905329998877' AND g.basis='examiner'"),
            1);
}

}  // namespace
}  // namespace casegraph
