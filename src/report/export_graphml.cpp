// GraphML 1.0 (graphml.graphdrawing.org) as Gephi, yEd and networkx read it: typed <key>
// declarations (attr.name / attr.type), one <graph> with the accounts, subjects and persons as
// nodes and the link edges, each carrying its citation. Edges are directed where the evidence
// gives a direction (who wrote first, who uses which account) and marked directed="false"
// otherwise. Valid against graphml.xsd (tests/fixtures/schemas/graphml).
#include <cstdio>

#include "base/time_util.h"
#include "report/export_writers.h"
#include "report/xml_writer.h"

namespace casegraph::report {
namespace {

struct Key {
  const char* id;
  const char* domain;  // "node" | "edge"
  const char* name;
  const char* type;    // GraphML attr.type
};

constexpr Key kKeys[] = {
    {"n_type", "node", "type", "string"},          {"n_label", "node", "label", "string"},
    {"n_ref", "node", "ref", "string"},            {"n_platform", "node", "platform", "string"},
    {"n_names", "node", "names", "string"},        {"n_usernames", "node", "usernames", "string"},
    {"n_phones", "node", "phones", "string"},      {"n_cases", "node", "cases", "string"},
    {"n_person", "node", "person", "string"},      {"n_subject", "node", "subject", "string"},
    {"n_pagerank", "node", "pagerank", "double"},  {"n_betweenness", "node", "betweenness", "double"},
    {"n_community", "node", "community", "long"},  {"n_first_seen", "node", "first_seen", "string"},
    {"n_last_seen", "node", "last_seen", "string"}, {"n_citation", "node", "citation", "string"},
    {"e_kind", "edge", "kind", "string"},          {"e_label", "edge", "label", "string"},
    {"e_case", "edge", "case", "string"},          {"e_count", "edge", "count", "long"},
    {"e_weight", "edge", "weight", "double"},      {"e_first_at", "edge", "first_at", "string"},
    {"e_last_at", "edge", "last_at", "string"},    {"e_citation", "edge", "citation", "string"},
};

void Data(XmlWriter& x, const char* key, const std::string& value) {
  if (value.empty()) return;
  x.Open("data").Attr("key", key).Text(value).Close();
}

std::string Number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

std::string RenderGraphml(const ExportGraph& graph) {
  XmlWriter x;
  x.Open("graphml").Attr("xmlns", "http://graphml.graphdrawing.org/xmlns");
  x.Leaf("desc", "casegraph link graph; cases: " + JoinList(graph.cases) +
                     "; every node and edge cites EXHIBIT@SHA256-PREFIX#LOCATOR (casegraph show)");
  for (const Key& k : kKeys) {
    x.Open("key").Attr("id", k.id).Attr("for", k.domain).Attr("attr.name", k.name).Attr("attr.type", k.type).Close();
  }
  x.Open("graph").Attr("id", "casegraph").Attr("edgedefault", "directed");
  for (const ExportNode& n : graph.nodes) {
    x.Open("node").Attr("id", n.id);
    Data(x, "n_type", n.type);
    Data(x, "n_label", n.label);
    Data(x, "n_ref", n.ref);
    Data(x, "n_platform", n.platform);
    Data(x, "n_names", JoinList(n.names));
    Data(x, "n_usernames", JoinList(n.usernames));
    Data(x, "n_phones", JoinList(n.phones));
    Data(x, "n_cases", JoinList(n.cases));
    Data(x, "n_person", n.person);
    Data(x, "n_subject", n.subject);
    if (n.pagerank) Data(x, "n_pagerank", Number(*n.pagerank));
    if (n.betweenness) Data(x, "n_betweenness", Number(*n.betweenness));
    if (n.community) Data(x, "n_community", std::to_string(*n.community));
    Data(x, "n_first_seen", IsoOrEmpty(n.first_at));
    Data(x, "n_last_seen", IsoOrEmpty(n.last_at));
    Data(x, "n_citation", CitationText(n.citation));
    x.Close();
  }
  for (const ExportEdge& e : graph.edges) {
    x.Open("edge").Attr("id", e.id).Attr("source", e.source).Attr("target", e.target);
    if (!e.directed) x.Attr("directed", "false");
    Data(x, "e_kind", e.kind);
    Data(x, "e_label", e.label);
    Data(x, "e_case", e.case_code);
    if (e.count > 0) Data(x, "e_count", std::to_string(e.count));
    Data(x, "e_weight", std::to_string(e.count > 0 ? e.count : 1));
    Data(x, "e_first_at", IsoOrEmpty(e.first_at));
    Data(x, "e_last_at", IsoOrEmpty(e.last_at));
    Data(x, "e_citation", CitationText(e.citation));
    x.Close();
  }
  return x.Finish();
}

}  // namespace casegraph::report
