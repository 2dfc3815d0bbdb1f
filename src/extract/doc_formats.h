// Internal to the document extractors (document_text.cpp dispatches to one per family):
// a size-capped text builder and the per-format entry points. Not for use outside extract/.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "extract/document_text.h"

namespace casegraph::extract::doc {

// Appends text up to a byte cap, cutting on a UTF-8 boundary; once full, `full()` tells the
// extractor to stop and the result is marked truncated.
class TextBuilder {
 public:
  explicit TextBuilder(size_t max_bytes) : max_bytes_(max_bytes) {}
  void Append(std::string_view utf8);
  // Appends `c` (ASCII) unless full.
  void Put(char c) { Append(std::string_view(&c, 1)); }
  // Ends a line: '\n' unless the text is empty or already ends a line.
  void EndLine();
  // HTML/ODF rule: a run of white space becomes one space, none at the start of a line.
  void AppendCollapsed(std::string_view utf8);
  bool full() const { return truncated_; }
  void MarkTruncated() { truncated_ = true; }
  DocumentText Finish(std::string extractor);

 private:
  size_t max_bytes_;
  std::string text_;
  bool truncated_ = false;
};

// Each returns the text or an Error whose message starts with the kind ("pdf: ...").
Result<DocumentText> ExtractPdf(std::string_view bytes, const DocumentLimits& limits);
Result<DocumentText> ExtractDocx(std::string_view bytes, const DocumentLimits& limits);
Result<DocumentText> ExtractOdt(std::string_view bytes, const DocumentLimits& limits);
Result<DocumentText> ExtractHtml(std::string_view bytes, const DocumentLimits& limits);
Result<DocumentText> ExtractPlain(std::string_view bytes, const DocumentLimits& limits);

// Bytes of unknown encoding as UTF-8: a UTF-8/UTF-16 BOM decides; else valid UTF-8 is kept;
// UTF-16 without BOM is recognised by its NUL pattern; other NUL-heavy data is not text
// (Unsupported); anything else is read as Windows-1252 (a superset of Latin-1's printable range).
Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view kind);

}  // namespace casegraph::extract::doc
