#include <gmock/gmock.h>

#include <algorithm>

#include "graph/link_score.h"
#include "graph/links.h"
#include "link_world.h"

namespace casegraph::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const ScoreTerm& TermOf(const LinkScore& s, const std::string& name) {
  auto it = std::find_if(s.terms.begin(), s.terms.end(), [&](const ScoreTerm& t) { return t.name == name; });
  EXPECT_NE(it, s.terms.end()) << name;
  return *it;
}

class LinksTest : public testing::LinkWorldTest {
 protected:
  LinksResult Links(LinkOptions options = {}) {
    auto r = QueryLinks(*ws_, options);
    EXPECT_TRUE(r.ok()) << r.error().ToString();
    return r.ok() ? *r : LinksResult{};
  }
  static const LinkedAccount* Find(const LinksResult& r, const std::string& ref) {
    for (const auto& a : r.accounts) {
      if (a.ref == ref) return &a;
    }
    return nullptr;
  }
};

TEST_F(LinksTest, OperativeOutranksTheBroadcastChannelEveryoneFollows) {
  LinksResult r = Links();
  ASSERT_EQ(r.accounts.size(), 2u);
  EXPECT_EQ(r.accounts[0].ref, testing::kOperative);
  EXPECT_EQ(r.accounts[1].ref, testing::kChannel);
  const LinkedAccount& channel = r.accounts[1];
  EXPECT_THAT(channel.cases, ElementsAre("C1", "C2", "C3"));
  EXPECT_EQ(TermOf(channel.score, "direct_contact").value, 0);
  EXPECT_EQ(TermOf(channel.score, "subjects_reached").value, 0);
  EXPECT_EQ(TermOf(channel.score, "cases").value, 0);  // it is only followed
  EXPECT_DOUBLE_EQ(TermOf(channel.score, "rarity").value, 0.25);
  EXPECT_LT(channel.score.score, 5);
  EXPECT_GT(r.accounts[0].score.score, 10 * channel.score.score);
}

TEST_F(LinksTest, OperativeTermsExplainTheScore) {
  const LinksResult r = Links();
  const LinkedAccount* op = Find(r, testing::kOperative);
  ASSERT_NE(op, nullptr);
  EXPECT_THAT(op->cases, ElementsAre("C1", "C2", "C3"));
  EXPECT_EQ(TermOf(op->score, "direct_contact").value, 2);  // S1 and S2
  EXPECT_EQ(TermOf(op->score, "initiated").value, 2);
  EXPECT_EQ(TermOf(op->score, "reciprocity").value, 1);  // only S1 wrote back on Telegram
  EXPECT_EQ(TermOf(op->score, "subjects_reached").value, 3);  // S3 in the group
  EXPECT_EQ(TermOf(op->score, "platform_migration").value, 1);  // S2 on Telegram and WhatsApp
  EXPECT_THAT(TermOf(op->score, "platform_migration").explanation, HasSubstr("C2/S2"));
  double sum = 0;
  for (const auto& t : op->score.terms) {
    EXPECT_DOUBLE_EQ(t.points, Points(t.value, t.weight)) << t.name;
    EXPECT_FALSE(t.explanation.empty()) << t.name;
    sum += t.points;
  }
  EXPECT_NEAR(op->score.score, sum, 1e-9);
  ASSERT_TRUE(op->score.first_contact.has_value());
  EXPECT_EQ(op->score.first_contact->subject, "C2/S2");  // a day before S1
  EXPECT_EQ(*op->score.first_contact->first_at, testing::kWorldT0 - 86400);
  EXPECT_TRUE(op->score.first_contact->initiated);
  EXPECT_EQ(op->score.first_contact->citation.locator, "/chats/list/0/messages/0");
  ASSERT_EQ(op->score.subjects_reached.size(), 3u);
  EXPECT_EQ(op->score.subjects_reached[2].kind, "group");
  EXPECT_EQ(op->person.substr(0, 2), "P-");
  EXPECT_EQ(op->citations.total, 3);  // one per case
  EXPECT_EQ(op->citations.shown.front().case_code, "C2");  // earliest first
  EXPECT_TRUE(op->pagerank.has_value());
}

TEST_F(LinksTest, ThePersonLinksItsAccountsCases) {
  LinksResult r = Links();
  ASSERT_EQ(r.persons.size(), 1u);
  const LinkedPerson& p = r.persons[0];
  EXPECT_THAT(p.accounts, ElementsAre(testing::kOperative, testing::kOperativeWhatsApp));
  EXPECT_THAT(p.cases, ElementsAre("C1", "C2", "C3"));
  EXPECT_EQ(p.basis, "same-phone");
  EXPECT_EQ(TermOf(p.score, "platform_migration").value, 1);
  EXPECT_GE(p.citations.total, 3);
}

TEST_F(LinksTest, ThePhoneNumberIsALinkingIdentifier) {
  LinksResult r = Links();
  auto it = std::find_if(r.identifiers.begin(), r.identifiers.end(),
                         [](const LinkedIdentifier& i) { return i.value == "+905329998877"; });
  ASSERT_NE(it, r.identifiers.end());
  EXPECT_EQ(it->kind, "phone");
  EXPECT_THAT(it->cases, ElementsAre("C1", "C2"));
  EXPECT_FALSE(it->citations.shown.empty());
  EXPECT_THAT(it->accounts, ::testing::Contains(testing::kOperative));
}

