#include "graph/path_graph.h"

#include <simdjson.h>

#include <algorithm>
#include <tuple>

#include "graph/query_rows.h"

namespace casegraph::graph {
namespace {

// person_members.citations: [{"exhibit_id":N,"locator":"…"}]; unreadable text gives none.
std::vector<Cite> ParseMembershipCitations(const std::string& json) {
  std::vector<Cite> out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json).get(doc) != simdjson::SUCCESS) return out;
  simdjson::dom::array list;
  if (doc.get_array().get(list) != simdjson::SUCCESS) return out;
  for (simdjson::dom::element item : list) {
    int64_t exhibit = 0;
    std::string_view locator;
    if (item["exhibit_id"].get_int64().get(exhibit) != simdjson::SUCCESS) continue;
    if (item["locator"].get_string().get(locator) != simdjson::SUCCESS) continue;
    out.emplace_back(exhibit, std::string(locator));
  }
  return out;
}

std::string ConversationDetail(const std::string& title, const std::string& kind) {
  std::string out = kind.empty() ? "conversation" : kind;
  if (!title.empty()) out += " '" + title + "'";
  return out;
}

}  // namespace

const char* HopKindName(HopKind kind) {
  switch (kind) {
    case HopKind::kSubjectAccount: return "subject-account";
    case HopKind::kPersonMember: return "person-member";
    case HopKind::kDirect: return "direct";
    case HopKind::kGroup: return "group";
    case HopKind::kSamePerson: return "same-person";
    case HopKind::kSharedIdentifier: return "shared-identifier";
  }
  return "unknown";
}

Result<PathGraph> PathGraph::Open(store::Workspace& ws, std::map<int64_t, std::vector<int64_t>> person_ends) {
  PathGraph g;
  g.person_ends_ = std::move(person_ends);
  auto citations = CitationSource::Load(ws);
  if (!citations) return citations.error();
  g.citations_ = std::move(*citations);
  auto subjects = ws.db().Prepare(
      "SELECT sa.subject_id, sa.account_id, COALESCE(sa.cite_exhibit_id, 0), COALESCE(sa.cite_locator, ''), "
      "'subject:' || c.code || '/' || s.label FROM g_subject_accounts sa JOIN subjects s ON s.id=sa.subject_id "
      "JOIN cases c ON c.id=s.case_id ORDER BY sa.subject_id, sa.account_id");
  if (!subjects) return subjects.error();
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*subjects, [&](store::Stmt& s) {
    const Cite cite{s.Int(2), s.Text(3)};
    g.subjects_of_account_[s.Int(1)].emplace_back(s.Int(0), cite);
    g.accounts_of_subject_[s.Int(0)].emplace_back(s.Int(1), cite);
    g.subject_refs_[s.Int(0)] = s.Text(4);
  }));
  struct Named {
    store::Stmt* stmt;
    const char* sql;
  };
  const Named statements[] = {
      {&g.direct_,
       "SELECT d.conversation_id, d.case_id, d.exhibit_id, "
       "CASE WHEN d.a_account_id=?1 THEN d.b_account_id ELSE d.a_account_id END, d.first_at, "
       "COALESCE(m.locator, cv.locator), COALESCE(cv.title, ''), COALESCE(cv.kind, '') "
       "FROM g_direct d JOIN conversations cv ON cv.id=d.conversation_id "
       "LEFT JOIN messages m ON m.id=d.first_message_id WHERE d.a_account_id=?1 OR d.b_account_id=?1"},
      {&g.groups_,
       "SELECT m.conversation_id, m.case_id, m.exhibit_id, m.first_at, m.last_at, m.cite_locator, "
       "COALESCE(cv.title, ''), COALESCE(cv.kind, '') FROM g_members m "
       "JOIN g_conversations c ON c.conversation_id=m.conversation_id AND c.class='group' "
       "JOIN conversations cv ON cv.id=m.conversation_id WHERE m.account_id=?1"},
      {&g.group_members_, "SELECT account_id, first_at, last_at, cite_locator FROM g_members WHERE conversation_id=?1"},
      {&g.persons_,
       "SELECT p2.account_id, p1.person_id, p.key, p2.basis, p1.citations, p2.citations FROM person_members p1 "
       "JOIN person_members p2 ON p2.person_id=p1.person_id AND p2.account_id<>p1.account_id "
       "AND p2.status='confirmed' JOIN persons p ON p.id=p1.person_id WHERE p1.account_id=?1 AND p1.status='confirmed'"},
      {&g.identifiers_,
       "SELECT o2.account_id, o1.identifier_id, i.kind, i.value, o1.exhibit_id, o1.locator, o2.exhibit_id, o2.locator "
       "FROM identifier_occurrences o1 JOIN identifier_occurrences o2 ON o2.identifier_id=o1.identifier_id "
       "AND o2.source='profile' AND o2.account_id<>o1.account_id JOIN identifiers i ON i.id=o1.identifier_id "
       "WHERE o1.account_id=?1 AND o1.source='profile' ORDER BY o2.account_id, o1.identifier_id, o1.id, o2.id"},
      {&g.message_after_,
       "SELECT sent_at_utc, exhibit_id, locator FROM messages WHERE conversation_id=?1 AND sent_at_utc>=?2 "
       "AND sent_at_utc<=?3 AND sender_account_id IS NOT NULL ORDER BY sent_at_utc, id LIMIT 1"},
      {&g.account_ref_, "SELECT ref FROM accounts WHERE id=?1"},
      {&g.person_key_, "SELECT key FROM persons WHERE id=?1"},
  };
  for (const Named& n : statements) {
    auto stmt = ws.db().Prepare(n.sql);
    if (!stmt) return stmt.error();
    *n.stmt = std::move(*stmt);
  }
  return g;
}

