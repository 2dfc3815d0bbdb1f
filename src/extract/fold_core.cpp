// Folding kernel: ASCII and code points below U+0800 by table, the rest through ICU.
//
// Why a per-code-point table is exact for U+0000..U+07FF: case folding with default options is
// context-free (final sigma folds to sigma either way), and after decomposition every combining
// mark below U+0800 that could join a neighbour in NFC is a nonspacing mark (Mn), which the fold
// drops; the rest (Me U+0488/U+0489, letters, digits) compose with nothing. U+0345 folds to iota
// alone and after a Greek vowel alike; hamza/madda forms (U+0622..U+0626) decompose to the bare
// letter plus a dropped mark whether or not they arrive precomposed. So folding such code points
// one by one gives the same result as folding the run at once. Exceptions, folded whole by ICU:
// entries whose fold exceeds four bytes (U+00BC..U+00BE, "1/4" with U+2044), and any run or token
// holding a three- or four-byte code point (Hangul jamo, Indic vowel signs, ... compose with
// neighbours, even across a dropped two-byte mark between them). tests/extract/
// text_fold_differential_test.cpp checks all of this against the ICU-only reference.
#include "extract/fold_core.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "extract/fold_icu.h"

namespace casegraph::extract::internal {
namespace {

bool IsAsciiWord(int32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::array<FoldEntry, kFoldTableEnd> BuildFoldTable() {
  std::array<FoldEntry, kFoldTableEnd> table{};
  std::string folded;
  for (int32_t cp = 0; cp < kFoldTableEnd; ++cp) {
    FoldEntry& entry = table[static_cast<size_t>(cp)];
    if (cp < 0x80) {
      entry.role = IsAsciiWord(cp) ? CharRole::kWord : CharRole::kSeparator;
      entry.bytes[0] = static_cast<char>((cp >= 'A' && cp <= 'Z') ? cp + ('a' - 'A') : cp);
      entry.length = 1;
      continue;
    }
    char utf8[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(utf8, len, cp);
    folded.clear();
    AppendFoldedIcu(std::string_view(utf8, static_cast<size_t>(len)), folded);
    entry.role = RoleOfCodePoint(cp);
    if (folded.size() > sizeof(entry.bytes) ||
        (entry.role == CharRole::kJoiner && !folded.empty())) {
      entry.slow = true;
      continue;
    }
    std::memcpy(entry.bytes, folded.data(), std::min(folded.size(), sizeof(entry.bytes)));
    entry.length = static_cast<uint8_t>(folded.size());
  }
  return table;
}

}  // namespace

const FoldEntry* FoldTable() {
  static const std::array<FoldEntry, kFoldTableEnd> table = BuildFoldTable();
  return table.data();
}

CharRole RoleOfCodePoint(int32_t cp) {
  if (cp == 0x200C || cp == 0x200D || cp == 0x00AD) return CharRole::kJoiner;
  uint32_t mask = U_GET_GC_MASK(cp);
  if ((mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0) return CharRole::kWord;
  return CharRole::kSeparator;
}

void AppendFolded(std::string_view utf8, std::string& out) {
  const FoldEntry* table = FoldTable();
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t n = utf8.size();
  size_t i = 0;
  while (i < n) {
    size_t run_end = i;
    if (bytes[i] < 0x80) {
      while (run_end < n && bytes[run_end] < 0x80) ++run_end;
      size_t old_size = out.size();
      out.resize(old_size + (run_end - i));
      char* dst = out.data() + old_size;
      for (size_t k = i; k < run_end; ++k) *dst++ = table[bytes[k]].bytes[0];
      i = run_end;
      continue;
    }
    // A run of non-ASCII bytes: by table if it is all well-formed two-byte code points with a
    // usable entry, else whole through ICU.
    bool by_table = true;
    while (run_end < n && bytes[run_end] >= 0x80) {
      uint8_t lead = bytes[run_end];
      if (by_table && lead >= 0xC2 && lead <= 0xDF && run_end + 1 < n &&
          (bytes[run_end + 1] & 0xC0) == 0x80 &&
          !table[(static_cast<uint32_t>(lead & 0x1F) << 6) | (bytes[run_end + 1] & 0x3F)].slow) {
        run_end += 2;
      } else {
        by_table = false;
        ++run_end;
      }
    }
    if (!by_table) {
      AppendFoldedIcu(utf8.substr(i, run_end - i), out);
      i = run_end;
      continue;
    }
    size_t old_size = out.size();
    out.resize(old_size + 2 * (run_end - i) + sizeof(FoldEntry::bytes));
    char* dst = out.data() + old_size;
    for (; i < run_end; i += 2) {
      const FoldEntry& entry = table[(static_cast<uint32_t>(bytes[i] & 0x1F) << 6) | (bytes[i + 1] & 0x3F)];
      std::memcpy(dst, entry.bytes, sizeof(entry.bytes));
      dst += entry.length;
    }
    out.resize(static_cast<size_t>(dst - out.data()));
  }
}

}  // namespace casegraph::extract::internal
