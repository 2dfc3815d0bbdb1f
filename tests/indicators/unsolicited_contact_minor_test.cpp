#include <gmock/gmock.h>

#include "contact_world.h"

namespace casegraph::indicators {
namespace {

using ::testing::HasSubstr;
using testing::kDay;
using testing::kT0;
using testing::TgChat;

// user200 writes first to S1 (user100) at kT0; S1 answers.
TgChat FirstContact(long long at = kT0, int from = 200) {
  return {"Deniz", "personal_chat", 200,
          {{1, "user" + std::to_string(from), "x", "hello", at},
           {2, from == 200 ? "user100" : "user200", "y", "hi", at + 120}}};
}

class UnsolicitedTest : public testing::ContactWorldTest {
 protected:
  std::vector<Finding> Find(const std::vector<std::string>& cases = {}, const std::vector<Finding>* earlier = nullptr) {
    return ContactWorldTest::Find(UnsolicitedContactMinorIndicator(), cases, earlier);
  }
};

TEST_F(UnsolicitedTest, ALoneUnsolicitedMessageIsLow) {
  Subject("C1", "S1", "2010");
  Telegram("C1", "S1", 100, {}, {FirstContact()});
  auto f = Find();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, "unsolicited-contact-minor");
  EXPECT_EQ(f[0].severity, Severity::kLow);
  EXPECT_EQ(f[0].case_code, "C1");
  EXPECT_EQ(f[0].subject, "S1");
  EXPECT_THAT(f[0].accounts, ::testing::ElementsAre("telegram:user200", "telegram:user100"));
  EXPECT_TRUE(f[0].severity_basis.empty());
  ASSERT_EQ(f[0].citations.size(), 1u);
  EXPECT_EQ(f[0].citations[0].locator, "/chats/list/0/messages/0");
  EXPECT_EQ(f[0].first_at, kT0);
  EXPECT_THAT(f[0].explanation, HasSubstr("could have been under 18"));
  EXPECT_THAT(f[0].explanation, ::testing::Not(HasSubstr("adult")));
}

TEST_F(UnsolicitedTest, ASavedContactIsNotFlagged) {
  Subject("C1", "S1", "2010");
  Telegram("C1", "S1", 100, {{200, "Deniz", "+90 532 999 88 77"}}, {FirstContact()});
  EXPECT_TRUE(Find().empty());
}

TEST_F(UnsolicitedTest, AnEarlierSharedGroupMeansTheyKnewEachOther) {
  Subject("C1", "S1", "2010");
  TgChat group{"Club", "private_group", 950,
               {{1, "user100", "S", "welcome", kT0 - kDay}, {2, "user200", "D", "hello all", kT0 - kDay + 60}}};
  Telegram("C1", "S1", 100, {}, {FirstContact(), group});
  EXPECT_TRUE(Find().empty());
}

TEST_F(UnsolicitedTest, AGroupJoinedOnlyAfterTheFirstMessageDoesNotCount) {
  Subject("C1", "S1", "2010");
  TgChat group{"Club", "private_group", 950,
               {{1, "user100", "S", "welcome", kT0 + kDay}, {2, "user200", "D", "hello all", kT0 + kDay + 60}}};
  Telegram("C1", "S1", 100, {}, {FirstContact(), group});
  EXPECT_EQ(Find().size(), 1u);
}

TEST_F(UnsolicitedTest, ASubjectOfAgeAtTheFirstMessageIsNotFlagged) {
  Subject("C1", "S1", "2006-06-12");  // 18 on 2024-06-12, the day before kT0
  Telegram("C1", "S1", 100, {}, {FirstContact()});
  EXPECT_TRUE(Find().empty());
}

TEST_F(UnsolicitedTest, ABirthYearCountsAsMinorUntilTheLatestBirthday) {
  Subject("C1", "S1", "2006");  // could still be 17 until the end of 2024
  Telegram("C1", "S1", 100, {}, {FirstContact()});
  EXPECT_EQ(Find().size(), 1u);
}

TEST_F(UnsolicitedTest, UnknownBirthIsNotFlagged) {
  Subject("C1", "S1", "");
  Telegram("C1", "S1", 100, {}, {FirstContact()});
  EXPECT_TRUE(Find().empty());
}

TEST_F(UnsolicitedTest, TheSubjectWritingFirstIsNotFlagged) {
  Subject("C1", "S1", "2010");
  Telegram("C1", "S1", 100, {}, {FirstContact(kT0, 100)});
  EXPECT_TRUE(Find().empty());
}

TEST_F(UnsolicitedTest, SecrecyOnTheSameAccountRaisesToMedium) {
  Subject("C1", "S1", "2010");
  Telegram("C1", "S1", 100, {}, {FirstContact()});
  const std::vector<Finding> other = {Earlier(kSecrecy, "telegram:user999")};
  EXPECT_EQ(Find({}, &other)[0].severity, Severity::kLow);  // another account's secrecy
  const std::vector<Finding> secrecy = {Earlier(kSecrecy, "telegram:user200"), Earlier(kSecrecy, "telegram:user200")};
  auto f = Find({}, &secrecy);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kMedium);  // one kind, however many findings
  ASSERT_EQ(f[0].severity_basis.size(), 1u);
  EXPECT_THAT(f[0].severity_basis[0], HasSubstr("secrecy"));
}

