// `report --case C -o FILE.html`: one self-contained HTML file about a case (summary, subjects
// and exhibits, flags, link graph, timelines, cross-case links, appendix of cited evidence) that
// fetches nothing, runs no script, prints well, and shows every evidence string as escaped text.
// See docs/report.md. Not thread-safe (uses one workspace).
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::report {

struct ReportRequest {
  std::string case_code;
  std::string out_path;
  std::string generated_by;
};

struct ReportSummary {
  std::string path;
  int64_t flags = 0, cited_messages = 0, cited_files = 0, bytes = 0;
};

// Writes the file atomically (temp + rename); read-only on the workspace. NotFound for an
// unknown case (nothing written); Io when the file cannot be written (nothing left behind).
Result<ReportSummary> WriteHtmlReport(store::Workspace& ws, const ReportRequest& request);

}  // namespace casegraph::report