Result<const std::vector<PathEdge>*> PathGraph::Edges(int64_t node) {
  auto cached = cache_.find(node);
  if (cached != cache_.end()) return &cached->second;
  std::vector<PathEdge> out;
  const int64_t id = IdOfNode(node);
  switch (KindOfNode(node)) {
    case NodeKind::kAccount:
      CASEGRAPH_RETURN_IF_ERROR(AccountEdges(id, out));
      break;
    case NodeKind::kSubject:
      for (const auto& [account, cite] : accounts_of_subject_[id]) {
        PathEdge e;
        e.to = NodeCode(NodeKind::kAccount, account);
        e.kind = HopKind::kSubjectAccount;
        e.evidence_id = id;
        e.detail = cite.first ? "an account of the subject" : "an account of the subject (declared by the examiner)";
        if (cite.first) e.cites.push_back(cite);
        out.push_back(std::move(e));
      }
      break;
    case NodeKind::kPerson:
      for (int64_t account : person_ends_[id]) {
        PathEdge e;
        e.to = NodeCode(NodeKind::kAccount, account);
        e.kind = HopKind::kPersonMember;
        e.evidence_id = id;
        e.detail = "a confirmed account of the person";
        out.push_back(std::move(e));
      }
      break;
  }
  std::stable_sort(out.begin(), out.end(), [](const PathEdge& a, const PathEdge& b) {
    return std::make_tuple(a.to, static_cast<int>(a.kind), a.evidence_id) <
           std::make_tuple(b.to, static_cast<int>(b.kind), b.evidence_id);
  });
  return &(cache_[node] = std::move(out));
}

Status PathGraph::AccountEdges(int64_t account_id, std::vector<PathEdge>& out) {
  for (const auto& [subject, cite] : subjects_of_account_[account_id]) {
    PathEdge e;
    e.to = NodeCode(NodeKind::kSubject, subject);
    e.kind = HopKind::kSubjectAccount;
    e.evidence_id = subject;
    e.detail = cite.first ? "the subject's account" : "the subject's account (declared by the examiner)";
    if (cite.first) e.cites.push_back(cite);
    out.push_back(std::move(e));
  }
  for (const auto& [person, members] : person_ends_) {
    if (!std::binary_search(members.begin(), members.end(), account_id)) continue;
    PathEdge e;
    e.to = NodeCode(NodeKind::kPerson, person);
    e.kind = HopKind::kPersonMember;
    e.evidence_id = person;
    e.detail = "a confirmed account of the person";
    out.push_back(std::move(e));
  }
  CASEGRAPH_RETURN_IF_ERROR(DirectEdges(account_id, out));
  CASEGRAPH_RETURN_IF_ERROR(GroupEdges(account_id, out));
  CASEGRAPH_RETURN_IF_ERROR(PersonEdges(account_id, out));
  return IdentifierEdges(account_id, out);
}

Status PathGraph::DirectEdges(int64_t account_id, std::vector<PathEdge>& out) {
  direct_.Bind(1, account_id);
  return ForEachRow(direct_, [&](store::Stmt& s) {
    PathEdge e;
    e.to = NodeCode(NodeKind::kAccount, s.Int(3));
    e.kind = HopKind::kDirect;
    e.evidence_id = s.Int(0);
    e.case_id = s.Int(1);
    e.at = s.OptInt(4);
    e.cites.emplace_back(s.Int(2), s.Text(5));
    e.detail = ConversationDetail(s.Text(6), s.Text(7));
    out.push_back(std::move(e));
  });
}

