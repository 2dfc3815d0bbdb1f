// The identifier list of `links`: values (phones, handles, links, wallets…) that occur in
// several cases, from g_identifier_cases (per identifier and case, built at refresh).
#include <map>

#include "graph/links_parts.h"
#include "graph/query_rows.h"

namespace casegraph::graph {

Result<std::vector<LinkedIdentifier>> QueryLinkedIdentifiers(store::Workspace& ws, CitationSource& citations,
                                                             const std::vector<int64_t>& scope, int64_t min_cases) {
  const std::string in_scope = ScopeSql("gi.case_id", scope);
  auto found = ws.db().Prepare(
      "SELECT gi.identifier_id, i.kind, i.value FROM g_identifier_cases gi JOIN identifiers i ON i.id=gi.identifier_id "
      "WHERE " + in_scope + " GROUP BY gi.identifier_id HAVING COUNT(*) >= ?1 ORDER BY gi.identifier_id");
  if (!found) return found.error();
  auto per_case = ws.db().Prepare(
      "SELECT gi.case_id, gi.channel_only, gi.first_at, gi.cite_exhibit_id, gi.cite_locator FROM g_identifier_cases gi "
      "WHERE gi.identifier_id=?1 AND " + in_scope);
  if (!per_case) return per_case.error();
  auto bearers = ws.db().Prepare(
      "SELECT DISTINCT a.ref FROM identifier_occurrences io JOIN accounts a ON a.id=io.account_id "
      "WHERE io.identifier_id=?1 AND io.source='profile' ORDER BY a.ref");
  if (!bearers) return bearers.error();

  std::vector<std::pair<int64_t, LinkedIdentifier>> entries;
  found->Bind(1, min_cases);
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*found, [&](store::Stmt& s) {
    LinkedIdentifier l;
    l.kind = s.Text(1);
    l.value = s.Text(2);
    entries.emplace_back(s.Int(0), std::move(l));
  }));
  std::vector<LinkedIdentifier> out;
  for (auto& entry : entries) {  // not a structured binding: clang 14 cannot capture one
    const int64_t id = entry.first;
    LinkedIdentifier& l = entry.second;
    int64_t channel_only = 0;
    std::vector<std::pair<std::optional<int64_t>, model::Citation>> dated;
    std::map<std::string, bool> cases;
    per_case->Bind(1, id);
    CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*per_case, [&](store::Stmt& s) {
      cases[citations.CaseCode(s.Int(0))] = true;
      if (s.Int(1) != 0) ++channel_only;
      dated.emplace_back(s.OptInt(2), citations.Cite(s.Int(3), s.Text(4)));
    }));
    for (const auto& [code, unused] : cases) l.cases.push_back(code);
    bearers->Bind(1, id);
    CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*bearers, [&](store::Stmt& s) { l.accounts.push_back(s.Text(0)); }));
    l.score = ScoreIdentifier(static_cast<int64_t>(l.cases.size()), channel_only);
    l.citations = EarliestCitations(std::move(dated));
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace casegraph::graph
