// Builds the derived conversation graph from the base tables (schema v3): g_conversations
// (class, owner, message counts), g_members (who is in each conversation and why, cited),
// g_direct (one-to-one chats with their initiator), g_account_cases (where each account occurs,
// cited) and g_subject_accounts (a subject's accounts: exhibit owners and examiner
// declarations). Set-based SQL only: one sorted pass over the messages, whatever their number.
// Used by Refresh; not thread-safe (one Workspace per thread).
#pragma once

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::graph {

// Deletes and refills the five tables above.
// REQUIRES: an open transaction on `ws` (Refresh holds it); on error the caller rolls back.
Status BuildGraphTables(store::Workspace& ws);

}  // namespace casegraph::graph
