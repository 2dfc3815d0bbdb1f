// lexicon and path-rule: the hits of the examiner's rules file, grouped one finding per (case,
// the exhibit's subject — or the exhibit when it has no owner —, rule kind, rule name).
//   - fewer than 5 cited records (messages, documents, scanned paths)  -> low
//   - 5 or more                                                        -> medium
// Citations: each record once, in the exhibit's order, 20 shown (total_citations counts all).
// Left out: a secrecy lexicon's hits on messages (the secrecy flag, secrecy.cpp, owns them) and
// YARA hits (listed by `scan` and `matches`; no flag kind of their own).
#include <map>
#include <tuple>

#include "indicators/content_indicators.h"
#include "indicators/content_queries.h"

namespace casegraph::indicators {
namespace {

constexpr int64_t kMediumFrom = 5;  // cited records

struct Group {
  const RuleHitFacts* first = nullptr;
  std::string subject, exhibit;  // exhibit: only when there is no subject
  int64_t hits = 0;
  CitationList citations;
  std::vector<std::string> matched, accounts;  // first seen first
  std::vector<int64_t> sender_ids;
  std::optional<int64_t> first_at, last_at;
};

void AddOnce(std::vector<std::string>& list, const std::string& item) {
  for (const auto& x : list) {
    if (x == item) return;
  }
  list.push_back(item);
}

std::string Quoted(const std::vector<std::string>& items, size_t max_items) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < max_items; ++i) out += (i ? ", \"" : "\"") + items[i] + "\"";
  if (items.size() > max_items) out += " and " + std::to_string(items.size() - max_items) + " more";
  return out;
}

class RuleGroups : public Indicator {
 public:
  RuleGroups(std::string_view kind, const char* rule_kind) : kind_(kind), rule_kind_(rule_kind) {}
  std::string_view kind() const override { return kind_; }

  Result<std::vector<Finding>> Find(IndicatorContext& ctx) const override {
    auto scope = SubjectScope::Load(ctx.ws, ctx.cases);
    if (!scope) return scope.error();
    std::map<int64_t, const ScopedSubject*> subjects;
    for (const ScopedSubject& s : scope->subjects()) subjects[s.id] = &s;
    auto hits = LoadRuleHits(ctx.ws, *scope);
    if (!hits) return hits.error();

    // (case, subject label, exhibit label when no subject, rule name) -> group.
    std::map<std::tuple<std::string, std::string, std::string, std::string>, Group> groups;
    for (const RuleHitFacts& h : *hits) {
      if (h.rule_kind != rule_kind_) continue;
      if (h.secrecy && h.target == "message") continue;  // secrecy.cpp's
      const graph::ExhibitFacts* exhibit = ctx.cite.Exhibit(h.exhibit_id);
      if (exhibit == nullptr) continue;
      std::string subject, exhibit_label;
      auto owner = h.owner_subject_id ? subjects.find(*h.owner_subject_id) : subjects.end();
      if (owner != subjects.end()) {
        subject = owner->second->label;
      } else {
        exhibit_label = exhibit->label;
      }
      Group& g = groups[{exhibit->case_code, subject, exhibit_label, h.rule_name}];
      if (g.first == nullptr) {
        g.first = &h;
        g.subject = subject;
        g.exhibit = exhibit_label;
      }
      ++g.hits;
      g.citations.Add(ctx.cite.Cite(h.exhibit_id, h.locator));
      AddOnce(g.matched, h.matched);
      if (h.sender_account_id) {
        bool seen = false;
        for (int64_t id : g.sender_ids) seen = seen || id == *h.sender_account_id;
        if (!seen) g.sender_ids.push_back(*h.sender_account_id);
      }
      WidenSpan(g.first_at, g.last_at, h.sent_at_utc, h.sent_at_utc);
    }

    std::vector<Finding> out;
    AccountRefs refs(ctx.ws);
    for (auto& [key, g] : groups) {
      Finding f;
      f.kind = std::string(kind_);
      f.case_code = std::get<0>(key);
      f.subject = g.subject;
      for (int64_t id : g.sender_ids) {
        auto ref = refs.Ref(id);
        if (!ref) return ref.error();
        f.accounts.push_back(*ref);
      }
      f.first_at = g.first_at;
      f.last_at = g.last_at;
      g.citations.MoveInto(f);
      Describe(g, f);
      out.push_back(std::move(f));
    }
    return out;
  }

 private:
  void Describe(const Group& g, Finding& f) const {
    const bool lexicon = kind_ == kLexicon;
    const std::string rule = (lexicon ? "lexicon '" : "path rule '") + g.first->rule_name + "'";
    const std::string where = g.subject.empty() ? "exhibit '" + g.exhibit + "'" : g.subject + "'s exhibits";
    const std::string records = std::to_string(f.total_citations) + (f.total_citations == 1 ? " record" : " records");
    const std::string hits = std::to_string(g.hits) + (g.hits == 1 ? " hit" : " hits");
    f.summary = "rules-file " + rule + ": " + hits + " in " + records + " of " + where;
    f.explanation = "The " + rule + " of the lab's rules file matched " + hits + " in " + records + " of " + where +
                    " (" + (lexicon ? "terms: " : "patterns: ") + Quoted(g.matched, 10) + "). " +
                    (lexicon ? "A lexicon hit says that the words occur in a message or document, not what they meant."
                             : "A path-rule hit says that a folder or file name matches, not what the file holds.");
    if (f.total_citations >= kMediumFrom) {
      f.severity = Severity::kMedium;
      f.explanation += " Medium: " + std::to_string(kMediumFrom) + " or more records hit.";
      f.severity_basis.push_back(records + " hit (medium from " + std::to_string(kMediumFrom) + ")");
    } else {
      f.severity = Severity::kLow;
      f.explanation += " Low: fewer than " + std::to_string(kMediumFrom) + " records hit.";
    }
  }

  std::string_view kind_;
  const char* rule_kind_;
};

}  // namespace

const Indicator& LexiconIndicator() {
  static const RuleGroups indicator(kLexicon, "lexicon");
  return indicator;
}

const Indicator& PathRuleIndicator() {
  static const RuleGroups indicator(kPathRule, "path_rule");
  return indicator;
}

}  // namespace casegraph::indicators
