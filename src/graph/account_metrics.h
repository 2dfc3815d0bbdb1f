// Centrality and communities of the communication graph, computed with igraph: weighted
// PageRank (damping 0.85), unweighted betweenness (shortest paths counted in hops, as `path`
// counts them) and Leiden communities optimising modularity. The RNG is seeded with a fixed
// value (42) before Leiden, and communities are renumbered by size (0 = largest; ties by their
// smallest account id), so the same graph always gives the same numbers.
// igraph reports errors through a global handler; this code installs a non-aborting one for the
// duration of the call and turns error codes into Error values. Not thread-safe (igraph's
// handlers and RNG are process-wide).
#pragma once

#include <cstdint>
#include <vector>

#include "base/result.h"
#include "graph/communication_graph.h"

namespace casegraph::graph {

struct AccountMetric {
  int64_t account_id = 0;
  double pagerank = 0, betweenness = 0;
  int64_t community = 0;
};

constexpr unsigned long kLeidenSeed = 42;

// One row per node of `g`, in node order. `with_betweenness` false leaves betweenness at 0 (the
// benchmark against networkx times PageRank and communities alone, as the peer computes them).
Result<std::vector<AccountMetric>> ComputeAccountMetrics(const CommunicationGraph& g, bool with_betweenness = true);

}  // namespace casegraph::graph
