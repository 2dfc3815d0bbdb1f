// FoldForSearch and the FTS tokenizer core TokenizeFolded (see text_fold.h). Tokenisation walks the
// raw bytes once; each token's bytes are then folded by the kernel in fold_core.cpp into a
// thread-local buffer, so no token allocates.
#include "extract/text_fold.h"

#include <unicode/utf8.h>

#include <array>

#include "extract/fold_core.h"

namespace casegraph::extract {
namespace {

constexpr std::array<bool, 128> MakeAsciiWordTable() {
  std::array<bool, 128> table{};
  for (int c = '0'; c <= '9'; ++c) table[static_cast<size_t>(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<size_t>(c)] = true;
  return table;
}
constexpr std::array<bool, 128> kAsciiWord = MakeAsciiWordTable();

constexpr size_t kNoToken = static_cast<size_t>(-1);

}  // namespace

std::string FoldForSearch(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  internal::AppendFolded(utf8, out);
  return out;
}

size_t TokenizeFolded(std::string_view utf8, TokenCallback callback, void* ctx) {
  thread_local std::string folded;
  size_t count = 0;
  size_t token_start = kNoToken;
  size_t token_end = 0;  // end of the last word code point; trailing joiners stay outside
  bool stop = false;

  // Folds and emits the open token, if any; sets `stop` when the callback asks to.
  auto flush = [&]() {
    if (token_start == kNoToken) return;
    folded.clear();
    internal::AppendFolded(utf8.substr(token_start, token_end - token_start), folded);
    size_t start = token_start;
    token_start = kNoToken;
    if (folded.empty()) return;  // e.g. a lone tatweel or combining mark
    ++count;
    if (callback(ctx, folded.data(), folded.size(), start, token_end) != 0) stop = true;
  };

  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t n = utf8.size();
  size_t i = 0;
  while (i < n && !stop) {
    uint8_t byte = bytes[i];
    if (byte < 0x80) {
      if (kAsciiWord[byte]) {
        if (token_start == kNoToken) token_start = i;
        ++i;
        while (i < n && bytes[i] < 0x80 && kAsciiWord[bytes[i]]) ++i;
        token_end = i;
      } else {
        flush();
        ++i;
      }
      continue;
    }
    size_t cp_start = i;
    UChar32 cp;
    U8_NEXT(bytes, i, n, cp);
    internal::CharRole role =
        cp < 0 ? internal::CharRole::kSeparator : internal::RoleOfCodePoint(cp);
    switch (role) {
      case internal::CharRole::kWord:
        if (token_start == kNoToken) token_start = cp_start;
        token_end = i;
        break;
      case internal::CharRole::kJoiner:
        break;  // inside a token it is folded away; outside one it is ignored
      case internal::CharRole::kSeparator:
        flush();
        break;
    }
  }
  if (!stop) flush();
  return count;
}

}  // namespace casegraph::extract
