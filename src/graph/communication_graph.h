// The communication graph that the analytics (PageRank, betweenness, Leiden) run on: one node
// per account that occurs in a case, one weighted undirected edge per pair of accounts that
// talked. Built from the derived g_* tables, never from messages.
//
// Edges:
// - a direct conversation (g_direct) joins its two accounts with weight = its messages (at
//   least 1);
// - a group conversation (class `group`) is projected onto its members: each pair of the k
//   members gets (1 + messages of both in that group) / (k - 1). The 1/(k-1) is Newman's
//   collaboration weighting: a member's ties in one group add up to about its activity there,
//   so a big group does not outweigh a private conversation. A projection (not a bipartite
//   account–group graph) because PageRank, betweenness and modularity are then about accounts
//   only, and a hop between two members is one step, as in `path`.
// - groups of more than kMaxProjectedGroup members are audiences, not circles: left out, like
//   `channel` conversations, whose followers never become each other's edges (a broadcast
//   channel would otherwise be a hub joining every case).
// Pairs met in several conversations get the sum. Nodes and edges are in ascending id order.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::graph {

constexpr int64_t kMaxProjectedGroup = 256;

struct CommunicationGraph {
  std::vector<int64_t> account_ids;              // node i is account_ids[i], ascending
  std::vector<std::pair<int64_t, int64_t>> edges;  // node indexes (i < j), ascending
  std::vector<double> weights;                    // one per edge
};

Result<CommunicationGraph> LoadCommunicationGraph(store::Workspace& ws);

}  // namespace casegraph::graph
