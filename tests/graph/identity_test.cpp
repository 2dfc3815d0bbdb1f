#include <gmock/gmock.h>

#include "graph/identity_decisions.h"
#include "graph/identity_persons.h"
#include "graph_test_util.h"
#include "identity_exports.h"

namespace casegraph::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TgChat;
using testing::TgContact;
using testing::TgMessage;

constexpr long long kT0 = 1717236000;  // 2024-06-01T10:00:00Z
constexpr const char kPhone[] = "+90 532 999 88 77";
constexpr const char kWhatsAppRef[] = "whatsapp:+905329998877";

// S1's Telegram: Deniz (user200, saved with a phone) writes first and names a Matrix id as
// their own.
std::string S1Telegram(const std::string& declaration = "write to me on Element: @deniz:example.org") {
  return testing::TelegramExport(
      100, "Ece", "ece_test", {{200, "Deniz", kPhone}},
      {{"Deniz", "personal_chat", 200,
        {{1, "user200", "Deniz", "hello", kT0}, {2, "user200", "Deniz", declaration, kT0 + 60},
         {3, "user100", "Ece", "ok", kT0 + 120}}}});
}

// S2's WhatsApp (Android, en-US): the same number writes, seen as a number.
std::string S2WhatsApp() {
  return "6/13/24, 10:00 AM - +90 532 999 88 77: hi there\n6/13/24, 10:01 AM - You: hello\n";
}

class IdentityTest : public testing::GraphTest {
 protected:
  void SetUp() override {
    GraphTest::SetUp();
    for (const char* c : {"C1", "C2", "C3"}) AddCase(c);
    AddSubject("C1", "S1");
    AddSubject("C2", "S2");
    AddSubject("C3", "S3");
  }
  // key|ref|basis|status|confidence, persons by key, members confirmed first then by ref.
  std::vector<std::string> Members() {
    return Rows(
        "SELECT p.key, a.ref, m.basis, m.status, m.confidence FROM persons p JOIN person_members m ON m.person_id=p.id "
        "JOIN accounts a ON a.id=m.account_id ORDER BY p.key, m.status <> 'confirmed', a.ref");
  }
  std::string Column(const std::string& column, const std::string& ref) {
    auto rows = Rows("SELECT m." + column + " FROM person_members m JOIN accounts a ON a.id=m.account_id WHERE a.ref='" +
                     ref + "' ORDER BY m.person_id");
    return rows.empty() ? "" : rows[0];
  }
  void Decide(const std::string& action, const std::string& a, const std::string& b = "") {
    auto d = RecordPersonDecision(*ws_, action, a, b, "examiner-1", "");
    ASSERT_TRUE(d.ok()) << d.error().ToString();
  }
};

TEST_F(IdentityTest, SamePhoneOnTwoPlatformsMergesAutomatically) {
  Ingest("C1", "/c1/s1-telegram/result.json", S1Telegram(), "S1");
  Ingest("C2", "/c2/s2-whatsapp.txt", S2WhatsApp(), "S2", "Europe/Istanbul");
  const std::string key = PersonKey("telegram:user200");
  EXPECT_THAT(Members(), ElementsAre(key + "|telegram:user200|same-phone|confirmed|0.95",
                                     key + "|" + kWhatsAppRef + "|same-phone|confirmed|0.95"));
  EXPECT_EQ(Column("citations", "telegram:user200"),
            R"([{"exhibit_id":1,"locator":"/contacts/list/0"},{"exhibit_id":2,"locator":"line 1"}])");
  EXPECT_THAT(Column("explanation", kWhatsAppRef), HasSubstr("+905329998877"));
  EXPECT_EQ(Rows("SELECT label FROM persons"), std::vector<std::string>{"Deniz"});
}

