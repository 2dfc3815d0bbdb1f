#include "graph/communication_graph.h"

#include <algorithm>
#include <map>

#include "graph/query_rows.h"

namespace casegraph::graph {
namespace {

using PairWeights = std::map<std::pair<int64_t, int64_t>, double>;

void AddTie(PairWeights& ties, int64_t a, int64_t b, double weight) {
  if (a == b) return;
  ties[{std::min(a, b), std::max(a, b)}] += weight;
}

struct GroupMember {
  int64_t account_id = 0, messages = 0;
};

void ProjectGroup(const std::vector<GroupMember>& members, PairWeights& ties) {
  const auto k = static_cast<int64_t>(members.size());
  if (k < 2 || k > kMaxProjectedGroup) return;
  for (size_t i = 0; i < members.size(); ++i) {
    for (size_t j = i + 1; j < members.size(); ++j) {
      const double w = static_cast<double>(1 + members[i].messages + members[j].messages) / static_cast<double>(k - 1);
      AddTie(ties, members[i].account_id, members[j].account_id, w);
    }
  }
}

}  // namespace

Result<CommunicationGraph> LoadCommunicationGraph(store::Workspace& ws) {
  std::vector<int64_t> nodes;
  auto accounts = ws.db().Prepare("SELECT DISTINCT account_id FROM g_account_cases");
  if (!accounts) return accounts.error();
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*accounts, [&](store::Stmt& s) { nodes.push_back(s.Int(0)); }));

  PairWeights ties;
  auto direct = ws.db().Prepare("SELECT a_account_id, b_account_id, a_messages + b_messages FROM g_direct");
  if (!direct) return direct.error();
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*direct, [&](store::Stmt& s) {
    AddTie(ties, s.Int(0), s.Int(1), static_cast<double>(std::max<int64_t>(1, s.Int(2))));
  }));

  auto groups = ws.db().Prepare(
      "SELECT m.conversation_id, m.account_id, m.messages FROM g_members m "
      "JOIN g_conversations c ON c.conversation_id=m.conversation_id WHERE c.class='group' "
      "ORDER BY m.conversation_id, m.account_id");
  if (!groups) return groups.error();
  std::vector<GroupMember> members;
  int64_t current = -1;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*groups, [&](store::Stmt& s) {
    if (s.Int(0) != current) {
      ProjectGroup(members, ties);
      members.clear();
      current = s.Int(0);
    }
    members.push_back(GroupMember{s.Int(1), s.Int(2)});
  }));
  ProjectGroup(members, ties);

  for (const auto& [pair, weight] : ties) {
    nodes.push_back(pair.first);
    nodes.push_back(pair.second);
  }
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());

  CommunicationGraph g;
  g.account_ids = std::move(nodes);
  auto index_of = [&](int64_t id) {
    return static_cast<int64_t>(std::lower_bound(g.account_ids.begin(), g.account_ids.end(), id) - g.account_ids.begin());
  };
  g.edges.reserve(ties.size());
  g.weights.reserve(ties.size());
  for (const auto& [pair, weight] : ties) {  // map order: ascending (a, b), so ascending indexes
    g.edges.emplace_back(index_of(pair.first), index_of(pair.second));
    g.weights.push_back(weight);
  }
  return g;
}

}  // namespace casegraph::graph
