// `path`: the shortest evidence path between two accounts, persons or subjects, every hop cited;
// --after/--before keep message hops inside the window and in time order.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "base/phase_timer.h"
#include "cli/context.h"
#include "cli/graph_output.h"
#include "graph/path.h"

namespace casegraph::cli {
namespace {

void PrintJsonPath(const graph::PathResult& r, const graph::PathOptions& o) {
  JsonWriter j;
  j.BeginObject().Field("from", r.from).Field("to", r.to).Key("after");
  WriteTime(j, o.window.after);
  j.Key("before");
  WriteTime(j, o.window.before);
  j.Field("time_ordered", o.window.any()).Field("found", r.found)
      .Field("length", static_cast<int64_t>(r.hops.size())).Key("hops").BeginArray();
  for (const auto& h : r.hops) {
    j.BeginObject().Field("from", h.from).Field("to", h.to).Field("kind", h.kind).Key("at");
    WriteTime(j, h.at);
    j.Key("case").StringOrNull(h.case_code).Field("via", h.detail).Key("citations").BeginArray();
    for (const auto& c : h.citations) WriteCitationJson(j, c);
    j.EndArray().EndObject();
  }
  j.EndArray().EndObject();
  PrintJson(j);
}

void PrintTextPath(const graph::PathResult& r) {
  if (!r.found) {
    std::printf("no evidence path from %s to %s\n", r.from.c_str(), r.to.c_str());
    return;
  }
  std::printf("%zu hops from %s to %s\n", r.hops.size(), r.from.c_str(), r.to.c_str());
  for (size_t i = 0; i < r.hops.size(); ++i) {
    const auto& h = r.hops[i];
    std::printf("%2zu. %s -> %s  [%s] %s %s%s\n", i + 1, h.from.c_str(), h.to.c_str(), h.kind.c_str(),
                TimeOrDash(h.at).c_str(), h.detail.c_str(), h.case_code.empty() ? "" : (" in " + h.case_code).c_str());
    for (const auto& c : h.citations) std::printf("      %s\n", c.ToText().c_str());
  }
}

}  // namespace

void AddPathCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto options = std::make_shared<graph::PathOptions>();
  auto after = std::make_shared<std::string>();
  auto before = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("path", "shortest evidence path between accounts, persons or subjects");
  cmd->add_option("--from", options->from, "account ref, person:KEY or subject:CASE/LABEL")->required();
  cmd->add_option("--to", options->to, "account ref, person:KEY or subject:CASE/LABEL")->required();
  cmd->add_option("--after", *after, "only message hops at or after this UTC time, in time order");
  cmd->add_option("--before", *before, "only message hops at or before this UTC time, in time order");
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json, options, after, before] {
    ctx.action = [&ctx, json, options, after, before] {
      auto window = graph::ParseTimeWindow(*after, *before);
      if (!window) return ReportError(window.error());
      options->window = *window;
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      WarnIfStale(**ws);
      PhaseTimer timer;  // CASEGRAPH_TIMING=1 prints the query time (workspace open)
      auto result = graph::FindPath(**ws, *options);
      timer.Mark("query");
      if (!result) return ReportError(result.error());
      if (*json) {
        PrintJsonPath(*result, *options);
      } else {
        PrintTextPath(*result);
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
