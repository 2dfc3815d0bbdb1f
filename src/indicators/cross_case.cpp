// cross-case: an account, or a person (its confirmed accounts together), that occurs in a case
// in scope and in another case. One finding per (case in scope, account or person); the other
// cases are named, but only records of cases in scope are cited (the reader's access).
// Severity: low by default (e.g. a broadcast channel followed in several cases), medium when it
// chatted privately with subjects of two or more cases, high when it wrote first, privately,
// to subjects who could have been under 18 in two or more cases.
#include <algorithm>
#include <map>
#include <set>

#include "graph/query_rows.h"
#include "graph/ref_resolve.h"
#include "indicators/contact_history.h"
#include "indicators/contact_indicators.h"
#include "indicators/subject_direct_chats.h"

namespace casegraph::indicators {
namespace {

constexpr size_t kMaxCitations = 20;

struct Occurrence {  // one g_account_cases row
  int64_t account = 0, case_id = 0, exhibit_id = 0;
  std::optional<int64_t> first_at, last_at;
  std::string locator;
};

struct Entity {  // an account, or a person's confirmed accounts
  std::string ref;
  std::vector<Occurrence> seen;
  std::set<int64_t> cases;
  std::vector<const SubjectDirectChat*> chats;  // private chats with subjects, any case
};

// A chat's first message is often also where the account first occurs: cite it once.
void DropRepeatedCitations(std::vector<model::Citation>& citations) {
  std::set<std::string> seen;
  std::vector<model::Citation> kept;
  for (auto& c : citations) {
    if (seen.insert(c.ToText()).second) kept.push_back(std::move(c));
  }
  citations = std::move(kept);
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
  return out;
}

class CrossCase final : public Indicator {
 public:
  std::string_view kind() const override { return kCrossCase; }
  Result<std::vector<Finding>> Find(IndicatorContext& ctx) const override;
};

Result<std::vector<Finding>> CrossCase::Find(IndicatorContext& ctx) const {
  auto in = LoadContactInputs(ctx);
  if (!in) return in.error();
  const SubjectScope& scope = in->scope;
  const SubjectScope& all = in->all;
  ContactHistory& history = in->history;
  const std::vector<SubjectDirectChat>& chats = in->chats;

  auto rows = ctx.ws.db().Prepare(
      "SELECT account_id, case_id, cite_exhibit_id, first_at, last_at, cite_locator FROM g_account_cases "
      "ORDER BY account_id, case_id");
  if (!rows) return rows.error();
  std::map<std::string, Entity> entities;
  std::map<int64_t, std::string> entity_of;  // account -> entity ref
  Status status = Ok();
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*rows, [&](store::Stmt& r) {
    if (!status.ok()) return;
    const int64_t account = r.Int(0);
    auto facts = history.Account(account);
    if (!facts) {
      status = facts.error();
      return;
    }
    if (graph::IsDeviceLocalRef(facts->ref)) return;  // names on one device never link cases
    const std::string person = history.PersonRef(account);
    const std::string ref = person.empty() ? facts->ref : person;
    Entity& e = entities[ref];
    e.ref = ref;
    e.seen.push_back({account, r.Int(1), r.Int(2), r.OptInt(3), r.OptInt(4), r.Text(5)});
    e.cases.insert(r.Int(1));
    entity_of[account] = ref;
  }));
  CASEGRAPH_RETURN_IF_ERROR(status);
  for (const SubjectDirectChat& c : chats) {
    auto it = entity_of.find(c.other_account);
    if (it != entity_of.end()) entities[it->second].chats.push_back(&c);
  }

