// Matching a file against every imported hash set: exact digests (md5/sha1/sha256, compared
// lower-case) against the workspace's hashset_hashes and each NSRL database in place, and PDQ
// against one multi-index over every hashset_pdq row. Load reads all sets once; Match is then
// cheap per file. Per set, exact matches keep only the strongest algorithm that hit (sha256 >
// sha1 > md5): one file listed by all three digests is one match, not three.
// Not thread-safe (prepared statements): one matcher per thread; the Db must outlive it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "hashing/pdq_hash.h"
#include "model/records.h"
#include "store/sqlite_util.h"

namespace casegraph::store {

struct PdqMatchOptions {
  int max_distance = 31;  // HASHING.md §1.5: ThreatExchange's confident-match threshold
  int min_quality = 50;   // files below this quality are not PDQ-matched
};

struct HashMatch {
  int64_t hashset_id = 0;
  std::string set_name, kind;
  std::string match_kind;  // "exact" | "pdq"
  std::string algorithm;   // md5 | sha1 | sha256 | pdq
  std::string value;       // the set's value (lower-case hex)
  std::string label, set_locator;
  int distance = 0;
};

// A file's PDQ hash and quality, as the hasher gives them. Any type with `hash` and `quality`
// members (hashing::PdqResult) converts through the Match template below.
struct PdqProbe {
  hashing::Pdq256 hash;
  int quality = 0;
};

class HashMatcher {
 public:
  static Result<std::unique_ptr<HashMatcher>> Load(Db& db, PdqMatchOptions options = {});
  ~HashMatcher();
  bool empty() const;
  const PdqMatchOptions& options() const { return options_; }

  // Sorted by (set name, match_kind, value, distance).
  Result<std::vector<HashMatch>> Match(const model::FileDigests& digests, const std::optional<PdqProbe>& pdq) const;
  template <typename P>
    requires requires(const P& p) { p.hash; p.quality; }
  Result<std::vector<HashMatch>> Match(const model::FileDigests& digests, const std::optional<P>& pdq) const {
    std::optional<PdqProbe> probe;
    if (pdq) probe = PdqProbe{pdq->hash, pdq->quality};
    return Match(digests, probe);
  }

 private:
  struct Impl;
  explicit HashMatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  PdqMatchOptions options_;
};

// Stores a file's matches (INSERT OR IGNORE: re-running a scan or an import adds nothing twice).
Status WriteFileMatches(Db& db, int64_t file_id, const std::vector<HashMatch>& matches);

// Sorts as Match does and drops, per set, exact matches weaker than the best algorithm that hit.
void CanonicalizeMatches(std::vector<HashMatch>& matches);

}  // namespace casegraph::store
