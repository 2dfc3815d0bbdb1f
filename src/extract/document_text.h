// Text of documents found on a device (PDF, DOCX, ODT, HTML, plain text), for the search index
// and the lexicon rules. Pure functions over bytes already read: no file system, no store.
// Every limit is a value (text size, zip entry size, PDF pages), so a hostile file is bounded
// and the same bytes always give the same text. Thread-safe (poppler's error callback is set
// once, process-wide, to a function that drops its chatter). See docs/document-text.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace casegraph::extract {

struct DocumentText {
  std::string extractor;   // "pdf" | "docx" | "odt" | "html" | "text"
  std::string text;        // valid UTF-8; paragraphs end with '\n', PDF pages with '\f'
  bool truncated = false;  // a limit cut the text short (what was read is kept)
};

struct DocumentLimits {
  size_t max_text_bytes = 16u << 20;  // text kept; beyond it `truncated` is set
  uint64_t max_entry_bytes =
      64u << 20;                        // DOCX/ODT: uncompressed bytes of one zip entry (zip bombs)
  uint64_t max_zip_bytes = 256u << 20;  // DOCX/ODT: uncompressed bytes of all entries read
  int max_pdf_pages = 5000;             // pages read; later pages set `truncated`
};

// The extractor for a file from its MIME type (libmagic), name and first bytes; "" when none.
// Zip containers (application/zip, application/octet-stream) are recognised by a .docx/.odt
// name or by their first entry ("mimetype" for ODF, "[Content_Types].xml" + "word/" for DOCX).
std::string DocumentKind(std::string_view mime, std::string_view file_name, std::string_view head);

// The text of `bytes` read as `kind` (a DocumentKind answer). Damaged, encrypted or hostile
// input is an Error naming the kind and the place (zip entry, XML line, PDF page); never a
// crash. An unknown kind is InvalidArgument.
Result<DocumentText> ExtractDocumentText(std::string_view bytes, std::string_view kind,
                                         size_t max_text_bytes = 16u << 20);
Result<DocumentText> ExtractDocumentText(std::string_view bytes, std::string_view kind,
                                         const DocumentLimits& limits);

}  // namespace casegraph::extract
