// Fuzz target for document text: the first byte picks the extractor (pdf, docx, odt, html,
// text), the rest is the document. Traps if a result names another extractor, passes the text
// limit, or is not valid UTF-8; DocumentKind runs over the same bytes and must not crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/document_text.h"

namespace {

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kKinds[] = {"pdf", "docx", "odt", "html", "text"};
  const std::string_view kind = kKinds[data[0] % 5];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  (void)casegraph::extract::DocumentKind("application/octet-stream", "fuzz.docx",
                                         bytes.substr(0, 4096));
  (void)casegraph::extract::DocumentKind("application/zip", "", bytes.substr(0, 4096));
  casegraph::extract::DocumentLimits limits;
  limits.max_text_bytes = 1u << 20;
  limits.max_entry_bytes = 8u << 20;
  limits.max_zip_bytes = 16u << 20;
  limits.max_pdf_pages = 50;
  auto text = casegraph::extract::ExtractDocumentText(bytes, kind, limits);
  if (text.ok()) {
    if (text->extractor != kind || text->text.size() > limits.max_text_bytes ||
        !ValidUtf8(text->text)) {
      __builtin_trap();
    }
  }
  return 0;
}
