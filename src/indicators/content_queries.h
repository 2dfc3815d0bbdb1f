// The reads that the content indicators (known_content.cpp, secrecy.cpp, rule_groups.cpp)
// share and that no store/graph query answers: which subjects a conversation belongs to, chat
// attachments with known-bad/alert matches joined to their message and sender, and rule hits
// with their message's conversation, sender and time. Read-only; ordered for determinism.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "indicators/indicator.h"
#include "indicators/subject_scope.h"
#include "store/workspace.h"

namespace casegraph::indicators {

// Conversation id -> the subjects it belongs to (by case, label): conversations of exhibits a
// subject owns (exhibits.owner_subject_id), and conversations one of the subject's accounts is
// a member of (g_members), in the subject's own case. Only conversations of cases in scope.
using ConversationSubjects = std::map<int64_t, std::vector<const ScopedSubject*>>;
Result<ConversationSubjects> LoadConversationSubjects(store::Workspace& ws, const SubjectScope& scope);

// One (attachment, matched hash set) pair of a file with a known-bad or alert match.
struct AttachmentMatch {
  int64_t attachment_id = 0, message_id = 0, exhibit_id = 0, case_id = 0;
  std::optional<int64_t> conversation_id, sender_account_id, sent_at_utc;
  std::string message_locator;
  std::string file_locator;  // the file's path in a folder exhibit's manifest, "" when not there
  std::string file_name, sha256, hashset, set_kind, match_kind, algorithm, label;
  int64_t distance = 0;
};
// Ordered by case, exhibit, message, attachment, set name, match kind.
Result<std::vector<AttachmentMatch>> LoadAttachmentMatches(store::Workspace& ws, const SubjectScope& scope);

// Scanned exhibits (importer "scan") with an owner subject: exhibit id -> subject id.
Result<std::map<int64_t, int64_t>> LoadScannedExhibitOwners(store::Workspace& ws, const SubjectScope& scope);

// The SQL condition (on rule_hits AS rh) for a secrecy lexicon's hit: a lexicon named
// "secrecy" (any case) or marked `flag = "secrecy"` in the rules file (rule_hits.flag).
inline constexpr const char* kSecrecyHitSql =
    "(rh.rule_kind = 'lexicon' AND (rh.flag = 'secrecy' OR lower(rh.rule_name) = 'secrecy'))";

// One rule hit with what the indicators need beside the citation.
struct RuleHitFacts {
  int64_t hit_id = 0, exhibit_id = 0, case_id = 0;
  std::optional<int64_t> owner_subject_id;  // the exhibit's
  std::string rule_kind, rule_name, matched, target, locator, path;  // path: scanned hits
  bool secrecy = false;                                               // kSecrecyHitSql
  std::optional<int64_t> message_id, conversation_id, sender_account_id, sent_at_utc;
};
// Every rule hit of the cases in scope, ordered by case, exhibit, place in the exhibit (message
// or scanned file), locator, rule kind, rule name, matched, target.
Result<std::vector<RuleHitFacts>> LoadRuleHits(store::Workspace& ws, const SubjectScope& scope);

// A finding's citations: each record once, the first kCitationCap kept in the order added, all
// counted (Finding::total_citations).
class CitationList {
 public:
  static constexpr size_t kCap = 20;
  void Add(const model::Citation& citation);
  int64_t total() const { return static_cast<int64_t>(seen_.size()); }
  // Moves the kept citations and the total into `finding`.
  void MoveInto(Finding& finding);

 private:
  std::set<std::pair<std::string, std::string>> seen_;  // (exhibit sha256, locator)
  std::vector<model::Citation> kept_;
};

}  // namespace casegraph::indicators
