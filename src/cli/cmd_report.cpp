// `report --case C -o FILE.html`: the self-contained HTML case report (report/html_report.h).
// Prints the written path (or, with --json, {report: {path, bytes, flags, cited_messages,
// cited_files}}). Reads the workspace only; the file is written atomically, so an unknown case
// or an unwritable path leaves nothing behind.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "cli/graph_output.h"
#include "report/html_report.h"

namespace casegraph::cli {

void AddReportCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto request = std::make_shared<report::ReportRequest>();
  auto* cmd = app.add_subcommand("report", "write a self-contained HTML report of a case (flags, graph, timeline, "
                                           "cited evidence)");
  cmd->add_option("--case", request->case_code, "case code")->required();
  cmd->add_option("-o,--out", request->out_path, "the HTML file to write")->required();
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json, request] {
    ctx.action = [&ctx, json, request] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      WarnIfStale(**ws);
      request->generated_by = "casegraph report, examiner " + store::DefaultActor();
      auto summary = report::WriteHtmlReport(**ws, *request);
      if (!summary) return ReportError(summary.error());
      if (*json) {
        JsonWriter j;
        j.BeginObject().Key("report").BeginObject().Field("path", summary->path).Field("bytes", summary->bytes)
            .Field("flags", summary->flags).Field("cited_messages", summary->cited_messages)
            .Field("cited_files", summary->cited_files).EndObject().EndObject();
        PrintJson(j);
      } else {
        std::printf("%s\n", summary->path.c_str());
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
