// secrecy: messages, in conversations of a subject, that hit a secrecy lexicon (one named
// "secrecy" in any case, or marked `flag = "secrecy"` in the rules file: requests to keep
// something secret or to delete it). One finding per (subject, sending account), citing every
// hit message in time order (20 shown, total_citations counts all).
//   - sent by another account while the subject could have been under 18  -> medium
//   - otherwise (sent by the subject, to a subject of age or of unknown age,
//     or with no recorded sender)                                          -> low
// Hits in a conversation that belongs to no subject raise nothing; a secrecy lexicon's hits in
// documents are left to the lexicon flag (rule_groups.cpp).
#include <algorithm>
#include <map>
#include <tuple>

#include "base/time_util.h"
#include "indicators/content_indicators.h"
#include "indicators/content_queries.h"

namespace casegraph::indicators {
namespace {

struct Group {
  const ScopedSubject* subject = nullptr;
  std::optional<int64_t> sender;
  bool by_subject = false;
  std::optional<int64_t> first_minor_at;  // first hit sent by another account while a minor
  std::vector<const RuleHitFacts*> hits;  // in time order
  std::vector<std::string> terms, lexicons;  // first seen first
};

void AddOnce(std::vector<std::string>& list, const std::string& item) {
  for (const auto& x : list) {
    if (x == item) return;
  }
  list.push_back(item);
}

std::string Quoted(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", \"" : "\"") + items[i] + "\"";
  return out;
}

class Secrecy : public Indicator {
 public:
  std::string_view kind() const override { return kSecrecy; }

  Result<std::vector<Finding>> Find(IndicatorContext& ctx) const override {
    auto scope = SubjectScope::Load(ctx.ws, ctx.cases);
    if (!scope) return scope.error();
    auto conversations = LoadConversationSubjects(ctx.ws, *scope);
    if (!conversations) return conversations.error();
    auto hits = LoadRuleHits(ctx.ws, *scope);
    if (!hits) return hits.error();
    std::vector<const RuleHitFacts*> secrecy;
    for (const RuleHitFacts& h : *hits) {
      if (h.secrecy && h.target == "message" && h.conversation_id) secrecy.push_back(&h);
    }
    // Time order (undated last), then the load order, so citations read as a story.
    std::stable_sort(secrecy.begin(), secrecy.end(), [](const RuleHitFacts* a, const RuleHitFacts* b) {
      return std::make_tuple(!a->sent_at_utc, a->sent_at_utc.value_or(0)) <
             std::make_tuple(!b->sent_at_utc, b->sent_at_utc.value_or(0));
    });

    // (case, subject label, sender id or -1) -> group; std::map keeps the output ordered.
    std::map<std::tuple<std::string, std::string, int64_t>, Group> groups;
    for (const RuleHitFacts* h : secrecy) {
      auto subjects = conversations->find(*h->conversation_id);
      if (subjects == conversations->end()) continue;
      for (const ScopedSubject* subject : subjects->second) {
        Group& g = groups[{subject->case_code, subject->label, h->sender_account_id.value_or(-1)}];
        g.subject = subject;
        g.sender = h->sender_account_id;
        g.by_subject = subject->Uses(h->sender_account_id);
        if (!g.by_subject && h->sender_account_id && h->sent_at_utc && !g.first_minor_at &&
            MayBeMinorAt(subject->born, *h->sent_at_utc).value_or(false)) {
          g.first_minor_at = h->sent_at_utc;
        }
        g.hits.push_back(h);
        AddOnce(g.terms, h->matched);
        AddOnce(g.lexicons, h->rule_name);
      }
    }

    std::vector<Finding> out;
    AccountRefs refs(ctx.ws);
    for (const auto& [key, g] : groups) {
      std::string sender_ref;
      if (g.sender) {
        auto ref = refs.Ref(*g.sender);
        if (!ref) return ref.error();
        sender_ref = *ref;
      }
      out.push_back(MakeFinding(ctx, g, sender_ref));
    }
    return out;
  }

 private:
  static Finding MakeFinding(IndicatorContext& ctx, const Group& g, const std::string& sender_ref) {
    const ScopedSubject& s = *g.subject;
    Finding f;
    f.kind = std::string(kSecrecy);
    f.case_code = s.case_code;
    f.subject = s.label;
    if (!sender_ref.empty()) f.accounts.push_back(sender_ref);
    CitationList citations;
    for (const RuleHitFacts* h : g.hits) {
      citations.Add(ctx.cite.Cite(h->exhibit_id, h->locator));
      WidenSpan(f.first_at, f.last_at, h->sent_at_utc, h->sent_at_utc);
    }
    citations.MoveInto(f);
    const std::string n = std::to_string(f.total_citations);
    const std::string messages = f.total_citations == 1 ? "1 message" : n + " messages";
    const std::string what = " contain" + std::string(f.total_citations == 1 ? "s" : "") + " words of the secrecy lexicon " +
                             Quoted(g.lexicons) + " (" + Quoted(g.terms) +
                             "): requests to keep something secret or to delete it.";
    const std::string caution = " Such words also occur in ordinary talk; read the cited messages in their conversation.";
    if (g.by_subject) {
      f.severity = Severity::kLow;
      f.summary = s.label + " sent " + messages + " asking for secrecy or deletion";
      f.explanation = messages + " sent by " + s.label + "'s account " + sender_ref + what +
                      " Low: the subject wrote them; medium is kept for such requests another account sends to a "
                      "subject who could have been under 18." + caution;
    } else if (!g.sender) {
      f.severity = Severity::kLow;
      f.summary = messages + " asking for secrecy or deletion in conversations of " + s.label + " (sender not recorded)";
      f.explanation = messages + " in conversations of " + s.label + what +
                      " Low: the export does not say who sent them." + caution;
    } else if (g.first_minor_at) {
      f.severity = Severity::kMedium;
      f.summary = sender_ref + " sent " + s.label + " " + messages + " asking for secrecy or deletion";
      f.explanation = messages + " from another account, " + sender_ref + ", to " + s.label + what + " Medium: " +
                      s.label + " could have been under 18 when they were sent (born " + s.born + ")." + caution;
      f.severity_basis.push_back("sent by another account (" + sender_ref + ") to " + s.label +
                                 ", who could have been under 18 at " + FormatUtc(*g.first_minor_at) + " (born " + s.born +
                                 ")");
    } else {
      f.severity = Severity::kLow;
      f.summary = sender_ref + " sent " + s.label + " " + messages + " asking for secrecy or deletion";
      const std::string age = s.born.empty() || !MayBeMinorAt(s.born, 0).has_value()
                                  ? "the subject's birth date is not known"
                                  : s.label + " was 18 or older by then (born " + s.born + ")";
      f.explanation = messages + " from another account, " + sender_ref + ", to " + s.label + what + " Low: " + age +
                      "; medium is kept for a subject who could have been under 18." + caution;
    }
    return f;
  }
};

}  // namespace

const Indicator& SecrecyIndicator() {
  static const Secrecy indicator;
  return indicator;
}

}  // namespace casegraph::indicators
