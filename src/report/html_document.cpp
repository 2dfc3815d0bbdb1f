#include "report/html_document.h"

#include "report/html_escape.h"

namespace casegraph::report {
namespace {

// Screen: readable tables, severity colours. Print: black on white, no navigation, sections
// start on a new page, link targets stay readable (citation text is printed, not just a link),
// and tables and entries avoid breaking inside a row.
constexpr std::string_view kStyle = R"css(
:root { --high: #b3261e; --medium: #c76a00; --low: #8a7a00; --muted: #5f6368; --line: #d0d4d9; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #1b1b1b;
  background: #fff; margin: 0 auto; padding: 24px 32px; max-width: 1200px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 2px solid #333; }
h3 { font-size: 15px; margin: 18px 0 6px; }
nav ol { columns: 2; margin: 8px 0 0; padding-left: 20px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: start; vertical-align: top; }
th { background: #f1f3f4; font-weight: 600; }
.hash, .cite, .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; overflow-wrap: anywhere; }
.muted, .note { color: var(--muted); }
.sev { display: inline-block; min-width: 64px; padding: 1px 6px; border-radius: 3px; color: #fff; font-weight: 600;
  text-align: center; }
.sev-high { background: var(--high); } .sev-medium { background: var(--medium); } .sev-low { background: var(--low); }
.flag { border: 1px solid var(--line); border-left: 6px solid var(--line); padding: 8px 12px; margin: 10px 0; }
.flag.high { border-left-color: var(--high); } .flag.medium { border-left-color: var(--medium); }
.flag.low { border-left-color: var(--low); }
.flag ul { margin: 4px 0; }
.evidence-text { white-space: pre-wrap; overflow-wrap: anywhere; background: #f8f9fa; padding: 4px 6px; margin: 4px 0; }
.entry { border-top: 1px solid var(--line); padding: 8px 0; }
.entry:target { background: #fff7d6; }
figure { margin: 8px 0; } figure svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
.legend span { margin-right: 14px; }
.warning { border: 2px solid var(--high); padding: 8px 12px; }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  nav { display: none; }
  h2 { break-before: page; } section#summary h2 { break-before: avoid; }
  tr, .flag, .entry, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .sev { color: #000; border: 1px solid #000; background: none; }
  .entry:target { background: none; }
}
)css";

}  // namespace

std::string HtmlPage(std::string_view title, std::string_view body) {
  std::string out;
  out.reserve(body.size() + 4096);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  out += kContentSecurityPolicy;
  out += "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += EscapeText(title);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  out += body;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace casegraph::report
