#include "report/svg_graph.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "report/graph_layout.h"
#include "report/html_escape.h"
#include "report/html_parts.h"
#include "report/html_sections.h"

namespace casegraph::report {
namespace {

constexpr size_t kLabelChars = 28;
// Above this many accounts only subjects and flagged accounts are labelled (the others keep
// their tooltip): a crowded circle of labels is unreadable on screen and on paper.
constexpr size_t kLabelAllUpTo = 40;

// Fixed one-decimal coordinates: the same text on every run.
std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

const char* FillOf(int severity) {
  switch (severity) {
    case 3: return "#b3261e";
    case 2: return "#c76a00";
    case 1: return "#d4b800";
    default: return "#bdc1c6";
  }
}

std::string NodeTitle(const GraphNode& n) {
  std::string t = n.ref;
  if (!n.subject.empty()) t += " (subject " + n.subject + ")";
  if (n.severity > 0) t += std::string(" flagged ") + SeverityWord(n.severity);
  return t;
}

std::string EdgeTitle(const LinkGraph& g, const GraphEdge& e) {
  const std::string what = e.direct ? std::to_string(e.weight) + " messages in private chats"
                                    : std::to_string(e.weight) + " shared group(s)";
  return g.nodes[e.a].ref + " \xE2\x80\x94 " + g.nodes[e.b].ref + ": " + what;
}

}  // namespace

std::string TruncateChars(const std::string& text, size_t max_chars) {
  std::vector<size_t> starts;  // byte offset of each code point
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  if (starts.size() <= max_chars || max_chars < 3) return text;
  // Refs differ at their end as often as at their start ("whatsapp-contact:C001/s1-whatsapp/…"),
  // so both ends are kept around the ellipsis.
  const size_t head = (max_chars - 1) / 2, tail = max_chars - 1 - head;
  return text.substr(0, starts[head]) + "\xE2\x80\xA6" + text.substr(starts[starts.size() - tail]);
}

std::string RenderGraphSvg(const LinkGraph& g) {
  if (g.nodes.empty()) return "";
  const GraphLayout layout = LayoutByCommunity(g);
  const double pad = 10;
  const std::string w = Num(layout.width + 2 * pad), h = Num(layout.height + 2 * pad);
  std::string out = "<svg width=\"" + w + "\" height=\"" + h + "\" viewBox=\"" + Num(-pad) + " " + Num(-pad) + " " + w +
                    " " + h + "\" role=\"img\" aria-label=\"Link graph\">\n";
  out += "<g class=\"edges\">\n";
  for (const auto& e : g.edges) {
    const Point& a = layout.positions[e.a];
    const Point& b = layout.positions[e.b];
    const double width = e.direct ? std::min(6.0, 1.0 + std::log2(1.0 + static_cast<double>(e.weight)) / 2) : 1.0;
    out += "<line x1=\"" + Num(a.x) + "\" y1=\"" + Num(a.y) + "\" x2=\"" + Num(b.x) + "\" y2=\"" + Num(b.y) +
           "\" stroke=\"" + (e.direct ? "#3c4043" : "#9aa0a6") + "\" stroke-width=\"" + Num(width) + "\"" +
           (e.direct ? "" : " stroke-dasharray=\"5 4\"") + "><title>" + EscapeText(EdgeTitle(g, e)) +
           "</title></line>\n";
  }
  out += "</g>\n<g class=\"nodes\">\n";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    const Point& p = layout.positions[i];
    const bool subject = !n.subject.empty();
    out += "<g><title>" + EscapeText(NodeTitle(n)) + "</title><circle cx=\"" + Num(p.x) + "\" cy=\"" + Num(p.y) +
           "\" r=\"" + (subject ? "10" : "7") + "\" fill=\"" + FillOf(n.severity) + "\" stroke=\"" +
           (subject ? "#1a73e8" : "#5f6368") + "\" stroke-width=\"" + (subject ? "3" : "1") + "\"/>";
    if (g.nodes.size() > kLabelAllUpTo && !subject && n.severity == 0) {
      out += "</g>\n";
      continue;
    }
    const std::string label = TruncateChars(SanitizeUtf8(subject ? n.subject + " \xC2\xB7 " + n.ref : n.ref), kLabelChars);
    const bool left = layout.label_left[i];
    out += "<text x=\"" + Num(left ? p.x - 12 : p.x + 12) + "\" y=\"" + Num(p.y + 4) + "\" text-anchor=\"" +
           (left ? "end" : "start") + "\" font-size=\"11\" style=\"unicode-bidi: isolate\">" + EscapeText(label) +
           "</text></g>\n";
  }
  return out + "</g>\n</svg>\n";
}

std::string RenderLinkGraphSection(const LinkGraph& g) {
  std::string out = "<section id=\"graph\">\n<h2>Link graph</h2>\n";
  if (g.nodes.empty()) return out + "<p class=\"muted\">No accounts in the link tables for this case.</p>\n</section>\n";
  out += "<p class=\"note\">Accounts of this case: subjects' accounts, accounts in private chats, and members of "
         "subjects' groups, grouped by community. Hover a circle or line for details.</p>\n";
  out += "<figure>\n" + RenderGraphSvg(g) + "</figure>\n";
  out += "<p class=\"legend\"><span>&#9711; blue ring: a subject's account</span><span>solid line: private chat "
         "(thicker: more messages)</span><span>dashed line: shared group</span><span>fill: highest flag severity "
         "(red high, orange medium, yellow low, grey none)</span></p>\n";
  out += "<p>" + Count(static_cast<int64_t>(g.nodes.size())) + " accounts, " +
         Count(static_cast<int64_t>(g.edges.size())) + " ties";
  if (g.omitted_nodes > 0) out += "; " + Count(g.omitted_nodes) + " less central accounts left out";
  return out + ".</p>\n</section>\n";
}

}  // namespace casegraph::report
