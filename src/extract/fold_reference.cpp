// The ICU-only reference folding and tokenisation (see fold_reference.h).
#include "extract/fold_reference.h"

#include <unicode/utf8.h>

#include "extract/fold_core.h"
#include "extract/fold_icu.h"

namespace casegraph::extract::internal {
namespace {

constexpr size_t kNoToken = static_cast<size_t>(-1);

bool IsAsciiWord(uint8_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string FoldForSearchReference(std::string_view utf8) {
  std::string out;
  AppendFoldedIcu(utf8, out);
  return out;
}

size_t TokenizeFoldedReference(std::string_view utf8, TokenCallback callback, void* ctx) {
  std::string folded;
  size_t count = 0;
  size_t token_start = kNoToken;
  size_t token_end = 0;
  bool stop = false;
  auto flush = [&]() {
    if (token_start == kNoToken) return;
    folded.clear();
    AppendFoldedIcu(utf8.substr(token_start, token_end - token_start), folded);
    size_t start = token_start;
    token_start = kNoToken;
    if (folded.empty()) return;
    ++count;
    if (callback(ctx, folded.data(), folded.size(), start, token_end) != 0) stop = true;
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t n = utf8.size();
  size_t i = 0;
  while (i < n && !stop) {
    uint8_t byte = bytes[i];
    if (byte < 0x80) {
      if (IsAsciiWord(byte)) {
        if (token_start == kNoToken) token_start = i;
        token_end = i + 1;
      } else {
        flush();
      }
      ++i;
      continue;
    }
    size_t cp_start = i;
    UChar32 cp;
    U8_NEXT(bytes, i, n, cp);
    CharRole role = cp < 0 ? CharRole::kSeparator : RoleOfCodePoint(cp);
    if (role == CharRole::kWord) {
      if (token_start == kNoToken) token_start = cp_start;
      token_end = i;
    } else if (role == CharRole::kSeparator) {
      flush();
    }
  }
  if (!stop) flush();
  return count;
}

}  // namespace casegraph::extract::internal
