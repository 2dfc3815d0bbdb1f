#include "report/export_graph.h"

#include <algorithm>

#include "graph/query_rows.h"
#include "graph/read_snapshot.h"
#include "graph/ref_resolve.h"
#include "report/export_graph_parts.h"

namespace casegraph::report {
namespace detail {

std::string LoadState::Scope(const std::string& column) const {
  if (scope.empty()) return "1";
  std::string sql = column + " IN (";
  for (size_t i = 0; i < scope.size(); ++i) sql += (i ? "," : "") + std::to_string(scope[i]);
  return sql + ")";
}

std::optional<model::Citation> LoadState::Cite(const store::Stmt& s, int exhibit_col, int locator_col) const {
  if (s.IsNull(exhibit_col) || cite.Exhibit(s.Int(exhibit_col)) == nullptr) return std::nullopt;
  return cite.Cite(s.Int(exhibit_col), s.Text(locator_col));
}

std::string LoadState::AccountNode(int64_t account_id) const {
  auto it = account_node.find(account_id);
  return it == account_node.end() ? std::string() : graph.nodes[it->second].id;
}

namespace {

// Display names, usernames and phones seen in scope, first seen first.
Status LoadAttributes(LoadState& st, int64_t account_id, ExportNode& n) {
  auto attrs = st.ws.db().Prepare(
      "SELECT aa.kind, aa.value FROM account_attributes aa JOIN exhibits e ON e.id=aa.exhibit_id "
      "WHERE aa.account_id=?1 AND aa.kind IN ('display_name','username','phone') AND " + st.Scope("e.case_id") +
      " GROUP BY aa.kind, aa.value ORDER BY MIN(aa.first_seen_utc) IS NULL, MIN(aa.first_seen_utc), aa.value");
  if (!attrs) return attrs.error();
  attrs->Bind(1, account_id);
  return graph::ForEachRow(*attrs, [&](store::Stmt& s) {
    const std::string kind = s.Text(0);
    auto& list = kind == "display_name" ? n.names : kind == "username" ? n.usernames : n.phones;
    list.push_back(s.Text(1));
  });
}

Status LoadAccountFacts(LoadState& st, int64_t account_id, ExportNode& n) {
  CASEGRAPH_RETURN_IF_ERROR(LoadAttributes(st, account_id, n));
  auto cases = st.ws.db().Prepare(
      "SELECT c.code, ac.cite_exhibit_id, ac.cite_locator FROM g_account_cases ac JOIN cases c ON c.id=ac.case_id "
      "WHERE ac.account_id=?1 AND " + st.Scope("ac.case_id") + " ORDER BY ac.first_at IS NULL, ac.first_at, c.code");
  if (!cases) return cases.error();
  cases->Bind(1, account_id);
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*cases, [&](store::Stmt& s) {
    n.cases.push_back(s.Text(0));
    if (!n.citation) n.citation = st.Cite(s, 1, 2);
  }));
  std::sort(n.cases.begin(), n.cases.end());
  auto extra = st.ws.db().Prepare(
      "SELECT (SELECT p.key FROM person_members pm JOIN persons p ON p.id=pm.person_id "
      "        WHERE pm.account_id=?1 AND pm.status='confirmed' ORDER BY p.key LIMIT 1),"
      " (SELECT c.code || '/' || s.label FROM g_subject_accounts sa JOIN subjects s ON s.id=sa.subject_id "
      "  JOIN cases c ON c.id=s.case_id WHERE sa.account_id=?1 AND " + st.Scope("s.case_id") +
      "  ORDER BY c.code, s.label LIMIT 1),"
      " m.pagerank, m.betweenness, m.community "
      "FROM (SELECT 1) LEFT JOIN g_account_metrics m ON m.account_id=?1");
  if (!extra) return extra.error();
  extra->Bind(1, account_id);
  return graph::ForEachRow(*extra, [&](store::Stmt& s) {
    n.person = s.Text(0);
    n.subject = s.Text(1);
    if (!s.IsNull(2)) {
      n.pagerank = s.Double(2);
      n.betweenness = s.Double(3);
      n.community = s.Int(4);
    }
  });
}

}  // namespace

Status LoadAccounts(LoadState& st) {
  auto accounts = st.ws.db().Prepare(
      "SELECT a.id, a.ref, a.platform, MIN(ac.first_at), MAX(ac.last_at) FROM g_account_cases ac "
      "JOIN accounts a ON a.id=ac.account_id WHERE " + st.Scope("ac.case_id") + " GROUP BY a.id ORDER BY a.ref");
  if (!accounts) return accounts.error();
  std::vector<std::pair<int64_t, ExportNode>> rows;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*accounts, [&](store::Stmt& s) {
    ExportNode n;
    n.id = "a" + std::to_string(s.Int(0));
    n.type = kNodeAccount;
    n.ref = s.Text(1);
    n.platform = s.Text(2);
    n.first_at = s.OptInt(3);
    n.last_at = s.OptInt(4);
    rows.emplace_back(s.Int(0), std::move(n));
  }));
  for (auto& [id, n] : rows) {
    CASEGRAPH_RETURN_IF_ERROR(LoadAccountFacts(st, id, n));
    n.label = n.names.empty() ? n.ref : n.names.front();
    st.account_node[id] = st.graph.nodes.size();
    st.graph.nodes.push_back(std::move(n));
  }
  return Ok();
}

}  // namespace detail

Result<ExportGraph> LoadExportGraph(store::Workspace& ws, const ExportGraphOptions& options) {
  graph::ReadSnapshot snapshot(ws);
  ExportGraph graph;
  std::vector<int64_t> scope;
  for (const auto& code : options.cases) {
    auto c = ws.FindCase(code);
    if (!c) return c.error();
    scope.push_back(c->id);
    graph.cases.push_back(c->code);
  }
  std::sort(scope.begin(), scope.end());
  scope.erase(std::unique(scope.begin(), scope.end()), scope.end());
  if (options.cases.empty()) {
    auto all = ws.db().Prepare("SELECT code FROM cases ORDER BY code");
    if (!all) return all.error();
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*all, [&](store::Stmt& s) { graph.cases.push_back(s.Text(0)); }));
  }
  std::sort(graph.cases.begin(), graph.cases.end());
  graph.cases.erase(std::unique(graph.cases.begin(), graph.cases.end()), graph.cases.end());
  auto cite = graph::CitationSource::Load(ws);
  if (!cite) return cite.error();
  detail::LoadState st{ws, *cite, scope, {}, graph};
  CASEGRAPH_RETURN_IF_ERROR(detail::LoadAccounts(st));
  CASEGRAPH_RETURN_IF_ERROR(detail::LoadSubjects(st));
  CASEGRAPH_RETURN_IF_ERROR(detail::LoadPersons(st));
  CASEGRAPH_RETURN_IF_ERROR(detail::LoadPrivateChats(st));
  CASEGRAPH_RETURN_IF_ERROR(detail::LoadGroupCoMembership(st));
  if (options.with_messages) CASEGRAPH_RETURN_IF_ERROR(detail::LoadMessages(st));
  for (size_t i = 0; i < graph.edges.size(); ++i) graph.edges[i].id = "e" + std::to_string(i + 1);
  return graph;
}

}  // namespace casegraph::report
