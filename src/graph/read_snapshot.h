// One read transaction around a query: every statement sees the same snapshot of the workspace,
// and SQLite takes its shared lock once instead of once per statement (a query here runs hundreds
// of small indexed reads; per-statement locking was a third of `links`' time). Ends on scope exit.
// Not thread-safe: one per workspace at a time; REQUIRES: no transaction open on `ws`.
#pragma once

#include "store/workspace.h"

namespace casegraph::graph {

class ReadSnapshot {
 public:
  explicit ReadSnapshot(store::Workspace& ws) : ws_(ws), open_(ws.db().Exec("BEGIN").ok()) {}
  ~ReadSnapshot() {
    if (open_) (void)ws_.db().Exec("COMMIT");
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  store::Workspace& ws_;
  bool open_;
};

}  // namespace casegraph::graph
