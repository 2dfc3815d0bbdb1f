// Hash sets in the workspace: import (one transaction: the hashsets row, its entries, an
// audit entry, and the re-matching of every stored file against the new set), list and
// remove (audited). NSRL RDSv3 databases are never copied: their row points at the file,
// which the matcher opens read-only in place.
// Not thread-safe: one Workspace per thread.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/result.h"
#include "store/hash_matcher.h"
#include "store/workspace.h"

namespace casegraph::store {

// known: counted and hidden (NSRL's default); known-good: the same, said firmly;
// known-bad and alert: listed with their citations.
const std::vector<std::string>& HashSetKinds();
bool IsHashSetKind(const std::string& kind);

struct HashSetImportRequest {
  std::string name, kind /* "" = NSRL's default "known"; required for any other format */, path;
  std::string format = "auto", examiner;
  PdqMatchOptions pdq;  // for re-matching the stored files
};

struct HashSetRow {
  int64_t id = 0;
  std::string name, kind, format, source_path, source_sha256, layout, imported_at, examiner;
  bool in_place = false;
  int64_t entries = 0;
  int64_t matched_files = 0;  // distinct files of the workspace that match the set
};

struct HashSetImportOutcome {
  HashSetRow set;
  std::string status;  // "imported" | "already-imported"
  std::vector<Warning> warnings;
  size_t warning_count = 0;
};

// The format `path` would be read as: `format` itself unless "auto"; errors name the file.
Result<std::string> ResolveHashSetFormat(const std::string& path, const std::string& format);

Result<HashSetImportOutcome> ImportHashSet(Workspace& ws, const HashSetImportRequest& req);
// Sorted by name.
Result<std::vector<HashSetRow>> ListHashSets(Workspace& ws);
// Deletes the set, its entries and its matches, with an audit entry; unknown name → NotFound.
Status RemoveHashSet(Workspace& ws, const std::string& name, const std::string& examiner);

}  // namespace casegraph::store
