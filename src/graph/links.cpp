#include "graph/links.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "graph/links_parts.h"
#include "graph/query_rows.h"
#include "graph/read_snapshot.h"
#include "graph/ref_resolve.h"

namespace casegraph::graph {
namespace {

Result<std::vector<int64_t>> ResolveScope(store::Workspace& ws, const std::vector<std::string>& codes) {
  std::vector<int64_t> ids;
  for (const auto& code : codes) {
    auto c = ws.FindCase(code);
    if (!c) return c.error();
    ids.push_back(c->id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Accounts in at least `min_cases` cases of the scope, device-local refs left out, by id.
Result<std::vector<int64_t>> CandidateAccounts(store::Workspace& ws, const std::vector<int64_t>& scope,
                                               int64_t min_cases) {
  auto stmt = ws.db().Prepare(
      "SELECT ac.account_id, a.ref FROM g_account_cases ac JOIN accounts a ON a.id=ac.account_id WHERE " +
      ScopeSql("ac.case_id", scope) + " GROUP BY ac.account_id HAVING COUNT(*) >= ?1 ORDER BY ac.account_id");
  if (!stmt) return stmt.error();
  stmt->Bind(1, min_cases);
  std::vector<int64_t> out;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*stmt, [&](store::Stmt& s) {
    if (!IsDeviceLocalRef(s.Text(1))) out.push_back(s.Int(0));
  }));
  return out;
}

// Display names (distinct, first seen first) and the confirmed person's key.
class AccountLabels {
 public:
  static Result<AccountLabels> Open(store::Workspace& ws) {
    AccountLabels l;
    auto names = ws.db().Prepare(
        "SELECT value FROM account_attributes WHERE account_id=?1 AND kind='display_name' GROUP BY value "
        "ORDER BY MIN(first_seen_utc) IS NULL, MIN(first_seen_utc), value");
    if (!names) return names.error();
    auto person = ws.db().Prepare(
        "SELECT p.key FROM person_members pm JOIN persons p ON p.id=pm.person_id "
        "WHERE pm.account_id=?1 AND pm.status='confirmed' ORDER BY p.key LIMIT 1");
    if (!person) return person.error();
    l.names_ = std::move(*names);
    l.person_ = std::move(*person);
    return l;
  }
  Status Fill(int64_t account_id, LinkedAccount& a) {
    names_.Bind(1, account_id);
    CASEGRAPH_RETURN_IF_ERROR(ForEachRow(names_, [&](store::Stmt& s) { a.names.push_back(s.Text(0)); }));
    person_.Bind(1, account_id);
    return ForEachRow(person_, [&](store::Stmt& s) {
      a.person = s.Text(0);
      return false;
    });
  }

 private:
  store::Stmt names_, person_;
};

}  // namespace

std::string ScopeSql(const std::string& column, const std::vector<int64_t>& scope) {
  if (scope.empty()) return "1";
  std::string sql = column + " IN (";
  for (size_t i = 0; i < scope.size(); ++i) sql += (i ? "," : "") + std::to_string(scope[i]);
  return sql + ")";
}

CitationList EarliestCitations(std::vector<std::pair<std::optional<int64_t>, model::Citation>> dated) {
  auto key = [](const std::pair<std::optional<int64_t>, model::Citation>& d) {
    return std::make_tuple(!d.first.has_value(), d.first.value_or(0), d.second.case_code, d.second.exhibit,
                           d.second.locator);
  };
  std::sort(dated.begin(), dated.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  CitationList out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (auto& [at, c] : dated) {
    if (!seen.insert({c.case_code, c.exhibit, c.locator}).second) continue;
    ++out.total;
    if (out.shown.size() < kCitationsPerEntry) out.shown.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<AccountEvidence>> ReadPartners(EvidenceReader& reader, const std::vector<int64_t>& ids,
                                                  const std::vector<int64_t>& except) {
  std::set<int64_t> wanted(ids.begin(), ids.end());
  for (int64_t id : except) wanted.erase(id);
  std::vector<AccountEvidence> out;
  for (int64_t id : wanted) {
    auto e = reader.Read(id);
    if (!e) return e.error();
    out.push_back(std::move(*e));
  }
  return out;
}

Result<LinksResult> QueryLinks(store::Workspace& ws, const LinkOptions& options) {
  ReadSnapshot snapshot(ws);
  if (options.min_cases < 1) return Error::InvalidArgument("--min-cases must be at least 1");
  if (options.limit < 1) return Error::InvalidArgument("--limit must be at least 1");
  auto scope = ResolveScope(ws, options.cases);
  if (!scope) return scope.error();
  auto reader = EvidenceReader::Open(ws, std::set<int64_t>(scope->begin(), scope->end()));
  if (!reader) return reader.error();
  auto labels = AccountLabels::Open(ws);
  if (!labels) return labels.error();

  LinksResult out;
  auto candidates = CandidateAccounts(ws, *scope, options.min_cases);
  if (!candidates) return candidates.error();
  for (int64_t id : *candidates) {
    auto e = reader->Read(id);
    if (!e) return e.error();
    auto partners = ReadPartners(*reader, e->same_person, {id});
    if (!partners) return partners.error();
    LinkedAccount a;
    a.ref = e->ref;
    a.platform = e->platform;
    a.pagerank = e->pagerank;
    a.betweenness = e->betweenness;
    a.community = e->community;
    std::vector<std::pair<std::optional<int64_t>, model::Citation>> dated;
    for (const auto& o : e->cases) {
      a.cases.push_back(o.case_code);
      dated.emplace_back(o.first_at, o.citation);
    }
    a.citations = EarliestCitations(std::move(dated));
    a.score = ScoreAccounts({*e}, *partners, reader->graph_size());
    CASEGRAPH_RETURN_IF_ERROR(labels->Fill(id, a));
    out.accounts.push_back(std::move(a));
  }
  RankEntries(out.accounts, [](const LinkedAccount& a) { return a.ref; });

  auto identifiers = QueryLinkedIdentifiers(ws, reader->citations(), *scope, options.min_cases);
  if (!identifiers) return identifiers.error();
  out.identifiers = std::move(*identifiers);
  RankEntries(out.identifiers, [](const LinkedIdentifier& i) { return std::make_pair(i.kind, i.value); });

  auto persons = QueryLinkedPersons(ws, *reader, options.min_cases);
  if (!persons) return persons.error();
  out.persons = std::move(*persons);
  RankEntries(out.persons, [](const LinkedPerson& p) { return p.key; });

  out.total_accounts = static_cast<int64_t>(out.accounts.size());
  out.total_identifiers = static_cast<int64_t>(out.identifiers.size());
  out.total_persons = static_cast<int64_t>(out.persons.size());
  const auto limit = static_cast<size_t>(options.limit);
  if (out.accounts.size() > limit) out.accounts.resize(limit);
  if (out.identifiers.size() > limit) out.identifiers.resize(limit);
  if (out.persons.size() > limit) out.persons.resize(limit);
  return out;
}

}  // namespace casegraph::graph