  std::vector<Finding> out;
  for (const auto& [ref, e] : entities) {
    if (e.cases.size() < 2) continue;
    std::set<std::string> private_cases, minor_cases;
    for (const SubjectDirectChat* c : e.chats) {
      private_cases.insert(c->subject->case_code);
      if (c->OtherWroteFirst() && c->SubjectMayBeMinor() == std::optional<bool>(true)) {
        minor_cases.insert(c->subject->case_code);
      }
    }
    for (int64_t case_id : e.cases) {
      if (!scope.HasCase(case_id)) continue;
      Finding f;
      f.kind = std::string(kCrossCase);
      f.case_code = scope.CaseCode(case_id);
      for (int64_t other : e.cases) {
        if (other != case_id) f.other_cases.push_back(all.CaseCode(other));
      }
      std::sort(f.other_cases.begin(), f.other_cases.end());
      std::set<std::string> here;
      for (const Occurrence& o : e.seen) {
        if (o.case_id != case_id) continue;
        auto facts = history.Account(o.account);
        if (!facts) return facts.error();
        here.insert(facts->ref);
      }
      f.accounts.assign(here.begin(), here.end());
      // Citations: where it occurs in this case, then in the other cases in scope, then its
      // private chats with subjects of cases in scope; never a record of a case outside scope.
      std::vector<const Occurrence*> cited;
      for (const Occurrence& o : e.seen) {
        if (o.case_id == case_id) cited.push_back(&o);
      }
      for (const Occurrence& o : e.seen) {
        if (o.case_id != case_id && scope.HasCase(o.case_id)) cited.push_back(&o);
      }
      for (const Occurrence* o : cited) {
        f.citations.push_back(ctx.cite.Cite(o->exhibit_id, o->locator));
        WidenSpan(f.first_at, f.last_at, o->first_at, o->last_at);
      }
      for (const SubjectDirectChat* c : e.chats) {
        if (!scope.HasCase(c->case_id) || !c->first_message_id) continue;
        auto msg = ctx.cite.Message(*c->first_message_id);
        if (!msg) return msg.error();
        f.citations.push_back(ctx.cite.Cite(msg->exhibit_id, msg->locator));
        if (c->subject->case_id == case_id && f.subject.empty()) f.subject = c->subject->label;
      }
      DropRepeatedCitations(f.citations);
      f.total_citations = static_cast<int64_t>(f.citations.size());
      if (f.citations.size() > kMaxCitations) f.citations.resize(kMaxCitations);

      const std::vector<std::string> privately(private_cases.begin(), private_cases.end());
      const std::vector<std::string> minors(minor_cases.begin(), minor_cases.end());
      std::string why;
      if (minors.size() >= 2) {
        f.severity = Severity::kHigh;
        f.severity_basis.push_back("wrote first, privately, to subjects who could have been under 18 in " +
                                   std::to_string(minors.size()) + " cases: " + JoinCodes(minors));
        why = "Severity high: it wrote first, privately, to subjects who could have been under 18 in " +
              std::to_string(minors.size()) + " cases.";
      } else if (privately.size() >= 2) {
        f.severity = Severity::kMedium;
        f.severity_basis.push_back("private chats with subjects in " + std::to_string(privately.size()) +
                                   " cases: " + JoinCodes(privately));
        why = "Severity medium: it chatted privately with subjects in " + std::to_string(privately.size()) + " cases.";
      } else {
        why = "Severity low: it did not chat privately with subjects of two or more cases (elsewhere it may appear "
              "only in groups, channels or chats with people who are not subjects).";
      }
      f.summary = ref + " appears in " + f.case_code + " and also in " + JoinCodes(f.other_cases);
      f.explanation = ref + (ref.rfind("person:", 0) == 0 ? " (accounts confirmed to be one person)" : "") +
                      " occurs in case " + f.case_code + " and in " + std::to_string(f.other_cases.size()) +
                      (f.other_cases.size() == 1 ? " other case: " : " other cases: ") + JoinCodes(f.other_cases) +
                      ". Only records of cases you can see are cited; other cases are named, not shown. " + why;
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace

const Indicator& CrossCaseIndicator() {
  static const CrossCase indicator;
  return indicator;
}

}  // namespace casegraph::indicators