Status PathGraph::GroupEdges(int64_t account_id, std::vector<PathEdge>& out) {
  struct Membership {
    int64_t conversation_id, case_id, exhibit_id;
    std::optional<int64_t> first_at, last_at;
    std::string locator, detail;
  };
  std::vector<Membership> groups;
  groups_.Bind(1, account_id);
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(groups_, [&](store::Stmt& s) {
    groups.push_back(Membership{s.Int(0), s.Int(1), s.Int(2), s.OptInt(3), s.OptInt(4), s.Text(5),
                                ConversationDetail(s.Text(6), s.Text(7))});
  }));
  for (const Membership& g : groups) {
    group_members_.Bind(1, g.conversation_id);
    CASEGRAPH_RETURN_IF_ERROR(ForEachRow(group_members_, [&](store::Stmt& s) {
      if (s.Int(0) == account_id) return;
      PathEdge e;
      e.to = NodeCode(NodeKind::kAccount, s.Int(0));
      e.kind = HopKind::kGroup;
      e.evidence_id = g.conversation_id;
      e.case_id = g.case_id;
      e.detail = g.detail;
      e.from_first = g.first_at.value_or(kEarliest);
      e.from_last = g.last_at.value_or(kLatest);
      e.to_first = s.OptInt(1).value_or(kEarliest);
      e.to_last = s.OptInt(2).value_or(kLatest);
      // Both were there from the later of their first messages.
      const int64_t both = std::max(e.from_first, e.to_first);
      if (both != kEarliest) e.at = both;
      e.cites.emplace_back(g.exhibit_id, g.locator);
      e.cites.emplace_back(g.exhibit_id, s.Text(3));
      out.push_back(std::move(e));
    }));
  }
  return Ok();
}

Status PathGraph::PersonEdges(int64_t account_id, std::vector<PathEdge>& out) {
  persons_.Bind(1, account_id);
  return ForEachRow(persons_, [&](store::Stmt& s) {
    PathEdge e;
    e.to = NodeCode(NodeKind::kAccount, s.Int(0));
    e.kind = HopKind::kSamePerson;
    e.evidence_id = s.Int(1);
    e.detail = "person " + s.Text(2) + " (" + s.Text(3) + ")";
    e.cites = ParseMembershipCitations(s.Text(4));
    for (auto& c : ParseMembershipCitations(s.Text(5))) {
      if (std::find(e.cites.begin(), e.cites.end(), c) == e.cites.end()) e.cites.push_back(std::move(c));
    }
    out.push_back(std::move(e));
  });
}

Status PathGraph::IdentifierEdges(int64_t account_id, std::vector<PathEdge>& out) {
  std::set<std::pair<int64_t, int64_t>> seen;  // (account, identifier): the first occurrences only
  identifiers_.Bind(1, account_id);
  return ForEachRow(identifiers_, [&](store::Stmt& s) {
    if (!seen.insert({s.Int(0), s.Int(1)}).second) return;
    PathEdge e;
    e.to = NodeCode(NodeKind::kAccount, s.Int(0));
    e.kind = HopKind::kSharedIdentifier;
    e.evidence_id = s.Int(1);
    e.detail = s.Text(2) + " " + s.Text(3);
    e.cites.emplace_back(s.Int(4), s.Text(5));
    e.cites.emplace_back(s.Int(6), s.Text(7));
    out.push_back(std::move(e));
  });
}

Result<std::optional<Arrival>> PathGraph::Arrive(const PathEdge& edge, int64_t lower, const TimeWindow& window) {
  const int64_t from = std::max(lower, window.after.value_or(kEarliest));
  const int64_t until = window.before.value_or(kLatest);
  if (edge.kind == HopKind::kDirect) {
    std::optional<Arrival> found;
    message_after_.Bind(1, edge.evidence_id).Bind(2, from).Bind(3, until);
    CASEGRAPH_RETURN_IF_ERROR(ForEachRow(message_after_, [&](store::Stmt& s) {
      found = Arrival{s.Int(0), {Cite{s.Int(1), s.Text(2)}}};
      return false;
    }));
    return found;
  }
  if (edge.kind == HopKind::kGroup) {
    const int64_t at = std::max({from, edge.from_first, edge.to_first});
    if (at > std::min({until, edge.from_last, edge.to_last})) return std::optional<Arrival>();
    return std::optional<Arrival>(Arrival{at, edge.cites});
  }
  return std::optional<Arrival>(Arrival{lower, edge.cites});
}

Result<std::string> PathGraph::NodeRef(int64_t node) {
  const int64_t id = IdOfNode(node);
  std::string ref;
  switch (KindOfNode(node)) {
    case NodeKind::kSubject:
      ref = subject_refs_[id];
      break;
    case NodeKind::kAccount:
      account_ref_.Bind(1, id);
      CASEGRAPH_RETURN_IF_ERROR(ForEachRow(account_ref_, [&](store::Stmt& s) {
        ref = s.Text(0);
        return false;
      }));
      break;
    case NodeKind::kPerson:
      person_key_.Bind(1, id);
      CASEGRAPH_RETURN_IF_ERROR(ForEachRow(person_key_, [&](store::Stmt& s) {
        ref = "person:" + s.Text(0);
        return false;
      }));
      break;
  }
  return ref;
}

}  // namespace casegraph::graph
