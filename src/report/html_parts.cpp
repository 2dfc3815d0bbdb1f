#include "report/html_parts.h"

#include "base/time_util.h"
#include "report/html_escape.h"
#include "report/report_data.h"

namespace casegraph::report {

std::string Ev(std::string_view text) { return "<bdi>" + EscapeText(text) + "</bdi>"; }

std::string EvAttr(std::string_view text) { return EscapeAttribute(text); }

std::string CitationLink(const model::Citation& c) {
  return "<a class=\"cite\" href=\"#" + CitationAnchor(c) + "\">" + Ev(c.ToText()) + "</a>";
}

std::string TimeText(const std::optional<int64_t>& unix_seconds) {
  return unix_seconds ? FormatUtc(*unix_seconds) : "\xE2\x80\x93";
}

const char* SeverityWord(int severity) {
  switch (severity) {
    case 3: return "high";
    case 2: return "medium";
    case 1: return "low";
    default: return "";
  }
}

std::string EvList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += Ev(item);
  }
  return out;
}

std::string Count(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace casegraph::report
