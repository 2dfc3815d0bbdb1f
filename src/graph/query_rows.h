// Stepping a prepared statement through its rows with a callback, for the link queries' reads.
// The statement is left reset (ready for new binds) whether the rows run out or the callback
// stops early. Header-only; not thread-safe (a statement belongs to one thread).
#pragma once

#include <type_traits>

#include "base/result.h"
#include "store/sqlite_util.h"

namespace casegraph::graph {

// Calls `row(stmt)` for each row. A callback returning bool stops the walk when it returns false.
template <typename F>
Status ForEachRow(store::Stmt& stmt, F&& row) {
  for (;;) {
    auto has = stmt.Step();
    if (!has) return has.error();
    if (!*has) return Ok();
    if constexpr (std::is_same_v<decltype(row(stmt)), bool>) {
      if (!row(stmt)) {
        stmt.Reset();
        return Ok();
      }
    } else {
      row(stmt);
    }
  }
}

}  // namespace casegraph::graph