TEST_F(UnsolicitedTest, SecrecyAndMigrationRaiseToHigh) {
  Subject("C1", "S1", "2010");
  Telegram("C1", "S1", 100, {}, {FirstContact()});
  const std::vector<Finding> earlier = {Earlier(kSecrecy, "telegram:user200"),
                                        Earlier(kPlatformMigration, "telegram:user200")};
  auto f = Find({}, &earlier);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kHigh);
  EXPECT_EQ(f[0].severity_basis.size(), 2u);
}

TEST_F(UnsolicitedTest, ASecondMinorRaisesByOneAndOutsideCasesAreOnlyCounted) {
  Subject("C1", "S1", "2010");
  Subject("C2", "S2", "2011");
  Telegram("C1", "S1", 100, {}, {FirstContact()});
  Telegram("C2", "S2", 102, {}, {{"Deniz", "personal_chat", 200, {{1, "user200", "x", "hello", kT0 + kDay}}}});
  auto both = Find();
  ASSERT_EQ(both.size(), 2u);
  for (const auto& f : both) {
    EXPECT_EQ(f.severity, Severity::kMedium);
    ASSERT_EQ(f.severity_basis.size(), 1u);
    EXPECT_THAT(f.severity_basis[0], HasSubstr("C1/S1, C2/S2"));
  }
  auto only_c1 = Find({"C1"});
  ASSERT_EQ(only_c1.size(), 1u);
  EXPECT_EQ(only_c1[0].severity, Severity::kMedium);  // C2 still counts
  EXPECT_THAT(only_c1[0].severity_basis[0], HasSubstr("C1/S1, and 1 in cases outside this view"));
  EXPECT_THAT(only_c1[0].severity_basis[0], ::testing::Not(HasSubstr("C2")));
  for (const auto& c : only_c1[0].citations) EXPECT_EQ(c.case_code, "C1");
}

TEST_F(UnsolicitedTest, ASecondMinorThroughAConfirmedPersonCounts) {
  // user200 is saved with its phone on S1's Telegram (so no flag for S1), and that phone writes
  // first to S2 on WhatsApp; S3 gets the Telegram account: same person, two minors (S2, S3).
  Subject("C1", "S1", "2010");
  Subject("C2", "S2", "2010");
  Subject("C3", "S3", "2010");
  Telegram("C1", "S1", 100, {{200, "Deniz", "+90 532 999 88 77"}}, {FirstContact()});
  WhatsApp("C2", "S2", "6/14/24, 10:00 AM - +90 532 999 88 77: hi there\n6/14/24, 10:01 AM - You: hello\n");
  Telegram("C3", "S3", 104, {}, {{"Deniz", "personal_chat", 200, {{1, "user200", "x", "hello", kT0 + 2 * kDay}}}});
  ASSERT_EQ(Int("SELECT COUNT(*) FROM person_members WHERE status = 'confirmed'"), 2);
  auto f = Find();
  ASSERT_EQ(f.size(), 2u);
  for (const auto& x : f) {
    EXPECT_EQ(x.severity, Severity::kMedium) << x.case_code;
    EXPECT_THAT(x.severity_basis[0], HasSubstr("person:"));
  }
  // Secrecy on the WhatsApp number raises the Telegram account's flag too (same person).
  const std::vector<Finding> secrecy = {Earlier(kSecrecy, "whatsapp:+905329998877")};
  for (const auto& x : Find({"C3"}, &secrecy)) EXPECT_EQ(x.severity, Severity::kHigh);
}

}  // namespace
}  // namespace casegraph::indicators
