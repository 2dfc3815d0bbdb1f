// GEXF 1.3 (gexf.net/1.3) for Gephi: declared node and edge attributes, and a dynamic graph
// (timeformat dateTime) where each node and edge that has a known first/last time carries it as
// start/end, so Gephi's timeline can replay when accounts appear and chats happen. Valid against
// the GEXF 1.3 RELAX NG grammar (tests/fixtures/schemas/gexf-1.3; why not the XSD: SOURCES.md).
#include <algorithm>
#include <string_view>
#include <vector>

#include "report/export_writers.h"
#include "report/xml_writer.h"

namespace casegraph::report {
namespace {

// GEXF has its own XML attributes for these (label; a node's times as start/end; an edge's
// weight), so they are not repeated as attvalues.
constexpr std::string_view kOwnNodeFields[] = {"label", "first_seen", "last_seen"};
constexpr std::string_view kOwnEdgeFields[] = {"label", "weight"};

// The shared attributes (export_attributes.cpp) less those GEXF carries itself.
template <typename Item>
std::vector<const GraphAttribute<Item>*> GexfAttributes(std::span<const GraphAttribute<Item>> attrs,
                                                        std::span<const std::string_view> own) {
  std::vector<const GraphAttribute<Item>*> out;
  for (const auto& a : attrs) {
    if (std::find(own.begin(), own.end(), a.name) == own.end()) out.push_back(&a);
  }
  return out;
}

template <typename Item>
void Declare(XmlWriter& x, const char* cls, const std::vector<const GraphAttribute<Item>*>& attrs) {
  x.Open("attributes").Attr("class", cls);
  for (const auto* a : attrs) x.Open("attribute").Attr("id", a->name).Attr("title", a->name).Attr("type", a->type).Close();
  x.Close();
}

// <attvalues> with one <attvalue> per attribute that has a value.
template <typename Item>
void Values(XmlWriter& x, const std::vector<const GraphAttribute<Item>*>& attrs, const Item& item) {
  x.Open("attvalues");
  for (const auto* a : attrs) {
    const std::string value = a->value(item);
    if (!value.empty()) x.Open("attvalue").Attr("for", a->name).Attr("value", value).Close();
  }
  x.Close();
}

void Times(XmlWriter& x, const std::optional<int64_t>& start, const std::optional<int64_t>& end) {
  if (start) x.Attr("start", IsoOrEmpty(start));
  if (end && (!start || *end >= *start)) x.Attr("end", IsoOrEmpty(end));
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
  const auto node_attrs = GexfAttributes(NodeAttributes(), kOwnNodeFields);
  const auto edge_attrs = GexfAttributes(EdgeAttributes(), kOwnEdgeFields);
  Declare(x, "node", node_attrs);
  Declare(x, "edge", edge_attrs);
  x.Open("nodes").Attr("count", std::to_string(graph.nodes.size()));
  for (const ExportNode& n : graph.nodes) {
    x.Open("node").Attr("id", n.id).Attr("label", n.label);
    Times(x, n.first_at, n.last_at);
    Values(x, node_attrs, n);
    x.Close();
  }
  x.Close();
  x.Open("edges").Attr("count", std::to_string(graph.edges.size()));
  for (const ExportEdge& e : graph.edges) {
    x.Open("edge").Attr("id", e.id).Attr("source", e.source).Attr("target", e.target);
    if (!e.directed) x.Attr("type", "undirected");
    x.Attr("label", e.label).Attr("kind", e.kind).Attr("weight", std::to_string(e.count > 0 ? e.count : 1));
    Times(x, e.first_at, e.last_at);
    Values(x, edge_attrs, e);
    x.Close();
  }
  x.Close();
  return x.Finish();
}

}  // namespace casegraph::report
