// Internal to extract/: byte classes, UTF-8 neighbour checks, host-name parsing and hit helpers
// shared by the identifier scanners (url_scanner, handle_scanner, phone_scanner, wallet_scanner).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/identifier.h"

namespace casegraph::extract::internal {

constexpr size_t kNotFound = static_cast<size_t>(-1);

// A byte range [start, end) of the scanned text.
struct Span {
  size_t start = 0;
  size_t end = 0;
};

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// a + b. (Also sidesteps a GCC 12 -O3 false -Wrestrict on `"literal" + std::string`.)
std::string Concat(std::string_view a, std::string_view b);

// ASCII-lower-cased copy (non-ASCII bytes kept).
std::string AsciiLowerCopy(std::string_view text);

// Case-insensitive ASCII comparison of text[pos, pos + word.size()) with lower-case `word`.
bool MatchesAt(std::string_view text, size_t pos, std::string_view word);

// The code point ending right before `pos` / starting at `pos`; -1 if none or ill-formed.
int32_t CodePointBefore(std::string_view text, size_t pos);
int32_t CodePointAt(std::string_view text, size_t pos, size_t* length);

// A letter, digit or '_' (any script): something an identifier must not be glued to.
bool IsWordCodePoint(int32_t cp);
inline bool IsWordBefore(std::string_view text, size_t pos) {
  return IsWordCodePoint(CodePointBefore(text, pos));
}
inline bool IsWordAt(std::string_view text, size_t pos) {
  size_t length = 0;
  return IsWordCodePoint(CodePointAt(text, pos, &length));
}

// Longest DNS name starting at `pos` with at least two labels and an alphabetic top-level label (>=
// 2 letters, or "xn--" punycode); returns its end, or kNotFound.
size_t ParseDomainName(std::string_view text, size_t pos);

// A Matrix server name at `pos`: DNS name, IPv4 or [IPv6], optional ":port"; end or kNotFound.
size_t ParseServerName(std::string_view text, size_t pos);

// Telegram username rules: 5-32 of [A-Za-z0-9_], starts with a letter, doesn't end with '_'.
bool IsTelegramUsername(std::string_view name);

void AddHit(std::vector<IdentifierHit>& hits, IdentifierKind kind, std::string value, size_t start,
            size_t end);

}  // namespace casegraph::extract::internal
