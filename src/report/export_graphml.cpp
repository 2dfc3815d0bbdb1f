// GraphML 1.0 (graphml.graphdrawing.org) as Gephi, yEd and networkx read it: typed <key>
// declarations (attr.name / attr.type), one <graph> with the accounts, subjects and persons as
// nodes and the link edges, each carrying its citation. Edges are directed where the evidence
// gives a direction (who wrote first, who uses which account) and marked directed="false"
// otherwise. Valid against graphml.xsd (tests/fixtures/schemas/graphml). The attributes are the
// shared list (export_attributes.cpp); keys are named "n_<name>" and "e_<name>".
#include "report/export_writers.h"
#include "report/xml_writer.h"

namespace casegraph::report {
namespace {

template <typename Item>
void DeclareKeys(XmlWriter& x, const char* domain, const char* prefix, std::span<const GraphAttribute<Item>> attrs) {
  for (const auto& a : attrs) {
    x.Open("key").Attr("id", std::string(prefix) + a.name).Attr("for", domain).Attr("attr.name", a.name)
        .Attr("attr.type", a.type).Close();
  }
}

// One <data> per attribute that has a value.
template <typename Item>
void Data(XmlWriter& x, const char* prefix, std::span<const GraphAttribute<Item>> attrs, const Item& item) {
  for (const auto& a : attrs) {
    const std::string value = a.value(item);
    if (!value.empty()) x.Open("data").Attr("key", std::string(prefix) + a.name).Text(value).Close();
  }
}

}  // namespace

std::string RenderGraphml(const ExportGraph& graph) {
  XmlWriter x;
  x.Open("graphml").Attr("xmlns", "http://graphml.graphdrawing.org/xmlns");
  x.Leaf("desc", "casegraph link graph; cases: " + JoinList(graph.cases) +
                     "; every node and edge cites EXHIBIT@SHA256-PREFIX#LOCATOR (casegraph show)");
  DeclareKeys(x, "node", "n_", NodeAttributes());
  DeclareKeys(x, "edge", "e_", EdgeAttributes());
  x.Open("graph").Attr("id", "casegraph").Attr("edgedefault", "directed");
  for (const ExportNode& n : graph.nodes) {
    x.Open("node").Attr("id", n.id);
    Data(x, "n_", NodeAttributes(), n);
    x.Close();
  }
  for (const ExportEdge& e : graph.edges) {
    x.Open("edge").Attr("id", e.id).Attr("source", e.source).Attr("target", e.target);
    if (!e.directed) x.Attr("directed", "false");
    Data(x, "e_", EdgeAttributes(), e);
    x.Close();
  }
  return x.Finish();
}

}  // namespace casegraph::report
