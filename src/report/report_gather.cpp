// GatherReportData: everything the report shows about one case, read in one snapshot. The
// flags come from indicators::ComputeFlags scoped to the case (the reader's access), the
// timelines from graph::QueryTimeline per subject, the cross-case links from graph::QueryLinks;
// every citation any of them shows is resolved into the appendix.
#include "graph/read_snapshot.h"
#include "graph/refresh.h"
#include "indicators/flags.h"
#include "report/report_data.h"
#include "store/workspace.h"

namespace casegraph::report {
namespace {

// Per subject: first contacts, group joins, platform switches and files (a subject's every
// message would drown them; the cited messages are in the appendix).
constexpr int64_t kEventsPerSubject = 200;

Result<std::vector<SubjectTimeline>> GatherTimelines(store::Workspace& ws, const ReportData& data) {
  std::vector<SubjectTimeline> out;
  for (const auto& subject : data.subjects) {
    SubjectTimeline t;
    t.subject = subject.label;
    if (subject.accounts.empty()) {
      t.note = "no accounts known for this subject (declare them with `casegraph subject account`)";
      out.push_back(std::move(t));
      continue;
    }
    graph::TimelineOptions options;
    options.case_code = data.case_code;
    options.ref = "subject:" + data.case_code + "/" + subject.label;
    options.kinds = {graph::kEventFirstContact, graph::kEventGroupJoin, graph::kEventPlatformSwitch,
                     graph::kEventFile};
    options.limit = kEventsPerSubject;
    auto result = graph::QueryTimeline(ws, options);
    if (!result) {
      // A subject whose accounts are not (yet) in the graph has no timeline; the report goes on.
      if (result.error().kind() != ErrorKind::kNotFound) return result.error();
      t.note = result.error().message();
    } else {
      t.events = std::move(result->events);
      t.truncated = result->truncated;
      if (t.events.empty()) t.note = "no events";
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<model::Citation> AllCitations(const ReportData& data) {
  std::vector<model::Citation> out;
  for (const auto& f : data.findings) out.insert(out.end(), f.citations.begin(), f.citations.end());
  for (const auto& t : data.timelines) {
    for (const auto& e : t.events) out.push_back(e.citation);
  }
  for (const auto& l : data.cross_case) out.insert(out.end(), l.citations.begin(), l.citations.end());
  return out;
}

}  // namespace

Result<ReportData> GatherReportData(store::Workspace& ws, const std::string& case_code) {
  graph::ReadSnapshot snapshot(ws);
  ReportData data;
  CASEGRAPH_RETURN_IF_ERROR(GatherCaseFacts(ws, case_code, data));
  auto case_row = ws.FindCase(data.case_code);
  if (!case_row) return case_row.error();
  data.workspace = ws.path();
  auto stale = graph::IsStale(ws);
  if (!stale) return stale.error();
  data.stale = *stale;

  indicators::FlagsRequest flags;
  flags.cases = {data.case_code};
  auto findings = indicators::ComputeFlags(ws, flags);
  if (!findings) return findings.error();
  data.findings = std::move(*findings);

  auto link_graph = GatherLinkGraph(ws, case_row->id, data.findings);
  if (!link_graph) return link_graph.error();
  data.graph = std::move(*link_graph);
  auto timelines = GatherTimelines(ws, data);
  if (!timelines) return timelines.error();
  data.timelines = std::move(*timelines);
  auto cross = GatherCrossCase(ws, data.case_code);
  if (!cross) return cross.error();
  data.cross_case = std::move(*cross);
  auto appendix = ResolveCitations(ws, data.case_code, AllCitations(data));
  if (!appendix) return appendix.error();
  data.appendix = std::move(*appendix);
  return data;
}

}  // namespace casegraph::report
