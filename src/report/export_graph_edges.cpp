// The subject, person and edge readers of the export graph (export_graph.h).
#include <algorithm>
#include <map>
#include <set>

#include "base/file_system.h"
#include "graph/query_rows.h"
#include "report/export_graph_parts.h"

namespace casegraph::report::detail {
namespace {

// Pairs in groups larger than this are left out: a group of n members has n(n-1)/2 pairs, and a
// big group says little about any one pair (its members still link through the group's cases).
constexpr size_t kMaxGroupMembersForPairs = 100;

}  // namespace

Status LoadSubjects(LoadState& st) {
  auto subjects = st.ws.db().Prepare(
      "SELECT s.id, c.code, s.label FROM subjects s JOIN cases c ON c.id=s.case_id WHERE " + st.Scope("s.case_id") +
      " ORDER BY c.code, s.label");
  auto uses = st.ws.db().Prepare(
      "SELECT account_id, basis, cite_exhibit_id, cite_locator FROM g_subject_accounts WHERE subject_id=?1 "
      "ORDER BY account_id");
  if (!subjects) return subjects.error();
  if (!uses) return uses.error();
  std::vector<ExportNode> nodes;
  std::vector<int64_t> ids;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*subjects, [&](store::Stmt& s) {
    ExportNode n;
    n.id = "s" + std::to_string(s.Int(0));
    n.type = kNodeSubject;
    n.label = s.Text(1) + "/" + s.Text(2);
    n.subject = n.label;
    n.cases = {s.Text(1)};
    ids.push_back(s.Int(0));
    nodes.push_back(std::move(n));
  }));
  for (size_t i = 0; i < nodes.size(); ++i) {
    uses->Bind(1, ids[i]);
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*uses, [&](store::Stmt& s) {
      const std::string target = st.AccountNode(s.Int(0));
      if (target.empty()) return;
      ExportEdge e;
      e.source = nodes[i].id;
      e.target = target;
      e.kind = kEdgeUsesAccount;
      e.label = "uses account (" + s.Text(1) + ")";
      e.case_code = nodes[i].cases.front();
      e.directed = true;
      e.citation = st.Cite(s, 2, 3);
      if (!nodes[i].citation) nodes[i].citation = e.citation;
      st.graph.edges.push_back(std::move(e));
    }));
    st.graph.nodes.push_back(std::move(nodes[i]));
  }
  return Ok();
}

Status LoadPersons(LoadState& st) {
  auto members = st.ws.db().Prepare(
      "SELECT p.id, p.key, p.label, pm.account_id, pm.basis, pm.status, "
      " json_extract(pm.citations, '$[0].exhibit_id'), json_extract(pm.citations, '$[0].locator') "
      "FROM person_members pm JOIN persons p ON p.id=pm.person_id ORDER BY p.key, pm.account_id");
  if (!members) return members.error();
  std::map<int64_t, size_t> person_node;
  return graph::ForEachRow(*members, [&](store::Stmt& s) {
    const std::string account = st.AccountNode(s.Int(3));
    if (account.empty()) return;
    auto it = person_node.find(s.Int(0));
    if (it == person_node.end()) {
      ExportNode n;
      n.id = "p" + std::to_string(s.Int(0));
      n.type = kNodePerson;
      n.person = s.Text(1);
      n.label = s.Text(2).empty() ? n.person : s.Text(2);
      it = person_node.emplace(s.Int(0), st.graph.nodes.size()).first;
      st.graph.nodes.push_back(std::move(n));
    }
    ExportNode& person = st.graph.nodes[it->second];
    const ExportNode& acc = st.graph.nodes[st.account_node.at(s.Int(3))];
    for (const auto& c : acc.cases) {
      if (std::find(person.cases.begin(), person.cases.end(), c) == person.cases.end()) person.cases.push_back(c);
    }
    std::sort(person.cases.begin(), person.cases.end());
    ExportEdge e;
    e.source = account;
    e.target = person.id;
    e.kind = kEdgePersonMember;
    e.label = "member of " + person.person + " (" + s.Text(4) + ", " + s.Text(5) + ")";
    e.directed = true;
    e.citation = st.Cite(s, 6, 7);
    if (!person.citation) person.citation = e.citation;
    st.graph.edges.push_back(std::move(e));
  });
}

Status LoadPrivateChats(LoadState& st) {
  auto direct = st.ws.db().Prepare(
      "SELECT d.a_account_id, d.b_account_id, d.initiator_account_id, d.first_at, d.last_at, d.a_messages, "
      " d.b_messages, c.code, d.exhibit_id, COALESCE(m.locator, cv.locator) FROM g_direct d "
      "JOIN cases c ON c.id=d.case_id JOIN conversations cv ON cv.id=d.conversation_id "
      "LEFT JOIN messages m ON m.id=d.first_message_id WHERE " + st.Scope("d.case_id") +
      " ORDER BY d.first_at IS NULL, d.first_at, d.conversation_id");
  if (!direct) return direct.error();
  return graph::ForEachRow(*direct, [&](store::Stmt& s) {
    std::string a = st.AccountNode(s.Int(0)), b = st.AccountNode(s.Int(1));
    if (a.empty() || b.empty()) return;
    ExportEdge e;
    const bool b_first = !s.IsNull(2) && s.Int(2) == s.Int(1);
    e.source = b_first ? b : a;
    e.target = b_first ? a : b;
    e.directed = !s.IsNull(2);
    e.kind = kEdgePrivateChat;
    e.count = s.Int(5) + s.Int(6);
    e.label = "private chat, " + std::to_string(e.count) + " messages" + (e.directed ? ", source wrote first" : "");
    e.first_at = s.OptInt(3);
    e.last_at = s.OptInt(4);
    e.case_code = s.Text(7);
    e.citation = st.Cite(s, 8, 9);
    st.graph.edges.push_back(std::move(e));
  });
}

