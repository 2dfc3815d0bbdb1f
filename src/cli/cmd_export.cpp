// `export --format graphml|gexf|csv|case-uco [--case C]… -o PATH [--json]`: the link graph for
// Gephi, i2 Analyst's Notebook / Maltego (CSV) and CASE/UCO tools. Read-only on the workspace;
// the files are written atomically. docs/export.md describes each format.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "report/export.h"

namespace casegraph::cli {
namespace {

struct ExportOptions {
  std::string format, out;
  std::vector<std::string> cases;
  bool json = false;
};

}  // namespace

void AddExportCommand(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "write the link graph as GraphML, GEXF, CSV (nodes + edges) or CASE/UCO JSON-LD");
  cmd->add_option("--format", o->format, "graphml, gexf, csv or case-uco")->required();
  cmd->add_option("--case", o->cases, "only these cases (repeatable; default every case)");
  cmd->add_option("-o,--out", o->out, "output file (csv: a folder, or a prefix for PREFIX-nodes.csv/-edges.csv)")
      ->required();
  cmd->add_flag("--json", o->json, "print one JSON document");
  cmd->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto format = report::ParseExportFormat(o->format);
      if (!format) {
        std::fprintf(stderr, "error: unknown export format '%s' (use graphml, gexf, csv or case-uco)\n",
                     o->format.c_str());
        return kExitUsage;
      }
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      report::ExportRequest request{*format, o->cases, o->out};
      auto summary = report::WriteExport(**ws, request);
      if (!summary) return ReportError(summary.error());
      if (o->json) {
        JsonWriter j;
        j.BeginObject().Key("export").BeginObject().Field("format", report::ExportFormatName(*format))
            .Key("files").StringArray(summary->files).Field("nodes", summary->nodes).Field("edges", summary->edges)
            .EndObject().EndObject();
        PrintJson(j);
      } else {
        for (const auto& f : summary->files) std::printf("%s\n", f.c_str());
        std::printf("%lld nodes, %lld edges (%s)\n", static_cast<long long>(summary->nodes),
                    static_cast<long long>(summary->edges), report::ExportFormatName(*format));
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
