#include <gmock/gmock.h>

#include "contact_world.h"

namespace casegraph::indicators {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::kDay;
using testing::kT0;
using testing::TgChat;

TgChat Group(long long id, long long owner, long long at) {
  return {"Club", "private_group", id,
          {{1, "user" + std::to_string(owner), "S", "welcome", at}, {2, "user300", "G", "hello all", at + 60}}};
}

TgChat Direct(long long peer, const std::string& first_from, const std::string& then_from, long long at) {
  return {"Peer", "personal_chat", peer, {{1, first_from, "x", "hello", at}, {2, then_from, "y", "hi", at + 60}}};
}

class CrossCaseTest : public testing::ContactWorldTest {
 protected:
  void SetUp() override {
    ContactWorldTest::SetUp();
    Subject("C1", "S1", "2010");
    Subject("C2", "S2", "2010");
  }
  std::vector<Finding> Find(const std::vector<std::string>& cases = {}) {
    return ContactWorldTest::Find(CrossCaseIndicator(), cases);
  }
  static const Finding* For(const std::vector<Finding>& f, const std::string& case_code, const std::string& account) {
    for (const auto& x : f) {
      if (x.case_code == case_code && std::find(x.accounts.begin(), x.accounts.end(), account) != x.accounts.end()) {
        return &x;
      }
    }
    return nullptr;
  }
};

TEST_F(CrossCaseTest, AnAccountOnlyInGroupsIsLow) {
  Telegram("C1", "S1", 100, {}, {Group(950, 100, kT0)});
  Telegram("C2", "S2", 102, {}, {Group(951, 102, kT0 + kDay)});
  auto f = Find();
  const Finding* c1 = For(f, "C1", "telegram:user300");
  ASSERT_NE(c1, nullptr);
  EXPECT_EQ(c1->kind, "cross-case");
  EXPECT_EQ(c1->severity, Severity::kLow);
  EXPECT_THAT(c1->other_cases, ElementsAre("C2"));
  EXPECT_EQ(c1->subject, "");
  ASSERT_NE(For(f, "C2", "telegram:user300"), nullptr);
  EXPECT_EQ(For(f, "C1", "telegram:user100"), nullptr);  // S1's account is in C1 only
}

TEST_F(CrossCaseTest, WritingFirstToMinorsInTwoCasesIsHigh) {
  Telegram("C1", "S1", 100, {}, {Direct(200, "user200", "user100", kT0)});
  Telegram("C2", "S2", 102, {}, {Direct(200, "user200", "user102", kT0 + kDay)});
  auto f = Find();
  const Finding* c1 = For(f, "C1", "telegram:user200");
  ASSERT_NE(c1, nullptr);
  EXPECT_EQ(c1->severity, Severity::kHigh);
  EXPECT_EQ(c1->subject, "S1");
  ASSERT_EQ(c1->severity_basis.size(), 1u);
  EXPECT_THAT(c1->severity_basis[0], HasSubstr("C1, C2"));
}

TEST_F(CrossCaseTest, PrivateChatsTheSubjectsOpenedAreMedium) {
  Telegram("C1", "S1", 100, {}, {Direct(200, "user100", "user200", kT0)});
  Telegram("C2", "S2", 102, {}, {Direct(200, "user102", "user200", kT0 + kDay)});
  auto f = Find();
  const Finding* c2 = For(f, "C2", "telegram:user200");
  ASSERT_NE(c2, nullptr);
  EXPECT_EQ(c2->severity, Severity::kMedium);
}

TEST_F(CrossCaseTest, APrivateChatInOneCaseOnlyStaysLow) {
  Telegram("C1", "S1", 100, {}, {Direct(300, "user300", "user100", kT0)});
  Telegram("C2", "S2", 102, {}, {Group(951, 102, kT0 + kDay)});
  auto f = Find();
  const Finding* c1 = For(f, "C1", "telegram:user300");
  ASSERT_NE(c1, nullptr);
  EXPECT_EQ(c1->severity, Severity::kLow);
}

TEST_F(CrossCaseTest, OnlyCasesInScopeAreCitedAndFlagged) {
  Telegram("C1", "S1", 100, {}, {Direct(200, "user200", "user100", kT0)});
  Telegram("C2", "S2", 102, {}, {Direct(200, "user200", "user102", kT0 + kDay)});
  auto all = Find();
  const Finding* c1_all = For(all, "C1", "telegram:user200");
  ASSERT_NE(c1_all, nullptr);
  bool cites_c2 = false;
  for (const auto& c : c1_all->citations) cites_c2 |= c.case_code == "C2";
  EXPECT_TRUE(cites_c2);  // the reader sees both cases

  auto only = Find({"C1"});
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].case_code, "C1");
  EXPECT_THAT(only[0].other_cases, ElementsAre("C2"));
  EXPECT_EQ(only[0].severity, Severity::kHigh);  // C2 still counts for severity
  ASSERT_FALSE(only[0].citations.empty());
  for (const auto& c : only[0].citations) EXPECT_EQ(c.case_code, "C1") << c.ToText();
  EXPECT_EQ(only[0].total_citations, static_cast<int64_t>(only[0].citations.size()));
}

TEST_F(CrossCaseTest, APersonLinksCasesThroughDifferentAccounts) {
  // user200's phone is saved on S1's Telegram; that number writes to S2 on WhatsApp.
  Telegram("C1", "S1", 100, {{200, "Deniz", "+90 532 999 88 77"}}, {Direct(200, "user200", "user100", kT0)});
  WhatsApp("C2", "S2", "6/14/24, 10:00 AM - +90 532 999 88 77: hi there\n6/14/24, 10:01 AM - You: hello\n");
  auto f = Find();
  const Finding* c2 = For(f, "C2", "whatsapp:+905329998877");
  ASSERT_NE(c2, nullptr);
  EXPECT_THAT(c2->summary, HasSubstr("person:"));
  EXPECT_THAT(c2->other_cases, ElementsAre("C1"));
  EXPECT_EQ(c2->severity, Severity::kHigh);
  EXPECT_EQ(For(f, "C2", "telegram:user200"), nullptr);  // one finding per person and case
}

}  // namespace
}  // namespace casegraph::indicators
