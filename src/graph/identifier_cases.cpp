#include "graph/identifier_cases.h"

namespace casegraph::graph {

Status BuildIdentifierCases(store::Workspace& ws) {
  CASEGRAPH_RETURN_IF_ERROR(ws.db().Exec("DELETE FROM g_identifier_cases"));
  // A profile occurrence (no message) is never channel-only; a message occurrence is when its
  // conversation is a broadcast channel.
  return ws.db().Exec(
      "INSERT INTO g_identifier_cases(identifier_id, case_id, occurrences, channel_only, first_at, cite_exhibit_id, "
      "cite_locator) "
      "SELECT agg.identifier_id, agg.case_id, agg.occurrences, agg.channel_only, agg.first_at, first.exhibit_id, "
      "first.locator FROM ("
      "  SELECT io.identifier_id AS identifier_id, e.case_id AS case_id, COUNT(*) AS occurrences,"
      "    MIN(CASE WHEN gc.class = 'channel' THEN 1 ELSE 0 END) AS channel_only,"
      "    MIN(m.sent_at_utc) AS first_at, MIN(io.id) AS first_id"
      "  FROM identifier_occurrences io JOIN exhibits e ON e.id = io.exhibit_id"
      "  LEFT JOIN messages m ON m.id = io.message_id"
      "  LEFT JOIN g_conversations gc ON gc.conversation_id = m.conversation_id"
      "  GROUP BY io.identifier_id, e.case_id) agg "
      "JOIN identifier_occurrences first ON first.id = agg.first_id");
}

}  // namespace casegraph::graph
