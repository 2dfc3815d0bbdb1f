// End-to-end: `links`, `path`, `contacts --common`, `timeline` and the analytics columns of
// `accounts` through the binary on two small cases: exit codes, the --json documents,
// byte-identical output on a second run, and citations that `show` resolves.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <filesystem>

#include "graph/identity_exports.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

using testing::RunCli;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

constexpr long long kT0 = 1717236000;  // 2024-06-01T10:00:00Z

graph::testing::TgChat Channel(long long at) {
  return {"News", "public_channel", 900, {{7, "channel900", "News", "placeholder news", at}}};
}

// C1/S1 and C2/S2 on Telegram: user200 writes first to both; both follow channel900.
class LinkQueriesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("cg-links");
    ws_ = "-w " + Quote(dir_ + "/w.db");
    std::filesystem::create_directories(dir_ + "/s1-telegram");
    std::filesystem::create_directories(dir_ + "/s2-telegram");
    testing::WriteFile(dir_ + "/s1-telegram/result.json",
                       graph::testing::TelegramExport(
                           100, "Ece", "ece_t", {},
                           {{"Deniz", "personal_chat", 200, {{1, "user200", "Deniz", "hello", kT0}, {2, "user100", "Ece", "hi", kT0 + 60}}},
                            Channel(kT0 - 500)}));
    testing::WriteFile(dir_ + "/s2-telegram/result.json",
                       graph::testing::TelegramExport(
                           102, "Mert", "mert_t", {},
                           {{"Deniz", "personal_chat", 200, {{1, "user200", "Deniz", "hello there", kT0 + 3600}}},
                            Channel(kT0 - 400)}));
    for (const char* c : {"C1", "C2"}) ASSERT_EQ(RunCli(ws_ + " case add " + c).exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " subject add --case C1 S1 --born 2010").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " subject add --case C2 S2 --born 2011").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " ingest --case C1 --owner S1 " + Quote(dir_ + "/s1-telegram")).exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " ingest --case C2 --owner S2 " + Quote(dir_ + "/s2-telegram")).exit_code, 0);
  }

  // Runs `args` twice: exit 0, byte-identical output, one JSON document.
  simdjson::dom::element Json(const std::string& args) {
    testing::CliRun first = RunCli(ws_ + " " + args + " --json");
    EXPECT_EQ(first.exit_code, 0) << args;
    EXPECT_EQ(RunCli(ws_ + " " + args + " --json").out, first.out) << args;
    documents_.push_back(first.out);
    simdjson::dom::element doc;
    EXPECT_EQ(parser_.parse(documents_.back()).get(doc), simdjson::SUCCESS) << first.out;
    return doc;
  }

  void ExpectShowResolves(simdjson::dom::element citation) {
    const std::string text{std::string_view(citation["text"])};
    testing::CliRun show = RunCli(ws_ + " show " + Quote(text));
    EXPECT_EQ(show.exit_code, 0) << text;
    EXPECT_FALSE(show.out.empty()) << text;
  }

  std::string dir_, ws_;
  std::vector<std::string> documents_;
  simdjson::dom::parser parser_;
};

TEST_F(LinkQueriesCliTest, LinksRankTheOperativeAboveTheChannel) {
  simdjson::dom::element doc = Json("links");
  simdjson::dom::array accounts = doc["accounts"];
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_EQ(std::string_view(accounts.at(0)["ref"]), "telegram:user200");
  EXPECT_EQ(std::string_view(accounts.at(1)["ref"]), "telegram:channel900");
  EXPECT_GT(double(accounts.at(0)["score"]), double(accounts.at(1)["score"]));
  simdjson::dom::element first = accounts.at(0);
  EXPECT_EQ(std::string_view(first["score_terms"].at(0)["name"]), "direct_contact");
  EXPECT_EQ(double(first["score_terms"].at(0)["value"]), 2.0);
  EXPECT_FALSE(std::string_view(first["score_terms"].at(0)["explanation"]).empty());
  EXPECT_EQ(std::string_view(first["first_contact"]["subject"]), "C1/S1");
  EXPECT_EQ(std::string_view(first["first_contact"]["at"]), "2024-06-01T10:00:00Z");
  EXPECT_EQ(simdjson::dom::array(first["subjects_reached"]).size(), 2u);
  EXPECT_EQ(int64_t(first["citations_total"]), 2);
  ExpectShowResolves(first["citations"].at(0));
  ExpectShowResolves(first["first_contact"]["citation"]);
  EXPECT_TRUE(doc["identifiers"].is_array());
  EXPECT_TRUE(doc["persons"].is_array());
  // Text output and bad options.
  EXPECT_NE(RunCli(ws_ + " links").out.find("telegram:user200"), std::string::npos);
  EXPECT_EQ(RunCli(ws_ + " links --case C9").exit_code, 1);
  EXPECT_EQ(RunCli(ws_ + " links --min-cases 0").exit_code, 2);
}

