#include "ingest/whatsapp_sniff.h"

#include "ingest/whatsapp_header.h"
#include "ingest/whatsapp_scan.h"

namespace casegraph::ingest::whatsapp {
namespace {

bool EndsWithTxt(std::string_view name) {
  return name.size() > 4 && (name.substr(name.size() - 4) == ".txt" || name.substr(name.size() - 4) == ".TXT");
}

}  // namespace

SniffResult SniffChatText(std::string_view head) {
  size_t pos = 0, nonempty = 0, headers = 0, signal_like = 0, element_like = 0, with_sender = 0;
  bool first_is_header = false;
  while (pos < head.size() && nonempty < 40) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) nl = head.size();
    std::string_view line = WithoutTerminator(head.substr(pos, nl - pos));
    pos = nl + 1;
    if (TrimMarks(line).empty()) continue;
    ++nonempty;
    Header h;
    if (!ParseHeader(line, &h)) continue;
    if (nonempty == 1) first_is_header = true;
    ++headers;
    if (h.bracketed && h.year_first && h.date_sep == '-' && !h.has_seconds) ++signal_like;
    if (!h.bracketed && h.has_seconds) ++element_like;  // Android headers never carry seconds
    if (SenderLength(line.substr(h.length)) > 0) ++with_sender;
  }
  if (headers == 0) return {0, "no line starts with a WhatsApp date header"};
  if (signal_like * 2 > headers) {
    return {0.3, "bracketed year-first dates with dashes and no seconds: the Signal markdown layout, not WhatsApp"};
  }
  if (element_like * 2 > headers) {
    return {0.3, "unbracketed headers with seconds (\"15/01/2024, 10:00:00 - \"): Element's plain-text layout, not WhatsApp"};
  }
  const double ratio = static_cast<double>(headers) / static_cast<double>(nonempty);
  double confidence = first_is_header ? 0.6 : 0.3;
  if (ratio >= 0.5) confidence += 0.2;
  if (with_sender > 0) confidence += 0.1;
  if (headers >= 3) confidence += 0.05;
  return {confidence, std::to_string(headers) + " of the first " + std::to_string(nonempty) +
                          " lines are WhatsApp message headers"};
}

std::vector<std::string> ChatFileCandidates(const std::vector<std::string>& names) {
  for (const auto& n : names) {
    if (n == "_chat.txt") return {n};
  }
  std::vector<std::string> named, txt;
  for (const auto& n : names) {
    if (!EndsWithTxt(n)) continue;
    txt.push_back(n);
    if (n.find("WhatsApp") != std::string::npos) named.push_back(n);
  }
  if (!named.empty()) return named;
  if (txt.size() == 1) return txt;
  return {};
}

}  // namespace casegraph::ingest::whatsapp
