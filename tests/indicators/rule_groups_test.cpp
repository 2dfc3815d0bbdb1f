// lexicon and path-rule: rules-file hits grouped per (case, exhibit's subject or exhibit, rule
// kind, rule name); low, medium from 5 cited records; citations capped at 20 with the total; a
// secrecy lexicon's message hits belong to the secrecy flag, its document hits stay here.
#include <algorithm>

#include "content_world.h"

namespace casegraph::indicators::testing {
namespace {

constexpr const char* kRules = R"(
[[path_rule]]
name = "placeholder folder"
patterns = ["placeholder stuff"]

[[lexicon]]
name = "colours"
terms = ["blue placeholder", "green placeholder"]

[[lexicon]]
name = "secrecy"
terms = ["tell no one"]
)";

class RuleGroupsTest : public ContentWorld {
 protected:
  void IngestColours(int messages_with_hits) {
    std::vector<Msg> messages;
    for (int i = 0; i < messages_with_hits; ++i) {
      messages.push_back({i + 1, kT0 + 60 * i, i % 2 ? "user100" : "user200", "a blue placeholder and a green placeholder"});
    }
    messages.push_back({100, kT0 + 9000, "user200", "tell no one"});  // secrecy: not a lexicon flag
    messages.push_back({101, kT0 + 9060, "user200", "nothing to see"});
    Ingest(WriteExport("s1-phone", TelegramAccount(100, {TelegramChat("personal_chat", 200, messages)})), "S1",
           WriteRules(kRules));
  }
};

TEST_F(RuleGroupsTest, FewLexiconHitsAreLowAndGroupedPerRule) {
  IngestColours(2);
  auto found = Run(LexiconIndicator());
  ASSERT_EQ(found.size(), 1u);  // colours only; the secrecy message hit is the secrecy flag's
  const Finding& f = found[0];
  EXPECT_EQ(f.severity, Severity::kLow);
  EXPECT_EQ(f.subject, "S1");
  EXPECT_EQ(f.case_code, "C1");
  EXPECT_EQ(f.total_citations, 2);  // 4 hits (two terms per message) in 2 messages
  EXPECT_NE(f.summary.find("4 hits in 2 records"), std::string::npos) << f.summary;
  EXPECT_EQ(f.accounts, (std::vector<std::string>{"telegram:user200", "telegram:user100"}));
  EXPECT_EQ(f.first_at, kT0);
  EXPECT_EQ(f.last_at, kT0 + 60);
  EXPECT_TRUE(f.severity_basis.empty());
  EXPECT_TRUE(Run(PathRuleIndicator()).empty());
}

TEST_F(RuleGroupsTest, FiveRecordsMakeMediumAndCitationsCap) {
  IngestColours(25);
  auto found = Run(LexiconIndicator());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kMedium);
  EXPECT_EQ(found[0].citations.size(), 20u);
  EXPECT_EQ(found[0].total_citations, 25);
  ASSERT_EQ(found[0].severity_basis.size(), 1u);
  EXPECT_NE(found[0].severity_basis[0].find("25 records"), std::string::npos);
}

TEST_F(RuleGroupsTest, FourRecordsStayLowFiveDoNot) {
  IngestColours(4);
  auto found = Run(LexiconIndicator());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kLow);
}

TEST_F(RuleGroupsTest, PathRulesOnScannedDevicesPerSubjectOrExhibit) {
  const std::string rules = WriteRules(kRules);
  const std::string phone = dir_ + "/s2-device";
  std::filesystem::create_directories(phone + "/Placeholder Stuff");
  std::filesystem::create_directories(phone + "/other");
  casegraph::testing::WriteFile(phone + "/Placeholder Stuff/a.txt", "plain words\n");
  casegraph::testing::WriteFile(phone + "/other/note.txt", "Please TELL NO ONE about the placeholder.\n");
  Scan(phone, "S2", rules);
  const std::string card = dir_ + "/card";
  std::filesystem::create_directories(card + "/PLACEHOLDER STUFF");
  casegraph::testing::WriteFile(card + "/PLACEHOLDER STUFF/b.txt", "more plain words\n");
  Scan(card, "", rules);

  auto paths = Run(PathRuleIndicator());
  ASSERT_EQ(paths.size(), 2u);
  auto of_s2 = std::find_if(paths.begin(), paths.end(), [](const Finding& f) { return f.subject == "S2"; });
  ASSERT_NE(of_s2, paths.end());
  EXPECT_EQ(of_s2->severity, Severity::kLow);
  EXPECT_EQ(of_s2->citations[0].exhibit, "s2-device");
  EXPECT_TRUE(of_s2->accounts.empty());
  auto of_card = std::find_if(paths.begin(), paths.end(), [](const Finding& f) { return f.subject.empty(); });
  ASSERT_NE(of_card, paths.end());
  EXPECT_NE(of_card->summary.find("exhibit 'card'"), std::string::npos) << of_card->summary;

  // The secrecy lexicon's hit in a document is a lexicon flag (the secrecy flag reads messages).
  auto lexicon = Run(LexiconIndicator());
  ASSERT_EQ(lexicon.size(), 1u);
  EXPECT_EQ(lexicon[0].subject, "S2");
  EXPECT_NE(lexicon[0].summary.find("'secrecy'"), std::string::npos) << lexicon[0].summary;
  EXPECT_TRUE(Run(SecrecyIndicator()).empty());
}

TEST_F(RuleGroupsTest, NoRulesNoFlags) {
  Ingest(WriteExport("s1-phone", TelegramAccount(100, {TelegramChat("personal_chat", 200, {{1, kT0, "user200", "blue placeholder"}})})),
         "S1");
  EXPECT_TRUE(Run(LexiconIndicator()).empty());
  EXPECT_TRUE(Run(PathRuleIndicator()).empty());
}

}  // namespace
}  // namespace casegraph::indicators::testing
