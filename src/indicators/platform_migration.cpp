// platform-migration: someone in a conversation with a subject points them to another platform
// (an app name, an invite link, a handle or number of that platform), and afterwards the
// subject has a private chat there, begun after the push, with an account that is not a saved
// contact. Without that later contact there is no flag.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/time_util.h"
#include "graph/query_rows.h"
#include "indicators/contact_history.h"
#include "indicators/contact_indicators.h"
#include "indicators/platform_names.h"
#include "indicators/subject_direct_chats.h"

namespace casegraph::indicators {
namespace {

constexpr int64_t kQuickFollowUp = 30 * 86400;  // a new contact this soon after the push: high
constexpr size_t kMaxCitations = 20;

// A message that points to another platform.
struct Push {
  int64_t message_id = 0, conversation_id = 0, case_id = 0, sender = 0, at = 0, exhibit_id = 0;
  std::string locator, platform, what, named_ref;  // named_ref: the account the identifier names
};

Result<std::vector<Push>> LoadPushes(store::Workspace& ws, ContactHistory& history) {
  constexpr const char* kColumns =
      "SELECT m.id, m.conversation_id, gc.case_id, m.sender_account_id, m.sent_at_utc, m.exhibit_id, m.locator, ";
  constexpr const char* kWhere =
      " JOIN g_conversations gc ON gc.conversation_id = m.conversation_id "
      "WHERE m.kind <> 'service' AND m.sender_account_id IS NOT NULL AND m.sent_at_utc IS NOT NULL ";
  std::vector<Push> out;
  auto keep = [&](Push p) -> Status {
    auto sender = history.Account(p.sender);
    if (!sender) return sender.error();
    if (sender->platform == p.platform) return Ok();  // the same platform: not a move
    out.push_back(std::move(p));
    return Ok();
  };
  auto ids = ws.db().Prepare(std::string(kColumns) +
                             "i.kind, i.value FROM identifier_occurrences o JOIN identifiers i ON i.id = o.identifier_id "
                             "JOIN messages m ON m.id = o.message_id" + kWhere +
                             "AND i.kind IN ('telegram-username', 'telegram-invite', 'matrix-user', 'matrix-room', "
                             "'phone', 'url') ORDER BY m.id, i.kind, i.value");
  if (!ids) return ids.error();
  Status status = Ok();
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*ids, [&](store::Stmt& r) {
    if (!status.ok()) return;
    const std::string kind = r.Text(7), value = r.Text(8);
    for (const std::string& platform : PlatformsOfIdentifier(kind, value)) {
      Push p{r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5), r.Text(6), platform,
             kind + " " + value, AccountRefOfIdentifier(kind, value, platform)};
      status = keep(std::move(p));
    }
  }));
  CASEGRAPH_RETURN_IF_ERROR(status);
  auto names = ws.db().Prepare(std::string(kColumns) + "m.text FROM messages_fts f JOIN messages m ON m.id = f.rowid" +
                               kWhere + "AND messages_fts MATCH ?1 ORDER BY m.id");
  if (!names) return names.error();
  const std::string query = PlatformNamesFtsQuery();  // bound without a copy: must outlive the walk
  names->Bind(1, query);
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*names, [&](store::Stmt& r) {
    if (!status.ok()) return;
    for (const PlatformMention& m : PlatformsNamedIn(r.Text(7))) {
      Push p{r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5), r.Text(6), m.platform, "the app name " + m.what, ""};
      status = keep(std::move(p));
    }
  }));
  CASEGRAPH_RETURN_IF_ERROR(status);
  std::sort(out.begin(), out.end(), [](const Push& a, const Push& b) {
    return std::tie(a.at, a.message_id, a.platform, a.what) < std::tie(b.at, b.message_id, b.platform, b.what);
  });
  return out;
}

// The private chat on the push's platform that followed it, or nullptr: the account the push
// names, else one of the pusher's own (same person), else the earliest new one.
Result<const SubjectDirectChat*> FollowUp(ContactHistory& history, const Push& push, const ScopedSubject& subject,
                                          const std::vector<const SubjectDirectChat*>& chats) {
  const std::vector<int64_t> pusher = history.SamePerson(push.sender);
  const SubjectDirectChat* best = nullptr;
  int best_rank = 3;
  for (const SubjectDirectChat* c : chats) {
    if (!c->first_at || *c->first_at <= push.at) continue;
    auto other = history.Account(c->other_account);
    if (!other) return other.error();
    if (other->platform != push.platform) continue;
    auto saved = history.IsSavedContact(subject, c->other_account);
    if (!saved) return saved.error();
    if (*saved) continue;
    const int rank = !push.named_ref.empty() && other->ref == push.named_ref ? 0
                     : std::binary_search(pusher.begin(), pusher.end(), c->other_account) ? 1
                                                                                           : 2;
    if (rank < best_rank) {  // chats come earliest first: the first of a rank wins
      best = c;
      best_rank = rank;
    }
  }
  return best;
}

std::string Days(int64_t seconds) {
  const int64_t days = seconds / 86400;
  return days == 0 ? "the same day" : std::to_string(days) + (days == 1 ? " day later" : " days later");
}

class PlatformMigration final : public Indicator {
 public:
  std::string_view kind() const override { return kPlatformMigration; }
  Result<std::vector<Finding>> Find(IndicatorContext& ctx) const override;
};

