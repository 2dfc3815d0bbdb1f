// One renderer per export format, each turning the export graph into the bytes of its file(s).
// Pure functions of the graph: the same graph gives byte-identical output. export.cpp picks one
// and writes the result atomically.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/export_graph.h"

namespace casegraph::report {

std::string RenderGraphml(const ExportGraph& graph);
std::string RenderGexf(const ExportGraph& graph);
std::string RenderCsvNodes(const ExportGraph& graph);
std::string RenderCsvEdges(const ExportGraph& graph);
std::string RenderCaseUco(const ExportGraph& graph);

// Shared by the writers: "2024-06-01T10:00:00Z" or "" when unknown; lists joined with "; ".
std::string IsoOrEmpty(const std::optional<int64_t>& unix_seconds);
std::string JoinList(const std::vector<std::string>& items);
std::string CitationText(const std::optional<model::Citation>& c);

}  // namespace casegraph::report