TEST_F(LinksTest, DeviceLocalRefsNeverLinkCases) {
  // A name saved on a phone, as if it had (wrongly) been one account in two cases.
  ASSERT_TRUE(ws_->db().Exec("INSERT INTO accounts(ref, platform) VALUES('whatsapp-contact:Ali', 'whatsapp-contact')").ok());
  const int64_t ali = AccountId("whatsapp-contact:Ali");
  ASSERT_TRUE(ws_->db().Exec("INSERT INTO g_account_cases(account_id, case_id, messages, first_at, last_at, "
                             "cite_exhibit_id, cite_locator) VALUES(" + std::to_string(ali) + ", 1, 1, 1, 1, 1, 'line 1'), (" +
                             std::to_string(ali) + ", 2, 1, 1, 1, 3, 'line 1')").ok());
  LinksResult r = Links();
  EXPECT_EQ(Find(r, "whatsapp-contact:Ali"), nullptr);
  EXPECT_EQ(r.accounts.size(), 2u);
}

TEST_F(LinksTest, AChannelListedWithoutMembershipIsStillOnlyFollowed) {
  AddCase("C4");
  // Both listed in C4 by an attribute only (as an HTML export's chat list would): the channel
  // stays "followed", the friend's appearance counts as a case.
  const std::string row = ", 4, 0, NULL, NULL, 1, '/chats/list/9')";
  ASSERT_TRUE(ws_->db().Exec("INSERT INTO g_account_cases(account_id, case_id, messages, first_at, last_at, "
                             "cite_exhibit_id, cite_locator) VALUES(" + std::to_string(AccountId(testing::kChannel)) + row +
                             ", (" + std::to_string(AccountId("telegram:user101")) + row).ok());
  LinksResult r = Links();
  const LinkedAccount* channel = Find(r, testing::kChannel);
  ASSERT_NE(channel, nullptr);
  EXPECT_EQ(channel->cases.size(), 4u);
  EXPECT_EQ(TermOf(channel->score, "cases").value, 0) << TermOf(channel->score, "cases").explanation;
  EXPECT_DOUBLE_EQ(TermOf(channel->score, "rarity").value, 0.2);
  const LinkedAccount* friend_account = Find(r, "telegram:user101");
  ASSERT_NE(friend_account, nullptr);
  EXPECT_EQ(TermOf(friend_account->score, "cases").value, 2);
  EXPECT_GT(friend_account->score.score, channel->score.score);
}

TEST_F(LinksTest, ScopeMinCasesAndLimit) {
  LinkOptions two;
  two.cases = {"C1", "C3"};
  LinksResult r = Links(two);
  ASSERT_EQ(r.accounts.size(), 2u);
  EXPECT_THAT(r.accounts[0].cases, ElementsAre("C1", "C3"));
  EXPECT_EQ(TermOf(r.accounts[0].score, "direct_contact").value, 1);  // S2 is out of scope
  LinkOptions three;
  three.min_cases = 3;
  three.limit = 1;
  r = Links(three);
  EXPECT_EQ(r.total_accounts, 2);
  ASSERT_EQ(r.accounts.size(), 1u);
  EXPECT_EQ(r.accounts[0].ref, testing::kOperative);
  LinkOptions unknown;
  unknown.cases = {"C9"};
  EXPECT_EQ(QueryLinks(*ws_, unknown).error().kind(), ErrorKind::kNotFound);
  LinkOptions zero;
  zero.min_cases = 0;
  EXPECT_EQ(QueryLinks(*ws_, zero).error().kind(), ErrorKind::kInvalidArgument);
}

// Pure scoring on hand-made evidence: a channel followed in three cases against an account
// that privately wrote first to two subjects in two cases.
TEST(LinkScoreTest, PrivateContactOutweighsBeingFollowedEverywhere) {
  AccountEvidence channel;
  channel.ref = "telegram:channel1";
  channel.platform = "telegram";
  for (const char* c : {"C1", "C2", "C3"}) channel.cases.push_back(CaseOccurrence{0, c, 1, true, {}});
  channel.pagerank = 0.01;
  AccountEvidence op;
  op.ref = "telegram:user2";
  op.platform = "telegram";
  for (const char* c : {"C1", "C2"}) op.cases.push_back(CaseOccurrence{0, c, 1, false, {}});
  for (const char* s : {"C1/S1", "C2/S2"}) {
    SubjectContact contact;
    contact.subject = s;
    contact.direct = true;
    contact.initiated = true;
    contact.platform = "telegram";
    op.contacts.push_back(contact);
  }
  const LinkScore c = ScoreAccounts({channel}, {}, 100);
  const LinkScore o = ScoreAccounts({op}, {}, 100);
  EXPECT_DOUBLE_EQ(c.score, Points(0.25, 2) + Points(1, 1));  // rarity + centrality (0.01 x 100)
  EXPECT_DOUBLE_EQ(o.score, 2 * 10 + 2 * 5 + 2 * 3 + 2 * 1 + 2 * 1);
  EXPECT_GT(o.score, c.score);
  // The same subject reached on a second platform by a partner account is a migration.
  AccountEvidence other = op;
  other.platform = "matrix";
  for (auto& contact : other.contacts) contact.platform = "matrix";
  EXPECT_EQ(TermOf(ScoreAccounts({op}, {other}, 100), "platform_migration").value, 2);
}

TEST(LinkScoreTest, IdentifierOnlyInChannelsIsRare) {
  EXPECT_EQ(ScoreIdentifier(3, 3).score, Points(0.25, 2));
  EXPECT_EQ(ScoreIdentifier(2, 0).score, 2 + 2);
}

}  // namespace
}  // namespace casegraph::graph
