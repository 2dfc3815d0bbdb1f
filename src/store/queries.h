// Read-side questions the CLI (and later the HTTP API) asks of a workspace: counts per case,
// accounts with their attribute history, full-text search with citations, and the records a
// citation points to. Each returns plain values; formatting is the caller's job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::store {

struct CaseStats {
  std::string code, title;
  int64_t subjects = 0, exhibits = 0, accounts = 0, conversations = 0, messages = 0, attachments = 0,
          files = 0, identifiers = 0;
};
Result<std::vector<CaseStats>> QueryStats(Workspace& ws);

struct AttributeValue {
  std::string value;
  std::optional<int64_t> first_seen_utc, last_seen_utc;
  std::vector<std::string> exhibits;
};

struct AccountSummary {
  std::string ref, platform;
  std::vector<AttributeValue> names, usernames, phones;
  int64_t messages = 0;
  std::vector<std::string> cases;
  std::vector<std::string> roles;  // "owner", "contact", "participant" (distinct)
  std::vector<std::string> subjects;  // "CASE/LABEL" of subjects whose device this account owns (--owner)
  // From g_account_metrics (graph analytics at the last refresh); absent before any refresh.
  std::optional<double> pagerank, betweenness;
  std::optional<int64_t> community;
};
// All accounts, or those seen in `case_code`'s exhibits; messages counted within that scope.
Result<std::vector<AccountSummary>> QueryAccounts(Workspace& ws, const std::string& case_code);

// A message or a file whose text matched. Message hits fill the message fields; file hits
// (document text of a scanned file or an attachment) fill path..extractor and cite one place
// the file sits in scope: its scan_files row, else the message that carried it.
struct SearchHit {
  std::string kind = "message";  // "message" | "file"
  std::string case_code, exhibit, conversation, sender, sender_ref, sent_at, text, snippet;
  std::string path, file_sha256, mime_type, extractor;  // file hits
  model::Citation citation;
};
struct SearchResult {
  int64_t total = 0;
  std::vector<SearchHit> hits;
};
// `query`: words (all must match), "quoted phrases", prefix*, OR, NOT. Folded like the index.
// Searches messages and document text of files. `total` counts both; `limit` applies to the
// merged list: messages in evidence order, then files by path; or, with `by_relevance`, both
// merged by bm25 (a message before a file on equal rank).
Result<SearchResult> Search(Workspace& ws, const std::string& query, const std::string& case_code, int limit,
                            bool by_relevance = false);
// The FTS5 expression for a user query (exposed for tests).
Result<std::string> BuildFtsQuery(const std::string& query);

struct ExhibitRow {
  int64_t id = 0;
  std::string case_code, label, path, sha256, format, importer_version, main_file, tz, region, instance;
  std::string importer;  // "scan" for a scanned folder or disk image, else the chat importer
  bool is_folder = false;
};
Result<std::vector<ExhibitRow>> ListExhibits(Workspace& ws);
// The exhibit a citation names (label, and hash prefix when given).
Result<ExhibitRow> FindCitedExhibit(Workspace& ws, const model::CitationRef& ref);

}  // namespace casegraph::store
