// The person list of `links`: resolved identities whose confirmed accounts together occur in
// several cases, scored like an account over all of their accounts (so reaching one subject
// on two platforms shows as platform migration).
#include <set>

#include "graph/links_parts.h"
#include "graph/query_rows.h"
#include "graph/ref_resolve.h"

namespace casegraph::graph {
namespace {

struct Member {
  int64_t account_id = 0;
  std::string ref, basis;
};

}  // namespace

Result<std::vector<LinkedPerson>> QueryLinkedPersons(store::Workspace& ws, EvidenceReader& reader, int64_t min_cases) {
  auto persons = ws.db().Prepare("SELECT id, key, label FROM persons ORDER BY key");
  if (!persons) return persons.error();
  auto members = ws.db().Prepare(
      "SELECT pm.account_id, a.ref, pm.basis FROM person_members pm JOIN accounts a ON a.id=pm.account_id "
      "WHERE pm.person_id=?1 AND pm.status='confirmed' ORDER BY a.ref");
  if (!members) return members.error();

  struct Row {
    int64_t id;
    std::string key, label;
  };
  std::vector<Row> rows;
  CASEGRAPH_RETURN_IF_ERROR(
      ForEachRow(*persons, [&](store::Stmt& s) { rows.push_back(Row{s.Int(0), s.Text(1), s.Text(2)}); }));

  std::vector<LinkedPerson> out;
  for (const Row& row : rows) {
    std::vector<Member> list;
    members->Bind(1, row.id);
    CASEGRAPH_RETURN_IF_ERROR(
        ForEachRow(*members, [&](store::Stmt& s) { list.push_back(Member{s.Int(0), s.Text(1), s.Text(2)}); }));
    if (list.size() < 2) continue;
    std::vector<AccountEvidence> evidence;
    std::vector<int64_t> member_ids, partner_ids;
    std::set<std::string> cases, bases;
    LinkedPerson p;
    std::vector<std::pair<std::optional<int64_t>, model::Citation>> dated;
    for (const Member& m : list) {
      p.accounts.push_back(m.ref);
      bases.insert(m.basis);
      if (IsDeviceLocalRef(m.ref) && m.basis != "examiner") continue;  // a phone's own name for someone
      auto e = reader.Read(m.account_id);
      if (!e) return e.error();
      member_ids.push_back(m.account_id);
      partner_ids.insert(partner_ids.end(), e->same_person.begin(), e->same_person.end());
      for (const auto& o : e->cases) {
        cases.insert(o.case_code);
        dated.emplace_back(o.first_at, o.citation);
      }
      evidence.push_back(std::move(*e));
    }
    if (static_cast<int64_t>(cases.size()) < min_cases) continue;
    auto partners = ReadPartners(reader, partner_ids, member_ids);
    if (!partners) return partners.error();
    p.key = row.key;
    p.label = row.label;
    p.cases.assign(cases.begin(), cases.end());
    for (const auto& b : bases) p.basis += (p.basis.empty() ? "" : ", ") + b;
    p.score = ScoreAccounts(evidence, *partners, reader.graph_size());
    p.citations = EarliestCitations(std::move(dated));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace casegraph::graph
