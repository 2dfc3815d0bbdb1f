// Re-matching the files already in the workspace against one newly imported set, inside the
// import's transaction (internal to hashset_store.cpp): exact digests by SQL join, an NSRL
// database by lookup per file, PDQ through a multi-index over the set's hashes.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "store/hash_matcher.h"
#include "store/nsrl_rds.h"
#include "store/sqlite_util.h"

namespace casegraph::store::internal {

struct SetPdqEntry {
  std::string value, label, locator;
};

// Strongest algorithm first, so a file listed by several digests gets one match (sha256 >
// sha1 > md5), as HashMatcher::Match gives.
Status RematchExact(Db& db, int64_t set_id);
Status RematchNsrl(Db& db, int64_t set_id, NsrlDatabase& nsrl);
Status RematchPdq(Db& db, int64_t set_id, const std::vector<SetPdqEntry>& entries, const PdqMatchOptions& options);

}  // namespace casegraph::store::internal
