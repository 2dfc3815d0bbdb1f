// secrecy: a secrecy lexicon's hits in a subject's conversations, one finding per (subject,
// sending account). Medium when another account sent them to a subject who could have been a
// minor, low when the subject sent them or is of age; none without a subject; a lexicon named
// otherwise is not secrecy unless marked flag = "secrecy"; Turkish capitals fold; citations cap.
#include <algorithm>

#include "content_world.h"

namespace casegraph::indicators::testing {
namespace {

constexpr const char* kRules = R"(
[[lexicon]]
name = "secrecy"
terms = ["tell no one", "delete this", "kimseye söyleme", "aramızda kalsın"]

[[lexicon]]
name = "colours"
terms = ["blue placeholder"]
)";

const Finding* FindBy(const std::vector<Finding>& all, const std::string& subject, const std::string& account) {
  for (const Finding& f : all) {
    if (f.subject == subject && !f.accounts.empty() && f.accounts[0] == account) return &f;
  }
  return nullptr;
}

class SecrecyTest : public ContentWorld {};

TEST_F(SecrecyTest, AnotherAccountToAMinorIsMediumTheSubjectsOwnIsLow) {
  const std::string chat = TelegramChat("personal_chat", 200,
                                        {{1, kT0, "user200", "hello, tell no one ok"},
                                         {2, kT0 + 60, "user200", "KİMSEYE SÖYLEME lütfen"},  // Turkish capitals
                                         {3, kT0 + 120, "user100", "fine, delete this then"},
                                         {4, kT0 + 180, "user200", "a blue placeholder"},   // another lexicon
                                         {5, kT0 + 240, "user200", "nothing here"}});
  Ingest(WriteExport("s1-phone", TelegramAccount(100, {chat})), "S1", WriteRules(kRules));
  auto found = Run(SecrecyIndicator());
  ASSERT_EQ(found.size(), 2u);

  const Finding* from_other = FindBy(found, "S1", "telegram:user200");
  ASSERT_NE(from_other, nullptr);
  EXPECT_EQ(from_other->severity, Severity::kMedium);
  EXPECT_EQ(from_other->total_citations, 2);
  ASSERT_EQ(from_other->citations.size(), 2u);
  EXPECT_EQ(from_other->citations[0].locator, "/chats/list/0/messages/0");
  EXPECT_EQ(from_other->citations[1].locator, "/chats/list/0/messages/1");
  EXPECT_EQ(from_other->first_at, kT0);
  EXPECT_EQ(from_other->last_at, kT0 + 60);
  ASSERT_EQ(from_other->severity_basis.size(), 1u);
  EXPECT_NE(from_other->severity_basis[0].find("could have been under 18"), std::string::npos);
  EXPECT_NE(from_other->explanation.find("\"kimseye söyleme\""), std::string::npos) << from_other->explanation;
  EXPECT_EQ(from_other->explanation.find("blue placeholder"), std::string::npos);  // not a secrecy term

  const Finding* own = FindBy(found, "S1", "telegram:user100");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(own->severity, Severity::kLow);
  EXPECT_EQ(own->total_citations, 1);
  EXPECT_TRUE(own->severity_basis.empty());
}

TEST_F(SecrecyTest, ASubjectOfAgeGetsLow) {
  const std::string chat = TelegramChat("personal_chat", 400, {{1, kT0, "user400", "tell no one"},
                                                               {2, kT0 + 5, "user300", "ok"}});
  Ingest(WriteExport("s2-phone", TelegramAccount(300, {chat})), "S2", WriteRules(kRules));
  auto found = Run(SecrecyIndicator());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].subject, "S2");
  EXPECT_EQ(found[0].severity, Severity::kLow);
  EXPECT_NE(found[0].explanation.find("18 or older"), std::string::npos) << found[0].explanation;
}

TEST_F(SecrecyTest, NoSubjectInTheConversationNoFlag) {
  Ingest(WriteExport("other", TelegramChat("personal_chat", 800, {{1, kT0, "user700", "tell no one"},
                                                                  {2, kT0 + 5, "user800", "delete this"}})),
         "", WriteRules(kRules));
  EXPECT_TRUE(Run(SecrecyIndicator()).empty());
}

TEST_F(SecrecyTest, ALexiconNamedOtherwiseIsNotSecrecyUnlessMarked) {
  const std::string chat = TelegramChat("personal_chat", 200, {{1, kT0, "user200", "aramızda kalsın"},
                                                               {2, kT0 + 60, "user200", "bunu sil"}});
  const std::string folder = WriteExport("s1-phone", TelegramAccount(100, {chat}));
  Ingest(folder, "S1", WriteRules(R"(
[[lexicon]]
name = "quiet words"
terms = ["aramızda kalsın"]

[[lexicon]]
name = "hush"
flag = "secrecy"
terms = ["bunu sil"]
)"));
  auto found = Run(SecrecyIndicator());
  ASSERT_EQ(found.size(), 1u);  // only the marked lexicon's hit
  EXPECT_EQ(found[0].total_citations, 1);
  EXPECT_EQ(found[0].citations[0].locator, "/chats/list/0/messages/1");
  EXPECT_NE(found[0].explanation.find("\"hush\""), std::string::npos) << found[0].explanation;
  auto lexicon = Run(LexiconIndicator());
  ASSERT_EQ(lexicon.size(), 1u);  // "quiet words" is an ordinary lexicon flag
  EXPECT_NE(lexicon[0].summary.find("'quiet words'"), std::string::npos) << lexicon[0].summary;
}

TEST_F(SecrecyTest, TheLexiconNameIsCaseInsensitive) {
  const std::string chat = TelegramChat("personal_chat", 200, {{1, kT0, "user200", "Tell No One"}});
  Ingest(WriteExport("s1-phone", TelegramAccount(100, {chat})), "S1",
         WriteRules("[[lexicon]]\nname = \"SECRECY\"\nterms = [\"tell no one\"]\n"));
  auto found = Run(SecrecyIndicator());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kMedium);
  EXPECT_TRUE(Run(LexiconIndicator()).empty());
}

TEST_F(SecrecyTest, CitationsCapAtTwentyWithTheTotal) {
  std::vector<Msg> messages;
  for (int i = 0; i < 25; ++i) messages.push_back({i + 1, kT0 + 60 * i, "user200", "please delete this"});
  Ingest(WriteExport("s1-phone", TelegramAccount(100, {TelegramChat("personal_chat", 200, messages)})), "S1",
         WriteRules(kRules));
  auto found = Run(SecrecyIndicator());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].citations.size(), 20u);
  EXPECT_EQ(found[0].total_citations, 25);
  EXPECT_EQ(found[0].citations.front().locator, "/chats/list/0/messages/0");
  EXPECT_EQ(found[0].last_at, kT0 + 60 * 24);
}

TEST_F(SecrecyTest, WithoutSecrecyHitsNothing) {
  const std::string chat = TelegramChat("personal_chat", 200, {{1, kT0, "user200", "an ordinary placeholder"}});
  Ingest(WriteExport("s1-phone", TelegramAccount(100, {chat})), "S1", WriteRules(kRules));
  EXPECT_TRUE(Run(SecrecyIndicator()).empty());
}

}  // namespace
}  // namespace casegraph::indicators::testing
