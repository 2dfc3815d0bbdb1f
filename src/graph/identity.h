// Identity resolution: which accounts belong to one person. Rebuilds persons and
// person_members from the evidence (automatic merges on the same phone, suggestions on weaker
// bases) and then applies the examiner's decisions (person_decisions) in id order, so they
// survive re-ingest. Called by Refresh. Not thread-safe.
#pragma once

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::graph {

// Deletes and refills persons and person_members.
// REQUIRES: Refresh's open transaction, with the g_* graph tables already built.
Status ResolvePersons(store::Workspace& ws);

}  // namespace casegraph::graph
