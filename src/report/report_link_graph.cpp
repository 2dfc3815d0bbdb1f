// GatherLinkGraph: the accounts of a case and their ties, from the derived tables that
// graph::Refresh keeps (g_subject_accounts, g_direct, g_members, g_account_metrics). Group
// co-membership is drawn only from subjects' accounts: a 500-member group would otherwise fill
// the page with a clique that says nothing. Nodes are capped; subjects' and flagged accounts are
// always kept, then private-chat partners and group co-members by PageRank.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "graph/query_rows.h"
#include "report/report_data.h"

namespace casegraph::report {
namespace {

constexpr size_t kMaxNodes = 120;

enum Priority { kSubject = 0, kFlagged = 1, kDirect = 2, kGroup = 3 };

struct Candidate {
  int priority = kGroup;
  GraphNode node;
};

struct Ties {
  std::map<std::pair<int64_t, int64_t>, int64_t> direct;  // (lower id, higher id) -> messages
  std::map<std::pair<int64_t, int64_t>, int64_t> group;   // -> shared groups
};

std::pair<int64_t, int64_t> Pair(int64_t x, int64_t y) { return x < y ? std::pair{x, y} : std::pair{y, x}; }

Status ReadSubjectAccounts(store::Workspace& ws, int64_t case_id, std::map<int64_t, Candidate>& cands) {
  auto stmt = ws.db().Prepare(
      "SELECT g.account_id, s.label FROM g_subject_accounts g JOIN subjects s ON s.id=g.subject_id "
      "WHERE s.case_id=?1 ORDER BY g.account_id, s.label");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id);
  return graph::ForEachRow(*stmt, [&](store::Stmt& s) {
    Candidate& c = cands[s.Int(0)];
    if (c.node.subject.empty()) c.node.subject = s.Text(1);
    c.priority = kSubject;
  });
}

Status ReadDirect(store::Workspace& ws, int64_t case_id, std::map<int64_t, Candidate>& cands, Ties& ties) {
  auto stmt = ws.db().Prepare(
      "SELECT a_account_id, b_account_id, a_messages + b_messages FROM g_direct WHERE case_id=?1 "
      "ORDER BY conversation_id");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id);
  return graph::ForEachRow(*stmt, [&](store::Stmt& s) {
    const int64_t a = s.Int(0), b = s.Int(1);
    if (a == b) return;
    for (int64_t id : {a, b}) cands[id].priority = std::min(cands[id].priority, static_cast<int>(kDirect));
    ties.direct[Pair(a, b)] += s.Int(2);
  });
}

Status ReadGroups(store::Workspace& ws, int64_t case_id, std::map<int64_t, Candidate>& cands, Ties& ties) {
  auto stmt = ws.db().Prepare(
      "SELECT m.conversation_id, m.account_id FROM g_members m JOIN g_conversations c ON "
      "c.conversation_id=m.conversation_id WHERE m.case_id=?1 AND c.class='group' "
      "ORDER BY m.conversation_id, m.account_id");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id);
  std::map<int64_t, std::vector<int64_t>> members;
  CASEGRAPH_RETURN_IF_ERROR(
      graph::ForEachRow(*stmt, [&](store::Stmt& s) { members[s.Int(0)].push_back(s.Int(1)); }));
  for (const auto& [conversation, ids] : members) {
    for (int64_t subject_account : ids) {
      auto it = cands.find(subject_account);
      if (it == cands.end() || it->second.priority != kSubject) continue;
      for (int64_t other : ids) {
        if (other == subject_account) continue;
        // A pair of two subjects is met twice; count it once.
        auto o = cands.find(other);
        if (o != cands.end() && o->second.priority == kSubject && other < subject_account) continue;
        cands[other];  // a co-member becomes a candidate (priority kGroup unless already better)
        ties.group[Pair(subject_account, other)] += 1;
      }
    }
  }
  return Ok();
}

// Refs and metrics of every candidate.
Status ReadNodeFacts(store::Workspace& ws, std::map<int64_t, Candidate>& cands) {
  auto stmt = ws.db().Prepare(
      "SELECT a.ref, COALESCE(m.community,-1), COALESCE(m.pagerank,0) FROM accounts a "
      "LEFT JOIN g_account_metrics m ON m.account_id=a.id WHERE a.id=?1");
  if (!stmt) return stmt.error();
  for (auto& entry : cands) {  // not a structured binding: clang 14 cannot capture one in a lambda
    Candidate& c = entry.second;
    stmt->Bind(1, entry.first);
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& s) {
      c.node.ref = s.Text(0);
      c.node.community = s.Int(1);
      c.node.pagerank = s.Double(2);
    }));
  }
  return Ok();
}

// The highest severity each account ref is flagged with.
std::map<std::string, int> FlagSeverities(const std::vector<indicators::Finding>& findings) {
  std::map<std::string, int> out;
  for (const auto& f : findings) {
    for (const auto& ref : f.accounts) out[ref] = std::max(out[ref], static_cast<int>(f.severity));
  }
  return out;
}

}  // namespace

Result<LinkGraph> GatherLinkGraph(store::Workspace& ws, int64_t case_id,
                                  const std::vector<indicators::Finding>& findings) {
  std::map<int64_t, Candidate> cands;
  Ties ties;
  CASEGRAPH_RETURN_IF_ERROR(ReadSubjectAccounts(ws, case_id, cands));
  CASEGRAPH_RETURN_IF_ERROR(ReadDirect(ws, case_id, cands, ties));
  CASEGRAPH_RETURN_IF_ERROR(ReadGroups(ws, case_id, cands, ties));
  CASEGRAPH_RETURN_IF_ERROR(ReadNodeFacts(ws, cands));
  const auto severities = FlagSeverities(findings);
  for (auto& [id, c] : cands) {
    auto it = severities.find(c.node.ref);
    if (it == severities.end()) continue;
    c.node.severity = it->second;
    c.priority = std::min(c.priority, static_cast<int>(kFlagged));
  }

  // Keep the most important accounts, then list them by ref.
  std::vector<std::pair<int64_t, const Candidate*>> ranked;
  for (const auto& [id, c] : cands) ranked.emplace_back(id, &c);
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    return std::tuple(x.second->priority, -x.second->node.pagerank, x.second->node.ref) <
           std::tuple(y.second->priority, -y.second->node.pagerank, y.second->node.ref);
  });
  LinkGraph g;
  if (ranked.size() > kMaxNodes) {
    g.omitted_nodes = static_cast<int64_t>(ranked.size() - kMaxNodes);
    ranked.resize(kMaxNodes);
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& x, const auto& y) { return x.second->node.ref < y.second->node.ref; });
  std::map<int64_t, size_t> index;
  for (const auto& [id, c] : ranked) {
    index[id] = g.nodes.size();
    g.nodes.push_back(c->node);
  }
  auto add_edges = [&](const std::map<std::pair<int64_t, int64_t>, int64_t>& ties_of_kind, bool direct) {
    for (const auto& [pair, weight] : ties_of_kind) {
      auto a = index.find(pair.first), b = index.find(pair.second);
      if (a == index.end() || b == index.end()) continue;
      g.edges.push_back({std::min(a->second, b->second), std::max(a->second, b->second), direct, weight});
    }
  };
  add_edges(ties.direct, true);
  add_edges(ties.group, false);
  std::sort(g.edges.begin(), g.edges.end(), [](const GraphEdge& x, const GraphEdge& y) {
    return std::tuple(x.a, x.b, x.direct) < std::tuple(y.a, y.b, y.direct);
  });
  return g;
}

}  // namespace casegraph::report
