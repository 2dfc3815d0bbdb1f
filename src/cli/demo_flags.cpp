#include "cli/demo_flags.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "indicators/flags.h"

namespace casegraph::cli {
namespace {

using indicators::Finding;
using indicators::Severity;

constexpr size_t kHighShown = 12;  // the rest are one `flags` away

// The highest severity of the flags naming any of `refs`; nullopt when none does.
std::optional<Severity> Highest(const std::vector<Finding>& flags, const std::set<std::string>& refs) {
  std::optional<Severity> best;
  for (const Finding& f : flags) {
    const bool names = std::any_of(f.accounts.begin(), f.accounts.end(), [&](const std::string& a) { return refs.count(a) > 0; });
    if (names && (!best || f.severity > *best)) best = f.severity;
  }
  return best;
}

void PrintCounts(const std::vector<Finding>& flags) {
  std::map<std::string, std::map<Severity, size_t>> by_kind;
  for (const Finding& f : flags) ++by_kind[f.kind][f.severity];
  for (const auto& [kind, counts] : by_kind) {
    auto n = [&](Severity s) { auto it = counts.find(s); return it == counts.end() ? size_t{0} : it->second; };
    std::printf("  %-26s high %3zu  medium %3zu  low %3zu\n", kind.c_str(), n(Severity::kHigh), n(Severity::kMedium),
                n(Severity::kLow));
  }
}

}  // namespace

Result<FlagsCheck> PrintAndCheckFlags(store::Workspace& ws, const synth::GroundTruth& truth) {
  auto flags = indicators::ComputeFlags(ws, indicators::FlagsRequest{});
  if (!flags) return flags.error();
  FlagsCheck check;
  check.flags = flags->size();
  PrintCounts(*flags);
  std::printf("  high flags (leads for review, each cited):\n");
  size_t high = 0;
  for (const Finding& f : *flags) {
    if (!f.citations.empty()) check.citations.push_back(f.citations.front().ToText());
    if (f.severity != Severity::kHigh || ++high > kHighShown) continue;
    std::printf("    %-5s %-3s %-26s %s\n", f.case_code.c_str(), f.subject.c_str(), f.kind.c_str(), f.summary.c_str());
    if (!f.citations.empty()) std::printf("          cite %s\n", f.citations.front().ToText().c_str());
  }
  if (high > kHighShown) std::printf("    … and %zu more (casegraph flags --min-severity high)\n", high - kHighShown);
  for (const auto& op : truth.operatives) {
    ++check.operatives;
    const auto best = Highest(*flags, std::set<std::string>(op.accounts.begin(), op.accounts.end()));
    if (best == Severity::kHigh) {
      ++check.operatives_high;
    } else {
      check.problems.push_back("operative " + op.person + " has no high flag (highest: " +
                               (best ? indicators::SeverityName(*best) : "none") + ")");
    }
  }
  for (const auto& ref : truth.decoy_accounts) {
    const auto best = Highest(*flags, {ref});
    if (!best) continue;
    ++check.decoys_flagged;
    if (*best > Severity::kLow) {
      ++check.decoys_above_low;
      check.problems.push_back(std::string("decoy ") + ref + " is flagged " + indicators::SeverityName(*best));
    }
  }
  return check;
}

}  // namespace casegraph::cli
