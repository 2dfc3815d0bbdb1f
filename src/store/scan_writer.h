// Stores what the scan workers found, file by file and in walk order, inside the scan's
// transaction: the file's content row (content-addressed: digests, MIME, PDQ), its scan_files
// row (path, inode, times, deleted, status), its document text, its hash-set matches and the
// rules' hits on its path, text and content. Keeps the counts and the exhibit manifest.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hashing/exhibit_hash.h"
#include "rules/rules_file.h"
#include "store/hash_matcher.h"
#include "store/scan_worker.h"
#include "store/sqlite_util.h"

namespace casegraph::store {

struct ScanCounts {
  uint64_t entries = 0;      // every listed entry (files, links, special files, deleted names)
  uint64_t read = 0;         // regular files read and digested
  uint64_t deleted = 0;      // deleted names still listed by the file system
  uint64_t not_read = 0;     // listed but not read (special files, links, sparse, unrecoverable)
  uint64_t errors = 0;       // reads that failed
  uint64_t bytes = 0;        // bytes read
  uint64_t images = 0;       // PDQ-hashed images
  uint64_t documents = 0;    // documents whose text was indexed
  uint64_t known = 0;        // files matched only by known / known-good sets
  uint64_t flagged = 0;      // files matched by a known-bad or alert set
  uint64_t rule_hits = 0;
};

class ScanWriter {
 public:
  ScanWriter(Db& db, int64_t exhibit_id, const rules::RuleSet* rules, const HashMatcher* matcher);
  Status Prepare();
  Status Write(const ScannedFile& file);
  const ScanCounts& counts() const { return counts_; }
  // The exhibit manifest of a scanned folder: one entry per listed entry (see ScanManifestEntry).
  std::vector<hashing::ManifestEntry> TakeManifest() { return std::move(manifest_); }

 private:
  Result<int64_t> UpsertFile(const ScannedFile& file);
  Status WriteRuleHits(const ScannedFile& file, int64_t scan_file_id, std::optional<int64_t> file_id);

  Db& db_;
  int64_t exhibit_id_;
  const rules::RuleSet* rules_;
  const HashMatcher* matcher_;
  Stmt upsert_file_, find_file_, insert_scan_file_;
  ScanCounts counts_;
  std::vector<hashing::ManifestEntry> manifest_;
};

// The manifest line of one listed entry, so `verify` can re-derive the exhibit hash: a read
// file by its SHA-256; a symlink by its target text; anything not read by its type and size
// (a FIFO or sparse file is never read, then or at verify).
hashing::ManifestEntry ScanManifestEntry(const triage::TriageEntry& entry, const std::string& sha256);

}  // namespace casegraph::store
