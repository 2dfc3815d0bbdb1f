// What the `links` score of an account rests on, read from the derived g_* tables through their
// indexes (never from messages): where the account occurs per case (and whether there it only
// posts in or is followed as a broadcast channel), its private conversations with subjects'
// accounts (who wrote first, whether both wrote), the groups it shares with subjects, the
// accounts that are the same person (or that it declared as its own), and its centrality.
// Not thread-safe: holds prepared statements of one workspace.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"
#include "graph/citation_source.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::graph {

struct CaseOccurrence {
  int64_t case_id = 0;
  std::string case_code;
  std::optional<int64_t> first_at;
  bool channel_only = false;  // a channel's account that takes part in nothing else there
  model::Citation citation;
};

// One conversation an account shares with a subject's account: a private (direct) one, or a
// group both are members of.
struct SubjectContact {
  int64_t subject_id = 0;
  std::string subject;          // "CASE/LABEL"
  std::string subject_account;  // the subject's account ref
  std::string account;          // the contacting account's ref
  std::string platform;         // the contacting account's platform
  int64_t conversation_id = 0, case_id = 0;
  bool direct = false;          // false: shared group
  bool initiated = false;       // direct: the account sent the first message
  bool reciprocal = false;      // direct: both sides wrote
  std::optional<int64_t> first_at;
  model::Citation citation;     // direct: the first message; group: the account's first message there
};

struct AccountEvidence {
  int64_t account_id = 0;
  std::string ref, platform;
  std::vector<CaseOccurrence> cases;      // in scope, by case code
  std::vector<SubjectContact> contacts;   // in scope, by (first_at, conversation)
  std::vector<int64_t> same_person;       // confirmed co-members and self-declared partners
  std::optional<double> pagerank, betweenness;
  std::optional<int64_t> community;
};

class EvidenceReader {
 public:
  // `scope`: case ids to consider (empty: every case).
  static Result<EvidenceReader> Open(store::Workspace& ws, std::set<int64_t> scope);

  // Read once per account and kept: the account, person and partner lists share accounts.
  Result<AccountEvidence> Read(int64_t account_id);
  // Accounts in the workspace's communication graph (for relative PageRank).
  int64_t graph_size() const { return graph_size_; }
  CitationSource& citations() { return citations_; }
  bool InScope(int64_t case_id) const { return scope_.empty() || scope_.count(case_id) != 0; }

 private:
  Status ReadCases(AccountEvidence& e);
  Status ReadDirect(AccountEvidence& e);
  Status ReadGroups(AccountEvidence& e);
  Status ReadIdentity(AccountEvidence& e);
  Status ReadMetrics(AccountEvidence& e);

  std::set<int64_t> scope_;
  CitationSource citations_;
  std::map<int64_t, std::vector<int64_t>> subjects_of_account_;  // account id -> subject ids
  std::map<int64_t, std::string> subject_names_;                  // subject id -> "CASE/LABEL"
  int64_t graph_size_ = 0;
  std::map<int64_t, AccountEvidence> cache_;
  store::Stmt account_, cases_, channel_cases_, direct_, groups_, group_members_, identity_, metrics_, ref_;
};

}  // namespace casegraph::graph
