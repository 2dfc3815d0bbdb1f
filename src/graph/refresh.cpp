#include "graph/refresh.h"

#include <string>

#include "base/phase_timer.h"
#include "graph/analytics.h"
#include "graph/graph_build.h"
#include "graph/identity.h"

namespace casegraph::graph {

Status RefreshInTransaction(store::Workspace& ws) {
  store::Db& db = ws.db();
  PhaseTimer timer;  // CASEGRAPH_TIMING=1 prints each phase
  CASEGRAPH_RETURN_IF_ERROR(BuildGraphTables(ws));
  timer.Mark("graph");
  CASEGRAPH_RETURN_IF_ERROR(ResolvePersons(ws));
  timer.Mark("persons");
  CASEGRAPH_RETURN_IF_ERROR(db.Exec("DELETE FROM g_account_metrics"));
  CASEGRAPH_RETURN_IF_ERROR(ComputeAnalytics(ws));
  timer.Mark("analytics");
  auto exhibits = db.QueryInt("SELECT COUNT(*) FROM exhibits");
  if (!exhibits) return exhibits.error();
  auto state = db.Prepare("INSERT OR REPLACE INTO g_state(key, value) VALUES(?,?)");
  if (!state) return state.error();
  CASEGRAPH_RETURN_IF_ERROR(state->Bind(1, "refreshed_at").Bind(2, store::NowUtc()).Run());
  const std::string count = std::to_string(*exhibits);
  return state->Bind(1, "exhibits").Bind(2, count).Run();
}

Status Refresh(store::Workspace& ws) {
  CASEGRAPH_RETURN_IF_ERROR(ws.Begin());
  if (Status s = RefreshInTransaction(ws); !s.ok()) {
    ws.Rollback();
    return s;
  }
  if (Status s = ws.Commit(); !s.ok()) {
    ws.Rollback();
    return s;
  }
  return Ok();
}

Result<bool> IsStale(store::Workspace& ws) {
  auto stmt = ws.db().Prepare(
      "SELECT (SELECT value FROM g_state WHERE key='exhibits'), (SELECT COUNT(*) FROM exhibits)");
  if (!stmt) return stmt.error();
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row || stmt->IsNull(0)) return true;
  const bool stale = stmt->Text(0) != std::to_string(stmt->Int(1));
  stmt->Reset();
  return stale;
}

}  // namespace casegraph::graph
