// Interop exports of the link graph: GraphML and GEXF (Gephi), CSV node and edge lists (i2
// Analyst's Notebook, Maltego) and CASE/UCO JSON-LD (accounts, messages, relationships and
// provenance records with the exhibit hashes). One graph model is read from the workspace
// (export_graph.h), then one writer per format renders it. Read-only on the workspace; files
// are written atomically (temp + rename). Not thread-safe (one workspace per thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::report {

enum class ExportFormat { kGraphml, kGexf, kCsv, kCaseUco };

// "graphml", "gexf", "csv", "case-uco" (the --format values); nullopt for anything else.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
const char* ExportFormatName(ExportFormat format);

struct ExportRequest {
  ExportFormat format;
  std::vector<std::string> cases;  // case codes in scope; empty = every case
  // GraphML/GEXF/CASE-UCO: the file. CSV: a folder (existing, or a path ending in '/'), which
  // receives nodes.csv and edges.csv, or else a prefix: PATH-nodes.csv and PATH-edges.csv.
  std::string out_path;
};

struct ExportSummary {
  std::vector<std::string> files;  // the files written, in order
  int64_t nodes = 0, edges = 0;
};

// NotFound for an unknown case; Io when a file cannot be written (nothing is left behind).
Result<ExportSummary> WriteExport(store::Workspace& ws, const ExportRequest& request);

}  // namespace casegraph::report
