#include <gmock/gmock.h>

#include "graph/path.h"
#include "graph/time_window.h"
#include "link_world.h"

namespace casegraph::graph {
namespace {

using ::testing::HasSubstr;

class PathTest : public testing::LinkWorldTest {
 protected:
  PathResult Path(const std::string& from, const std::string& to, const std::string& after = "",
                  const std::string& before = "") {
    PathOptions o;
    o.from = from;
    o.to = to;
    auto window = ParseTimeWindow(after, before);
    EXPECT_TRUE(window.ok());
    o.window = *window;
    auto r = FindPath(*ws_, o);
    EXPECT_TRUE(r.ok()) << r.error().ToString();
    return r.ok() ? *r : PathResult{};
  }
  static std::vector<std::string> Kinds(const PathResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hops) out.push_back(h.kind);
    return out;
  }
};

TEST_F(PathTest, SubjectToSubjectThroughTheOperative) {
  PathResult r = Path("subject:C1/S1", "subject:C2/S2");
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.from, "subject:C1/S1");
  EXPECT_THAT(Kinds(r), ::testing::ElementsAre("subject-account", "direct", "direct", "subject-account"));
  EXPECT_EQ(r.hops[0].to, "telegram:user100");
  EXPECT_EQ(r.hops[1].to, testing::kOperative);
  EXPECT_EQ(r.hops[2].to, "telegram:user102");
  EXPECT_EQ(r.hops[3].to, "subject:C2/S2");
  for (const auto& h : r.hops) {
    ASSERT_FALSE(h.citations.empty()) << h.kind;
    EXPECT_FALSE(h.citations[0].sha256.empty());
  }
  EXPECT_EQ(r.hops[1].citations[0].locator, "/chats/list/0/messages/0");  // the operative's first message
  EXPECT_EQ(*r.hops[1].at, testing::kWorldT0);
  EXPECT_EQ(r.hops[1].case_code, "C1");
}

TEST_F(PathTest, TimeOrderRefusesAHopBackInTime) {
  // user200 wrote to S2 on Telegram a day before writing to S1: from S1 onwards in time order the
  // way to S2 is the later WhatsApp conversation, through the same person.
  PathResult r = Path("subject:C1/S1", "subject:C2/S2", "2024-01-01");
  ASSERT_TRUE(r.found);
  EXPECT_THAT(Kinds(r), ::testing::ElementsAre("subject-account", "direct", "same-person", "direct", "subject-account"));
  EXPECT_EQ(r.hops[2].to, testing::kOperativeWhatsApp);
  EXPECT_THAT(r.hops[2].detail, HasSubstr("same-phone"));
  EXPECT_FALSE(r.hops[2].citations.empty());
  ASSERT_TRUE(r.hops[3].at.has_value());
  EXPECT_EQ(*r.hops[3].at, testing::kWorldWhatsApp);
  EXPECT_GE(*r.hops[3].at, *r.hops[1].at);
}

TEST_F(PathTest, WindowLeavesOutMessagesOutsideIt) {
  // Before S1's first contact nothing reaches S1 at all.
  EXPECT_FALSE(Path("subject:C1/S1", "subject:C2/S2", "", "2024-05-31").found);
  // After the Telegram contacts only the WhatsApp conversation is left: S1 is unreachable.
  EXPECT_FALSE(Path("subject:C1/S1", "subject:C2/S2", "2024-06-02").found);
  PathResult r = Path(testing::kOperative, "subject:C2/S2", "2024-06-02");
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.hops[1].kind, "direct");
  EXPECT_EQ(r.hops[1].case_code, "C2");
}

TEST_F(PathTest, ChannelFollowersAreNotConnected) {
  EXPECT_FALSE(Path(testing::kChannel, "subject:C1/S1").found);
  EXPECT_TRUE(Path("telegram:user101", "telegram:user103").found);  // friends link through the operative
}

TEST_F(PathTest, GroupMembershipIsOneHop) {
  PathResult r = Path("subject:C3/S3", testing::kOperative);
  ASSERT_TRUE(r.found);
  EXPECT_THAT(Kinds(r), ::testing::ElementsAre("subject-account", "group"));
  EXPECT_THAT(r.hops[1].detail, HasSubstr("Club"));
  EXPECT_EQ(r.hops[1].citations.size(), 2u);  // both members' first messages
  EXPECT_EQ(*r.hops[1].at, testing::kWorldT0 + 1060);
}

TEST_F(PathTest, PersonEndpoints) {
  const std::string person = "person:" + Rows("SELECT key FROM persons")[0];
  PathResult r = Path(person, "subject:C2/S2");
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.hops.size(), 3u);
  EXPECT_EQ(r.hops[0].kind, "person-member");
  EXPECT_EQ(r.hops[0].from, person);
  // A bare key is a person too.
  PathResult bare = Path(Rows("SELECT key FROM persons")[0], "subject:C2/S2");
  EXPECT_EQ(bare.hops.size(), 3u);
}

TEST_F(PathTest, ErrorsNameTheRef) {
  PathOptions o;
  o.from = "telegram:user999";
  o.to = "subject:C1/S1";
  auto r = FindPath(*ws_, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kNotFound);
  EXPECT_THAT(r.error().message(), HasSubstr("telegram:user999"));
  o.from = "subject:C1";
  EXPECT_EQ(FindPath(*ws_, o).error().kind(), ErrorKind::kInvalidArgument);
  o.from = "subject:C1/S1";
  EXPECT_EQ(FindPath(*ws_, o).error().kind(), ErrorKind::kInvalidArgument);  // from = to
}

TEST_F(PathTest, SameAnswerEveryTime) {
  PathResult a = Path("telegram:user101", "subject:C3/S3");
  PathResult b = Path("telegram:user101", "subject:C3/S3");
  ASSERT_TRUE(a.found);
  ASSERT_EQ(a.hops.size(), b.hops.size());
  for (size_t i = 0; i < a.hops.size(); ++i) {
    EXPECT_EQ(a.hops[i].to, b.hops[i].to);
    EXPECT_EQ(a.hops[i].kind, b.hops[i].kind);
  }
}

TEST(TimeWindowTest, ParsesUtcTimesAndRejectsOthers) {
  EXPECT_EQ(*ParseUtcInstant("2024-06-01", false), 1717200000);
  EXPECT_EQ(*ParseUtcInstant("2024-06-01", true), 1717200000 + 86399);
  EXPECT_EQ(*ParseUtcInstant("2024-06-01T10:00:00Z", false), 1717236000);
  EXPECT_FALSE(ParseUtcInstant("2024-06-01T10:00:00+03:00", false).ok());
  EXPECT_FALSE(ParseUtcInstant("yesterday", false).ok());
  EXPECT_FALSE(ParseTimeWindow("2024-06-02", "2024-06-01").ok());
  EXPECT_THAT(ParseTimeWindow("x", "").error().message(), HasSubstr("--after"));
}

}  // namespace
}  // namespace casegraph::graph
