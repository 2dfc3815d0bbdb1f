// FindPath: a layered breadth-first search over PathGraph. Layer k holds, per node, the best
// way found to reach it in exactly k hops; without a window a node is reached once (classic
// BFS), with a window a node is reached again in a later layer only with a strictly earlier
// arrival, because an earlier arrival can open message hops that a later one cannot. Nodes of
// a layer are expanded in code order and their edges in tie-break order, and the first way to
// reach a node wins among equals, so the lowest ids win.
#include "graph/path.h"

#include <algorithm>
#include <map>

#include "graph/path_graph.h"
#include "graph/read_snapshot.h"
#include "graph/ref_resolve.h"

namespace casegraph::graph {
namespace {

struct Step {
  int64_t node = 0;
  int64_t arrival = kEarliest;  // time-order mode only
  int prev = -1;                // index into the search's step list
  const PathEdge* edge = nullptr;
  std::optional<int64_t> at;
  std::vector<Cite> cites;
};

int64_t EndpointNode(const Endpoint& e) {
  switch (e.kind) {
    case EndpointKind::kAccount: return NodeCode(NodeKind::kAccount, e.id);
    case EndpointKind::kSubject: return NodeCode(NodeKind::kSubject, e.id);
    case EndpointKind::kPerson: return NodeCode(NodeKind::kPerson, e.id);
  }
  return 0;
}

// A person end in the middle of a path would be a detour: only the ends are person nodes.
bool Enterable(int64_t node, int64_t target) { return KindOfNode(node) != NodeKind::kPerson || node == target; }

Result<std::vector<PathHop>> Unwind(PathGraph& graph, const std::vector<Step>& steps, int last) {
  std::vector<PathHop> hops;
  for (int i = last; steps[static_cast<size_t>(i)].prev >= 0; i = steps[static_cast<size_t>(i)].prev) {
    const Step& s = steps[static_cast<size_t>(i)];
    PathHop hop;
    auto from = graph.NodeRef(steps[static_cast<size_t>(s.prev)].node);
    if (!from) return from.error();
    auto to = graph.NodeRef(s.node);
    if (!to) return to.error();
    hop.from = std::move(*from);
    hop.to = std::move(*to);
    hop.kind = HopKindName(s.edge->kind);
    hop.at = s.at;
    hop.case_code = s.edge->case_id ? graph.citations().CaseCode(s.edge->case_id) : "";
    hop.detail = s.edge->detail;
    for (const auto& [exhibit, locator] : s.cites) hop.citations.push_back(graph.citations().Cite(exhibit, locator));
    hops.push_back(std::move(hop));
  }
  std::reverse(hops.begin(), hops.end());
  return hops;
}

}  // namespace

Result<PathResult> FindPath(store::Workspace& ws, const PathOptions& options) {
  ReadSnapshot snapshot(ws);
  auto from = ResolveRef(ws, options.from);
  if (!from) return from.error();
  auto to = ResolveRef(ws, options.to);
  if (!to) return to.error();
  const int64_t start = EndpointNode(*from), target = EndpointNode(*to);
  if (start == target) return Error::InvalidArgument("--from and --to name the same " + from->ref);
  std::map<int64_t, std::vector<int64_t>> person_ends;
  for (const Endpoint* e : {&*from, &*to}) {
    if (e->kind == EndpointKind::kPerson) person_ends[e->id] = e->accounts;
  }
  auto graph = PathGraph::Open(ws, std::move(person_ends));
  if (!graph) return graph.error();

  PathResult result;
  result.from = from->ref;
  result.to = to->ref;
  const bool timed = options.window.any();
  std::vector<Step> steps;
  steps.push_back(Step{start, options.window.after.value_or(kEarliest), -1, nullptr, std::nullopt, {}});
  std::map<int64_t, int64_t> best;  // node -> earliest arrival so far (visited, without a window)
  best[start] = steps[0].arrival;
  std::vector<int> frontier = {0};
  for (int64_t layer = 0; layer < options.max_hops && !frontier.empty(); ++layer) {
    std::map<int64_t, int> next;  // node -> step reaching it in this layer
    for (int index : frontier) {
      const int64_t node = steps[static_cast<size_t>(index)].node;
      const int64_t arrival = steps[static_cast<size_t>(index)].arrival;
      auto edges = graph->Edges(node);
      if (!edges) return edges.error();
      for (const PathEdge& edge : **edges) {
        if (!Enterable(edge.to, target)) continue;
        Step s{edge.to, arrival, index, &edge, edge.at, edge.cites};
        if (timed) {
          auto when = graph->Arrive(edge, arrival, options.window);
          if (!when) return when.error();
          if (!*when) continue;
          s.arrival = (*when)->at;
          if (edge.kind == HopKind::kDirect || edge.kind == HopKind::kGroup) s.at = (*when)->at;
          s.cites = std::move((*when)->cites);
        }
        auto seen = best.find(edge.to);
        if (seen != best.end() && (!timed || s.arrival >= seen->second)) continue;
        best[edge.to] = s.arrival;
        steps.push_back(std::move(s));
        next[edge.to] = static_cast<int>(steps.size() - 1);
      }
    }
    auto reached = next.find(target);
    if (reached != next.end()) {
      auto hops = Unwind(*graph, steps, reached->second);
      if (!hops) return hops.error();
      result.found = true;
      result.hops = std::move(*hops);
      return result;
    }
    frontier.clear();
    for (const auto& [node, index] : next) frontier.push_back(index);
  }
  return result;
}

}  // namespace casegraph::graph
