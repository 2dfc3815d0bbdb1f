// GEXF 1.3 (gexf.net/1.3) for Gephi: declared node and edge attributes, and a dynamic graph
// (timeformat dateTime) where each node and edge that has a known first/last time carries it as
// start/end, so Gephi's timeline can replay when accounts appear and chats happen. Valid against
// the GEXF 1.3 RELAX NG grammar (tests/fixtures/schemas/gexf-1.3; why not the XSD: SOURCES.md).
#include <cstdio>
#include <iterator>

#include "report/export_writers.h"
#include "report/xml_writer.h"

namespace casegraph::report {
namespace {

struct Attribute {
  const char* id;
  const char* title;
  const char* type;  // GEXF attribute type
};

constexpr Attribute kNodeAttributes[] = {
    {"type", "type", "string"},         {"ref", "ref", "string"},          {"platform", "platform", "string"},
    {"names", "names", "string"},       {"usernames", "usernames", "string"}, {"phones", "phones", "string"},
    {"cases", "cases", "string"},       {"person", "person", "string"},    {"subject", "subject", "string"},
    {"pagerank", "pagerank", "double"}, {"betweenness", "betweenness", "double"},
    {"community", "community", "long"}, {"citation", "citation", "string"},
};

constexpr Attribute kEdgeAttributes[] = {
    {"kind", "kind", "string"},   {"case", "case", "string"},       {"count", "count", "long"},
    {"first_at", "first_at", "string"}, {"last_at", "last_at", "string"}, {"citation", "citation", "string"},
};

void Value(XmlWriter& x, const char* id, const std::string& value) {
  if (value.empty()) return;
  x.Open("attvalue").Attr("for", id).Attr("value", value).Close();
}

void Declare(XmlWriter& x, const char* cls, const Attribute* attrs, size_t n) {
  x.Open("attributes").Attr("class", cls);
  for (size_t i = 0; i < n; ++i) {
    x.Open("attribute").Attr("id", attrs[i].id).Attr("title", attrs[i].title).Attr("type", attrs[i].type).Close();
  }
  x.Close();
}

void Times(XmlWriter& x, const std::optional<int64_t>& start, const std::optional<int64_t>& end) {
  if (start) x.Attr("start", IsoOrEmpty(start));
  if (end && (!start || *end >= *start)) x.Attr("end", IsoOrEmpty(end));
}

std::string Number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

std::string RenderGexf(const ExportGraph& graph) {
  XmlWriter x;
  x.Open("gexf").Attr("xmlns", "http://gexf.net/1.3").Attr("version", "1.3");
  x.Open("meta").Leaf("creator", "casegraph")
      .Leaf("description", "casegraph link graph; cases: " + JoinList(graph.cases) +
                               "; citations as EXHIBIT@SHA256-PREFIX#LOCATOR (casegraph show)")
      .Close();
  x.Open("graph").Attr("defaultedgetype", "directed").Attr("mode", "dynamic").Attr("timeformat", "dateTime");
  Declare(x, "node", kNodeAttributes, std::size(kNodeAttributes));
  Declare(x, "edge", kEdgeAttributes, std::size(kEdgeAttributes));
  x.Open("nodes").Attr("count", std::to_string(graph.nodes.size()));
  for (const ExportNode& n : graph.nodes) {
    x.Open("node").Attr("id", n.id).Attr("label", n.label);
    Times(x, n.first_at, n.last_at);
    x.Open("attvalues");
    Value(x, "type", n.type);
    Value(x, "ref", n.ref);
    Value(x, "platform", n.platform);
    Value(x, "names", JoinList(n.names));
    Value(x, "usernames", JoinList(n.usernames));
    Value(x, "phones", JoinList(n.phones));
    Value(x, "cases", JoinList(n.cases));
    Value(x, "person", n.person);
    Value(x, "subject", n.subject);
    if (n.pagerank) Value(x, "pagerank", Number(*n.pagerank));
    if (n.betweenness) Value(x, "betweenness", Number(*n.betweenness));
    if (n.community) Value(x, "community", std::to_string(*n.community));
    Value(x, "citation", CitationText(n.citation));
    x.Close().Close();
  }
  x.Close();
  x.Open("edges").Attr("count", std::to_string(graph.edges.size()));
  for (const ExportEdge& e : graph.edges) {
    x.Open("edge").Attr("id", e.id).Attr("source", e.source).Attr("target", e.target);
    if (!e.directed) x.Attr("type", "undirected");
    x.Attr("label", e.label).Attr("kind", e.kind).Attr("weight", std::to_string(e.count > 0 ? e.count : 1));
    Times(x, e.first_at, e.last_at);
    x.Open("attvalues");
    Value(x, "kind", e.kind);
    Value(x, "case", e.case_code);
    if (e.count > 0) Value(x, "count", std::to_string(e.count));
    Value(x, "first_at", IsoOrEmpty(e.first_at));
    Value(x, "last_at", IsoOrEmpty(e.last_at));
    Value(x, "citation", CitationText(e.citation));
    x.Close().Close();
  }
  x.Close();
  return x.Finish();
}

}  // namespace casegraph::report
