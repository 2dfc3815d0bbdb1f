// Section 7: every record the report cites, each under its anchor, as the evidence gives it:
// messages (time, sender, conversation, text, files) and files (name, hash, matched hash sets).
// The citation's text form is what `casegraph show` takes to print the record from the exhibit.
#include "report/html_parts.h"
#include "report/html_sections.h"

namespace casegraph::report {
namespace {

std::string RenderFiles(const std::vector<CitedFile>& files) {
  if (files.empty()) return "";
  std::string out = "<table class=\"files\">\n<tr><th>File</th><th>SHA-256</th><th>Matched hash sets</th></tr>\n";
  for (const auto& f : files) {
    out += "<tr><td>" + Ev(f.name) + "</td><td class=\"hash\">" +
           (f.sha256.empty() ? std::string("<span class=\"muted\">not in the export</span>") : Ev(f.sha256)) +
           "</td><td>" + (f.matched_sets.empty() ? std::string("<span class=\"muted\">none</span>") : EvList(f.matched_sets)) +
           "</td></tr>\n";
  }
  return out + "</table>\n";
}

const char* KindName(CitedRecord::Kind kind) {
  switch (kind) {
    case CitedRecord::Kind::kMessage: return "message";
    case CitedRecord::Kind::kFile: return "file";
    case CitedRecord::Kind::kOther: return "record";
  }
  return "record";
}

std::string RenderRecord(const CitedRecord& r) {
  std::string out = "<div class=\"entry " + std::string(KindName(r.kind)) + "\" id=\"" + r.anchor + "\">\n";
  out += "<p><strong>" + std::string(KindName(r.kind)) + "</strong> <span class=\"cite\">" + Ev(r.citation.ToText()) +
         "</span></p>\n";
  out += "<p>Exhibit " + Ev(r.citation.exhibit) + " (case " + Ev(r.citation.case_code) +
         "), SHA-256 <span class=\"hash\">" + Ev(r.citation.sha256) + "</span>, locator <span class=\"mono\">" +
         Ev(r.citation.locator) + "</span></p>\n";
  if (r.other_case) return out + "<p class=\"muted\">A record of another case: not shown in this report.</p>\n</div>\n";
  if (r.kind != CitedRecord::Kind::kOther && (r.at || !r.sender.empty() || !r.conversation.empty())) {
    out += "<p>" + TimeText(r.at) + " &middot; from <span class=\"mono\">" + Ev(r.sender) + "</span>";
    if (!r.conversation.empty()) out += " &middot; in " + Ev(r.conversation);
    out += "</p>\n";
  }
  if (r.kind == CitedRecord::Kind::kMessage || (r.kind == CitedRecord::Kind::kFile && !r.text.empty())) {
    out += "<div class=\"evidence-text\">" + Ev(r.text) + "</div>\n";
  }
  out += RenderFiles(r.files);
  if (r.kind == CitedRecord::Kind::kOther) {
    out += "<p class=\"muted\">Print this record with <code>casegraph show</code> and the citation above.</p>\n";
  }
  return out + "</div>\n";
}

}  // namespace

std::string RenderAppendix(const std::vector<CitedRecord>& records) {
  std::string out = "<section id=\"appendix\">\n<h2>Appendix: cited evidence</h2>\n";
  if (records.empty()) return out + "<p class=\"muted\">Nothing cited.</p>\n</section>\n";
  for (const auto& r : records) out += RenderRecord(r);
  return out + "</section>\n";
}

}  // namespace casegraph::report
