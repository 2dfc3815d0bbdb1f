// DocumentKind (which extractor fits a file) and the dispatch to the per-format extractors
// (doc_pdf.cpp, doc_office.cpp, doc_html.cpp, doc_plain.cpp).
#include "extract/document_text.h"

#include <algorithm>
#include <cctype>

#include "extract/doc_formats.h"

namespace casegraph::extract {
namespace doc {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of the longest prefix of `s` (at most `max`) that ends on a UTF-8 boundary.
size_t Utf8Prefix(std::string_view s, size_t max) {
  if (max >= s.size()) return s.size();
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

void TextBuilder::Append(std::string_view utf8) {
  if (truncated_ || utf8.empty()) return;
  const size_t room = max_bytes_ - text_.size();
  if (utf8.size() <= room) {
    text_.append(utf8);
    return;
  }
  text_.append(utf8.substr(0, Utf8Prefix(utf8, room)));
  truncated_ = true;
}

void TextBuilder::EndLine() {
  if (!text_.empty() && text_.back() != '\n' && text_.back() != '\f') Put('\n');
}

void TextBuilder::AppendCollapsed(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size() && !truncated_) {
    if (IsSpace(utf8[i])) {
      while (i < utf8.size() && IsSpace(utf8[i])) ++i;
      if (!text_.empty() && !IsSpace(text_.back())) Put(' ');
      continue;
    }
    size_t end = i;
    while (end < utf8.size() && !IsSpace(utf8[end])) ++end;
    Append(utf8.substr(i, end - i));
    i = end;
  }
}

DocumentText TextBuilder::Finish(std::string extractor) {
  DocumentText out;
  out.extractor = std::move(extractor);
  out.text = std::move(text_);
  out.truncated = truncated_;
  return out;
}

}  // namespace doc

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string Extension(std::string_view file_name) {
  const size_t slash = file_name.find_last_of('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  const size_t dot = file_name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return Lower(file_name.substr(dot + 1));
}

uint16_t Le16(std::string_view s, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) |
                               (static_cast<unsigned char>(s[at + 1]) << 8));
}

// ODF puts an uncompressed entry "mimetype" first, so the type is readable from the head; a
// DOCX usually starts with "[Content_Types].xml" and names "word/..." entries soon after.
std::string ZipKindFromHead(std::string_view head) {
  if (head.size() < 30 || head.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return "";
  const size_t name_len = Le16(head, 26), extra_len = Le16(head, 28);
  if (30 + name_len > head.size()) return "";
  const std::string_view name = head.substr(30, name_len);
  if (name == "mimetype") {
    const size_t data = 30 + name_len + extra_len;
    if (data < head.size() &&
        head.substr(data).starts_with("application/vnd.oasis.opendocument.text")) {
      // "...opendocument.text-template" and "-master" are text documents too.
      return "odt";
    }
    return "";
  }
  if (name == "[Content_Types].xml" && head.find("word/") != std::string_view::npos) return "docx";
  return "";
}

bool HasUtf16Bom(std::string_view head) {
  return head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF");
}

}  // namespace

std::string DocumentKind(std::string_view mime, std::string_view file_name, std::string_view head) {
  const std::string m = Lower(mime.substr(0, mime.find(';')));
  const std::string ext = Extension(file_name);
  if (m == "application/pdf" || head.starts_with("%PDF-")) return "pdf";
  if (m == "application/vnd.openxmlformats-officedocument.wordprocessingml.document") return "docx";
  if (m == "application/vnd.oasis.opendocument.text") return "odt";
  const bool generic = m.empty() || m == "application/zip" || m == "application/octet-stream" ||
                       m == "application/x-zip-compressed";
  if (generic && head.starts_with("PK")) {
    if (ext == "docx") return "docx";
    if (ext == "odt") return "odt";
    return ZipKindFromHead(head);
  }
  if (m == "text/html" || m == "application/xhtml+xml") return "html";
  if (m.starts_with("text/")) {
    if (ext == "html" || ext == "htm" || ext == "xhtml") return "html";
    return "text";
  }
  if (generic) {
    // libmagic calls UTF-16 text without a recognisable shape "application/octet-stream".
    if (HasUtf16Bom(head)) return "text";
    if (ext == "txt" || ext == "text" || ext == "log" || ext == "md" || ext == "csv") return "text";
    if (ext == "html" || ext == "htm") return "html";
  }
  return "";
}

Result<DocumentText> ExtractDocumentText(std::string_view bytes, std::string_view kind,
                                         size_t max_text_bytes) {
  DocumentLimits limits;
  limits.max_text_bytes = max_text_bytes;
  return ExtractDocumentText(bytes, kind, limits);
}

Result<DocumentText> ExtractDocumentText(std::string_view bytes, std::string_view kind,
                                         const DocumentLimits& limits) {
  if (kind == "pdf") return doc::ExtractPdf(bytes, limits);
  if (kind == "docx") return doc::ExtractDocx(bytes, limits);
  if (kind == "odt") return doc::ExtractOdt(bytes, limits);
  if (kind == "html") return doc::ExtractHtml(bytes, limits);
  if (kind == "text") return doc::ExtractPlain(bytes, limits);
  return Error::InvalidArgument("no document text extractor named '" + std::string(kind) + "'");
}

}  // namespace casegraph::extract
