// One renderer per export format, each turning the export graph into the bytes of its file(s).
// Pure functions of the graph: the same graph gives byte-identical output. export.cpp picks one
// and writes the result atomically.
#pragma once

#include <optional>
#include <span>
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
// "%.9g", or "" when unknown.
std::string NumberText(const std::optional<double>& v);

// An attribute the graph formats (GraphML, GEXF) declare and write for each node or edge: its
// name, its type ("string", "double" or "long": GraphML's attr.type and GEXF's type alike) and
// how to read it ("" when unknown: the writers leave it out). One list, so the two formats carry
// the same facts; CSV keeps its own columns, named for i2 and Maltego import.
template <typename Item>
struct GraphAttribute {
  const char* name;
  const char* type;
  std::string (*value)(const Item&);
};
std::span<const GraphAttribute<ExportNode>> NodeAttributes();  // export_attributes.cpp
std::span<const GraphAttribute<ExportEdge>> EdgeAttributes();

}  // namespace casegraph::report
