// The node and edge attributes of the graph formats, in the order GraphML declares and writes
// them (GEXF writes the same ones, less those it has its own XML attributes for).
#include <cstdio>

#include "report/export_writers.h"

namespace casegraph::report {
namespace {

using NodeAttribute = GraphAttribute<ExportNode>;
using EdgeAttribute = GraphAttribute<ExportEdge>;

std::string LongOrEmpty(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

constexpr NodeAttribute kNodeAttributes[] = {
    {"type", "string", [](const ExportNode& n) { return n.type; }},
    {"label", "string", [](const ExportNode& n) { return n.label; }},
    {"ref", "string", [](const ExportNode& n) { return n.ref; }},
    {"platform", "string", [](const ExportNode& n) { return n.platform; }},
    {"names", "string", [](const ExportNode& n) { return JoinList(n.names); }},
    {"usernames", "string", [](const ExportNode& n) { return JoinList(n.usernames); }},
    {"phones", "string", [](const ExportNode& n) { return JoinList(n.phones); }},
    {"cases", "string", [](const ExportNode& n) { return JoinList(n.cases); }},
    {"person", "string", [](const ExportNode& n) { return n.person; }},
    {"subject", "string", [](const ExportNode& n) { return n.subject; }},
    {"pagerank", "double", [](const ExportNode& n) { return NumberText(n.pagerank); }},
    {"betweenness", "double", [](const ExportNode& n) { return NumberText(n.betweenness); }},
    {"community", "long", [](const ExportNode& n) { return LongOrEmpty(n.community); }},
    {"first_seen", "string", [](const ExportNode& n) { return IsoOrEmpty(n.first_at); }},
    {"last_seen", "string", [](const ExportNode& n) { return IsoOrEmpty(n.last_at); }},
    {"citation", "string", [](const ExportNode& n) { return CitationText(n.citation); }},
};

constexpr EdgeAttribute kEdgeAttributes[] = {
    {"kind", "string", [](const ExportEdge& e) { return e.kind; }},
    {"label", "string", [](const ExportEdge& e) { return e.label; }},
    {"case", "string", [](const ExportEdge& e) { return e.case_code; }},
    {"count", "long", [](const ExportEdge& e) { return e.count > 0 ? std::to_string(e.count) : std::string(); }},
    {"weight", "double", [](const ExportEdge& e) { return std::to_string(e.count > 0 ? e.count : 1); }},
    {"first_at", "string", [](const ExportEdge& e) { return IsoOrEmpty(e.first_at); }},
    {"last_at", "string", [](const ExportEdge& e) { return IsoOrEmpty(e.last_at); }},
    {"citation", "string", [](const ExportEdge& e) { return CitationText(e.citation); }},
};

}  // namespace

std::string NumberText(const std::optional<double>& v) {
  if (!v) return "";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.9g", *v);
  return buf;
}

std::span<const GraphAttribute<ExportNode>> NodeAttributes() { return kNodeAttributes; }
std::span<const GraphAttribute<ExportEdge>> EdgeAttributes() { return kEdgeAttributes; }

}  // namespace casegraph::report
