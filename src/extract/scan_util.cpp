// Shared helpers of the identifier scanners (see scan_util.h).
#include "extract/scan_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace casegraph::extract::internal {

std::string Concat(std::string_view a, std::string_view b) {
  std::string out;
  out.reserve(a.size() + b.size());
  out.append(a);
  out.append(b);
  return out;
}

std::string AsciiLowerCopy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool MatchesAt(std::string_view text, size_t pos, std::string_view word) {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (AsciiLower(text[pos + k]) != word[k]) return false;
  }
  return true;
}

int32_t CodePointBefore(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return -1;
  auto c = static_cast<unsigned char>(text[pos - 1]);
  if (c < 0x80) return c;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  // U8_PREV looks back at most 3 bytes; bound it so it never reads before text.
  int32_t start = pos > 4 ? static_cast<int32_t>(pos - 4) : 0;
  const uint8_t* base = bytes + start;
  int32_t offset = static_cast<int32_t>(pos) - start;
  UChar32 cp;
  U8_PREV(base, 0, offset, cp);
  return cp;
}

int32_t CodePointAt(std::string_view text, size_t pos, size_t* length) {
  *length = 0;
  if (pos >= text.size()) return -1;
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data() + pos);
  size_t avail = text.size() - pos;
  int32_t limit = avail > 4 ? 4 : static_cast<int32_t>(avail);
  int32_t offset = 0;
  UChar32 cp;
  U8_NEXT(bytes, offset, limit, cp);
  *length = static_cast<size_t>(offset);
  return cp;
}

bool IsWordCodePoint(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return IsAsciiAlnum(static_cast<char>(cp)) || cp == '_';
  return u_isalnum(cp) != 0;
}

size_t ParseDomainName(std::string_view text, size_t pos) {
  const size_t n = text.size();
  size_t i = pos;
  size_t labels = 0;
  size_t end = kNotFound;
  while (i < n) {
    size_t label_start = i;
    bool all_alpha = true;
    while (i < n && (IsAsciiAlnum(text[i]) || text[i] == '-')) {
      if (!IsAsciiAlpha(text[i])) all_alpha = false;
      ++i;
    }
    size_t label_len = i - label_start;
    if (label_len == 0 || label_len > 63 || text[label_start] == '-' || text[i - 1] == '-') break;
    ++labels;
    bool tld = (all_alpha && label_len >= 2) || MatchesAt(text, label_start, "xn--");
    if (labels >= 2 && tld) end = i;
    if (i + 1 < n && text[i] == '.' && IsAsciiAlnum(text[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  return end;
}

namespace {

size_t ParseIpv4(std::string_view text, size_t pos) {
  size_t i = pos;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (i >= text.size() || text[i] != '.') return kNotFound;
      ++i;
    }
    size_t digits_start = i;
    int value = 0;
    while (i < text.size() && IsAsciiDigit(text[i]) && i - digits_start < 3) {
      value = value * 10 + (text[i] - '0');
      ++i;
    }
    if (i == digits_start || value > 255) return kNotFound;
  }
  if (i < text.size() && IsAsciiAlnum(text[i])) return kNotFound;
  return i;
}

size_t ParseBracketedIpv6(std::string_view text, size_t pos) {
  if (pos >= text.size() || text[pos] != '[') return kNotFound;
  size_t i = pos + 1;
  bool has_colon = false;
  while (i < text.size() && i - pos <= 46) {
    char c = text[i];
    if (c == ']') return has_colon ? i + 1 : kNotFound;
    if (c == ':') {
      has_colon = true;
    } else if (!IsAsciiDigit(c) && !(AsciiLower(c) >= 'a' && AsciiLower(c) <= 'f') && c != '.') {
      return kNotFound;
    }
    ++i;
  }
  return kNotFound;
}

}  // namespace

size_t ParseServerName(std::string_view text, size_t pos) {
  size_t end = ParseBracketedIpv6(text, pos);
  if (end == kNotFound) end = ParseIpv4(text, pos);
  if (end == kNotFound) end = ParseDomainName(text, pos);
  if (end == kNotFound) return kNotFound;
  if (end + 1 < text.size() && text[end] == ':' && IsAsciiDigit(text[end + 1])) {
    size_t port_end = end + 1;
    while (port_end < text.size() && IsAsciiDigit(text[port_end])) ++port_end;
    if (port_end - end - 1 <= 5 && !(port_end < text.size() && IsAsciiAlpha(text[port_end]))) {
      end = port_end;
    }
  }
  return end;
}

bool IsTelegramUsername(std::string_view name) {
  if (name.size() < 5 || name.size() > 32) return false;
  if (!IsAsciiAlpha(name.front()) || name.back() == '_') return false;
  for (char c : name) {
    if (!IsAsciiAlnum(c) && c != '_') return false;
  }
  return true;
}

void AddHit(std::vector<IdentifierHit>& hits, IdentifierKind kind, std::string value, size_t start,
            size_t end) {
  hits.push_back(IdentifierHit{kind, std::move(value), static_cast<uint32_t>(start),
                               static_cast<uint32_t>(end)});
}

}  // namespace casegraph::extract::internal
