// Rule hits in the workspace: what an examiner's rules (rules/rules_file.h) found in an
// exhibit, each row with the rule, what matched, the target (a message, a scanned file's path,
// its content or its document text), an excerpt and the locator that cites it. Writes run
// inside the caller's transaction; one hit per (exhibit, rule, matched, target, locator).
// Not thread-safe (a Db belongs to one thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/citation.h"
#include "rules/rules_file.h"
#include "store/sqlite_util.h"
#include "store/workspace.h"

namespace casegraph::store {

struct RuleHitRow {
  std::string rule_kind, rule_name, matched;
  std::string target;  // "path" | "message" | "document" | "content"
  std::optional<int64_t> scan_file_id, message_id, file_id;
  std::string excerpt, locator, rules_sha256;
  std::string flag;  // the lexicon's `flag` (RuleSet::FlagOf), "" when none; NULL in the table
};

// INSERT OR IGNORE: the same hit twice (same rule, matched, target and locator) is kept once.
Status InsertRuleHit(Db& db, int64_t exhibit_id, const RuleHitRow& hit);

// Runs the lexicons of `rules` over the text of every message of the exhibit and stores each
// hit (target "message", the message's id and locator, an excerpt around the first occurrence).
// Nothing to do when `rules` has no lexicon. REQUIRES: an open transaction.
Status ApplyLexiconsToMessages(Db& db, int64_t exhibit_id, const rules::RuleSet& rules);

// Rule hits of one exhibit (the number ingest reports).
Result<int64_t> CountRuleHits(Db& db, int64_t exhibit_id);

struct RuleHitView {
  std::string case_code, exhibit, rule_kind, rule_name, matched, target, excerpt;
  std::string path;  // the scanned file's path for scan hits, else ""
  model::Citation citation;
};
// Hits of every case (empty `case_code`) or one case, of every exhibit or the one labelled
// `exhibit_label`; ordered by case, exhibit, place in the exhibit (message or scanned file
// order), then rule kind, rule name, matched and target. An unknown case or exhibit is an error.
Result<std::vector<RuleHitView>> QueryRuleHits(Workspace& ws, const std::string& case_code, const std::string& exhibit_label);

}  // namespace casegraph::store
