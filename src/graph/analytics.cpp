// graph-queries' part of graph::Refresh, run last inside Refresh's transaction: the igraph
// metrics of every account (g_account_metrics) and the per-case identifier aggregates
// (g_identifier_cases) that `links` reads.
#include "graph/analytics.h"

#include "graph/account_metrics.h"
#include "graph/communication_graph.h"
#include "graph/identifier_cases.h"

namespace casegraph::graph {
namespace {

Status WriteMetrics(store::Workspace& ws, const std::vector<AccountMetric>& metrics) {
  CASEGRAPH_RETURN_IF_ERROR(ws.db().Exec("DELETE FROM g_account_metrics"));
  auto insert = ws.db().Prepare(
      "INSERT INTO g_account_metrics(account_id, pagerank, betweenness, community) VALUES(?,?,?,?)");
  if (!insert) return insert.error();
  for (const auto& m : metrics) {
    CASEGRAPH_RETURN_IF_ERROR(
        insert->Bind(1, m.account_id).BindDouble(2, m.pagerank).BindDouble(3, m.betweenness).Bind(4, m.community).Run());
  }
  return Ok();
}

}  // namespace

Status ComputeAnalytics(store::Workspace& ws) {
  auto graph = LoadCommunicationGraph(ws);
  if (!graph) return graph.error();
  auto metrics = ComputeAccountMetrics(*graph);
  if (!metrics) return metrics.error();
  CASEGRAPH_RETURN_IF_ERROR(WriteMetrics(ws, *metrics));
  return BuildIdentifierCases(ws);
}

}  // namespace casegraph::graph
