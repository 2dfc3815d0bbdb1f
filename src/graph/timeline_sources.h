// Where `timeline` events come from: one method per event kind, each reading an index in time
// order and stopping at the scope's limit. A scope is a set of accounts (an account, a person's
// confirmed accounts, a subject's accounts; optionally within one case) or a whole case.
// Internal to timeline*.cpp. Not thread-safe: holds prepared statements of one workspace.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "graph/citation_source.h"
#include "graph/timeline.h"
#include "store/workspace.h"

namespace casegraph::graph {

struct TimelineScope {
  std::vector<int64_t> accounts;  // empty: the whole case
  int64_t case_id = 0;            // 0: every case (only with accounts)
  std::string label;              // the entity's ref, for platform-switch summaries
  int64_t from = 0, until = 0;    // inclusive time bounds
  int64_t limit = 0;
  std::vector<int64_t> case_exhibits;  // the case's exhibits, when case_id is set
};

class TimelineSources {
 public:
  static Result<TimelineSources> Open(store::Workspace& ws);

  Status FirstContacts(const TimelineScope& scope, std::vector<TimelineEvent>& out);
  Status Messages(const TimelineScope& scope, std::vector<TimelineEvent>& out);
  Status Files(const TimelineScope& scope, std::vector<TimelineEvent>& out);
  Status GroupJoins(const TimelineScope& scope, std::vector<TimelineEvent>& out);
  Status PlatformSwitches(const TimelineScope& scope, std::vector<TimelineEvent>& out);

  CitationSource& citations() { return citations_; }

 private:
  struct AccountFacts {
    std::string ref, platform;
  };
  Result<AccountFacts> Account(int64_t id);
  Result<std::string> ConversationTitle(int64_t id);
  // Fills at, citation, case and exhibit from an exhibit id and a locator.
  void Place(TimelineEvent& e, int64_t at, int64_t exhibit_id, const std::string& locator);
  Status SwitchesOf(const std::vector<int64_t>& accounts, const std::string& label, const TimelineScope& scope,
                    std::vector<TimelineEvent>& out);
  Status GroupJoinsOfAccount(int64_t account_id, const TimelineScope& scope, std::vector<TimelineEvent>& out);
  Status JoinMessages(int64_t conversation_id, std::optional<int64_t> sender, const TimelineScope& scope,
                      std::vector<TimelineEvent>& out, bool* found);
  Status MessageRows(store::Stmt& stmt, std::vector<TimelineEvent>& out);
  Status FileRows(store::Stmt& stmt, std::vector<TimelineEvent>& out);
  Status PerExhibitOrAccount(const TimelineScope& scope, const std::string& by_exhibit, const std::string& by_account,
                             Status (TimelineSources::*rows)(store::Stmt&, std::vector<TimelineEvent>&),
                             std::vector<TimelineEvent>& out);

  store::Workspace* ws_ = nullptr;
  CitationSource citations_;
  std::map<int64_t, AccountFacts> accounts_;
  std::map<int64_t, std::string> titles_;
  store::Stmt account_, title_;
};

// A message's text as a one-line summary (whitespace folded, cut at 120 bytes on a UTF-8
// boundary).
std::string OneLine(const std::string& text);

}  // namespace casegraph::graph
