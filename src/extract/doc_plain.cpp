// Plain text: the encoding is guessed from the bytes (BOM, UTF-8 validity, NUL pattern), then
// converted with ICU. Binary data (many NUL bytes, no UTF-16 shape) is refused as "not text".
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "extract/doc_formats.h"

namespace casegraph::extract::doc {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// The share of NUL bytes at even and odd offsets of the head: UTF-16LE text of a Latin script
// has NULs at odd offsets, UTF-16BE at even ones, binary data at both.
struct NulPattern {
  double even = 0, odd = 0, all = 0;
};
NulPattern CountNuls(std::string_view head) {
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] != '\0') continue;
    (i % 2 == 0 ? even : odd)++;
  }
  NulPattern p;
  if (head.empty()) return p;
  const double half = static_cast<double>(head.size()) / 2;
  p.even = static_cast<double>(even) / half;
  p.odd = static_cast<double>(odd) / half;
  p.all = static_cast<double>(even + odd) / static_cast<double>(head.size());
  return p;
}

Result<std::string> Convert(std::string_view bytes, const char* from, std::string_view kind) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX / 4)) {
    return Error::Unsupported(std::string(kind) + ": text too large to convert from " + from);
  }
  const int32_t in_len = static_cast<int32_t>(bytes.size());
  // UTF-8 needs at most 3 bytes per UTF-16 unit and per single-byte character.
  std::string out(static_cast<size_t>(in_len) * 3 + 4, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_convert("UTF-8", from, out.data(), static_cast<int32_t>(out.size()),
                                 bytes.data(), in_len, &status);
  if (U_FAILURE(status)) {
    return Error::Corrupt(std::string(kind) + ": cannot convert from " + from + ": " +
                          u_errorName(status));
  }
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view kind) {
  if (bytes.starts_with("\xEF\xBB\xBF"))
    bytes.remove_prefix(3);
  else if (bytes.starts_with("\xFF\xFE"))
    return Convert(bytes.substr(2), "UTF-16LE", kind);
  else if (bytes.starts_with("\xFE\xFF"))
    return Convert(bytes.substr(2), "UTF-16BE", kind);
  const NulPattern nul = CountNuls(bytes.substr(0, kSniffBytes));
  if (nul.odd > 0.3 && nul.even < 0.02) return Convert(bytes, "UTF-16LE", kind);
  if (nul.even > 0.3 && nul.odd < 0.02) return Convert(bytes, "UTF-16BE", kind);
  // A few NULs happen in real text files (padding, a stray terminator); many mean binary.
  if (nul.all > 0.01)
    return Error::Unsupported(std::string(kind) + ": not text (binary data with NUL bytes)");
  if (IsValidUtf8(bytes)) return std::string(bytes);
  return Convert(bytes, "windows-1252", kind);
}

Result<DocumentText> ExtractPlain(std::string_view bytes, const DocumentLimits& limits) {
  auto utf8 = DecodeToUtf8(bytes, "text");
  if (!utf8) return utf8.error();
  TextBuilder out(limits.max_text_bytes);
  // NULs left in a text file would end the string in C consumers of the index.
  std::string& s = *utf8;
  std::replace(s.begin(), s.end(), '\0', ' ');
  out.Append(s);
  return out.Finish("text");
}

}  // namespace casegraph::extract::doc
