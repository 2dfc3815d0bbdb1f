#include "graph/account_metrics.h"

#include <igraph/igraph.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>

namespace casegraph::graph {
namespace {

// Installs igraph's non-aborting handlers (errors come back as codes, warnings are dropped)
// and restores the previous ones on scope exit.
class QuietIgraph {
 public:
  QuietIgraph()
      : error_(igraph_set_error_handler(igraph_error_handler_ignore)),
        warning_(igraph_set_warning_handler(igraph_warning_handler_ignore)) {}
  ~QuietIgraph() {
    igraph_set_error_handler(error_);
    igraph_set_warning_handler(warning_);
  }
  QuietIgraph(const QuietIgraph&) = delete;
  QuietIgraph& operator=(const QuietIgraph&) = delete;

 private:
  igraph_error_handler_t* error_;
  igraph_warning_handler_t* warning_;
};

// igraph objects destroyed on scope exit once their Init succeeded.
struct RealVector {
  igraph_vector_t v;
  bool live = false;
  igraph_error_t Init(igraph_integer_t size) {
    const igraph_error_t code = igraph_vector_init(&v, size);
    live = code == IGRAPH_SUCCESS;
    return code;
  }
  ~RealVector() {
    if (live) igraph_vector_destroy(&v);
  }
};
struct IntVector {
  igraph_vector_int_t v;
  bool live = false;
  igraph_error_t Init(igraph_integer_t size) {
    const igraph_error_t code = igraph_vector_int_init(&v, size);
    live = code == IGRAPH_SUCCESS;
    return code;
  }
  ~IntVector() {
    if (live) igraph_vector_int_destroy(&v);
  }
};
struct Graph {
  igraph_t g;
  bool live = false;
  igraph_error_t Create(const igraph_vector_int_t& edges, igraph_integer_t nodes) {
    const igraph_error_t code = igraph_create(&g, &edges, nodes, IGRAPH_UNDIRECTED);
    live = code == IGRAPH_SUCCESS;
    return code;
  }
  ~Graph() {
    if (live) igraph_destroy(&g);
  }
};

Status Check(const char* what, igraph_error_t code) {
  if (code == IGRAPH_SUCCESS) return Ok();
  return Error::Internal(std::string("igraph ") + what + " failed: " + igraph_strerror(code));
}

// Leiden labels renumbered: largest community first, ties by the smallest node in it.
std::vector<int64_t> RenumberBySize(const igraph_vector_int_t& membership) {
  const auto n = static_cast<size_t>(igraph_vector_int_size(&membership));
  std::map<int64_t, std::pair<int64_t, size_t>> groups;  // label -> (size, smallest node)
  for (size_t node = 0; node < n; ++node) {
    auto it = groups.try_emplace(VECTOR(membership)[node], 0, node).first;
    ++it->second.first;
  }
  std::vector<std::pair<int64_t, std::pair<int64_t, size_t>>> order(groups.begin(), groups.end());
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.second.first != b.second.first) return a.second.first > b.second.first;
    return a.second.second < b.second.second;
  });
  std::map<int64_t, int64_t> renumbered;
  for (size_t rank = 0; rank < order.size(); ++rank) renumbered[order[rank].first] = static_cast<int64_t>(rank);
  std::vector<int64_t> out(n);
  for (size_t node = 0; node < n; ++node) out[node] = renumbered[VECTOR(membership)[node]];
  return out;
}

Result<std::vector<int64_t>> Leiden(const igraph_t& graph, const igraph_vector_t& weights, double total_weight,
                                    size_t nodes) {
  if (total_weight <= 0) {  // no edges: every account is its own community
    std::vector<int64_t> alone(nodes);
    std::iota(alone.begin(), alone.end(), 0);
    return alone;
  }
  // The modularity objective: node weights are the strengths, resolution 1 / (2m).
  RealVector strength;
  CASEGRAPH_RETURN_IF_ERROR(Check("vector", strength.Init(0)));
  CASEGRAPH_RETURN_IF_ERROR(Check("strength", igraph_strength(&graph, &strength.v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &weights)));
  IntVector membership;
  CASEGRAPH_RETURN_IF_ERROR(Check("vector", membership.Init(0)));
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  igraph_rng_seed(igraph_rng_default(), kLeidenSeed);
  CASEGRAPH_RETURN_IF_ERROR(Check("community_leiden",
                   igraph_community_leiden(&graph, &weights, &strength.v, 1.0 / (2.0 * total_weight), /*beta=*/0.01,
                                           /*start=*/false, /*n_iterations=*/-1, &membership.v, &clusters, &quality)));
  return RenumberBySize(membership.v);
}

}  // namespace

