// unsolicited-contact-minor: an account that was neither a saved contact of a subject nor in an
// earlier conversation or group with them writes first, privately, to a subject who could have
// been under 18 then. Severity rises with the other indicators on the same account or person
// (secrecy, platform-migration, known-content: read from IndicatorContext::earlier) and when
// the account or person did the same to two or more minor subjects, in any case of the
// workspace (cases outside the scope are counted, never cited).
#include <algorithm>
#include <map>
#include <set>

#include "base/time_util.h"
#include "indicators/contact_history.h"
#include "indicators/contact_indicators.h"
#include "indicators/subject_direct_chats.h"

namespace casegraph::indicators {
namespace {

// Which earlier kinds raise the severity, and how a severity line names them.
struct RaisingKind {
  std::string_view kind;
  const char* reason;
};
constexpr RaisingKind kRaising[] = {
    {kSecrecy, "asked for secrecy or deletion"},
    {kPlatformMigration, "moved the conversation to another platform"},
    {kKnownContent, "sent or received known content"},
};

Result<bool> IsUnsolicited(ContactHistory& history, const SubjectDirectChat& c) {
  if (!c.OtherWroteFirst() || !c.first_at || c.SubjectMayBeMinor() != std::optional<bool>(true)) return false;
  auto saved = history.IsSavedContact(*c.subject, c.other_account);
  if (!saved) return saved.error();
  if (*saved) return false;
  auto shared = history.SharedEarlierConversation(*c.subject, c.other_account, *c.first_at, c.conversation_id);
  if (!shared) return shared.error();
  return !*shared;
}

std::string SubjectName(const ScopedSubject& s) { return s.case_code + "/" + s.label; }

class UnsolicitedContactMinor final : public Indicator {
 public:
  std::string_view kind() const override { return kUnsolicitedContactMinor; }
  Result<std::vector<Finding>> Find(IndicatorContext& ctx) const override;
};

Result<std::vector<Finding>> UnsolicitedContactMinor::Find(IndicatorContext& ctx) const {
  // Every case: the count of minor subjects an account reached spans the whole workspace.
  auto in = LoadContactInputs(ctx);
  if (!in) return in.error();
  const SubjectScope& scope = in->scope;
  ContactHistory& history = in->history;
  const std::vector<SubjectDirectChat>& chats = in->chats;

  std::vector<const SubjectDirectChat*> unsolicited;
  std::map<int64_t, std::set<const ScopedSubject*>> reached;  // initiating account -> subjects
  for (const SubjectDirectChat& c : chats) {
    auto yes = IsUnsolicited(history, c);
    if (!yes) return yes.error();
    if (!*yes) continue;
    unsolicited.push_back(&c);
    reached[c.other_account].insert(c.subject);
  }

  // One finding per (subject, initiating account), from the chats in scope.
  std::map<std::pair<int64_t, int64_t>, std::vector<const SubjectDirectChat*>> groups;
  std::vector<std::pair<int64_t, int64_t>> order;
  for (const SubjectDirectChat* c : unsolicited) {
    if (!scope.HasCase(c->subject->case_id) || !scope.HasCase(c->case_id)) continue;
    auto key = std::make_pair(c->subject->id, c->other_account);
    if (groups.find(key) == groups.end()) order.push_back(key);
    groups[key].push_back(c);
  }

  std::vector<Finding> out;
  for (const auto& key : order) {
    const std::vector<const SubjectDirectChat*>& list = groups[key];
    const SubjectDirectChat& first = *list.front();
    const ScopedSubject& subject = *first.subject;
    auto other = history.Account(first.other_account);
    if (!other) return other.error();
    auto mine = history.Account(first.subject_account);
    if (!mine) return mine.error();
    const std::vector<int64_t> same = history.SamePerson(first.other_account);
    std::set<std::string> same_refs;
    for (int64_t a : same) {
      auto f = history.Account(a);
      if (!f) return f.error();
      same_refs.insert(f->ref);
    }
    const std::string person = history.PersonRef(first.other_account);
    const std::string who = person.empty() ? "this account" : "this account or another account of " + person;

    Finding f;
    f.kind = std::string(kUnsolicitedContactMinor);
    f.case_code = subject.case_code;
    f.subject = subject.label;
    f.accounts = {other->ref, mine->ref};
    int points = 0;
    for (const RaisingKind& k : kRaising) {
      if (ctx.earlier == nullptr) break;
      const bool found = std::any_of(ctx.earlier->begin(), ctx.earlier->end(), [&](const Finding& e) {
        return e.kind == k.kind && std::any_of(e.accounts.begin(), e.accounts.end(),
                                                [&](const std::string& r) { return same_refs.count(r) > 0; });
      });
      if (!found) continue;
      ++points;
      f.severity_basis.push_back(std::string(k.kind) + ": " + who + " " + k.reason + " (see that flag)");
    }
    std::set<const ScopedSubject*> minors;
    for (int64_t a : same) {
      auto it = reached.find(a);
      if (it != reached.end()) minors.insert(it->second.begin(), it->second.end());
    }
    if (minors.size() >= 2) {
      ++points;
      std::vector<std::string> named;
      int64_t outside = 0;
      for (const ScopedSubject* s : minors) {
        if (scope.HasCase(s->case_id)) {
          named.push_back(SubjectName(*s));
        } else {
          ++outside;
        }
      }
      std::sort(named.begin(), named.end());
      std::string line = "several minors: " + who + " wrote first, unsolicited, to " + std::to_string(minors.size()) +
                         " subjects who could have been under 18";
      std::string list;
      for (const auto& n : named) list += (list.empty() ? "" : ", ") + n;
      if (outside > 0) list += (list.empty() ? "" : ", and ") + std::to_string(outside) + " in cases outside this view";
      f.severity_basis.push_back(line + " (" + list + ")");
    }
    f.severity = points >= 2 ? Severity::kHigh : points == 1 ? Severity::kMedium : Severity::kLow;

    for (const SubjectDirectChat* c : list) {
      if (!c->first_message_id) continue;
      auto msg = ctx.cite.Message(*c->first_message_id);
      if (!msg) return msg.error();
      f.citations.push_back(ctx.cite.Cite(msg->exhibit_id, msg->locator));
      WidenSpan(f.first_at, f.last_at, c->first_at, c->first_at);
    }
    f.total_citations = static_cast<int64_t>(f.citations.size());
    f.summary = other->ref + " wrote first, privately, to " + subject.label + " (" + mine->ref + ") when " +
                subject.label + " could have been under 18";
    f.explanation = "On " + FormatUtc(*first.first_at) + " the account " + other->ref + " opened a private chat with " +
                    subject.label + "'s account " + mine->ref + " by writing first. " + subject.label + " was born " +
                    subject.born + ", so could have been under 18 then. " + other->ref +
                    " is not a saved contact on " + subject.label +
                    "'s seized devices, and the evidence shows no earlier conversation or group they shared. ";
    if (points == 0) {
      f.explanation += "Severity low: nothing else was found on this account.";
    } else {
      f.explanation += std::string("Severity ") + SeverityName(f.severity) + ": " + std::to_string(points) +
                       (points == 1 ? " further sign" : " further signs") + " on " + who + ", listed below.";
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

const Indicator& UnsolicitedContactMinorIndicator() {
  static const UnsolicitedContactMinor indicator;
  return indicator;
}

}  // namespace casegraph::indicators
