// The timeline's shared lookups and its message-based kinds: first contacts (g_direct), the
// messages an account sent (messages_by_sender_time) and the files it sent
// (attachments_by_message); for a whole case, per exhibit by message id range.
#include "graph/timeline_sources.h"

#include <set>

#include "graph/query_rows.h"

namespace casegraph::graph {

std::string OneLine(const std::string& text) {
  constexpr size_t kMaxBytes = 120;
  std::string out;
  for (char c : text) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() <= kMaxBytes) return out;
  size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return out.substr(0, cut) + "…";
}

Result<TimelineSources> TimelineSources::Open(store::Workspace& ws) {
  TimelineSources s;
  s.ws_ = &ws;
  auto citations = CitationSource::Load(ws);
  if (!citations) return citations.error();
  s.citations_ = std::move(*citations);
  auto account = ws.db().Prepare("SELECT ref, platform FROM accounts WHERE id=?1");
  if (!account) return account.error();
  auto title = ws.db().Prepare("SELECT COALESCE(title, ref, kind, '') FROM conversations WHERE id=?1");
  if (!title) return title.error();
  s.account_ = std::move(*account);
  s.title_ = std::move(*title);
  return s;
}

Result<TimelineSources::AccountFacts> TimelineSources::Account(int64_t id) {
  auto it = accounts_.find(id);
  if (it != accounts_.end()) return it->second;
  AccountFacts facts;
  account_.Bind(1, id);
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(account_, [&](store::Stmt& s) {
    facts = AccountFacts{s.Text(0), s.Text(1)};
    return false;
  }));
  return accounts_[id] = facts;
}

Result<std::string> TimelineSources::ConversationTitle(int64_t id) {
  auto it = titles_.find(id);
  if (it != titles_.end()) return it->second;
  std::string title;
  title_.Bind(1, id);
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(title_, [&](store::Stmt& s) {
    title = s.Text(0);
    return false;
  }));
  return titles_[id] = title;
}

void TimelineSources::Place(TimelineEvent& e, int64_t at, int64_t exhibit_id, const std::string& locator) {
  e.at = at;
  e.citation = citations_.Cite(exhibit_id, locator);
  e.case_code = e.citation.case_code;
  e.exhibit = e.citation.exhibit;
}

Status TimelineSources::FirstContacts(const TimelineScope& scope, std::vector<TimelineEvent>& out) {
  const char* columns =
      "SELECT d.conversation_id, d.exhibit_id, d.initiator_account_id, d.a_account_id, d.b_account_id, d.first_at, "
      "COALESCE(m.locator, cv.locator) FROM g_direct d JOIN conversations cv ON cv.id=d.conversation_id "
      "LEFT JOIN messages m ON m.id=d.first_message_id ";
  auto stmt = ws_->db().Prepare(
      std::string(columns) +
      (scope.accounts.empty()
           ? "WHERE d.case_id=?1 AND d.first_at BETWEEN ?2 AND ?3 ORDER BY d.first_at, d.conversation_id LIMIT ?4"
           : "WHERE (d.a_account_id=?5 OR d.b_account_id=?5) AND (?1=0 OR d.case_id=?1) AND d.first_at BETWEEN ?2 AND ?3 "
             "ORDER BY d.first_at, d.conversation_id LIMIT ?4"));
  if (!stmt) return stmt.error();
  std::set<int64_t> seen;
  auto run = [&]() -> Status {
    struct Row {
      int64_t conversation, exhibit;
      std::optional<int64_t> initiator;
      int64_t a, b, at;
      std::string locator;
    };
    std::vector<Row> rows;
    CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*stmt, [&](store::Stmt& s) {
      if (seen.insert(s.Int(0)).second) {
        rows.push_back(Row{s.Int(0), s.Int(1), s.OptInt(2), s.Int(3), s.Int(4), s.Int(5), s.Text(6)});
      }
    }));
    for (const Row& r : rows) {
      TimelineEvent e;
      e.kind = kEventFirstContact;
      e.seq = r.conversation;
      Place(e, r.at, r.exhibit, r.locator);
      const int64_t from = r.initiator.value_or(r.a), to = from == r.a ? r.b : r.a;
      auto sender = Account(from);
      if (!sender) return sender.error();
      auto recipient = Account(to);
      if (!recipient) return recipient.error();
      auto title = ConversationTitle(r.conversation);
      if (!title) return title.error();
      e.actor = r.initiator ? sender->ref : "";
      e.platform = sender->platform;
      e.conversation = *title;
      e.summary = r.initiator ? sender->ref + " wrote first to " + recipient->ref
                              : "first message between " + sender->ref + " and " + recipient->ref;
      out.push_back(std::move(e));
    }
    return Ok();
  };
  stmt->Bind(1, scope.case_id).Bind(2, scope.from).Bind(3, scope.until).Bind(4, scope.limit);
  if (scope.accounts.empty()) return run();
  for (int64_t account : scope.accounts) {
    stmt->Bind(5, account);
    CASEGRAPH_RETURN_IF_ERROR(run());
  }
  return Ok();
}

