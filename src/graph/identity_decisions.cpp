#include "graph/identity_decisions.h"

#include <algorithm>

#include "graph/identity_union_find.h"
#include "graph/refresh.h"
#include "store/audit_log.h"

namespace casegraph::graph {
namespace {

std::string Stamp(const PersonDecision& d) {
  std::string s = "by the examiner " + d.examiner + " on " + d.at + " (decision " + std::to_string(d.id) + ")";
  if (!d.note.empty()) s += ": " + d.note;
  return s;
}

bool Joins(const IdentityEdge& e, int64_t x, int64_t y) { return (e.a == x && e.b == y) || (e.a == y && e.b == x); }

// The groups the confirmed edges form so far (rejections ignored: only to find who is meant).
AccountUnionFind ConfirmedGroups(const std::vector<IdentityEdge>& edges) {
  AccountUnionFind groups;
  for (const auto& e : edges) {
    if (e.status == kStatusConfirmed) (void)groups.Union(e.a, e.b);
  }
  return groups;
}

std::vector<EvidenceCitation> CitationsBetween(const std::vector<IdentityEdge>& edges, int64_t x, int64_t y) {
  std::vector<EvidenceCitation> out;
  for (const auto& e : edges) {
    if (Joins(e, x, y)) out.insert(out.end(), e.citations.begin(), e.citations.end());
  }
  return out;
}

}  // namespace

Result<std::vector<PersonDecision>> LoadPersonDecisions(store::Workspace& ws) {
  auto stmt = ws.db().Prepare(
      "SELECT id, action, a_ref, COALESCE(b_ref, ''), examiner, at, COALESCE(note, '') FROM person_decisions ORDER BY id");
  if (!stmt) return stmt.error();
  std::vector<PersonDecision> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back({stmt->Int(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Text(4), stmt->Text(5), stmt->Text(6)});
  }
  return out;
}

void ApplyPersonDecisions(const std::vector<PersonDecision>& decisions, const AccountDirectory& accounts,
                          std::vector<IdentityEdge>& edges, std::set<std::pair<int64_t, int64_t>>& rejected) {
  for (const auto& d : decisions) {
    auto a_it = accounts.id_of_ref.find(d.a_ref);
    if (a_it == accounts.id_of_ref.end()) continue;
    const int64_t a = a_it->second;
    if (d.action == "split") {
      edges.erase(std::remove_if(edges.begin(), edges.end(),
                                 [&](const IdentityEdge& e) {
                                   return e.status == kStatusConfirmed && (e.a == a || e.b == a);
                                 }),
                  edges.end());
      continue;
    }
    auto b_it = accounts.id_of_ref.find(d.b_ref);
    if (b_it == accounts.id_of_ref.end() || b_it->second == a) continue;
    const int64_t b = b_it->second;
    if (d.action == "reject") {
      edges.erase(std::remove_if(edges.begin(), edges.end(), [&](const IdentityEdge& e) { return Joins(e, a, b); }),
                  edges.end());
      rejected.insert(std::minmax(a, b));
      continue;
    }
    rejected.erase(std::minmax(a, b));
    if (d.action == "confirm") {
      AccountUnionFind groups = ConfirmedGroups(edges);
      const int64_t ga = groups.Find(a), gb = groups.Find(b);
      bool promoted = false;
      for (auto& e : edges) {
        if (e.status != kStatusSuggested) continue;
        const int64_t ea = groups.Find(e.a), eb = groups.Find(e.b);
        if ((ea == ga && eb == gb) || (ea == gb && eb == ga)) {
          e.status = kStatusConfirmed;
          e.decision_id = d.id;
          e.explanation += "; confirmed " + Stamp(d);
          promoted = true;
        }
      }
      if (promoted) continue;
    }
    if (d.action == "merge" || d.action == "confirm") {
      std::string why = accounts.ref.at(a) + " and " + accounts.ref.at(b) + " are one person: " +
                        (d.action == "merge" ? "merged " : "confirmed ") + Stamp(d);
      IdentityEdge e = MakeEdge(accounts, a, b, kBasisExaminer, 1.0, kStatusConfirmed, std::move(why),
                                CitationsBetween(edges, a, b));
      e.decision_id = d.id;
      edges.push_back(std::move(e));
    }
  }
}

Result<std::string> ResolveAccountOrPerson(store::Workspace& ws, const std::string& ref) {
  std::string key = ref;
  if (key.rfind("person:", 0) == 0) key = key.substr(7);
  if (key.rfind("P-", 0) == 0) {
    auto stmt = ws.db().Prepare(
        "SELECT a.ref FROM persons p JOIN person_members m ON m.person_id = p.id JOIN accounts a ON a.id = m.account_id "
        "WHERE p.key = ? ORDER BY m.status <> 'confirmed', a.ref LIMIT 1");
    if (!stmt) return stmt.error();
    stmt->Bind(1, key);
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) return Error::NotFound("no person '" + key + "' (see `casegraph persons`)");
    std::string out = stmt->Text(0);
    stmt->Reset();
    return out;
  }
  auto stmt = ws.db().Prepare("SELECT ref FROM accounts WHERE ref = ?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, ref);
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row) return Error::NotFound("no account '" + ref + "' in this workspace (see `casegraph accounts`)");
  stmt->Reset();
  return ref;
}

