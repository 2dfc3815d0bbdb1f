// ResolvePersons: gathers the evidence edges, applies the examiner's decisions, assembles the
// persons and writes them with their labels.
#include <cctype>
#include <map>
#include <set>

#include "graph/identity.h"
#include "graph/identity_candidates.h"
#include "graph/identity_decisions.h"
#include "graph/identity_persons.h"
#include "graph/identity_union_find.h"

namespace casegraph::graph {
namespace {

// Each automatic (confirmed, evidence-only) group's smallest ref, for every account in one.
std::map<int64_t, std::string> AutomaticGroups(const std::vector<IdentityEdge>& edges) {
  AccountUnionFind groups;
  std::set<int64_t> members;
  for (const auto& e : edges) {
    if (e.status != kStatusConfirmed) continue;
    (void)groups.Union(e.a, e.b);
    members.insert(e.a);
    members.insert(e.b);
  }
  std::map<int64_t, std::string> smallest;  // root -> smallest ref
  for (const auto& e : edges) {
    if (e.status != kStatusConfirmed) continue;
    for (const std::string* ref : {&e.a_ref, &e.b_ref}) {
      auto& s = smallest[groups.Find(e.a)];
      if (s.empty() || *ref < s) s = *ref;
    }
  }
  std::map<int64_t, std::string> out;
  for (int64_t account : members) out[account] = "person:" + smallest[groups.Find(account)];
  return out;
}

// A name that is only a number ("+90 532 …", as WhatsApp shows unsaved senders) names no one.
// Bidi marks around a number (U+200E/F, U+202A–E, U+2066–9) are not letters.
bool HasLetter(const std::string& name) {
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == 0xE2 && i + 2 < name.size()) {
      const unsigned char c1 = static_cast<unsigned char>(name[i + 1]), c2 = static_cast<unsigned char>(name[i + 2]);
      const bool mark = (c1 == 0x80 && (c2 == 0x8E || c2 == 0x8F || (c2 >= 0xAA && c2 <= 0xAE))) ||
                        (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9);
      if (mark) {
        i += 2;
        continue;
      }
    }
    if (c >= 0x80 || std::isalpha(c)) return true;
  }
  return false;
}

// The label: the display name most often given to the person's confirmed members (counted
// per exhibit), ties to the smallest; members of a suggested person all count. Falls back to
// the smallest member ref.
Result<std::string> Label(store::Stmt& names, const ResolvedPerson& person) {
  const bool any_confirmed = person.members.front().status == kStatusConfirmed;
  std::map<std::string, int64_t> counts;
  for (const auto& m : person.members) {
    if (any_confirmed && m.status != kStatusConfirmed) continue;
    names.Bind(1, m.account_id);
    for (;;) {
      auto row = names.Step();
      if (!row) return row.error();
      if (!*row) break;
      std::string name = names.Text(0);
      if (HasLetter(name)) counts[name] += names.Int(1);
    }
  }
  std::string best;
  int64_t best_count = 0;
  for (const auto& [name, count] : counts) {
    if (count > best_count) {  // map order: the first of equal counts is the smallest
      best = name;
      best_count = count;
    }
  }
  return best.empty() ? person.members.front().ref : best;
}

}  // namespace

Status ResolvePersons(store::Workspace& ws) {
  store::Db& db = ws.db();
  CASEGRAPH_RETURN_IF_ERROR(db.Exec("DELETE FROM person_members; DELETE FROM persons;"));
  auto accounts = LoadAccountDirectory(ws);
  if (!accounts) return accounts.error();

  auto edges = SamePhoneEdges(ws, *accounts);
  if (!edges) return edges.error();
  const std::map<int64_t, std::string> automatic = AutomaticGroups(*edges);
  auto self_declared = SelfDeclaredEdges(ws, *accounts);
  if (!self_declared) return self_declared.error();
  auto same_username = SameUsernameEdges(ws, *accounts);
  if (!same_username) return same_username.error();
  auto same_name = SameNameContactsEdges(ws, *accounts, automatic);
  if (!same_name) return same_name.error();
  for (auto* more : {&*self_declared, &*same_username, &*same_name}) {
    edges->insert(edges->end(), std::make_move_iterator(more->begin()), std::make_move_iterator(more->end()));
  }

  auto decisions = LoadPersonDecisions(ws);
  if (!decisions) return decisions.error();
  std::set<std::pair<int64_t, int64_t>> rejected;
  ApplyPersonDecisions(*decisions, *accounts, *edges, rejected);
  const std::vector<ResolvedPerson> persons = AssemblePersons(std::move(*edges), rejected);

  auto names = db.Prepare(
      "SELECT value, COUNT(*) FROM account_attributes WHERE account_id = ? AND kind = 'display_name' GROUP BY value");
  auto insert_person = db.Prepare("INSERT INTO persons(id, key, label) VALUES(?,?,?)");
  auto insert_member = db.Prepare(
      "INSERT INTO person_members(person_id, account_id, basis, confidence, status, explanation, citations) "
      "VALUES(?,?,?,?/100.0,?,?,?)");
  if (!names) return names.error();
  if (!insert_person) return insert_person.error();
  if (!insert_member) return insert_member.error();
  int64_t id = 0;
  for (const auto& person : persons) {
    ++id;
    auto label = Label(*names, person);
    if (!label) return label.error();
    CASEGRAPH_RETURN_IF_ERROR(insert_person->Bind(1, id).Bind(2, person.key).Bind(3, *label).Run());
    for (const auto& m : person.members) {
      const std::string citations = CitationsJson(m.citations);
      // Confidence is kept to two places (bound as a percentage): every reader sees one number.
      const int64_t percent = static_cast<int64_t>(m.confidence * 100 + 0.5);
      CASEGRAPH_RETURN_IF_ERROR(insert_member->Bind(1, id).Bind(2, m.account_id).Bind(3, m.basis)
                                    .Bind(4, percent).Bind(5, m.status).Bind(6, m.explanation)
                                    .Bind(7, citations).Run());
    }
  }
  return Ok();
}

}  // namespace casegraph::graph
