#include "graph/link_evidence.h"

#include <algorithm>
#include <tuple>

#include "graph/query_rows.h"

namespace casegraph::graph {
namespace {

Result<store::Stmt> Prepare(store::Workspace& ws, std::string_view sql) { return ws.db().Prepare(sql); }

}  // namespace

Result<EvidenceReader> EvidenceReader::Open(store::Workspace& ws, std::set<int64_t> scope) {
  EvidenceReader r;
  r.scope_ = std::move(scope);
  auto citations = CitationSource::Load(ws);
  if (!citations) return citations.error();
  r.citations_ = std::move(*citations);

  auto subjects = Prepare(ws, "SELECT s.id, c.code || '/' || s.label FROM subjects s JOIN cases c ON c.id=s.case_id");
  if (!subjects) return subjects.error();
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*subjects, [&](store::Stmt& s) { r.subject_names_[s.Int(0)] = s.Text(1); }));
  auto owned = Prepare(ws, "SELECT account_id, subject_id FROM g_subject_accounts ORDER BY account_id, subject_id");
  if (!owned) return owned.error();
  CASEGRAPH_RETURN_IF_ERROR(
      ForEachRow(*owned, [&](store::Stmt& s) { r.subjects_of_account_[s.Int(0)].push_back(s.Int(1)); }));
  auto size = ws.db().QueryInt("SELECT COUNT(*) FROM g_account_metrics");
  if (!size) return size.error();
  r.graph_size_ = *size;

  struct Named {
    store::Stmt* stmt;
    const char* sql;
  };
  const Named statements[] = {
      {&r.account_, "SELECT ref, platform FROM accounts WHERE id=?1"},
      {&r.cases_,
       "SELECT case_id, first_at, cite_exhibit_id, cite_locator FROM g_account_cases WHERE account_id=?1"},
      {&r.channel_cases_,
       "SELECT m.case_id, MIN(c.class = 'channel'), MAX(c.class = 'channel') FROM g_members m "
       "JOIN g_conversations c ON c.conversation_id=m.conversation_id WHERE m.account_id=?1 GROUP BY m.case_id"},
      {&r.direct_,
       "SELECT d.conversation_id, d.case_id, d.exhibit_id, "
       "CASE WHEN d.a_account_id=?1 THEN d.b_account_id ELSE d.a_account_id END, "
       "d.initiator_account_id = ?1, d.a_messages > 0 AND d.b_messages > 0, d.first_at, "
       "COALESCE(m.locator, cv.locator) FROM g_direct d JOIN conversations cv ON cv.id=d.conversation_id "
       "LEFT JOIN messages m ON m.id=d.first_message_id WHERE d.a_account_id=?1 OR d.b_account_id=?1"},
      {&r.groups_,
       "SELECT m.conversation_id, m.case_id, m.exhibit_id, m.first_at, m.cite_locator FROM g_members m "
       "JOIN g_conversations c ON c.conversation_id=m.conversation_id WHERE m.account_id=?1 AND c.class='group'"},
      {&r.group_members_, "SELECT account_id, first_at FROM g_members WHERE conversation_id=?1"},
      {&r.identity_,
       "SELECT DISTINCT p2.account_id FROM person_members p1 JOIN person_members p2 "
       "ON p2.person_id=p1.person_id AND p2.account_id<>p1.account_id WHERE p1.account_id=?1 AND "
       "((p1.status='confirmed' AND p2.status='confirmed') OR p1.basis='self-declared' OR p2.basis='self-declared') "
       "ORDER BY p2.account_id"},
      {&r.metrics_, "SELECT pagerank, betweenness, community FROM g_account_metrics WHERE account_id=?1"},
  };
  for (const Named& n : statements) {
    auto stmt = Prepare(ws, n.sql);
    if (!stmt) return stmt.error();
    *n.stmt = std::move(*stmt);
  }
  return r;
}

Result<AccountEvidence> EvidenceReader::Read(int64_t account_id) {
  if (auto it = cache_.find(account_id); it != cache_.end()) return it->second;
  AccountEvidence e;
  e.account_id = account_id;
  account_.Bind(1, account_id);
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(account_, [&](store::Stmt& s) {
    e.ref = s.Text(0);
    e.platform = s.Text(1);
    return false;
  }));
  if (e.ref.empty()) return Error::NotFound("no account with id " + std::to_string(account_id));
  CASEGRAPH_RETURN_IF_ERROR(ReadCases(e));
  CASEGRAPH_RETURN_IF_ERROR(ReadDirect(e));
  CASEGRAPH_RETURN_IF_ERROR(ReadGroups(e));
  std::sort(e.contacts.begin(), e.contacts.end(), [](const SubjectContact& a, const SubjectContact& b) {
    return std::make_tuple(!a.first_at.has_value(), a.first_at.value_or(0), a.conversation_id, a.subject_id) <
           std::make_tuple(!b.first_at.has_value(), b.first_at.value_or(0), b.conversation_id, b.subject_id);
  });
  CASEGRAPH_RETURN_IF_ERROR(ReadIdentity(e));
  CASEGRAPH_RETURN_IF_ERROR(ReadMetrics(e));
  return cache_[account_id] = std::move(e);
}