TEST_F(IdentityTest, SamePhoneOnOnePlatformIsOnlyASuggestion) {
  Ingest("C1", "/c1/s1-telegram/result.json", S1Telegram(), "S1");
  Ingest("C2", "/c2/s2-telegram/result.json",
         testing::TelegramExport(150, "Can", "", {{250, "Deniz K", kPhone}}, {}), "S2");
  EXPECT_THAT(Members(), ElementsAre(HasSubstr("|telegram:user200|same-phone|suggested|0.5"),
                                     HasSubstr("|telegram:user250|same-phone|suggested|0.5")));
}

TEST_F(IdentityTest, NeverMergesOrSuggestsOnADisplayNameAlone) {
  Ingest("C1", "/c1/s1-telegram/result.json",
         testing::TelegramExport(100, "Ece", "", {{201, "Ali Veli", ""}},
                                 {{"Ali Veli", "personal_chat", 201, {{1, "user201", "Ali Veli", "hi", kT0}}}}),
         "S1");
  Ingest("C2", "/c2/s2-telegram/result.json",
         testing::TelegramExport(150, "Can", "", {{202, "Ali Veli", ""}},
                                 {{"Ali Veli", "personal_chat", 202, {{1, "user202", "Ali Veli", "hi", kT0}}}}),
         "S2");
  EXPECT_EQ(Int("SELECT COUNT(*) FROM account_attributes WHERE value='Ali Veli'"), 2);  // the decoy is there
  EXPECT_TRUE(Members().empty());
}

TEST_F(IdentityTest, SameNameWithTwoCommonContactsIsASuggestion) {
  auto group = [](long long id, const std::vector<std::string>& users) {
    TgChat chat{"Group " + std::to_string(id), "private_group", id, {}};
    for (size_t i = 0; i < users.size(); ++i) {
      chat.messages.push_back({static_cast<int>(id * 10 + static_cast<long long>(i)), "user" + users[i],
                               users[i] == "700" || users[i] == "701" ? "Mert Can" : "X" + users[i], "hi",
                               kT0 + static_cast<long long>(i)});
    }
    return chat;
  };
  Ingest("C1", "/c1/s1-telegram/result.json",
         testing::TelegramExport(100, "Ece", "", {}, {group(601, {"100", "300", "700"}), group(602, {"100", "300", "701"})}),
         "S1");
  EXPECT_THAT(Members(), ElementsAre(HasSubstr("|telegram:user700|same-name-contacts|suggested|0.3"),
                                     HasSubstr("|telegram:user701|same-name-contacts|suggested|0.3")));
  EXPECT_THAT(Column("explanation", "telegram:user700"), HasSubstr("2 common contacts (subject:C1/S1, telegram:user300)"));
}

TEST_F(IdentityTest, SameNameWritingInOneConversationAreTwoPeople) {
  Ingest("C1", "/c1/s1-telegram/result.json",
         testing::TelegramExport(100, "Ece", "", {},
                                 {{"G1", "private_group", 601,
                                   {{1, "user100", "Ece", "hi", kT0}, {2, "user300", "Arda", "hi", kT0},
                                    {3, "user700", "Mert Can", "hi", kT0}, {4, "user701", "Mert Can", "hi", kT0}}}}),
         "S1");
  EXPECT_TRUE(Members().empty());
}

TEST_F(IdentityTest, SameNameWithOneCommonContactIsNothing) {
  Ingest("C1", "/c1/s1-telegram/result.json",
         testing::TelegramExport(100, "Ece", "", {},
                                 {{"G1", "private_group", 601, {{1, "user100", "Ece", "hi", kT0}, {2, "user700", "Mert Can", "hi", kT0}}},
                                  {"G2", "private_group", 602, {{3, "user100", "Ece", "hi", kT0}, {4, "user701", "Mert Can", "hi", kT0}}}}),
         "S1");
  EXPECT_TRUE(Members().empty());
}