Result<std::vector<AccountMetric>> ComputeAccountMetrics(const CommunicationGraph& g, bool with_betweenness) {
  QuietIgraph quiet;
  const size_t n = g.account_ids.size();
  std::vector<AccountMetric> out(n);
  for (size_t i = 0; i < n; ++i) out[i].account_id = g.account_ids[i];
  if (n == 0) return out;
  if (g.weights.size() != g.edges.size()) return Error::Internal("communication graph: one weight per edge expected");
  for (double w : g.weights) {
    // igraph loops on NaN weights and accepts negative ones in PageRank: refuse both here.
    if (!std::isfinite(w) || w <= 0) return Error::Internal("communication graph: edge weights must be positive");
  }
  for (const auto& [a, b] : g.edges) {
    if (a < 0 || b < 0 || a >= static_cast<int64_t>(n) || b >= static_cast<int64_t>(n)) {
      return Error::Internal("communication graph: edge " + std::to_string(a) + "-" + std::to_string(b) +
                             " names a node outside 0.." + std::to_string(n - 1));
    }
  }

  IntVector edges;
  CASEGRAPH_RETURN_IF_ERROR(Check("vector", edges.Init(static_cast<igraph_integer_t>(2 * g.edges.size()))));
  RealVector weights;
  CASEGRAPH_RETURN_IF_ERROR(Check("vector", weights.Init(static_cast<igraph_integer_t>(g.weights.size()))));
  double total_weight = 0;
  for (size_t e = 0; e < g.edges.size(); ++e) {
    VECTOR(edges.v)[2 * e] = g.edges[e].first;
    VECTOR(edges.v)[2 * e + 1] = g.edges[e].second;
    VECTOR(weights.v)[e] = g.weights[e];
    total_weight += g.weights[e];
  }
  Graph graph;
  CASEGRAPH_RETURN_IF_ERROR(Check("create", graph.Create(edges.v, static_cast<igraph_integer_t>(n))));

  RealVector pagerank;
  CASEGRAPH_RETURN_IF_ERROR(Check("vector", pagerank.Init(0)));
  igraph_real_t eigenvalue = 0;
  CASEGRAPH_RETURN_IF_ERROR(Check("pagerank", igraph_pagerank(&graph.g, IGRAPH_PAGERANK_ALGO_PRPACK, &pagerank.v, &eigenvalue,
                                               igraph_vss_all(), IGRAPH_UNDIRECTED, 0.85, &weights.v, nullptr)));
  RealVector betweenness;
  CASEGRAPH_RETURN_IF_ERROR(Check("vector", betweenness.Init(0)));
  if (with_betweenness) {
    CASEGRAPH_RETURN_IF_ERROR(Check("betweenness",
                     igraph_betweenness(&graph.g, &betweenness.v, igraph_vss_all(), IGRAPH_UNDIRECTED, nullptr)));
  } else {
    CASEGRAPH_RETURN_IF_ERROR(Check("vector", igraph_vector_resize(&betweenness.v, static_cast<igraph_integer_t>(n))));
    igraph_vector_null(&betweenness.v);
  }
  auto communities = Leiden(graph.g, weights.v, total_weight, n);
  if (!communities) return communities.error();

  for (size_t i = 0; i < n; ++i) {
    out[i].pagerank = VECTOR(pagerank.v)[i];
    out[i].betweenness = VECTOR(betweenness.v)[i];
    out[i].community = (*communities)[i];
  }
  return out;
}

}  // namespace casegraph::graph
