// Rebuilds every derived table of the workspace (schema v3: the g_* tables, persons and
// person_members, g_account_metrics, g_state) from the base tables alone, in one transaction:
// graph build, then identity resolution (with the examiner's decisions), then analytics.
// Called after every ingest and every examiner decision. Not thread-safe.
#pragma once

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::graph {

// Begins a transaction, rebuilds, commits; on any error rolls back and the derived tables are
// exactly as before.
Status Refresh(store::Workspace& ws);

// The same rebuild inside the caller's transaction (a decision or declaration that must land
// together with its refresh). REQUIRES: an open transaction; on error the caller rolls back.
Status RefreshInTransaction(store::Workspace& ws);

// g_state "exhibits" differs from the number of exhibits (or no refresh ever ran): answers
// from the g_* tables would be stale.
Result<bool> IsStale(store::Workspace& ws);

}  // namespace casegraph::graph
