// GatherCrossCase: the accounts, identifiers and persons of case C that also occur in other
// cases, from graph::QueryLinks over every case. The report is scoped to C: other cases are
// named, never shown, so only citations from C are kept, and when QueryLinks' earliest few are
// all from other cases, C's own first occurrence (g_account_cases / g_identifier_cases) is cited.
// Names and scores are left out on purpose: they may rest on the other cases' evidence.
#include <algorithm>
#include <set>

#include "graph/citation_source.h"
#include "graph/links.h"
#include "graph/query_rows.h"
#include "report/report_data.h"

namespace casegraph::report {
namespace {

constexpr int64_t kMostEntries = 1000;

// `cases` without C, or empty when C is not among them.
std::vector<std::string> OtherCases(const std::vector<std::string>& cases, const std::string& c) {
  if (std::find(cases.begin(), cases.end(), c) == cases.end()) return {};
  std::vector<std::string> out;
  for (const auto& code : cases) {
    if (code != c) out.push_back(code);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<model::Citation> FromCase(const graph::CitationList& list, const std::string& c) {
  std::vector<model::Citation> out;
  for (const auto& citation : list.shown) {
    if (citation.case_code == c) out.push_back(citation);
  }
  return out;
}

// C's own first occurrence of the thing `sql` selects (?1 = case id, ?2 and ?3 = its keys).
Result<std::vector<model::Citation>> FirstInCase(store::Workspace& ws, graph::CitationSource& cite, const char* sql,
                                                 int64_t case_id, const std::string& key1, const std::string& key2) {
  auto stmt = ws.db().Prepare(sql);
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id).Bind(2, key1).Bind(3, key2);
  std::vector<model::Citation> out;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& s) {
    if (cite.Exhibit(s.Int(0)) != nullptr) out.push_back(cite.Cite(s.Int(0), s.Text(1)));
    return false;  // the first row is enough
  }));
  return out;
}

constexpr const char* kAccountInCase =
    "SELECT g.cite_exhibit_id, g.cite_locator FROM g_account_cases g JOIN accounts a ON a.id=g.account_id "
    "WHERE g.case_id=?1 AND a.ref=?2 AND ?3=''";  // ?3: FirstInCase binds two keys; an account has one
constexpr const char* kIdentifierInCase =
    "SELECT g.cite_exhibit_id, g.cite_locator FROM g_identifier_cases g JOIN identifiers i ON "
    "i.id=g.identifier_id WHERE g.case_id=?1 AND i.kind=?2 AND i.value=?3";

// The refs of the accounts that occur in the case: a person's or identifier's other accounts
// are shown only when C's evidence holds them too.
Result<std::set<std::string>> RefsInCase(store::Workspace& ws, int64_t case_id) {
  auto stmt = ws.db().Prepare(
      "SELECT a.ref FROM g_account_cases g JOIN accounts a ON a.id=g.account_id WHERE g.case_id=?1");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id);
  std::set<std::string> out;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& s) { out.insert(s.Text(0)); }));
  return out;
}

std::vector<std::string> Only(const std::vector<std::string>& refs, const std::set<std::string>& allowed) {
  std::vector<std::string> out;
  for (const auto& r : refs) {
    if (allowed.count(r)) out.push_back(r);
  }
  std::sort(out.begin(), out.end());
  return out;
}

CrossCaseLink Link(std::string kind, std::string value, std::vector<std::string> accounts) {
  CrossCaseLink l;
  l.kind = std::move(kind);
  l.value = std::move(value);
  l.accounts = std::move(accounts);
  return l;
}

}  // namespace

Result<std::vector<CrossCaseLink>> GatherCrossCase(store::Workspace& ws, const std::string& case_code) {
  auto c = ws.FindCase(case_code);
  if (!c) return c.error();
  auto in_case = RefsInCase(ws, c->id);
  if (!in_case) return in_case.error();
  auto cite = graph::CitationSource::Load(ws);
  if (!cite) return cite.error();
  graph::LinkOptions options;
  options.min_cases = 2;
  options.limit = kMostEntries;
  auto links = graph::QueryLinks(ws, options);
  if (!links) return links.error();

  std::vector<CrossCaseLink> out;
  // Adds an entry when it involves C; `first` cites C's own first occurrence when needed.
  auto add = [&](CrossCaseLink link, const std::vector<std::string>& cases, const graph::CitationList& citations,
                 const auto& first) -> Status {
    link.other_cases = OtherCases(cases, c->code);
    if (link.other_cases.empty()) return Ok();
    link.citations = FromCase(citations, c->code);
    if (link.citations.empty()) {
      auto own = first();
      if (!own) return own.error();
      link.citations = std::move(*own);
    }
    out.push_back(std::move(link));
    return Ok();
  };
  for (const auto& a : links->accounts) {
    CASEGRAPH_RETURN_IF_ERROR(add(Link("account", a.ref, {}), a.cases, a.citations, [&] {
      return FirstInCase(ws, *cite, kAccountInCase, c->id, a.ref, "");
    }));
  }
  for (const auto& i : links->identifiers) {
    CASEGRAPH_RETURN_IF_ERROR(add(Link("identifier", i.kind + " " + i.value, Only(i.accounts, *in_case)), i.cases, i.citations, [&] {
      return FirstInCase(ws, *cite, kIdentifierInCase, c->id, i.kind, i.value);
    }));
  }
  for (const auto& p : links->persons) {
    CASEGRAPH_RETURN_IF_ERROR(add(Link("person", p.key, Only(p.accounts, *in_case)), p.cases, p.citations,
                                  [&]() -> Result<std::vector<model::Citation>> {
                                    for (const auto& ref : p.accounts) {
                                      auto own = FirstInCase(ws, *cite, kAccountInCase, c->id, ref, "");
                                      if (!own || !own->empty()) return own;
                                    }
                                    return std::vector<model::Citation>{};
                                  }));
  }
  // QueryLinks ranks by score; the report lists by kind, then value, for a stable reading order.
  std::sort(out.begin(), out.end(), [](const CrossCaseLink& x, const CrossCaseLink& y) {
    return std::tie(x.kind, x.value) < std::tie(y.kind, y.value);
  });
  return out;
}

}  // namespace casegraph::report
