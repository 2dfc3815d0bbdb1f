// Internal to extract/: the folding kernel behind FoldForSearch and TokenizeFolded. ASCII is
// lower-cased inline, two-byte UTF-8 code points (Latin, Greek, Cyrillic, Hebrew, Arabic) go
// through a table built once from the ICU path, and everything else goes through ICU
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

}  // namespace casegraph::extract::internal
