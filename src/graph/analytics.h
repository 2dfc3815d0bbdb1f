// Graph analytics over the communication graph (igraph): PageRank, betweenness and Leiden
// communities (fixed seed, so results are reproducible) per account, into g_account_metrics.
// Refresh calls it last, after the graph tables and persons are rebuilt. Not thread-safe.
#pragma once

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::graph {

// Deletes and refills g_account_metrics from g_members / g_direct (and persons).
// REQUIRES: Refresh's open transaction on `ws`, with the g_* tables and persons already built.
// On error the caller rolls back the whole refresh.
Status ComputeAnalytics(store::Workspace& ws);

}  // namespace casegraph::graph