Status LoadGroupCoMembership(LoadState& st) {
  auto members = st.ws.db().Prepare(
      "SELECT m.conversation_id, m.account_id, gc.first_at, gc.last_at, m.exhibit_id, m.cite_locator, c.code "
      "FROM g_members m JOIN g_conversations gc ON gc.conversation_id=m.conversation_id "
      "JOIN cases c ON c.id=m.case_id WHERE gc.class='group' AND " + st.Scope("m.case_id") +
      " ORDER BY gc.first_at IS NULL, gc.first_at, m.conversation_id, m.account_id");
  if (!members) return members.error();
  struct Member {
    int64_t conversation, account;
    std::optional<int64_t> first_at, last_at;
    std::optional<model::Citation> citation;
    std::string case_code;
  };
  std::vector<std::vector<Member>> groups;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*members, [&](store::Stmt& s) {
    if (st.AccountNode(s.Int(1)).empty()) return;
    if (groups.empty() || groups.back().front().conversation != s.Int(0)) groups.emplace_back();
    groups.back().push_back({s.Int(0), s.Int(1), s.OptInt(2), s.OptInt(3), st.Cite(s, 4, 5), s.Text(6)});
  }));
  // One edge per pair, in the order its first shared group appears.
  std::map<std::pair<int64_t, int64_t>, size_t> pair_edge;
  for (const auto& g : groups) {
    if (g.size() > kMaxGroupMembersForPairs) continue;
    for (size_t i = 0; i < g.size(); ++i) {
      for (size_t j = i + 1; j < g.size(); ++j) {
        auto key = std::minmax(g[i].account, g[j].account);
        auto [it, added] = pair_edge.emplace(key, st.graph.edges.size());
        if (added) {
          ExportEdge e;
          e.source = st.AccountNode(key.first);
          e.target = st.AccountNode(key.second);
          e.kind = kEdgeGroupCoMember;
          e.case_code = g[i].case_code;
          e.first_at = g[i].first_at;
          e.citation = g[j].citation;
          st.graph.edges.push_back(std::move(e));
        }
        ExportEdge& e = st.graph.edges[it->second];
        ++e.count;
        if (g[i].last_at && (!e.last_at || *g[i].last_at > *e.last_at)) e.last_at = g[i].last_at;
        e.label = "in " + std::to_string(e.count) + " group" + (e.count == 1 ? "" : "s") + " together";
      }
    }
  }
  return Ok();
}

Status LoadMessages(LoadState& st) {
  auto exhibits = st.ws.db().Prepare(
      "SELECT e.id, c.code, e.label, e.sha256, e.format, e.path, e.size_bytes FROM exhibits e "
      "JOIN cases c ON c.id=e.case_id WHERE " + st.Scope("e.case_id") + " ORDER BY c.code, e.label");
  if (!exhibits) return exhibits.error();
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*exhibits, [&](store::Stmt& s) {
    st.graph.exhibits.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), BaseName(s.Text(5)), s.Int(6)});
  }));
  auto messages = st.ws.db().Prepare(
      "SELECT m.id, m.exhibit_id, m.sender_account_id, m.sent_at_utc, m.text, m.locator, "
      " COALESCE(cv.title, cv.source_key, ''), d.a_account_id, d.b_account_id, e.importer "
      "FROM messages m JOIN exhibits e ON e.id=m.exhibit_id LEFT JOIN conversations cv ON cv.id=m.conversation_id "
      "LEFT JOIN g_direct d ON d.conversation_id=m.conversation_id "
      "WHERE m.kind <> 'service' AND " + st.Scope("e.case_id") + " ORDER BY m.id");
  if (!messages) return messages.error();
  return graph::ForEachRow(*messages, [&](store::Stmt& s) {
    ExportMessage m;
    m.id = s.Int(0);
    m.exhibit_id = s.Int(1);
    if (!s.IsNull(2)) m.sender_node = st.AccountNode(s.Int(2));
    m.sent_at = s.OptInt(3);
    m.text = s.Text(4);
    m.locator = s.Text(5);
    m.conversation = s.Text(6);
    if (!s.IsNull(7) && !s.IsNull(2)) {
      const int64_t other = s.Int(2) == s.Int(7) ? s.Int(8) : s.Int(7);
      const std::string node = st.AccountNode(other);
      if (!node.empty()) m.recipients.push_back(node);
    }
    auto it = st.account_node.find(s.IsNull(2) ? -1 : s.Int(2));
    m.platform = it != st.account_node.end() ? st.graph.nodes[it->second].platform : s.Text(9);
    st.graph.messages.push_back(std::move(m));
  });
}

}  // namespace casegraph::report::detail
