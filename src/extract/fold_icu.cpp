// The ICU folding path: see fold_icu.h for the steps. The C API (unorm2_*) is used so the UTF-16
// scratch buffers can be thread-local and reused without per-call allocation.
#include "extract/fold_icu.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <cstdint>

namespace casegraph::extract::internal {
namespace {

struct Normalizers {
  const UNormalizer2* nfkc_cf = nullptr;
  const UNormalizer2* nfd = nullptr;
  const UNormalizer2* nfc = nullptr;
};

const Normalizers& GetNormalizers() {
  static const Normalizers normalizers = [] {
    Normalizers n;
    UErrorCode status = U_ZERO_ERROR;
    n.nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
    n.nfd = unorm2_getNFDInstance(&status);
    n.nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return Normalizers{};
    return n;
  }();
  return normalizers;
}

struct Scratch {
  std::u16string a;
  std::u16string b;
};

Scratch& GetScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// Normalises src[0, len) into dst; returns the output length or -1 on error.
int32_t NormalizeInto(const UNormalizer2* normalizer, const std::u16string& src, int32_t len,
                      std::u16string& dst) {
  if (dst.size() < static_cast<size_t>(len) + 16) dst.resize(static_cast<size_t>(len) * 2 + 16);
  UErrorCode status = U_ZERO_ERROR;
  int32_t out_len = unorm2_normalize(normalizer, src.data(), len, dst.data(),
                                     static_cast<int32_t>(dst.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    dst.resize(static_cast<size_t>(out_len) + 16);
    status = U_ZERO_ERROR;
    out_len = unorm2_normalize(normalizer, src.data(), len, dst.data(),
                               static_cast<int32_t>(dst.size()), &status);
  }
  return U_FAILURE(status) ? -1 : out_len;
}

// The casegraph-specific mappings applied to decomposed, case-folded text. Returns -1 to drop.
UChar32 MapFoldedCodePoint(UChar32 cp) {
  switch (cp) {
    case 0x0131:  // dotless i
      return u'i';
    case 0x0640:  // tatweel
      return -1;
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:  // alef variants (the first three only survive NFD as bare alef
                  // anyway)
      return 0x0627;
    case 0x0649:  // alef maqsura
      return 0x064A;
    case 0x0629:  // ta marbuta
      return 0x0647;
    default:
      break;
  }
  if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670) return -1;  // harakat
  if (u_charType(cp) == U_NON_SPACING_MARK) return -1;
  return cp;
}

// Filters src[0, len) through MapFoldedCodePoint into dst; returns the output length.
int32_t MapInto(const std::u16string& src, int32_t len, std::u16string& dst) {
  if (dst.size() < static_cast<size_t>(len)) dst.resize(static_cast<size_t>(len));
  int32_t in = 0;
  int32_t out = 0;
  while (in < len) {
    UChar32 cp;
    U16_NEXT(src.data(), in, len, cp);
    UChar32 mapped = MapFoldedCodePoint(cp);
    if (mapped < 0) continue;
    // A mapping never turns a BMP code point into a supplementary one, so dst has room.
    if (U_IS_BMP(mapped)) {
      dst[static_cast<size_t>(out++)] = static_cast<char16_t>(mapped);
    } else {
      dst[static_cast<size_t>(out++)] = U16_LEAD(mapped);
      dst[static_cast<size_t>(out++)] = U16_TRAIL(mapped);
    }
  }
  return out;
}

}  // namespace

void AppendFoldedIcu(std::string_view utf8, std::string& out) {
  if (utf8.empty()) return;
  const Normalizers& norm = GetNormalizers();
  if (norm.nfkc_cf == nullptr || utf8.size() > INT32_MAX / 4) {
    out.append(utf8);
    return;
  }
  Scratch& scratch = GetScratch();
  std::u16string& a = scratch.a;
  std::u16string& b = scratch.b;

  // UTF-8 -> UTF-16, invalid bytes to U+FFFD. UTF-16 never needs more units than UTF-8 bytes.
  if (a.size() < utf8.size() + 16) a.resize(utf8.size() * 2 + 16);
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0;
  u_strFromUTF8WithSub(a.data(), static_cast<int32_t>(a.size()), &len, utf8.data(),
                       static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) {
    out.append(utf8);
    return;
  }
  len = NormalizeInto(norm.nfkc_cf, a, len, b);
  if (len >= 0) len = NormalizeInto(norm.nfd, b, len, a);
  if (len >= 0) len = MapInto(a, len, b);
  if (len >= 0) len = NormalizeInto(norm.nfc, b, len, a);
  if (len < 0) {
    out.append(utf8);
    return;
  }
  // UTF-16 -> UTF-8 appended in place: at most 3 bytes per UTF-16 unit.
  size_t old_size = out.size();
  out.resize(old_size + static_cast<size_t>(len) * 3);
  int32_t written = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data() + old_size, len * 3, &written, a.data(), len, 0xFFFD, nullptr,
                     &status);
  out.resize(U_FAILURE(status) ? old_size : old_size + static_cast<size_t>(written));
}

}  // namespace casegraph::extract::internal