Status EvidenceReader::ReadCases(AccountEvidence& e) {
  std::map<int64_t, bool> channel_only;
  channel_cases_.Bind(1, e.account_id);
  bool is_channel = false;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(channel_cases_, [&](store::Stmt& s) {
    channel_only[s.Int(0)] = s.Int(1) != 0;
    is_channel = is_channel || s.Int(2) != 0;
  }));
  cases_.Bind(1, e.account_id);
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(cases_, [&](store::Stmt& s) {
    const int64_t case_id = s.Int(0);
    if (!InScope(case_id)) return;
    CaseOccurrence o;
    o.case_id = case_id;
    o.case_code = citations_.CaseCode(case_id);
    o.first_at = s.OptInt(1);
    // Followed there: it is a broadcast channel's account (a member of some channel) and takes
    // no part in any other conversation of the case (it may be listed without membership, e.g.
    // in an HTML export's chat list).
    auto it = channel_only.find(case_id);
    o.channel_only = is_channel && (it == channel_only.end() || it->second);
    o.citation = citations_.Cite(s.Int(2), s.Text(3));
    e.cases.push_back(std::move(o));
  }));
  std::sort(e.cases.begin(), e.cases.end(),
            [](const CaseOccurrence& a, const CaseOccurrence& b) { return a.case_code < b.case_code; });
  return Ok();
}

Status EvidenceReader::ReadDirect(AccountEvidence& e) {
  const std::vector<int64_t> none;
  const auto& own_subjects = subjects_of_account_.count(e.account_id) ? subjects_of_account_[e.account_id] : none;
  std::vector<std::pair<int64_t, SubjectContact>> pending;  // other account id, contact
  direct_.Bind(1, e.account_id);
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(direct_, [&](store::Stmt& s) {
    const int64_t case_id = s.Int(1);
    auto owners = subjects_of_account_.find(s.Int(3));
    if (!InScope(case_id) || owners == subjects_of_account_.end()) return;
    for (int64_t subject_id : owners->second) {
      if (std::find(own_subjects.begin(), own_subjects.end(), subject_id) != own_subjects.end()) continue;
      SubjectContact c;
      c.subject_id = subject_id;
      c.subject = subject_names_[subject_id];
      c.account = e.ref;
      c.platform = e.platform;
      c.conversation_id = s.Int(0);
      c.case_id = case_id;
      c.direct = true;
      c.initiated = s.Int(4) != 0;
      c.reciprocal = s.Int(5) != 0;
      c.first_at = s.OptInt(6);
      c.citation = citations_.Cite(s.Int(2), s.Text(7));
      pending.emplace_back(s.Int(3), std::move(c));
    }
  }));
  for (auto& entry : pending) {  // not a structured binding: clang 14 cannot capture one
    SubjectContact& c = entry.second;
    account_.Bind(1, entry.first);
    CASEGRAPH_RETURN_IF_ERROR(ForEachRow(account_, [&](store::Stmt& s) {
      c.subject_account = s.Text(0);
      return false;
    }));
    e.contacts.push_back(std::move(c));
  }
  return Ok();
}

Status EvidenceReader::ReadGroups(AccountEvidence& e) {
  struct Group {
    int64_t conversation_id, case_id, exhibit_id;
    std::optional<int64_t> first_at;
    std::string locator;
  };
  std::vector<Group> groups;
  groups_.Bind(1, e.account_id);
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(groups_, [&](store::Stmt& s) {
    if (InScope(s.Int(1))) groups.push_back(Group{s.Int(0), s.Int(1), s.Int(2), s.OptInt(3), s.Text(4)});
  }));
  const std::vector<int64_t> none;
  const auto& own_subjects = subjects_of_account_.count(e.account_id) ? subjects_of_account_[e.account_id] : none;
  for (const Group& g : groups) {
    std::vector<std::pair<int64_t, std::optional<int64_t>>> subject_members;  // account, first_at
    group_members_.Bind(1, g.conversation_id);
    CASEGRAPH_RETURN_IF_ERROR(ForEachRow(group_members_, [&](store::Stmt& s) {
      if (s.Int(0) != e.account_id && subjects_of_account_.count(s.Int(0))) subject_members.emplace_back(s.Int(0), s.OptInt(1));
    }));
    for (const auto& [member, member_first] : subject_members) {
      for (int64_t subject_id : subjects_of_account_[member]) {
        if (std::find(own_subjects.begin(), own_subjects.end(), subject_id) != own_subjects.end()) continue;
        SubjectContact c;
        c.subject_id = subject_id;
        c.subject = subject_names_[subject_id];
        c.account = e.ref;
        c.platform = e.platform;
        c.conversation_id = g.conversation_id;
        c.case_id = g.case_id;
        // Both were in the group from the later of their first messages there.
        c.first_at = g.first_at && member_first ? std::max(*g.first_at, *member_first) : (g.first_at ? g.first_at : member_first);
        c.citation = citations_.Cite(g.exhibit_id, g.locator);
        account_.Bind(1, member);
        CASEGRAPH_RETURN_IF_ERROR(ForEachRow(account_, [&](store::Stmt& s) {
          c.subject_account = s.Text(0);
          return false;
        }));
        e.contacts.push_back(std::move(c));
      }
    }
  }
  return Ok();
}

Status EvidenceReader::ReadIdentity(AccountEvidence& e) {
  identity_.Bind(1, e.account_id);
  return ForEachRow(identity_, [&](store::Stmt& s) { e.same_person.push_back(s.Int(0)); });
}

Status EvidenceReader::ReadMetrics(AccountEvidence& e) {
  metrics_.Bind(1, e.account_id);
  return ForEachRow(metrics_, [&](store::Stmt& s) {
    e.pagerank = s.Double(0);
    e.betweenness = s.Double(1);
    e.community = s.Int(2);
    return false;
  });
}

}  // namespace casegraph::graph
