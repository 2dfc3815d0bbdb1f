// Group joins for the timeline: a service message whose action is a join, an invitation or an
// addition (every importer's word for it), read through messages_service_by_conversation; for a
// member with no such message of their own, their first message in the group (g_members).
#include <array>
#include <string_view>

#include "graph/query_rows.h"
#include "graph/timeline_sources.h"

namespace casegraph::graph {
namespace {

// Telegram, Element, Rocket.Chat, WhatsApp and Discord actions that bring someone into a group.
constexpr const char* kJoinActions =
    "('create_group','invite_members','join_group_by_link','join','invite','uj','au','ujt','add_members',"
    "'join_by_link','RecipientAdd','GuildMemberJoin')";

}  // namespace

Status TimelineSources::JoinMessages(int64_t conversation_id, std::optional<int64_t> sender, const TimelineScope& scope,
                                     std::vector<TimelineEvent>& out, bool* found) {
  auto stmt = ws_->db().Prepare(
      std::string("SELECT id, sent_at_utc, exhibit_id, sender_account_id, action, text, locator FROM messages "
                  "WHERE conversation_id=?1 AND kind='service' AND action IN ") +
      kJoinActions + " AND (?2=0 OR sender_account_id=?2) AND sent_at_utc BETWEEN ?3 AND ?4 "
                     "ORDER BY sent_at_utc, id LIMIT ?5");
  if (!stmt) return stmt.error();
  stmt->Bind(1, conversation_id).Bind(2, sender.value_or(0)).Bind(3, scope.from).Bind(4, scope.until)
      .Bind(5, sender ? 1 : scope.limit);
  struct Row {
    int64_t id, at, exhibit;
    std::optional<int64_t> sender;
    std::string action, text, locator;
  };
  std::vector<Row> rows;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*stmt, [&](store::Stmt& s) {
    rows.push_back(Row{s.Int(0), s.Int(1), s.Int(2), s.OptInt(3), s.Text(4), s.Text(5), s.Text(6)});
  }));
  auto title = ConversationTitle(conversation_id);
  if (!title) return title.error();
  for (const Row& r : rows) {
    TimelineEvent e;
    e.kind = kEventGroupJoin;
    e.seq = r.id;
    Place(e, r.at, r.exhibit, r.locator);
    if (r.sender) {
      auto who = Account(*r.sender);
      if (!who) return who.error();
      e.actor = who->ref;
      e.platform = who->platform;
    }
    e.conversation = *title;
    e.summary = "[" + r.action + "] " + OneLine(r.text);
    out.push_back(std::move(e));
  }
  if (found != nullptr) *found = !rows.empty();
  return Ok();
}

Status TimelineSources::GroupJoinsOfAccount(int64_t account_id, const TimelineScope& scope,
                                            std::vector<TimelineEvent>& out) {
  auto groups = ws_->db().Prepare(
      "SELECT m.conversation_id, m.first_at, m.exhibit_id, m.cite_locator FROM g_members m "
      "JOIN g_conversations c ON c.conversation_id=m.conversation_id AND c.class='group' "
      "WHERE m.account_id=?1 AND (?2=0 OR m.case_id=?2) ORDER BY m.conversation_id");
  if (!groups) return groups.error();
  groups->Bind(1, account_id).Bind(2, scope.case_id);
  struct Row {
    int64_t conversation;
    std::optional<int64_t> first_at;
    int64_t exhibit;
    std::string locator;
  };
  std::vector<Row> rows;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*groups, [&](store::Stmt& s) {
    rows.push_back(Row{s.Int(0), s.OptInt(1), s.Int(2), s.Text(3)});
  }));
  auto who = Account(account_id);
  if (!who) return who.error();
  for (const Row& r : rows) {
    bool joined = false;
    CASEGRAPH_RETURN_IF_ERROR(JoinMessages(r.conversation, account_id, scope, out, &joined));
    if (joined || !r.first_at || *r.first_at < scope.from || *r.first_at > scope.until) continue;
    TimelineEvent e;
    e.kind = kEventGroupJoin;
    e.seq = r.conversation;
    Place(e, *r.first_at, r.exhibit, r.locator);
    e.actor = who->ref;
    e.platform = who->platform;
    auto title = ConversationTitle(r.conversation);
    if (!title) return title.error();
    e.conversation = *title;
    e.summary = "first message in the group";
    out.push_back(std::move(e));
  }
  return Ok();
}

Status TimelineSources::GroupJoins(const TimelineScope& scope, std::vector<TimelineEvent>& out) {
  if (!scope.accounts.empty()) {
    for (int64_t account : scope.accounts) CASEGRAPH_RETURN_IF_ERROR(GroupJoinsOfAccount(account, scope, out));
    return Ok();
  }
  // A whole case: every join message in its groups, then first messages of members who have none.
  auto groups = ws_->db().Prepare(
      "SELECT conversation_id FROM g_conversations WHERE case_id=?1 AND class='group' ORDER BY conversation_id");
  if (!groups) return groups.error();
  groups->Bind(1, scope.case_id);
  std::vector<int64_t> ids;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*groups, [&](store::Stmt& s) { ids.push_back(s.Int(0)); }));
  for (int64_t id : ids) CASEGRAPH_RETURN_IF_ERROR(JoinMessages(id, std::nullopt, scope, out, nullptr));
  auto firsts = ws_->db().Prepare(
      std::string("SELECT m.conversation_id, m.account_id, m.first_at, m.exhibit_id, m.cite_locator FROM g_members m "
                  "JOIN g_conversations c ON c.conversation_id=m.conversation_id AND c.class='group' "
                  "WHERE m.case_id=?1 AND m.first_at BETWEEN ?2 AND ?3 AND NOT EXISTS (SELECT 1 FROM messages j "
                  "WHERE j.conversation_id=m.conversation_id AND j.kind='service' AND j.sender_account_id=m.account_id "
                  "AND j.action IN ") +
      kJoinActions + ") ORDER BY m.first_at, m.conversation_id, m.account_id LIMIT ?4");
  if (!firsts) return firsts.error();
  firsts->Bind(1, scope.case_id).Bind(2, scope.from).Bind(3, scope.until).Bind(4, scope.limit);
  struct Row {
    int64_t conversation, account, at, exhibit;
    std::string locator;
  };
  std::vector<Row> rows;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*firsts, [&](store::Stmt& s) {
    rows.push_back(Row{s.Int(0), s.Int(1), s.Int(2), s.Int(3), s.Text(4)});
  }));
  for (const Row& r : rows) {
    TimelineEvent e;
    e.kind = kEventGroupJoin;
    e.seq = r.conversation;
    Place(e, r.at, r.exhibit, r.locator);
    auto who = Account(r.account);
    if (!who) return who.error();
    e.actor = who->ref;
    e.platform = who->platform;
    auto title = ConversationTitle(r.conversation);
    if (!title) return title.error();
    e.conversation = *title;
    e.summary = "first message in the group";
    out.push_back(std::move(e));
  }
  return Ok();
}

}  // namespace casegraph::graph
