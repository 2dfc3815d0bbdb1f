#include <gmock/gmock.h>

#include "graph/time_window.h"
#include "graph/timeline.h"
#include "link_world.h"

namespace casegraph::graph {
namespace {

using ::testing::HasSubstr;

class TimelineTest : public testing::LinkWorldTest {
 protected:
  TimelineResult Timeline(TimelineOptions o) {
    auto r = QueryTimeline(*ws_, o);
    EXPECT_TRUE(r.ok()) << r.error().ToString();
    return r.ok() ? *r : TimelineResult{};
  }
  static std::vector<std::string> Kinds(const TimelineResult& r) {
    std::vector<std::string> out;
    for (const auto& e : r.events) out.push_back(e.kind);
    return out;
  }
};

TEST_F(TimelineTest, TheOperativesAccount) {
  TimelineOptions o;
  o.ref = testing::kOperative;
  TimelineResult r = Timeline(o);
  EXPECT_EQ(r.scope, testing::kOperative);
  EXPECT_FALSE(r.truncated);
  // C2 first contact and its message, C1 first contact and its message, the group.
  EXPECT_THAT(Kinds(r), ::testing::ElementsAre("first_contact", "message", "first_contact", "message", "group_join",
                                               "message"));
  EXPECT_EQ(r.events[0].at, testing::kWorldT0 - 86400);
  EXPECT_EQ(r.events[0].case_code, "C2");
  EXPECT_EQ(r.events[0].actor, testing::kOperative);
  EXPECT_THAT(r.events[0].summary, HasSubstr("wrote first to telegram:user102"));
  EXPECT_EQ(r.events[0].citation.locator, "/chats/list/0/messages/0");
  EXPECT_EQ(r.events[4].conversation, "Club");
  EXPECT_EQ(r.events[4].summary, "first message in the group");
  for (size_t i = 1; i < r.events.size(); ++i) EXPECT_LE(r.events[i - 1].at, r.events[i].at);
}

TEST_F(TimelineTest, APersonSwitchesPlatform) {
  TimelineOptions o;
  o.ref = "person:" + Rows("SELECT key FROM persons")[0];
  o.kinds = {kEventPlatformSwitch, kEventFirstContact};
  TimelineResult r = Timeline(o);
  ASSERT_FALSE(r.events.empty());
  // At one instant a first contact is listed before the platform switch it makes.
  const TimelineEvent& contact = r.events[r.events.size() - 2];
  EXPECT_EQ(contact.kind, "first_contact");
  EXPECT_EQ(contact.platform, "whatsapp");
  const TimelineEvent& switched = r.events.back();
  EXPECT_EQ(switched.kind, "platform_switch");
  EXPECT_EQ(switched.actor, testing::kOperativeWhatsApp);
  EXPECT_EQ(switched.at, testing::kWorldWhatsApp);
  EXPECT_THAT(switched.summary, HasSubstr("after telegram"));
  EXPECT_EQ(switched.citation.exhibit, "s2-whatsapp.txt");
}

TEST_F(TimelineTest, ACaseIsSummarisedWithoutMessagesUnlessAsked) {
  TimelineOptions o;
  o.case_code = "C1";
  TimelineResult r = Timeline(o);
  EXPECT_EQ(r.scope, "case:C1");
  EXPECT_THAT(Kinds(r), ::testing::ElementsAre("first_contact", "first_contact"));  // user200, then the friend
  o.kinds = {kEventMessage};
  r = Timeline(o);
  EXPECT_EQ(r.events.size(), 5u);  // the channel post and four private messages
  o.limit = 2;
  r = Timeline(o);
  EXPECT_EQ(r.events.size(), 2u);
  EXPECT_TRUE(r.truncated);
}

TEST_F(TimelineTest, ACaseListsGroupJoins) {
  TimelineOptions o;
  o.case_code = "C3";
  TimelineResult r = Timeline(o);
  EXPECT_THAT(Kinds(r), ::testing::ElementsAre("group_join", "group_join", "group_join"));
}

TEST_F(TimelineTest, WindowAndCaseFilterAnEntity) {
  TimelineOptions o;
  o.ref = testing::kOperative;
  o.window = *ParseTimeWindow("2024-06-01", "");
  o.case_code = "C1";
  TimelineResult r = Timeline(o);
  EXPECT_THAT(Kinds(r), ::testing::ElementsAre("first_contact", "message"));
  EXPECT_EQ(r.scope, std::string(testing::kOperative) + " in case:C1");
}

TEST_F(TimelineTest, BadInput) {
  TimelineOptions o;
  EXPECT_EQ(QueryTimeline(*ws_, o).error().kind(), ErrorKind::kInvalidArgument);
  o.case_code = "C1";
  o.kinds = {"gossip"};
  EXPECT_THAT(QueryTimeline(*ws_, o).error().message(), HasSubstr("gossip"));
  o.kinds = {};
  o.ref = "telegram:user999";
  EXPECT_EQ(QueryTimeline(*ws_, o).error().kind(), ErrorKind::kNotFound);
}

}  // namespace
}  // namespace casegraph::graph
