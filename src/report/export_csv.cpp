// CSV node and edge lists (RFC 4180: header row, CRLF line ends, fields quoted when they hold a
// comma, quote, CR or LF, quotes doubled; UTF-8) with columns that i2 Analyst's Notebook import
// specifications and Maltego's tabular import map directly: an entity id, an entity type and a
// label per node; source id, target id and link type per edge (docs/export.md has the mapping).
// A cell that a spreadsheet would run as a formula (=, +, -, @ first, unless it is a plain phone
// number or figure) is prefixed with ' so that evidence text cannot become a formula.
#include "report/export_writers.h"
#include "report/xml_writer.h"

namespace casegraph::report {
namespace {

bool LooksNumeric(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == ' ' || c == '.' || c == '(' || c == ')')) return false;
  }
  return true;
}

void Cell(std::string& out, const std::string& raw, bool first) {
  if (!first) out += ',';
  std::string v = CleanText(raw);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r') &&
      !LooksNumeric(v)) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void Row(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) Cell(out, cells[i], i == 0);
  out += "\r\n";
}

}  // namespace

std::string RenderCsvNodes(const ExportGraph& graph) {
  std::string out;
  Row(out, {"entity_id", "entity_type", "label", "platform", "ref", "names", "usernames", "phones", "cases",
            "person", "subject", "first_seen", "last_seen", "pagerank", "betweenness", "community", "citation"});
  for (const ExportNode& n : graph.nodes) {
    Row(out, {n.id, n.type, n.label, n.platform, n.ref, JoinList(n.names), JoinList(n.usernames), JoinList(n.phones),
              JoinList(n.cases), n.person, n.subject, IsoOrEmpty(n.first_at), IsoOrEmpty(n.last_at),
              NumberText(n.pagerank), NumberText(n.betweenness), n.community ? std::to_string(*n.community) : "",
              CitationText(n.citation)});
  }
  return out;
}

std::string RenderCsvEdges(const ExportGraph& graph) {
  std::string out;
  Row(out, {"link_id", "source_id", "target_id", "link_type", "label", "direction", "count", "case", "first_date",
            "last_date", "citation"});
  for (const ExportEdge& e : graph.edges) {
    Row(out, {e.id, e.source, e.target, e.kind, e.label, e.directed ? "directed" : "undirected",
              e.count > 0 ? std::to_string(e.count) : "", e.case_code, IsoOrEmpty(e.first_at), IsoOrEmpty(e.last_at),
              CitationText(e.citation)});
  }
  return out;
}

}  // namespace casegraph::report
