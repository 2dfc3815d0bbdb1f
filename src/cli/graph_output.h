// Output pieces shared by the link-analysis commands (links, path, contacts, timeline): cited
// lists, explained score terms, the subjects an entry reached, and the stale-graph warning.
#pragma once

#include <optional>
#include <string>

#include "cli/json_writer.h"
#include "graph/links.h"
#include "store/workspace.h"

namespace casegraph::cli {

// "citations": [...], "citations_total": N
void WriteCitationList(JsonWriter& j, const graph::CitationList& list);
// "score": S, "score_terms": [{name, value, weight, points, explanation}]
void WriteScore(JsonWriter& j, const graph::LinkScore& score);
// "subjects_reached": [...], "first_contact": {...} or null
void WriteReached(JsonWriter& j, const graph::LinkScore& score);
// Warns on stderr when the derived graph tables predate the last ingest.
void WarnIfStale(store::Workspace& ws);
// "2025-03-01T10:00:00Z", or null in JSON when unknown.
void WriteTime(JsonWriter& j, const std::optional<int64_t>& unix_seconds);
// "a,b,c".
std::string JoinComma(const std::vector<std::string>& values);

}  // namespace casegraph::cli
