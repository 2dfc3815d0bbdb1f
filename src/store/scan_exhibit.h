// Scans a folder or a disk image (raw or E01) as an exhibit of a case, like IngestExhibit does
// for chat exports: hashes the exhibit, refuses bytes the case already holds, then walks every
// file (and the deleted names the file system still lists), reading each once on worker
// threads, while this thread stores the results in walk order, all in one transaction: on any
// error the workspace is exactly as before. The evidence is only ever read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "rules/rules_file.h"
#include "store/hash_matcher.h"
#include "store/scan_worker.h"
#include "store/scan_writer.h"
#include "store/workspace.h"

namespace casegraph::store {

struct ScanRequest {
  std::string case_code;
  std::string path;
  std::string label;          // empty: the path's last component
  std::string owner_subject;  // subject label, optional
  std::string examiner;
  const rules::RuleSet* rules = nullptr;
  PdqMatchOptions pdq;
  ScanLimits limits;
  int workers = 0;            // 0: one per core (at most 4); disk images always use one reader
  bool progress = false;
};

struct ScanOutcome {
  std::string label, path, sha256, kind;  // kind: folder | raw-image | ewf-image
  std::string status = "failed";          // scanned | already-scanned | failed
  std::optional<Error> error;
  int64_t exhibit_id = 0;
  uint64_t exhibit_bytes = 0;
  ScanCounts counts;
  std::vector<Warning> warnings;          // walk damage (unreadable folders, loops)
  size_t warning_count = 0;
};

ScanOutcome ScanExhibit(Workspace& ws, const ScanRequest& request);

}  // namespace casegraph::store
