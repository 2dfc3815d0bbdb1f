#include "indicators/flags.h"

#include <algorithm>
#include <tuple>

#include "graph/citation_source.h"
#include "graph/read_snapshot.h"
#include "indicators/contact_indicators.h"
#include "indicators/content_indicators.h"
#include "indicators/subject_scope.h"

namespace casegraph::indicators {
namespace {

bool SameFlag(const Finding& a, const Finding& b) {
  auto citations = [](const Finding& f) {
    std::vector<std::string> out;
    for (const auto& c : f.citations) out.push_back(c.ToText());
    return out;
  };
  return std::tie(a.kind, a.severity, a.case_code, a.subject, a.accounts, a.first_at, a.last_at, a.summary) ==
             std::tie(b.kind, b.severity, b.case_code, b.subject, b.accounts, b.first_at, b.last_at, b.summary) &&
         citations(a) == citations(b);
}

// Severity first (high first), then case, subject, kind, first time (unknown last), accounts,
// summary and the first citation: a total order, so equal workspaces give equal lists.
bool FlagBefore(const Finding& a, const Finding& b) {
  const int sa = -static_cast<int>(a.severity), sb = -static_cast<int>(b.severity);
  const bool ua = !a.first_at.has_value(), ub = !b.first_at.has_value();
  const int64_t ta = a.first_at.value_or(0), tb = b.first_at.value_or(0);
  const std::string ca = a.citations.empty() ? "" : a.citations.front().ToText();
  const std::string cb = b.citations.empty() ? "" : b.citations.front().ToText();
  return std::tie(sa, a.case_code, a.subject, a.kind, ua, ta, a.accounts, a.summary, ca) <
         std::tie(sb, b.case_code, b.subject, b.kind, ub, tb, b.accounts, b.summary, cb);
}

}  // namespace

const std::vector<const Indicator*>& AllIndicators() {
  // The run order matters: unsolicited-contact-minor reads every earlier finding, so it runs
  // last.
  static const std::vector<const Indicator*> list = {
      &CrossCaseIndicator(),
      &PlatformMigrationIndicator(),
      &KnownContentIndicator(),
      &SecrecyIndicator(),
      &LexiconIndicator(),
      &PathRuleIndicator(),
      &UnsolicitedContactMinorIndicator(),
  };
  return list;
}

Result<std::vector<Finding>> ComputeFlags(store::Workspace& ws, const FlagsRequest& request) {
  graph::ReadSnapshot snapshot(ws);
  auto scope = SubjectScope::Load(ws, request.cases);  // NotFound for an unknown case
  if (!scope) return scope.error();
  auto cite = graph::CitationSource::Load(ws);
  if (!cite) return cite.error();
  std::vector<Finding> all;
  for (const Indicator* indicator : AllIndicators()) {
    IndicatorContext ctx{ws, *cite, scope->case_codes(), &all};
    auto found = indicator->Find(ctx);
    if (!found) return found.error();
    all.insert(all.end(), std::make_move_iterator(found->begin()), std::make_move_iterator(found->end()));
  }
  std::vector<Finding> out;
  for (auto& f : all) {
    if (f.severity >= request.min_severity) out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), FlagBefore);
  out.erase(std::unique(out.begin(), out.end(), SameFlag), out.end());
  return out;
}

}  // namespace casegraph::indicators