TEST_F(LinkQueriesCliTest, PathBetweenSubjectsWithCitedHops) {
  simdjson::dom::element doc = Json("path --from subject:C1/S1 --to subject:C2/S2");
  EXPECT_TRUE(bool(doc["found"]));
  simdjson::dom::array hops = doc["hops"];
  ASSERT_EQ(hops.size(), 4u);
  EXPECT_EQ(std::string_view(hops.at(1)["kind"]), "direct");
  EXPECT_EQ(std::string_view(hops.at(1)["at"]), "2024-06-01T10:00:00Z");
  for (simdjson::dom::element hop : hops) ExpectShowResolves(hop["citations"].at(0));
  // In time order the path still exists (C2's message is an hour later); before it, it does not.
  EXPECT_TRUE(bool(Json("path --from subject:C1/S1 --to subject:C2/S2 --after 2024-06-01")["found"]));
  EXPECT_FALSE(bool(Json("path --from subject:C1/S1 --to subject:C2/S2 --before 2024-06-01T10:30:00Z")["found"]));
  EXPECT_EQ(RunCli(ws_ + " path --from telegram:nobody --to subject:C2/S2").exit_code, 1);
  EXPECT_EQ(RunCli(ws_ + " path --from subject:C1/S1 --to subject:C2/S2 --after tomorrow").exit_code, 1);
  EXPECT_EQ(RunCli(ws_ + " path --from subject:C1/S1").exit_code, 2);
}

TEST_F(LinkQueriesCliTest, CommonContactsAndTimeline) {
  simdjson::dom::element contacts = Json("contacts --common subject:C1/S1 subject:C2/S2");
  ASSERT_EQ(simdjson::dom::array(contacts["contacts"]).size(), 1u);
  EXPECT_EQ(std::string_view(contacts["contacts"].at(0)["ref"]), "telegram:user200");
  ExpectShowResolves(contacts["contacts"].at(0)["via_a"].at(0)["citations"].at(0));
  ExpectShowResolves(contacts["contacts"].at(0)["via_b"].at(0)["citations"].at(0));

  simdjson::dom::element timeline = Json("timeline --account telegram:user200");
  simdjson::dom::array events = timeline["events"];
  ASSERT_EQ(events.size(), 4u);  // two first contacts, each with its message
  EXPECT_EQ(std::string_view(events.at(0)["kind"]), "first_contact");
  EXPECT_EQ(std::string_view(events.at(0)["case"]), "C1");
  EXPECT_EQ(std::string_view(events.at(3)["at"]), "2024-06-01T11:00:00Z");
  for (simdjson::dom::element e : events) ExpectShowResolves(e["citation"]);
  EXPECT_EQ(simdjson::dom::array(Json("timeline --case C1 --kinds message,first_contact")["events"]).size(), 4u);
  EXPECT_NE(RunCli(ws_ + " timeline --subject C1/S1").out.find("first_contact"), std::string::npos);
  EXPECT_EQ(RunCli(ws_ + " timeline").exit_code, 2);
  EXPECT_EQ(RunCli(ws_ + " timeline --case C1 --kinds gossip").exit_code, 1);
  EXPECT_EQ(RunCli(ws_ + " timeline --account telegram:user200 --subject C1/S1").exit_code, 2);
}

TEST_F(LinkQueriesCliTest, AccountsShowTheAnalytics) {
  simdjson::dom::element doc = Json("accounts");
  for (simdjson::dom::element a : doc["accounts"].get_array()) {
    EXPECT_TRUE(a["pagerank"].is_double()) << std::string_view(a["ref"]);
    EXPECT_TRUE(a["community"].is_int64());
  }
}

}  // namespace
}  // namespace casegraph
