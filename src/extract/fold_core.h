// Internal to extract/: the folding kernel behind FoldForSearch and TokenizeFolded. ASCII is
// lower-cased inline, code points U+0080..U+07FF (two-byte UTF-8: Latin, Greek, Cyrillic, Hebrew,
// Arabic) go through a table built once from the ICU path, and everything else goes through ICU
// (NFKC_Casefold, NFD, mark removal and the Turkish/Arabic mappings, NFC).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace casegraph::extract::internal {

// How a code point takes part in tokens: letters, digits and marks build words; joiners (ZWNJ, ZWJ,
// soft hyphen) are kept inside a word but never start or end one.
enum class CharRole : uint8_t { kSeparator, kWord, kJoiner };

// Appends the folded form of `utf8` to `out`. Invalid bytes become U+FFFD. Never fails.
void AppendFolded(std::string_view utf8, std::string& out);

// Role of a non-ASCII code point (cp >= 0x80).
CharRole RoleOfCodePoint(int32_t cp);

// One code point below U+0800: its role, and its fold (ICU path on the code point alone) as
// `length` UTF-8 bytes in `bytes` (unused bytes are zero, so copying all four is safe). `slow` is
// set when the per-code-point fold must not be used (fold longer than four bytes, or a joiner
// that does not fold to nothing): a token holding such a code point is folded whole by ICU.
struct FoldEntry {
  char bytes[4];
  uint8_t length;
  CharRole role;
  bool slow;
  uint8_t pad;
};
static_assert(sizeof(FoldEntry) == 8);

constexpr int32_t kFoldTableEnd = 0x800;

// The table for U+0000..U+07FF, built once (thread-safe static initialisation).
const FoldEntry* FoldTable();

}  // namespace casegraph::extract::internal
