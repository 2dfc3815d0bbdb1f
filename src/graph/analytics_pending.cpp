// Replaced by analytics.cpp at merge (the graph-queries branch owns the analytics); this lets
// the graph-core branch link on its own. Delete this file when analytics.cpp lands.
#include "graph/analytics.h"

namespace casegraph::graph {

Status ComputeAnalytics(store::Workspace& /*ws*/) { return Ok(); }

}  // namespace casegraph::graph
