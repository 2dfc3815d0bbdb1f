// Risk indicators: explainable flags, each a lead for a person to review and never a verdict.
// One file per kind (unsolicited_contact_minor.cpp, platform_migration.cpp, known_content.cpp,
// secrecy.cpp, rule_groups.cpp for lexicon and path-rule, cross_case.cpp), each behind the
// small interface below; flags.h runs them in order and sorts the result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "graph/citation_source.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::indicators {

enum class Severity { kLow = 1, kMedium = 2, kHigh = 3 };
const char* SeverityName(Severity s);  // "low", "medium", "high"

// Kind names as they appear in --json (the contract).
inline constexpr std::string_view kUnsolicitedContactMinor = "unsolicited-contact-minor";
inline constexpr std::string_view kPlatformMigration = "platform-migration";
inline constexpr std::string_view kKnownContent = "known-content";
inline constexpr std::string_view kSecrecy = "secrecy";
inline constexpr std::string_view kLexicon = "lexicon";
inline constexpr std::string_view kPathRule = "path-rule";
inline constexpr std::string_view kCrossCase = "cross-case";

struct Finding {
  std::string kind;
  Severity severity = Severity::kLow;
  std::string case_code;               // the case the flag belongs to
  std::string subject;                 // subject label in that case ("S1"), "" when none
  std::vector<std::string> accounts;   // account refs the flag is about, the acting one first
  std::string summary;                 // one line
  std::string explanation;             // plain language: why it fired and how severe, and why
  std::vector<std::string> severity_basis;  // one line per term that raised the severity
  std::optional<int64_t> first_at, last_at;  // UTC seconds of the first and last cited record
  std::vector<model::Citation> citations;    // the records it rests on, the triggering one first
  int64_t total_citations = 0;         // how many records in all (citations may be capped)
  std::vector<std::string> other_cases;      // cross-case: the other cases' codes
};

// Widens the span [first, last] (a finding's first_at/last_at) to take in [from, to]; an unknown
// end leaves that side as it is. One rule for every indicator's times.
inline void WidenSpan(std::optional<int64_t>& first, std::optional<int64_t>& last, const std::optional<int64_t>& from,
                      const std::optional<int64_t>& to) {
  if (from && (!first || *from < *first)) first = from;
  if (to && (!last || *to > *last)) last = to;
}

// What every indicator gets. `cases` are the case codes in scope (the reader's access: content
// of a case outside it is never shown, only named). `earlier` holds the findings of the
// indicators that ran before this one (flags.h runs unsolicited-contact-minor last, so that its
// severity can rise with the other indicators on the same account).
struct IndicatorContext {
  store::Workspace& ws;
  graph::CitationSource& cite;
  std::vector<std::string> cases;
  const std::vector<Finding>* earlier = nullptr;
};

class Indicator {
 public:
  virtual ~Indicator() = default;
  virtual std::string_view kind() const = 0;
  virtual Result<std::vector<Finding>> Find(IndicatorContext& ctx) const = 0;
};

}  // namespace casegraph::indicators
