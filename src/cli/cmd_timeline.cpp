// `timeline`: first contacts, messages, group joins, platform switches and files sent, in UTC
// order, for a case, an account, a person or a subject; every event cited.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "base/phase_timer.h"
#include "cli/context.h"
#include "cli/graph_output.h"
#include "graph/timeline.h"

namespace casegraph::cli {
namespace {

struct TimelineArgs {
  graph::TimelineOptions options;
  std::string account, person, subject, after, before;
  bool json = false;
};

// The one entity ref the flags name ("" for none); usage error text when more than one.
Result<std::string> EntityRef(const TimelineArgs& a) {
  int given = !a.account.empty() + !a.person.empty() + !a.subject.empty();
  if (given > 1) return Error::InvalidArgument("give at most one of --account, --person, --subject");
  if (!a.account.empty()) return a.account;
  if (!a.person.empty()) return a.person.rfind("person:", 0) == 0 ? a.person : "person:" + a.person;
  if (!a.subject.empty()) return a.subject.rfind("subject:", 0) == 0 ? a.subject : "subject:" + a.subject;
  return std::string();
}

void PrintJsonTimeline(const graph::TimelineResult& r) {
  JsonWriter j;
  j.BeginObject().Field("scope", r.scope).Field("truncated", r.truncated).Key("events").BeginArray();
  for (const auto& e : r.events) {
    j.BeginObject().Key("at");
    WriteTime(j, e.at);
    j.Field("kind", e.kind).Key("actor").StringOrNull(e.actor).Key("conversation").StringOrNull(e.conversation)
        .Field("summary", e.summary).Key("platform").StringOrNull(e.platform).Field("case", e.case_code)
        .Field("exhibit", e.exhibit).Key("citation");
    WriteCitationJson(j, e.citation);
    j.EndObject();
  }
  j.EndArray().EndObject();
  PrintJson(j);
}

void PrintTextTimeline(const graph::TimelineResult& r) {
  std::printf("timeline of %s: %zu events%s\n", r.scope.c_str(), r.events.size(), r.truncated ? " (more: raise --limit)" : "");
  for (const auto& e : r.events) {
    // Message and file summaries do not name their sender; the others do.
    const bool named = e.kind == graph::kEventMessage || e.kind == graph::kEventFile;
    const std::string who = named && !e.actor.empty() ? e.actor + ": " : "";
    std::printf("%s  %-15s %-9s %-6s %s%s%s%s  %s\n", TimeOrDash(e.at).c_str(), e.kind.c_str(), e.platform.c_str(),
                e.case_code.c_str(), who.c_str(), e.summary.c_str(), e.conversation.empty() ? "" : "  in ",
                e.conversation.c_str(), e.citation.ToText().c_str());
  }
}

}  // namespace

void AddTimelineCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<TimelineArgs>();
  auto* cmd = app.add_subcommand("timeline", "events in UTC order for a case, account, person or subject, cited");
  cmd->add_option("--case", args->options.case_code, "a case (alone: the case's timeline; with an entity: only there)");
  cmd->add_option("--account", args->account, "an account ref");
  cmd->add_option("--person", args->person, "a person key (P-… or person:P-…)");
  cmd->add_option("--subject", args->subject, "a subject as CASE/LABEL");
  cmd->add_option("--kinds", args->options.kinds,
                  "only these kinds, comma-separated: first_contact,message,group_join,platform_switch,file "
                  "(default: all; for a whole case all but message)")
      ->delimiter(',');
  cmd->add_option("--after", args->after, "only events at or after this UTC time");
  cmd->add_option("--before", args->before, "only events at or before this UTC time");
  cmd->add_option("--limit", args->options.limit, "most events to list (default 200)")
      ->check(CLI::Range(int64_t{1}, int64_t{10000000}));
  cmd->add_flag("--json", args->json, "print one JSON document");
  cmd->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      auto ref = EntityRef(*args);
      if (!ref) {
        std::fprintf(stderr, "casegraph: error: %s\n", ref.error().message().c_str());
        return kExitUsage;
      }
      args->options.ref = *ref;
      if (args->options.ref.empty() && args->options.case_code.empty()) {
        std::fprintf(stderr, "casegraph: error: timeline needs --case, --account, --person or --subject\n");
        return kExitUsage;
      }
      auto window = graph::ParseTimeWindow(args->after, args->before);
      if (!window) return ReportError(window.error());
      args->options.window = *window;
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      WarnIfStale(**ws);
      PhaseTimer timer;  // CASEGRAPH_TIMING=1 prints the query time (workspace open)
      auto result = graph::QueryTimeline(**ws, args->options);
      timer.Mark("query");
      if (!result) return ReportError(result.error());
      if (args->json) {
        PrintJsonTimeline(*result);
      } else {
        PrintTextTimeline(*result);
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
