// casegraph's graph analytics against a peer on the same graph. Two modes:
//   graph_analytics_bench --export WORKSPACE.db EDGES.tsv
//       writes the workspace's communication graph (graph/communication_graph.h: the graph the
//       analytics run on) as "a<TAB>b<TAB>weight" lines, node indexes 0..n-1;
//   graph_analytics_bench EDGES.tsv [RUNS]
//       reads that edge list and times, RUNS times after one warm-up, what Refresh computes on
//       it with igraph (graph/account_metrics.h): PageRank + Leiden, the two the peer computes,
//       and PageRank + betweenness + Leiden, all that Refresh computes. Prints one JSON object
//       (medians in seconds for loading the list and for each set of analytics).
// bench/compare/graph/run_graph_compare.sh runs this and networkx_analytics.py side by side.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "graph/account_metrics.h"
#include "graph/communication_graph.h"
#include "store/workspace.h"

using namespace casegraph;

namespace {

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int Export(const char* workspace, const char* out_path) {
  auto ws = store::Workspace::Open(workspace, false);
  if (!ws) {
    std::fprintf(stderr, "%s\n", ws.error().ToString().c_str());
    return 1;
  }
  auto g = graph::LoadCommunicationGraph(**ws);
  if (!g) {
    std::fprintf(stderr, "%s\n", g.error().ToString().c_str());
    return 1;
  }
  std::FILE* out = std::fopen(out_path, "w");
  if (out == nullptr) {
    std::perror(out_path);
    return 1;
  }
  for (size_t e = 0; e < g->edges.size(); ++e) {
    std::fprintf(out, "%lld\t%lld\t%.17g\n", static_cast<long long>(g->edges[e].first),
                 static_cast<long long>(g->edges[e].second), g->weights[e]);
  }
  std::fclose(out);
  std::printf("{\"vertices\":%zu,\"edges\":%zu}\n", g->account_ids.size(), g->edges.size());
  return 0;
}

bool Load(const char* path, graph::CommunicationGraph& g) {
  std::FILE* in = std::fopen(path, "r");
  if (in == nullptr) return false;
  long long a = 0, b = 0;
  double w = 0;
  int64_t max_node = -1;
  while (std::fscanf(in, "%lld\t%lld\t%lf", &a, &b, &w) == 3) {
    g.edges.emplace_back(a, b);
    g.weights.push_back(w);
    max_node = std::max<int64_t>(max_node, std::max(a, b));
  }
  std::fclose(in);
  g.account_ids.resize(static_cast<size_t>(max_node + 1));
  for (size_t i = 0; i < g.account_ids.size(); ++i) g.account_ids[i] = static_cast<int64_t>(i);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::strcmp(argv[1], "--export") == 0) return Export(argv[2], argv[3]);
  if (argc < 2) {
    std::fprintf(stderr, "usage: graph_analytics_bench EDGES.tsv [RUNS] | --export WORKSPACE.db EDGES.tsv\n");
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::vector<double> load_s, two_s, all_s;
  size_t vertices = 0, edges = 0;
  for (int i = 0; i <= runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    graph::CommunicationGraph g;
    if (!Load(argv[1], g)) {
      std::perror(argv[1]);
      return 1;
    }
    const double load = Seconds(start);
    start = std::chrono::steady_clock::now();
    auto two = graph::ComputeAccountMetrics(g, /*with_betweenness=*/false);
    const double two_seconds = Seconds(start);
    start = std::chrono::steady_clock::now();
    auto all = graph::ComputeAccountMetrics(g, /*with_betweenness=*/true);
    const double all_seconds = Seconds(start);
    if (!two || !all) {
      std::fprintf(stderr, "%s\n", (two ? all.error() : two.error()).ToString().c_str());
      return 1;
    }
    vertices = g.account_ids.size();
    edges = g.edges.size();
    if (i == 0) continue;  // warm-up
    load_s.push_back(load);
    two_s.push_back(two_seconds);
    all_s.push_back(all_seconds);
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::printf(
      "{\"peer\":\"casegraph (igraph)\",\"vertices\":%zu,\"edges\":%zu,\"runs\":%d,\"load_s\":%.5f,"
      "\"pagerank_leiden_s\":%.5f,\"pagerank_betweenness_leiden_s\":%.5f}\n",
      vertices, edges, runs, median(load_s), median(two_s), median(all_s));
  return 0;
}