TEST_F(IdentityTest, SelfDeclaredHandleFollowedByAContactOnThatPlatform) {
  Ingest("C1", "/c1/s1-telegram/result.json", S1Telegram(), "S1");
  // An hour later the Matrix account writes to S1 on S1's own Element.
  Ingest("C1", "/c1/s1-element.json",
         testing::ElementExport("dm", {"@deniz:example.org", "@ece:example.org"}, (kT0 + 3600) * 1000), "S1");
  EXPECT_THAT(Members(), ElementsAre(HasSubstr("|matrix:@deniz:example.org|self-declared|suggested|0.9"),
                                     HasSubstr("|telegram:user200|self-declared|suggested|0.9")));
  const std::string why = Column("explanation", "telegram:user200");
  EXPECT_THAT(why, HasSubstr("telegram:user200 sent \"@deniz:example.org\""));
  EXPECT_THAT(why, HasSubstr("first-person cue"));
  EXPECT_THAT(why, HasSubstr("then wrote to the same recipient"));
  EXPECT_EQ(Column("citations", "telegram:user200"),
            R"([{"exhibit_id":1,"locator":"/chats/list/0/messages/1"},{"exhibit_id":2,"locator":"/messages/0"}])");
}

TEST_F(IdentityTest, SelfDeclaredHandleWithoutALaterContactScoresLower) {
  Ingest("C1", "/c1/s1-telegram/result.json", S1Telegram(), "S1");
  Ingest("C1", "/c1/room.json",
         testing::ElementExport("room", {"@deniz:example.org", "@cem:example.org", "@ece:example.org"}, kT0 * 1000), "S1");
  EXPECT_THAT(Members(), ElementsAre(HasSubstr("|matrix:@deniz:example.org|self-declared|suggested|0.6"),
                                     HasSubstr("|telegram:user200|self-declared|suggested|0.6")));
}

TEST_F(IdentityTest, HandleWithoutFirstPersonCueScoresLowest) {
  Ingest("C1", "/c1/s1-telegram/result.json", S1Telegram("Element: @deniz:example.org"), "S1");
  Ingest("C1", "/c1/room.json",
         testing::ElementExport("room", {"@deniz:example.org", "@cem:example.org", "@ece:example.org"}, kT0 * 1000), "S1");
  EXPECT_EQ(Column("confidence", "telegram:user200"), "0.4");
}

TEST_F(IdentityTest, SameUsernameOnTwoPlatformsIsASuggestion) {
  Ingest("C1", "/c1/s1-telegram/result.json", S1Telegram(), "S1");
  Ingest("C1", "/c1/s1-discord.json",
         testing::DiscordExport("930000000000000001", {{"930000000000000011", "ece_test", "Ece"},
                                                       {"930000000000000012", "someone_else", "Other"}}),
         "S1");
  EXPECT_THAT(Members(), ElementsAre(HasSubstr("|discord:930000000000000011|same-username|suggested|0.6"),
                                     HasSubstr("|telegram:user100|same-username|suggested|0.6")));
}

TEST_F(IdentityTest, RejectDropsAnAutomaticMergeForGood) {
  Ingest("C1", "/c1/s1-telegram/result.json", S1Telegram(), "S1");
  Ingest("C2", "/c2/s2-whatsapp.txt", S2WhatsApp(), "S2", "Europe/Istanbul");
  ASSERT_EQ(Members().size(), 2u);
  Decide("reject", "telegram:user200", kWhatsAppRef);
  EXPECT_TRUE(Members().empty());
  EXPECT_EQ(Int("SELECT COUNT(*) FROM audit_log WHERE command='persons reject'"), 1);
  // A new exhibit with the same number: the rejection still holds after its refresh.
  Ingest("C3", "/c3/s3-whatsapp.txt", "6/14/24, 10:00 AM - +90 532 999 88 77: hello again\n", "S3", "Europe/Istanbul");
  EXPECT_TRUE(Members().empty());
}

