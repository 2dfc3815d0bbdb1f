#include <gmock/gmock.h>

#include <cmath>

#include "graph/account_metrics.h"
#include "graph/analytics.h"
#include "graph/communication_graph.h"
#include "link_world.h"

namespace casegraph::graph {
namespace {

// Two triangles {0,1,2} and {3,4,5} joined by the bridge 2-3.
CommunicationGraph Barbell() {
  CommunicationGraph g;
  g.account_ids = {10, 11, 12, 13, 14, 15};
  g.edges = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {3, 5}, {4, 5}};
  g.weights.assign(g.edges.size(), 1.0);
  return g;
}

TEST(AccountMetricsTest, BridgeNodesAreCentralAndTheTrianglesAreCommunities) {
  auto m = ComputeAccountMetrics(Barbell());
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  ASSERT_EQ(m->size(), 6u);
  EXPECT_EQ((*m)[2].account_id, 12);
  EXPECT_GT((*m)[2].betweenness, (*m)[0].betweenness);
  EXPECT_DOUBLE_EQ((*m)[2].betweenness, 6);  // {0,1} x {3,4,5}: six shortest paths pass through 2
  EXPECT_EQ((*m)[0].betweenness, 0);
  EXPECT_GT((*m)[2].pagerank, (*m)[0].pagerank);
  double total = 0;
  for (const auto& row : *m) total += row.pagerank;
  EXPECT_NEAR(total, 1.0, 1e-9);
  EXPECT_EQ((*m)[0].community, (*m)[1].community);
  EXPECT_EQ((*m)[1].community, (*m)[2].community);
  EXPECT_EQ((*m)[3].community, (*m)[5].community);
  EXPECT_NE((*m)[0].community, (*m)[3].community);
  EXPECT_EQ((*m)[0].community, 0);  // equal sizes: the one with the smallest node first
}

TEST(AccountMetricsTest, SameGraphSameNumbers) {
  auto a = ComputeAccountMetrics(Barbell());
  auto b = ComputeAccountMetrics(Barbell());
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].pagerank, (*b)[i].pagerank);
    EXPECT_EQ((*a)[i].community, (*b)[i].community);
  }
}

TEST(AccountMetricsTest, EmptyAndEdgelessGraphs) {
  EXPECT_TRUE(ComputeAccountMetrics(CommunicationGraph{})->empty());
  CommunicationGraph lonely;
  lonely.account_ids = {1, 2};
  auto m = ComputeAccountMetrics(lonely);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ((*m)[0].community, 0);
  EXPECT_EQ((*m)[1].community, 1);
  EXPECT_NEAR((*m)[0].pagerank, 0.5, 1e-9);
}

TEST(AccountMetricsTest, BadGraphsAreErrorsNotCrashes) {
  CommunicationGraph g;
  g.account_ids = {1, 2};
  g.edges = {{0, 7}};
  g.weights = {1};
  auto m = ComputeAccountMetrics(g);
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().message(), ::testing::HasSubstr("edge"));
  g.edges = {{0, 1}};
  for (double bad : {std::nan(""), -1.0, 0.0}) {  // igraph would loop on NaN
    g.weights = {bad};
    m = ComputeAccountMetrics(g);
    ASSERT_FALSE(m.ok()) << bad;
    EXPECT_THAT(m.error().message(), ::testing::HasSubstr("weights"));
  }
}

class AnalyticsWorldTest : public testing::LinkWorldTest {};

TEST_F(AnalyticsWorldTest, TheChannelIsNoHubOfTheCommunicationGraph) {
  auto g = LoadCommunicationGraph(*ws_);
  ASSERT_TRUE(g.ok());
  const int64_t channel = AccountId(testing::kChannel), op = AccountId(testing::kOperative);
  const auto index = [&](int64_t id) {
    return std::find(g->account_ids.begin(), g->account_ids.end(), id) - g->account_ids.begin();
  };
  for (const auto& [a, b] : g->edges) {
    EXPECT_NE(a, index(channel));
    EXPECT_NE(b, index(channel));
  }
  // Refresh filled the metrics: every account in a case has a row.
  EXPECT_EQ(Int("SELECT COUNT(*) FROM g_account_metrics"), Int("SELECT COUNT(DISTINCT account_id) FROM g_account_cases"));
  auto pagerank = [&](int64_t id) {
    return Rows("SELECT pagerank FROM g_account_metrics WHERE account_id=" + std::to_string(id))[0];
  };
  EXPECT_LT(std::stod(pagerank(channel)), std::stod(pagerank(op)));
  EXPECT_GT(Int("SELECT betweenness > 0 FROM g_account_metrics WHERE account_id=" + std::to_string(op)), 0);
  // The identifier aggregate: the phone in C1 (a contact's profile) and C2 (the WhatsApp number).
  EXPECT_EQ(Int("SELECT COUNT(*) FROM g_identifier_cases gi JOIN identifiers i ON i.id=gi.identifier_id "
                "WHERE i.value='+905329998877'"), 2);
}

TEST_F(AnalyticsWorldTest, RecomputingGivesTheSameRows) {
  const auto before = Rows("SELECT * FROM g_account_metrics ORDER BY account_id");
  ASSERT_TRUE(ws_->Begin().ok());
  ASSERT_TRUE(ComputeAnalytics(*ws_).ok());
  ASSERT_TRUE(ws_->Commit().ok());
  EXPECT_EQ(Rows("SELECT * FROM g_account_metrics ORDER BY account_id"), before);
}

}  // namespace
}  // namespace casegraph::graph
