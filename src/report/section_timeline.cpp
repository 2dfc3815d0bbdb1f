// Sections 5 and 6: each subject's timeline, and what links this case to other cases. Other
// cases appear by code only; the citations shown here are this case's own.
#include "report/html_escape.h"
#include "report/html_parts.h"
#include "report/html_sections.h"

namespace casegraph::report {

std::string RenderTimelines(const std::vector<SubjectTimeline>& timelines) {
  std::string out = "<section id=\"timeline\">\n<h2>Timeline</h2>\n";
  out += "<p class=\"note\">Per subject, in UTC: first contacts of private conversations, group joins, switches to "
         "another platform and files sent.</p>\n";
  if (timelines.empty()) return out + "<p class=\"muted\">No subjects recorded for this case.</p>\n</section>\n";
  for (const auto& t : timelines) {
    out += "<h3 id=\"timeline-" + SafeId(t.subject) + "\">Subject " + Ev(t.subject) + "</h3>\n";
    if (t.events.empty()) {
      out += "<p class=\"muted\">" + Ev(t.note) + "</p>\n";
      continue;
    }
    out += "<table>\n<tr><th>Time (UTC)</th><th>Event</th><th>Platform</th><th>Actor</th><th>Conversation</th>"
           "<th>What</th><th>Citation</th></tr>\n";
    for (const auto& e : t.events) {
      out += "<tr><td class=\"mono\">" + TimeText(e.at) + "</td><td>" + Ev(e.kind) + "</td><td>" + Ev(e.platform) +
             "</td><td class=\"mono\">" + Ev(e.actor) + "</td><td>" + Ev(e.conversation) + "</td><td>" +
             Ev(e.summary) + "</td><td>" + CitationLink(e.citation) + "</td></tr>\n";
    }
    out += "</table>\n";
    if (t.truncated) out += "<p class=\"note\">More events exist; the earliest are shown.</p>\n";
  }
  return out + "</section>\n";
}

std::string RenderCrossCase(const std::vector<CrossCaseLink>& links) {
  std::string out = "<section id=\"cross-case\">\n<h2>Cross-case links</h2>\n";
  out += "<p class=\"note\">Accounts, identifiers and persons of this case that also occur in other cases. The other "
         "cases are named only; their content is not part of this report. Citations are from this case.</p>\n";
  if (links.empty()) return out + "<p class=\"muted\">Nothing in this case occurs in another case.</p>\n</section>\n";
  out += "<table>\n<tr><th>Kind</th><th>Value</th><th>Accounts in this case</th><th>Other cases</th>"
         "<th>Citations</th></tr>\n";
  for (const auto& l : links) {
    std::string cites;
    for (const auto& c : l.citations) cites += CitationLink(c) + "<br>";
    out += "<tr><td>" + Ev(l.kind) + "</td><td class=\"mono\">" + Ev(l.value) + "</td><td class=\"mono\">" +
           EvList(l.accounts) + "</td><td>" + EvList(l.other_cases) + "</td><td>" + cites + "</td></tr>\n";
  }
  return out + "</table>\n</section>\n";
}

}  // namespace casegraph::report
