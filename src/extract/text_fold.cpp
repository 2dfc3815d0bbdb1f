// FoldForSearch and the FTS tokenizer core TokenizeFolded (see text_fold.h). Tokenisation walks the
// raw bytes once; each token's bytes are then folded by the kernel in fold_core.cpp into a
// thread-local buffer, so no token allocates.
#include "extract/text_fold.h"

#include <unicode/utf8.h>

#include <cstring>

#include "extract/fold_core.h"
#include "extract/fold_icu.h"

namespace casegraph::extract {
namespace {

constexpr size_t kNoToken = static_cast<size_t>(-1);

}  // namespace

std::string FoldForSearch(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  internal::AppendFolded(utf8, out);
  return out;
}

// One pass: each token is folded while it is scanned, ASCII by a lower-casing table and code
// points below U+0800 by the per-code-point table (FoldTable), into a thread-local buffer. A token
// that holds a word code point of three or four UTF-8 bytes (or a table entry marked slow) is
// instead folded whole by the ICU path when it ends, so scripts whose letters compose with their
// neighbours (Hangul, Indic vowel signs, ...) see exactly the ICU result. Why per-code-point
// folding is exact below U+0800 is explained in fold_core.cpp; tests/extract/ checks it
// differentially against the ICU-only reference (fold_reference.h).
size_t TokenizeFolded(std::string_view utf8, TokenCallback callback, void* ctx) {
  const internal::FoldEntry* table = internal::FoldTable();
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t n = utf8.size();

  // A code point below U+0800 folds to at most 4 bytes from 2 input bytes, ASCII to 1 from 1; 4
  // bytes of slack let every table entry be copied whole.
  thread_local std::string buffer;
  thread_local std::string slow_buffer;
  if (buffer.size() < 2 * n + 8) buffer.resize(2 * n + 8);
  char* out = buffer.data();

  size_t count = 0;
  size_t token_start = kNoToken;
  size_t token_end = 0;  // end of the last word code point; trailing joiners stay outside
  size_t out_len = 0;    // folded bytes of the open token in `out`
  bool slow = false;     // the open token must be folded whole by ICU
  bool stop = false;

  auto flush = [&]() {
    const char* data = out;
    size_t size = out_len;
    if (slow) {
      slow_buffer.clear();
      internal::AppendFoldedIcu(utf8.substr(token_start, token_end - token_start), slow_buffer);
      data = slow_buffer.data();
      size = slow_buffer.size();
    }
    size_t start = token_start;
    token_start = kNoToken;
    if (size == 0) return;  // e.g. a lone tatweel or combining mark
    ++count;
    if (callback(ctx, data, size, start, token_end) != 0) stop = true;
  };
  auto open = [&](size_t at) {
    token_start = at;
    out_len = 0;
    slow = false;
  };

  size_t i = 0;
  while (i < n) {
    uint8_t byte = bytes[i];
    if (byte < 0x80) {
      if (table[byte].role == internal::CharRole::kWord) {
        if (token_start == kNoToken) open(i);
        do {
          out[out_len++] = table[byte].bytes[0];
          ++i;
        } while (i < n && (byte = bytes[i]) < 0x80 && table[byte].role == internal::CharRole::kWord);
        token_end = i;
      } else {
        if (token_start != kNoToken) {
          flush();
          if (stop) return count;
        }
        ++i;
      }
      continue;
    }
    if (byte >= 0xC2 && byte <= 0xDF && i + 1 < n && (bytes[i + 1] & 0xC0) == 0x80) {
      const internal::FoldEntry& entry =
          table[(static_cast<uint32_t>(byte & 0x1F) << 6) | (bytes[i + 1] & 0x3F)];
      switch (entry.role) {
        case internal::CharRole::kWord:
          if (token_start == kNoToken) open(i);
          std::memcpy(out + out_len, entry.bytes, sizeof(entry.bytes));
          out_len += entry.length;
          slow |= entry.slow;
          i += 2;
          token_end = i;
          break;
        case internal::CharRole::kJoiner:
          // Folds to nothing (else marked slow); outside a token it is ignored.
          if (token_start != kNoToken) slow |= entry.slow;
          i += 2;
          break;
        case internal::CharRole::kSeparator:
          i += 2;
          if (token_start != kNoToken) {
            flush();
            if (stop) return count;
          }
          break;
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
        if (token_start == kNoToken) open(cp_start);
        slow = true;
        token_end = i;
        break;
      case internal::CharRole::kJoiner:
        break;  // ZWNJ/ZWJ fold to nothing; outside a token they are ignored
      case internal::CharRole::kSeparator:
        if (token_start != kNoToken) {
          flush();
          if (stop) return count;
        }
        break;
    }
  }
  if (token_start != kNoToken) flush();
  return count;
}

}  // namespace casegraph::extract