Status TimelineSources::MessageRows(store::Stmt& stmt, std::vector<TimelineEvent>& out) {
  struct Row {
    int64_t id, at, exhibit, conversation;
    std::optional<int64_t> sender;
    std::string kind, text, action, locator;
  };
  std::vector<Row> rows;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(stmt, [&](store::Stmt& s) {
    rows.push_back(Row{s.Int(0), s.Int(1), s.Int(2), s.Int(3), s.OptInt(4), s.Text(5), s.Text(6), s.Text(7), s.Text(8)});
  }));
  for (const Row& r : rows) {
    TimelineEvent e;
    e.kind = kEventMessage;
    e.seq = r.id;
    Place(e, r.at, r.exhibit, r.locator);
    if (r.sender) {
      auto sender = Account(*r.sender);
      if (!sender) return sender.error();
      e.actor = sender->ref;
      e.platform = sender->platform;
    }
    auto title = ConversationTitle(r.conversation);
    if (!title) return title.error();
    e.conversation = *title;
    e.summary = r.kind == "service" && !r.action.empty() ? "[" + r.action + "] " + OneLine(r.text) : OneLine(r.text);
    out.push_back(std::move(e));
  }
  return Ok();
}

// Runs `by_exhibit` once per exhibit of the case (?1 exhibit) when the scope names no accounts,
// else `by_account` once per account (?1 account, ?5 case or 0); both take ?2..?4 as from,
// until and limit. Each statement's rows go through `rows`.
Status TimelineSources::PerExhibitOrAccount(const TimelineScope& scope, const std::string& by_exhibit,
                                            const std::string& by_account,
                                            Status (TimelineSources::*rows)(store::Stmt&, std::vector<TimelineEvent>&),
                                            std::vector<TimelineEvent>& out) {
  const bool per_exhibit = scope.accounts.empty();
  auto stmt = ws_->db().Prepare(per_exhibit ? by_exhibit : by_account);
  if (!stmt) return stmt.error();
  for (int64_t id : per_exhibit ? scope.case_exhibits : scope.accounts) {
    stmt->Bind(1, id).Bind(2, scope.from).Bind(3, scope.until).Bind(4, scope.limit);
    if (!per_exhibit) stmt->Bind(5, scope.case_id);
    CASEGRAPH_RETURN_IF_ERROR((this->*rows)(*stmt, out));
  }
  return Ok();
}

Status TimelineSources::Messages(const TimelineScope& scope, std::vector<TimelineEvent>& out) {
  const std::string columns =
      "SELECT m.id, m.sent_at_utc, m.exhibit_id, COALESCE(m.conversation_id, 0), m.sender_account_id, m.kind, m.text, "
      "COALESCE(m.action, ''), m.locator FROM messages m ";
  return PerExhibitOrAccount(
      scope,
      columns + "JOIN exhibits e ON e.id=?1 WHERE m.id BETWEEN e.first_message_id AND e.last_message_id "
                "AND m.sent_at_utc BETWEEN ?2 AND ?3 ORDER BY m.sent_at_utc, m.id LIMIT ?4",
      columns + "WHERE m.sender_account_id=?1 AND m.sent_at_utc BETWEEN ?2 AND ?3 AND (?5=0 OR "
                "m.exhibit_id IN (SELECT id FROM exhibits WHERE case_id=?5)) "
                "ORDER BY m.sent_at_utc, m.id LIMIT ?4",
      &TimelineSources::MessageRows, out);
}

Status TimelineSources::FileRows(store::Stmt& stmt, std::vector<TimelineEvent>& out) {
  struct Row {
    int64_t id, at, exhibit, conversation;
    std::optional<int64_t> sender;
    std::string kind, name, status, locator;
  };
  std::vector<Row> rows;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(stmt, [&](store::Stmt& s) {
    rows.push_back(Row{s.Int(0), s.Int(1), s.Int(2), s.Int(3), s.OptInt(4), s.Text(5), s.Text(6), s.Text(7), s.Text(8)});
  }));
  for (const Row& r : rows) {
    TimelineEvent e;
    e.kind = kEventFile;
    e.seq = r.id;
    Place(e, r.at, r.exhibit, r.locator);
    if (r.sender) {
      auto sender = Account(*r.sender);
      if (!sender) return sender.error();
      e.actor = sender->ref;
      e.platform = sender->platform;
    }
    auto title = ConversationTitle(r.conversation);
    if (!title) return title.error();
    e.conversation = *title;
    e.summary = "sent " + (r.kind.empty() ? std::string("a file") : r.kind) + (r.name.empty() ? "" : " '" + r.name + "'") +
                " (" + r.status + ")";
    out.push_back(std::move(e));
  }
  return Ok();
}

Status TimelineSources::Files(const TimelineScope& scope, std::vector<TimelineEvent>& out) {
  const std::string columns =
      "SELECT a.id, m.sent_at_utc, a.exhibit_id, COALESCE(m.conversation_id, 0), m.sender_account_id, "
      "COALESCE(a.kind, ''), COALESCE(NULLIF(a.file_name, ''), a.declared_path, ''), a.status, a.locator ";
  return PerExhibitOrAccount(
      scope,
      columns + "FROM attachments a JOIN messages m ON m.id=a.message_id WHERE a.exhibit_id=?1 "
                "AND m.sent_at_utc BETWEEN ?2 AND ?3 ORDER BY m.sent_at_utc, a.id LIMIT ?4",
      columns + "FROM messages m JOIN attachments a ON a.message_id=m.id WHERE m.sender_account_id=?1 "
                "AND m.sent_at_utc BETWEEN ?2 AND ?3 AND (?5=0 OR m.exhibit_id IN "
                "(SELECT id FROM exhibits WHERE case_id=?5)) ORDER BY m.sent_at_utc, a.id LIMIT ?4",
      &TimelineSources::FileRows, out);
}

}  // namespace casegraph::graph