Result<PersonDecision> RecordPersonDecision(store::Workspace& ws, const std::string& action, const std::string& given_a,
                                            const std::string& given_b, const std::string& examiner,
                                            const std::string& note) {
  if (action != "merge" && action != "split" && action != "confirm" && action != "reject") {
    return Error::InvalidArgument("unknown person decision '" + action + "'");
  }
  if (action == "split" ? !given_b.empty() : given_b.empty()) {
    return Error::InvalidArgument(action == "split" ? "split takes one account" : action + " takes two accounts");
  }
  if (action == "split" && (given_a.rfind("P-", 0) == 0 || given_a.rfind("person:", 0) == 0)) {
    return Error::InvalidArgument("split takes the account to take out of its person, not a person (" + given_a + ")");
  }
  auto a_ref = ResolveAccountOrPerson(ws, given_a);
  if (!a_ref) return a_ref.error();
  std::string b_ref;
  if (!given_b.empty()) {
    auto b = ResolveAccountOrPerson(ws, given_b);
    if (!b) return b.error();
    b_ref = *b;
  }
  if (!b_ref.empty() && *a_ref == b_ref) {
    return Error::InvalidArgument(action + " needs two different accounts; both name " + *a_ref);
  }
  PersonDecision d{0, action, *a_ref, b_ref, examiner, store::NowUtc(), note};
  CASEGRAPH_RETURN_IF_ERROR(ws.Begin());
  auto fail = [&](Error e) -> Result<PersonDecision> {
    ws.Rollback();
    return e;
  };
  auto insert = ws.db().Prepare(
      "INSERT INTO person_decisions(action, a_ref, b_ref, examiner, at, note) VALUES(?,?,?,?,?,?)");
  if (!insert) return fail(insert.error());
  Status s = insert->Bind(1, action).Bind(2, d.a_ref).BindOrNull(3, d.b_ref).Bind(4, examiner).Bind(5, d.at)
                 .BindOrNull(6, note).Run();
  if (!s) return fail(s.error());
  d.id = ws.db().LastInsertId();
  store::AuditParams params = {{"decision", std::to_string(d.id)}, {"a", d.a_ref}};
  if (!d.b_ref.empty()) params.emplace_back("b", d.b_ref);
  if (!note.empty()) params.emplace_back("note", note);
  if (s = store::AppendAudit(ws.db(), examiner, "persons " + action, params); !s) return fail(s.error());
  if (s = RefreshInTransaction(ws); !s) return fail(s.error());
  if (s = ws.Commit(); !s) return fail(s.error());
  return d;
}

}  // namespace casegraph::graph
