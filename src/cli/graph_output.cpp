#include "cli/graph_output.h"

#include <cstdio>

#include "base/time_util.h"
#include "cli/context.h"
#include "graph/refresh.h"

namespace casegraph::cli {
namespace {

void WriteReachedSubject(JsonWriter& j, const graph::ReachedSubject& r) {
  j.BeginObject().Field("subject", r.subject).Field("subject_account", r.subject_account).Field("account", r.account)
      .Field("platform", r.platform).Field("kind", r.kind).Field("initiated", r.initiated).Key("at");
  WriteTime(j, r.first_at);
  j.Field("case", r.case_code).Key("citation");
  WriteCitationJson(j, r.citation);
  j.EndObject();
}

}  // namespace

void WriteTime(JsonWriter& j, const std::optional<int64_t>& unix_seconds) {
  if (unix_seconds) {
    j.String(FormatUtc(*unix_seconds));
  } else {
    j.Null();
  }
}

void WriteCitationList(JsonWriter& j, const graph::CitationList& list) {
  j.Key("citations").BeginArray();
  for (const auto& c : list.shown) WriteCitationJson(j, c);
  j.EndArray().Field("citations_total", list.total);
}

void WriteScore(JsonWriter& j, const graph::LinkScore& score) {
  j.Key("score").Double(score.score).Key("score_terms").BeginArray();
  for (const auto& t : score.terms) {
    j.BeginObject().Field("name", t.name).Key("value").Double(t.value).Key("weight").Double(t.weight)
        .Key("points").Double(t.points).Field("explanation", t.explanation).EndObject();
  }
  j.EndArray();
}

void WriteReached(JsonWriter& j, const graph::LinkScore& score) {
  j.Key("subjects_reached").BeginArray();
  for (const auto& r : score.subjects_reached) WriteReachedSubject(j, r);
  j.EndArray().Key("first_contact");
  if (score.first_contact) {
    WriteReachedSubject(j, *score.first_contact);
  } else {
    j.Null();
  }
}

void WarnIfStale(store::Workspace& ws) {
  auto stale = graph::IsStale(ws);
  if (stale.ok() && *stale) {
    std::fprintf(stderr, "casegraph: warning: the graph tables predate the last ingest; answers may be incomplete\n");
  }
}

std::string JoinComma(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ",") + v;
  return out;
}

}  // namespace casegraph::cli