Result<std::vector<Finding>> PlatformMigration::Find(IndicatorContext& ctx) const {
  auto scope = SubjectScope::Load(ctx.ws, ctx.cases);
  if (!scope) return scope.error();
  auto history = ContactHistory::Load(ctx.ws);
  if (!history) return history.error();
  auto pushes = LoadPushes(ctx.ws, *history);
  if (!pushes) return pushes.error();
  auto chats = LoadSubjectDirectChats(ctx.ws, *scope);
  if (!chats) return chats.error();
  std::map<int64_t, std::vector<const SubjectDirectChat*>> chats_of;  // subject id -> chats
  for (const SubjectDirectChat& c : *chats) chats_of[c.subject->id].push_back(&c);

  // Which subjects are in each conversation (through one of their accounts).
  auto members = ctx.ws.db().Prepare("SELECT conversation_id FROM g_members WHERE account_id = ?1");
  if (!members) return members.error();
  std::map<int64_t, std::vector<const ScopedSubject*>> subjects_in;
  for (const ScopedSubject& s : scope->subjects()) {
    std::set<int64_t> convs;
    for (int64_t a : s.account_ids) {
      members->Bind(1, a);
      CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*members, [&](store::Stmt& r) { convs.insert(r.Int(0)); }));
    }
    for (int64_t c : convs) subjects_in[c].push_back(&s);
  }

  struct Group {
    const ScopedSubject* subject;
    const SubjectDirectChat* follow;
    std::vector<const Push*> pushes;
  };
  std::map<std::tuple<int64_t, int64_t, int64_t>, Group> groups;  // (subject, pusher, destination)
  std::vector<std::tuple<int64_t, int64_t, int64_t>> order;
  for (const Push& p : *pushes) {
    if (!scope->HasCase(p.case_id)) continue;
    auto it = subjects_in.find(p.conversation_id);
    if (it == subjects_in.end()) continue;
    for (const ScopedSubject* s : it->second) {
      if (s->Uses(p.sender)) continue;  // the subject's own message
      auto follow = FollowUp(*history, p, *s, chats_of[s->id]);
      if (!follow) return follow.error();
      if (*follow == nullptr) continue;
      auto key = std::make_tuple(s->id, p.sender, (*follow)->other_account);
      auto [g, fresh] = groups.try_emplace(key, Group{s, *follow, {}});
      if (fresh) order.push_back(key);
      if (std::find_if(g->second.pushes.begin(), g->second.pushes.end(),
                       [&](const Push* q) { return q->message_id == p.message_id; }) == g->second.pushes.end()) {
        g->second.pushes.push_back(&p);
      }
    }
  }

  std::vector<Finding> out;
  for (const auto& key : order) {
    const Group& g = groups.at(key);
    const Push& push = *g.pushes.front();
    const SubjectDirectChat& follow = *g.follow;
    auto pusher = history->Account(push.sender);
    if (!pusher) return pusher.error();
    auto dest = history->Account(follow.other_account);
    if (!dest) return dest.error();
    auto mine = history->Account(follow.subject_account);
    if (!mine) return mine.error();
    const int64_t gap = *follow.first_at - push.at;
    const bool quick = follow.OtherWroteFirst() && gap <= kQuickFollowUp;

    Finding f;
    f.kind = std::string(kPlatformMigration);
    f.severity = quick ? Severity::kHigh : Severity::kMedium;
    f.case_code = g.subject->case_code;
    f.subject = g.subject->label;
    f.accounts = {pusher->ref, dest->ref};
    if (quick) {
      f.severity_basis.push_back("quick new contact: " + dest->ref + " wrote first to " + g.subject->label + " on " +
                                 dest->platform + ", " + Days(gap) + " (within 30 days of the push)");
    }
    f.summary = pusher->ref + " pointed " + g.subject->label + " to " + push.platform + "; " + dest->ref +
                " then talked to " + g.subject->label + " there";
    f.explanation = "On " + FormatUtc(push.at) + " " + pusher->ref + " sent " + g.subject->label +
                    " a message naming " + push.what + ", which points to " + push.platform + ". On " +
                    FormatUtc(*follow.first_at) + " (" + Days(gap) + ") a private chat on " + push.platform +
                    " began between " + g.subject->label + "'s account " + mine->ref + " and " + dest->ref +
                    (follow.OtherWroteFirst() ? ", who wrote first" : "") + "; " + dest->ref +
                    " is not a saved contact of " + g.subject->label + ". " +
                    (quick ? "Severity high: the other side opened the new chat within 30 days of the push."
                           : "Severity medium: the conversation moved, but the new chat was not opened by the other "
                             "side within 30 days.");
    f.first_at = push.at;
    f.last_at = std::max(push.at, *follow.first_at);
    f.citations.push_back(ctx.cite.Cite(push.exhibit_id, push.locator));
    if (follow.first_message_id) {
      auto msg = ctx.cite.Message(*follow.first_message_id);
      if (!msg) return msg.error();
      f.citations.push_back(ctx.cite.Cite(msg->exhibit_id, msg->locator));
    }
    for (size_t i = 1; i < g.pushes.size() && f.citations.size() < kMaxCitations; ++i) {
      f.citations.push_back(ctx.cite.Cite(g.pushes[i]->exhibit_id, g.pushes[i]->locator));
    }
    f.total_citations = static_cast<int64_t>(g.pushes.size()) + (follow.first_message_id ? 1 : 0);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

const Indicator& PlatformMigrationIndicator() {
  static const PlatformMigration indicator;
  return indicator;
}

}  // namespace casegraph::indicators
