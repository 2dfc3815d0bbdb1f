// DOCX (WordprocessingML: word/document.xml, then headers, footers, footnotes, endnotes) and
// ODT (ODF: content.xml). Only the text a reader sees: DOCX <w:t> runs (not deleted text or
// field codes), ODT paragraphs and headings (not tracked deletions). Paragraphs end lines;
// tabs, breaks and ODF's counted spaces (<text:s text:c="N"/>) are kept.
#include <algorithm>

#include "extract/doc_formats.h"
#include "extract/doc_zip.h"

namespace casegraph::extract::doc {
namespace {

constexpr const char* kOdfText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr int kMaxOdfSpaces = 1000;

// The DOCX parts after the main document: headers and footers by name, then the notes.
std::vector<std::string> DocxExtraParts(const std::vector<std::string>& names) {
  std::vector<std::string> parts;
  for (const char* prefix : {"word/header", "word/footer"}) {
    for (const auto& name : names) {
      if (name.starts_with(prefix) && name.ends_with(".xml") &&
          name.find('/', 5) == std::string::npos) {
        parts.push_back(name);
      }
    }
  }
  for (const char* name : {"word/footnotes.xml", "word/endnotes.xml"}) {
    if (std::binary_search(names.begin(), names.end(), std::string(name))) parts.emplace_back(name);
  }
  return parts;
}

Status DocxPartText(std::string_view xml, const std::string& entry, TextBuilder& out) {
  std::vector<std::string> open;  // names of the open elements, for "is this tab in a run?"
  int fallback = 0;  // open mc:Fallback: the same text box again, for older readers
  XmlEvents events;
  events.start = [&](std::string_view local, std::string_view, bool empty, const auto&) {
    if (local == "Fallback" && !empty) ++fallback;
    const std::string_view parent =
        open.empty() ? std::string_view() : std::string_view(open.back());
    if (parent == "r" && fallback == 0) {
      // <w:tab/> inside <w:tabs> (paragraph properties) is a tab stop, not a character.
      if (local == "tab") {
        out.Put('\t');
      } else if (local == "br" || local == "cr") {
        out.Put('\n');
      } else if (local == "noBreakHyphen") {
        out.Put('-');
      }
    }
    if (!empty) open.emplace_back(local);
  };
  events.end = [&](std::string_view local, std::string_view) {
    if (!open.empty() && open.back() == local) open.pop_back();
    if (local == "Fallback" && fallback > 0) --fallback;
    if (local == "p" && fallback == 0) out.EndLine();
  };
  events.text = [&](std::string_view text) {
    if (!open.empty() && open.back() == "t" && fallback == 0) out.Append(text);
  };
  events.stop = [&] { return out.full(); };
  return WalkXml(xml, "docx", entry, events);
}

Status OdtText(std::string_view xml, const std::string& entry, TextBuilder& out) {
  int paragraphs = 0;  // open text:p / text:h (they nest through notes and frames)
  int skipped = 0;     // open text:tracked-changes (deleted text kept for change tracking)
  XmlEvents events;
  events.start = [&](std::string_view local, std::string_view ns, bool empty,
                     const auto& attribute) {
    if (ns != kOdfText) return;
    if (local == "tracked-changes" && !empty) ++skipped;
    if (skipped > 0) return;
    if ((local == "p" || local == "h") && !empty) ++paragraphs;
    if (paragraphs == 0) return;
    if (local == "s") {
      const std::string count = attribute(kOdfText, "c");
      int spaces = 1;
      if (!count.empty() && count.size() < 5 &&
          std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        spaces = std::clamp(std::stoi(count), 1, kMaxOdfSpaces);
      }
      for (int i = 0; i < spaces; ++i) out.Put(' ');
    } else if (local == "tab") {
      out.Put('\t');
    } else if (local == "line-break") {
      out.Put('\n');
    }
  };
  events.end = [&](std::string_view local, std::string_view ns) {
    if (ns != kOdfText) return;
    if (local == "tracked-changes" && skipped > 0) {
      --skipped;
      return;
    }
    if (skipped > 0) return;
    if ((local == "p" || local == "h") && paragraphs > 0) {
      --paragraphs;
      out.EndLine();
    }
  };
  events.text = [&](std::string_view text) {
    if (paragraphs > 0 && skipped == 0) out.AppendCollapsed(text);
  };
  events.stop = [&] { return out.full(); };
  return WalkXml(xml, "odt", entry, events);
}

}  // namespace

Result<DocumentText> ExtractDocx(std::string_view bytes, const DocumentLimits& limits) {
  auto zip = MemoryZip::Open(bytes, "docx", limits);
  if (!zip) return zip.error();
  const std::string main_part = "word/document.xml";
  auto main_xml = (*zip)->Read(main_part);
  if (!main_xml) return main_xml.error();
  if (!*main_xml) return Error::Corrupt("docx: no " + main_part + " in the zip container");
  TextBuilder out(limits.max_text_bytes);
  CASEGRAPH_RETURN_IF_ERROR(DocxPartText(**main_xml, main_part, out));
  for (const auto& part : DocxExtraParts((*zip)->Names())) {
    if (out.full()) break;
    auto xml = (*zip)->Read(part);
    if (!xml) return xml.error();
    out.EndLine();
    CASEGRAPH_RETURN_IF_ERROR(DocxPartText(**xml, part, out));
  }
  return out.Finish("docx");
}

Result<DocumentText> ExtractOdt(std::string_view bytes, const DocumentLimits& limits) {
  auto zip = MemoryZip::Open(bytes, "odt", limits);
  if (!zip) return zip.error();
  const std::string content = "content.xml";
  auto xml = (*zip)->Read(content);
  if (!xml) return xml.error();
  if (!*xml) return Error::Corrupt("odt: no " + content + " in the zip container");
  TextBuilder out(limits.max_text_bytes);
  CASEGRAPH_RETURN_IF_ERROR(OdtText(**xml, content, out));
  return out.Finish("odt");
}

}  // namespace casegraph::extract::doc
