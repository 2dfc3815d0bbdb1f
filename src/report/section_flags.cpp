// Section 3: the flags, most severe first (the order ComputeFlags gives), each with its
// explanation, the terms that raised its severity and links to the cited records.
#include "report/html_parts.h"
#include "report/html_sections.h"

namespace casegraph::report {
namespace {

std::string RenderFinding(const indicators::Finding& f) {
  const char* severity = SeverityWord(static_cast<int>(f.severity));
  std::string out = "<article class=\"flag " + std::string(severity) + "\">\n<p><span class=\"sev sev-" + severity +
                    "\">" + severity + "</span> <strong>" + Ev(f.kind) + "</strong>";
  if (!f.subject.empty()) out += " &middot; subject " + Ev(f.subject);
  out += " &middot; case " + Ev(f.case_code) + "</p>\n";
  out += "<p class=\"summary\">" + Ev(f.summary) + "</p>\n";
  if (!f.accounts.empty()) out += "<p>Accounts: <span class=\"mono\">" + EvList(f.accounts) + "</span></p>\n";
  if (f.first_at || f.last_at) {
    out += "<p>From " + TimeText(f.first_at) + " to " + TimeText(f.last_at) + "</p>\n";
  }
  out += "<p class=\"explanation\">" + Ev(f.explanation) + "</p>\n";
  if (!f.severity_basis.empty()) {
    out += "<p>Severity basis:</p>\n<ul class=\"basis\">\n";
    for (const auto& line : f.severity_basis) out += "<li>" + Ev(line) + "</li>\n";
    out += "</ul>\n";
  }
  if (!f.other_cases.empty()) out += "<p>Also in cases: " + EvList(f.other_cases) + " (named only)</p>\n";
  out += "<p>Citations";
  if (f.total_citations > static_cast<int64_t>(f.citations.size())) {
    out += " (" + Count(static_cast<int64_t>(f.citations.size())) + " of " + Count(f.total_citations) + ")";
  }
  out += ":</p>\n<ul class=\"citations\">\n";
  for (const auto& c : f.citations) out += "<li>" + CitationLink(c) + "</li>\n";
  return out + "</ul>\n</article>\n";
}

}  // namespace

std::string RenderFlags(const std::vector<indicators::Finding>& findings) {
  std::string out = "<section id=\"flags\">\n<h2>Flags</h2>\n";
  out += "<p class=\"note\">Risk indicators: each is a lead for a person to review, not a finding of fact. The age "
         "of the other side is not known unless stated.</p>\n";
  if (findings.empty()) return out + "<p class=\"muted\">No flags for this case.</p>\n</section>\n";
  for (const auto& f : findings) out += RenderFinding(f);
  return out + "</section>\n";
}

}  // namespace casegraph::report
