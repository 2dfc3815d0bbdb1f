// The append-only audit log: every command that changes the workspace appends an entry (who,
// when, what, parameters) holding the SHA-256 of the previous entry, so any later edit or
// deletion breaks the chain and `verify` reports it. Call inside the command's transaction.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "store/sqlite_util.h"

namespace casegraph::store {

using AuditParams = std::vector<std::pair<std::string, std::string>>;

Status AppendAudit(Db& db, const std::string& actor, const std::string& command, const AuditParams& params);

struct AuditCheck {
  int64_t entries = 0;
  bool chain_ok = true;
  int64_t first_broken_id = 0;  // 0 when intact
};

Result<AuditCheck> CheckAuditChain(Db& db);

}  // namespace casegraph::store
