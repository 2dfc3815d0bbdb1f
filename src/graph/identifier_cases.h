// g_identifier_cases: per identifier (phone, handle, link, wallet…) and case, how often it
// occurs there, whether only inside broadcast channels (followers merely read it), and its
// earliest occurrence (lowest occurrence id, i.e. first ingested) to cite. Filled at the end of
// graph::Refresh so that `links` never groups identifier_occurrences at query time.
// REQUIRES: g_conversations is built; the caller holds the write transaction.
#pragma once

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::graph {

Status BuildIdentifierCases(store::Workspace& ws);

}  // namespace casegraph::graph
