// PDF: poppler-cpp loads the bytes from memory (no file, no copy) and gives each page's text
// in reading order ("non raw, non physical" layout, pdftotext's default); pages are separated
// by '\f'. Locked (password) documents are an error; pages past the limit mark truncation.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>
#include <new>

#include "extract/doc_formats.h"

namespace casegraph::extract::doc {
namespace {

// poppler prints syntax errors of damaged files to stderr unless a callback takes them; the
// error that matters reaches the examiner as our own Error.
void DropPopplerMessage(const std::string& /*message*/, void* /*closure*/) {}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(DropPopplerMessage, nullptr); });
}

Result<DocumentText> ExtractPdfUnguarded(std::string_view bytes, const DocumentLimits& limits) {
  if (!bytes.starts_with("%PDF-") &&
      bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    return Error::Corrupt("pdf: no %PDF- header in the first 1024 bytes");
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX))
    return Error::Unsupported("pdf: file larger than 2 GiB");
  // poppler reads the buffer in place and never writes to it (its API is not const-correct).
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document)
    return Error::Corrupt("pdf: poppler cannot open the document (damaged or truncated)");
  if (document->is_locked())
    return Error::Unsupported("pdf: the document is encrypted with a password");
  const int pages = document->pages();
  if (pages <= 0) return Error::Corrupt("pdf: the document has no pages");
  TextBuilder out(limits.max_text_bytes);
  for (int page_idx = 0; page_idx < pages && !out.full(); ++page_idx) {
    if (page_idx >= limits.max_pdf_pages) {
      out.MarkTruncated();
      break;
    }
    if (page_idx > 0) out.Put('\f');
    std::unique_ptr<poppler::page> page(document->create_page(page_idx));
    if (!page) continue;  // an unreadable page object leaves an empty page, as pdftotext does
    const poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    out.Append(std::string_view(utf8.data(), utf8.size()));
  }
  return out.Finish("pdf");
}

}  // namespace

Result<DocumentText> ExtractPdf(std::string_view bytes, const DocumentLimits& limits) {
  SilencePoppler();
  try {
    return ExtractPdfUnguarded(bytes, limits);
  } catch (const std::bad_alloc&) {
    return Error::Unsupported("pdf: out of memory while reading the document");
  } catch (const std::exception& e) {
    return Error::Corrupt(std::string("pdf: ") + e.what());
  }
}

}  // namespace casegraph::extract::doc
