// WriteHtmlReport: gathers the case's data, renders the sections into one page and writes it
// atomically. RenderReport assembles the page from the section renderers.
#include "report/html_report.h"

#include "report/html_document.h"
#include "report/html_parts.h"
#include "report/html_sections.h"
#include "report/report_data.h"
#include "report/report_file.h"

namespace casegraph::report {
namespace {

constexpr const char* kNavigation =
    "<nav><ol>"
    "<li><a href=\"#summary\">Summary</a></li>"
    "<li><a href=\"#subjects\">Subjects and exhibits</a></li>"
    "<li><a href=\"#flags\">Flags</a></li>"
    "<li><a href=\"#graph\">Link graph</a></li>"
    "<li><a href=\"#timeline\">Timeline</a></li>"
    "<li><a href=\"#cross-case\">Cross-case links</a></li>"
    "<li><a href=\"#appendix\">Appendix: cited evidence</a></li>"
    "</ol></nav>\n";

}  // namespace

std::string RenderReport(const ReportData& data) {
  std::string body = "<header>\n" + std::string(kNavigation) + "</header>\n<main>\n";
  body += RenderSummary(data);
  body += RenderSubjectsAndExhibits(data);
  body += RenderFlags(data.findings);
  body += RenderLinkGraphSection(data.graph);
  body += RenderTimelines(data.timelines);
  body += RenderCrossCase(data.cross_case);
  body += RenderAppendix(data.appendix);
  body += "</main>\n";
  return HtmlPage("Case report " + data.case_code + " \xE2\x80\x94 casegraph", body);
}

Result<ReportSummary> WriteHtmlReport(store::Workspace& ws, const ReportRequest& request) {
  if (request.out_path.empty()) return Error::InvalidArgument("report needs an output file (-o FILE.html)");
  auto data = GatherReportData(ws, request.case_code);
  if (!data) return data.error();
  data->generated_by = request.generated_by;
  data->generated_at = store::NowUtc();
  const std::string html = RenderReport(*data);
  CASEGRAPH_RETURN_IF_ERROR(WriteFileAtomically(request.out_path, html));

  ReportSummary summary;
  summary.path = request.out_path;
  summary.bytes = static_cast<int64_t>(html.size());
  summary.flags = static_cast<int64_t>(data->findings.size());
  for (const auto& r : data->appendix) {
    if (r.kind == CitedRecord::Kind::kMessage) ++summary.cited_messages;
    if (r.kind == CitedRecord::Kind::kFile) ++summary.cited_files;
  }
  return summary;
}

}  // namespace casegraph::report
