#include "graph/identity_persons.h"

#include <algorithm>
#include <map>

#include "graph/identity_union_find.h"
#include "hashing/digest.h"

namespace casegraph::graph {
namespace {

// Strongest first: the examiner's word, then confidence, then a fixed order of the rest.
bool Stronger(const IdentityEdge& x, const IdentityEdge& y) {
  if ((x.decision_id > 0) != (y.decision_id > 0)) return x.decision_id > 0;
  if (x.decision_id != y.decision_id) return x.decision_id < y.decision_id;
  if (x.confidence != y.confidence) return x.confidence > y.confidence;
  if (x.basis != y.basis) return x.basis < y.basis;
  if (x.a_ref != y.a_ref) return x.a_ref < y.a_ref;
  return x.b_ref < y.b_ref;
}

// For showing why an account is in a person: the most confident edge (an examiner's merge is
// 1.0), the examiner's word breaking ties.
bool Explains(const IdentityEdge& x, const IdentityEdge& y) {
  if (x.confidence != y.confidence) return x.confidence > y.confidence;
  return Stronger(x, y);
}

PersonMembership Membership(const IdentityEdge& e, int64_t account, const std::string& status) {
  return {account, account == e.a ? e.a_ref : e.b_ref, e.basis, e.confidence, status, e.explanation, e.citations};
}

ResolvedPerson Finish(std::vector<PersonMembership> members) {
  std::sort(members.begin(), members.end(), [](const PersonMembership& x, const PersonMembership& y) {
    if (x.status != y.status) return x.status == kStatusConfirmed;
    return x.ref < y.ref;
  });
  ResolvedPerson p;
  p.key = PersonKey(members.front().ref);  // the smallest confirmed ref, or the smallest ref
  p.members = std::move(members);
  return p;
}

}  // namespace

std::string PersonKey(const std::string& ref) {
  hashing::Digest digest(hashing::Digest::Algorithm::kSha256);
  digest.Update(ref);
  return "P-" + digest.FinishHex().substr(0, 10);
}

std::vector<ResolvedPerson> AssemblePersons(std::vector<IdentityEdge> edges,
                                            const std::set<std::pair<int64_t, int64_t>>& rejected) {
  std::sort(edges.begin(), edges.end(), Stronger);
  AccountUnionFind confirmed;
  for (const auto& [x, y] : rejected) confirmed.CannotLink(x, y);
  for (const auto& e : edges) {
    if (e.status == kStatusConfirmed) (void)confirmed.Union(e.a, e.b);
  }
  // Confirmed persons: each account's membership is its best explaining confirmed edge inside
  // its group; suggestions below attach in the same order (strongest first).
  std::sort(edges.begin(), edges.end(), Explains);
  std::map<int64_t, std::map<int64_t, PersonMembership>> groups;  // root -> account -> membership
  for (const auto& e : edges) {
    if (e.status != kStatusConfirmed || confirmed.Find(e.a) != confirmed.Find(e.b)) continue;
    auto& group = groups[confirmed.Find(e.a)];
    group.emplace(e.a, Membership(e, e.a, kStatusConfirmed));  // the first edge explains best
    group.emplace(e.b, Membership(e, e.b, kStatusConfirmed));
  }
  auto in_person = [&](int64_t account) { return groups.count(confirmed.Find(account)) > 0; };
  auto rejected_by = [&](const std::map<int64_t, PersonMembership>& group, int64_t account) {
    for (const auto& [member, m] : group) {
      if (m.status == kStatusConfirmed && rejected.count(std::minmax(member, account))) return true;
    }
    return false;
  };

  // Suggestions: attached to the person on the other side, or (between two accounts in no
  // person) gathered into suggested persons.
  AccountUnionFind suggested;
  for (const auto& [x, y] : rejected) suggested.CannotLink(x, y);
  std::vector<const IdentityEdge*> loose;
  for (const auto& e : edges) {
    if (e.status != kStatusSuggested) continue;
    const int64_t ra = confirmed.Find(e.a), rb = confirmed.Find(e.b);
    if (ra == rb && in_person(e.a)) continue;  // already one person
    for (const auto& [side, other] : {std::make_pair(e.a, e.b), std::make_pair(e.b, e.a)}) {
      if (!in_person(side)) continue;
      auto& group = groups[confirmed.Find(side)];
      if (!rejected_by(group, other)) group.emplace(other, Membership(e, other, kStatusSuggested));
    }
    if (!in_person(e.a) && !in_person(e.b) && suggested.Union(e.a, e.b)) loose.push_back(&e);
  }
  std::map<int64_t, std::map<int64_t, PersonMembership>> suggested_groups;
  for (const IdentityEdge* e : loose) {
    if (suggested.Find(e->a) != suggested.Find(e->b)) continue;
    auto& group = suggested_groups[suggested.Find(e->a)];
    group.emplace(e->a, Membership(*e, e->a, kStatusSuggested));
    group.emplace(e->b, Membership(*e, e->b, kStatusSuggested));
  }

  std::vector<ResolvedPerson> out;
  for (auto* all : {&groups, &suggested_groups}) {
    for (auto& [root, group] : *all) {
      std::vector<PersonMembership> members;
      for (auto& [account, m] : group) members.push_back(std::move(m));
      out.push_back(Finish(std::move(members)));
    }
  }
  std::sort(out.begin(), out.end(), [](const ResolvedPerson& x, const ResolvedPerson& y) { return x.key < y.key; });
  return out;
}

}  // namespace casegraph::graph