TEST_F(IdentityTest, MergeSplitAndConfirmSurviveAnotherIngest) {
  Ingest("C1", "/c1/s1-telegram/result.json", S1Telegram(), "S1");
  Ingest("C2", "/c2/s2-whatsapp.txt", S2WhatsApp(), "S2", "Europe/Istanbul");
  Ingest("C1", "/c1/s1-element.json",
         testing::ElementExport("dm", {"@deniz:example.org", "@ece:example.org"}, (kT0 + 3600) * 1000), "S1");
  // The Matrix account is suggested into the phone person; the examiner confirms it.
  EXPECT_EQ(Column("status", "matrix:@deniz:example.org"), "suggested");
  Decide("confirm", PersonKey("telegram:user200"), "matrix:@deniz:example.org");
  EXPECT_EQ(Column("status", "matrix:@deniz:example.org"), "confirmed");
  EXPECT_EQ(Column("basis", "matrix:@deniz:example.org"), "self-declared");
  EXPECT_THAT(Column("explanation", "matrix:@deniz:example.org"), HasSubstr("confirmed by the examiner examiner-1"));
  // The examiner takes the WhatsApp number out; the other two stay one person.
  Decide("split", kWhatsAppRef);
  const std::string key = PersonKey("matrix:@deniz:example.org");
  EXPECT_THAT(Members(), ElementsAre(key + "|matrix:@deniz:example.org|self-declared|confirmed|0.9",
                                     key + "|telegram:user200|self-declared|confirmed|0.9"));
  // And joins two accounts no evidence ties.
  Decide("merge", "telegram:user100", "matrix:@ece:example.org");
  EXPECT_EQ(Column("basis", "matrix:@ece:example.org"), "examiner");
  EXPECT_EQ(Column("confidence", "matrix:@ece:example.org"), "1.0");
  const auto before = Members();
  Ingest("C3", "/c3/s3-whatsapp.txt", "6/14/24, 10:00 AM - +90 532 999 88 77: hello again\n", "S3", "Europe/Istanbul");
  EXPECT_EQ(Members(), before);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM audit_log WHERE command LIKE 'persons %'"), 3);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM person_decisions"), 3);
}

TEST_F(IdentityTest, DecisionNeedsTwoDifferentAccounts) {
  Ingest("C1", "/c1/s1-telegram/result.json", S1Telegram(), "S1");
  EXPECT_FALSE(RecordPersonDecision(*ws_, "merge", "telegram:user100", "telegram:user100", "e", "").ok());
  EXPECT_FALSE(RecordPersonDecision(*ws_, "merge", "telegram:user100", "", "e", "").ok());
  EXPECT_FALSE(RecordPersonDecision(*ws_, "split", "telegram:user100", "telegram:user200", "e", "").ok());
  EXPECT_FALSE(ResolveAccountOrPerson(*ws_, "telegram:user999").ok());
  EXPECT_FALSE(ResolveAccountOrPerson(*ws_, "person:P-0000000000").ok());
  EXPECT_EQ(Int("SELECT COUNT(*) FROM person_decisions"), 0);
}

// AssemblePersons alone: rejections hold across transitive evidence.
TEST(AssemblePersonsTest, RejectionHoldsAgainstATransitivePath) {
  AccountDirectory dir;
  for (int64_t id : {1, 2, 3}) {
    dir.ref[id] = "x:" + std::to_string(id);
    dir.platform[id] = "p" + std::to_string(id);
    dir.id_of_ref[dir.ref[id]] = id;
  }
  std::vector<IdentityEdge> edges = {MakeEdge(dir, 1, 2, kBasisSamePhone, 0.95, kStatusConfirmed, "a", {}),
                                     MakeEdge(dir, 2, 3, kBasisSamePhone, 0.95, kStatusConfirmed, "b", {})};
  auto together = AssemblePersons(edges, {});
  ASSERT_EQ(together.size(), 1u);
  EXPECT_EQ(together[0].members.size(), 3u);
  auto apart = AssemblePersons(edges, {{1, 3}});
  ASSERT_EQ(apart.size(), 1u);  // 1-2 joined first; 2-3 would put the rejected pair together
  EXPECT_EQ(apart[0].members.size(), 2u);
}

}  // namespace
}  // namespace casegraph::graph
