// Read-side questions about triage results: which files (scanned, or carried by a chat message
// as an attachment) matched a hash set, and which listed entries could not be read. Each
// answer cites the exhibit and the file's locator (for an attachment, the message's).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::store {

struct FileMatchView {
  std::string case_code, exhibit;
  std::string carrier;          // "file" (a scanned file) | "attachment" (sent or received in a chat)
  std::string path;             // scanned path, or the attachment's declared path
  bool deleted = false;
  std::string sha256, md5, mime_type;
  std::string hashset, set_kind;  // set name; known | known-good | known-bad | alert
  std::string match_kind;         // exact | pdq
  std::string algorithm, value, label;
  int distance = 0;
  std::string message_locator;    // attachments: the message that carried it
  model::Citation citation;
};

struct MatchFilter {
  std::string case_code;      // empty: every case
  int64_t exhibit_id = 0;     // 0: every exhibit
  bool include_known = false; // known / known-good matches are hidden unless asked for
};

// Ordered by case, exhibit, path, set name, match kind, value.
Result<std::vector<FileMatchView>> QueryFileMatches(Workspace& ws, const MatchFilter& filter);

struct ScanProblemView {
  std::string path, file_type, status, detail;
  bool deleted = false;
  model::Citation citation;
};
// The scanned exhibit's entries that were not read, or read with a problem, in path order.
Result<std::vector<ScanProblemView>> QueryScanProblems(Workspace& ws, int64_t exhibit_id);

// One listed entry of a scanned exhibit, as stored (for `show`).
struct ScannedFileRow {
  std::string path, raw_path_hex, file_type, fs_type, status, detail, locator;
  bool deleted = false;
  std::optional<int64_t> inode, fs_offset, mtime, atime, ctime, crtime;
  int64_t size_bytes = 0;
  std::string sha256, sha1, md5, mime_type, pdq_hash;  // empty when not read
  std::optional<int64_t> pdq_quality;
  std::vector<std::string> hashsets;  // "name (kind, exact|pdq d)" of every match
};
Result<ScannedFileRow> QueryScannedFile(Workspace& ws, int64_t exhibit_id, const std::string& locator);

// Files matched only by known / known-good sets in the scope (counted, not listed by default).
Result<int64_t> CountKnownFiles(Workspace& ws, const MatchFilter& filter);

}  // namespace casegraph::store
