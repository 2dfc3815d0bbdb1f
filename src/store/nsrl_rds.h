// NIST NSRL RDSv3 databases looked up in place (HASHING.md §2a): never copied, opened
// read-only as `file:PATH?mode=ro&immutable=1` so SQLite writes nothing beside them (no
// journal, no -shm) and takes no locks. Two layouts: "minimal" (a FILE table and the
// DISTINCT_HASH view) and "full" (a METADATA table behind a FILE view, queried directly).
// Values may be stored upper-case (the views upper-case them), so each lookup binds both
// cases with IN (…), which still uses the index. sha256 is always looked up (the minimal
// FILE primary key starts with it); sha1 and md5 only where an index starts with that column,
// since scanning a 170 GB table per file is never acceptable.
// Not thread-safe: one object per thread.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/records.h"
#include "store/sqlite_util.h"

namespace casegraph::store {

struct NsrlHit {
  std::string algorithm;  // "sha256" | "sha1" | "md5"
  std::string value;      // lower-case hex, the file's digest
  std::string label;      // a file name the RDS lists for it (the smallest, for determinism)
  std::string locator;    // "FILE sha256=…" (minimal) or "METADATA metadata_id=N" (full)
};

class NsrlDatabase {
 public:
  // Opens and recognises the layout; an SQLite file of another kind is an error naming it.
  static Result<std::unique_ptr<NsrlDatabase>> Open(const std::string& path);
  ~NsrlDatabase();
  NsrlDatabase(const NsrlDatabase&) = delete;
  NsrlDatabase& operator=(const NsrlDatabase&) = delete;

  const std::string& layout() const { return layout_; }  // "minimal" | "full"
  // The highest rowid of FILE/METADATA: the row count without reading the whole database
  // (an upper bound once deltas have deleted rows).
  int64_t entries() const { return entries_; }
  // Algorithms looked up, strongest first ("sha256" always).
  const std::vector<std::string>& algorithms() const { return algorithms_; }
  // The first algorithm (sha256, sha1, md5) whose digest the RDS lists; nullopt when none.
  Result<std::optional<NsrlHit>> Find(const model::FileDigests& digests);

 private:
  NsrlDatabase() = default;
  Status Prepare();
  sqlite3* db_ = nullptr;
  std::string path_, layout_;
  int64_t entries_ = 0;
  std::vector<std::string> algorithms_;
  std::vector<Stmt> lookups_;  // parallel to algorithms_
};

// "file:" + the absolute path percent-encoded + "?mode=ro&immutable=1".
std::string ReadOnlyImmutableUri(const std::string& absolute_path);

}  // namespace casegraph::store
