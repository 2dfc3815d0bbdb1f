// URL scanning. Candidates are found from ':' ("http://", "https://") and '.' ("www.", "t.me/",
// "telegram.me/") with memchr, so text without those bytes costs almost nothing. A URL runs to
// whitespace (incl. Unicode spaces and bidi controls), '<', '>', '"' or '`'; trailing punctuation
// is stripped as in GitHub's autolinker (a ')' only if unbalanced).
#include "extract/url_scanner.h"

#include <algorithm>
#include <cstring>

#include "extract/scan_util.h"

namespace casegraph::extract::internal {
namespace {

struct UrlStart {
  size_t start = 0;          // first byte of the URL
  size_t host_start = 0;     // first byte of the host
  size_t scheme_length = 0;  // 0 for scheme-less
};

// Bytes a scheme-less URL may not be glued to on its left.
bool GluedLeft(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  char prev = text[pos - 1];
  if (prev == '.' || prev == '/' || prev == '@' || prev == '-' || prev == ':') return true;
  return IsWordBefore(text, pos);
}

// Does a URL candidate begin around the ':' or '.' at `pos`?
bool FindStart(std::string_view text, size_t pos, UrlStart* out) {
  if (text[pos] == ':') {
    if (!MatchesAt(text, pos + 1, "//")) return false;
    for (size_t scheme_length : {5, 4}) {
      if (pos < scheme_length) continue;
      size_t start = pos - scheme_length;
      std::string_view scheme = scheme_length == 5 ? "https" : "http";
      if (MatchesAt(text, start, scheme) && !IsWordBefore(text, start)) {
        *out = UrlStart{start, pos + 3, scheme_length};
        return true;
      }
    }
    return false;
  }
  // '.'
  if (pos >= 3 && MatchesAt(text, pos - 3, "www") && !GluedLeft(text, pos - 3) &&
      pos + 1 < text.size() && IsAsciiAlnum(text[pos + 1])) {
    *out = UrlStart{pos - 3, pos - 3, 0};
    return true;
  }
  if (!MatchesAt(text, pos + 1, "me/")) return false;
  if (pos >= 1 && MatchesAt(text, pos - 1, "t") && !GluedLeft(text, pos - 1)) {
    *out = UrlStart{pos - 1, pos - 1, 0};
    return true;
  }
  if (pos >= 8 && MatchesAt(text, pos - 8, "telegram") && !GluedLeft(text, pos - 8)) {
    *out = UrlStart{pos - 8, pos - 8, 0};
    return true;
  }
  return false;
}

bool IsUrlBreak(int32_t cp) {
  if (cp < 0) return true;  // ill-formed UTF-8
  if (cp <= 0x20 || cp == 0x7F) return true;
  if (cp == '<' || cp == '>' || cp == '"' || cp == '`') return true;
  if (cp < 0x80) return false;
  return (cp >= 0x80 && cp <= 0xA0) || (cp >= 0x2000 && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
         cp == 0xFEFF;
}

// End of the URL starting at host_start, before trailing punctuation is stripped.
size_t RawEnd(std::string_view text, size_t host_start) {
  size_t j = host_start;
  while (j < text.size()) {
    auto c = static_cast<unsigned char>(text[j]);
    if (c < 0x80) {
      if (IsUrlBreak(c)) break;
      ++j;
      continue;
    }
    size_t length = 0;
    if (IsUrlBreak(CodePointAt(text, j, &length))) break;
    j += length;
  }
  return j;
}

size_t StripTrailing(std::string_view text, size_t begin, size_t end) {
  while (end > begin) {
    char c = text[end - 1];
    static constexpr std::string_view kTrailing = ".,;:!?'\"*";
    if (kTrailing.find(c) != std::string_view::npos) {
      --end;
      continue;
    }
    char open = c == ')' ? '(' : c == ']' ? '[' : c == '}' ? '{' : '\0';
    if (open == '\0') break;
    std::string_view url = text.substr(begin, end - begin);
    size_t opens = 0;
    size_t closes = 0;
    for (char u : url) {
      opens += u == open;
      closes += u == c;
    }
    if (closes <= opens) break;
    --end;
  }
  return end;
}

// Telegram identifiers from the path of a t.me / telegram.me URL.
void AddTelegramHits(std::string_view path, const PhoneParser& phones, size_t start, size_t end,
                     std::vector<IdentifierHit>& hits) {
  auto segment_end = [](std::string_view s) {
    size_t k = 0;
    while (k < s.size() && s[k] != '/' && s[k] != '?' && s[k] != '#') ++k;
    return k;
  };
  auto is_hash = [](std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
      if (!IsAsciiAlnum(c) && c != '_' && c != '-') return false;
    }
    return true;
  };
  std::string_view first = path.substr(0, segment_end(path));
  std::string_view rest = path.substr(first.size());
  if (!rest.empty() && rest[0] == '/') rest.remove_prefix(1);
  std::string_view second = rest.substr(0, segment_end(rest));

  if (!first.empty() && first[0] == '+') {
    std::string_view hash = first.substr(1);
    bool all_digits = !hash.empty() && hash.find_first_not_of("0123456789") == hash.npos;
    if (all_digits) {
      if (auto e164 = phones.ToE164(Concat("+", hash))) {
        AddHit(hits, IdentifierKind::kPhone, std::move(*e164), start, end);
      }
      return;
    }
    if (is_hash(hash)) {
      AddHit(hits, IdentifierKind::kTelegramInvite, Concat("t.me/+", hash), start, end);
    }
    return;
  }
  if (MatchesAt(first, 0, "joinchat") && first.size() == 8) {
    if (is_hash(second)) {
      AddHit(hits, IdentifierKind::kTelegramInvite, Concat("t.me/joinchat/", second), start, end);
    }
    return;
  }
  std::string_view name = first == "s" ? second : first;  // t.me/s/<channel> is a preview
  static constexpr std::string_view kReserved[] = {
      "addstickers", "addemoji", "addtheme", "addlist", "setlanguage",  "share",
      "proxy",       "socks",    "login",    "invoice", "confirmphone", "contact"};
  std::string lower = AsciiLowerCopy(name);
  for (std::string_view reserved : kReserved) {
    if (lower == reserved) return;
  }
  if (IsTelegramUsername(name)) {
    AddHit(hits, IdentifierKind::kTelegramUsername, Concat("@", lower), start, end);
  }
}

// Handles one candidate; returns the end of the URL or kNotFound.
size_t TakeUrl(std::string_view text, const UrlStart& at, const PhoneParser& phones,
               std::vector<IdentifierHit>& hits) {
  size_t end = StripTrailing(text, at.host_start, RawEnd(text, at.host_start));
  size_t host_end = at.host_start;
  while (host_end < end && text[host_end] != '/' && text[host_end] != '?' &&
         text[host_end] != '#') {
    ++host_end;
  }
  if (host_end == at.host_start) return kNotFound;
  std::string_view host = text.substr(at.host_start, host_end - at.host_start);
  if (at.scheme_length == 0 && host.find('.') == host.npos) return kNotFound;

  std::string value = NormalizeUrl(text.substr(at.start, end - at.start), at.scheme_length);
  AddHit(hits, IdentifierKind::kUrl, value, at.start, end);

  size_t authority_offset = at.scheme_length == 0 ? 0 : at.scheme_length + 3;
  std::string_view normalized(value);
  std::string_view after = normalized.substr(authority_offset);
  for (std::string_view tg_host : {"t.me/", "telegram.me/", "www.t.me/", "www.telegram.me/"}) {
    if (after.substr(0, tg_host.size()) == tg_host) {
      // Path from the raw text: the normalised value may have lost a trailing '/'.
      size_t path_start = std::min(host_end + 1, end);
      AddTelegramHits(text.substr(path_start, end - path_start), phones, at.start, end, hits);
      break;
    }
  }
  return end;
}

}  // namespace

std::string NormalizeUrl(std::string_view url, size_t scheme_length) {
  std::string out;
  out.reserve(url.size());
  std::string scheme = AsciiLowerCopy(url.substr(0, scheme_length));
  size_t authority_start = 0;
  if (scheme_length > 0) {
    out = Concat(scheme, "://");
    authority_start = scheme_length + 3;
  }
  size_t authority_end = authority_start;
  while (authority_end < url.size() && url[authority_end] != '/' && url[authority_end] != '?' &&
         url[authority_end] != '#') {
    ++authority_end;
  }
  std::string_view authority = url.substr(authority_start, authority_end - authority_start);
  size_t at = authority.rfind('@');
  if (at != authority.npos) {
    out.append(authority.substr(0, at + 1));  // userinfo keeps its case
    authority.remove_prefix(at + 1);
  }
  std::string host_port = AsciiLowerCopy(authority);
  size_t colon = host_port.rfind(':');
  if (colon != std::string::npos && host_port.find(']', colon) == std::string::npos) {
    std::string_view port = std::string_view(host_port).substr(colon + 1);
    if (port.empty() || (scheme == "http" && port == "80") ||
        (scheme == "https" && port == "443")) {
      host_port.resize(colon);
    }
  }
  out += host_port;
  std::string_view rest = url.substr(authority_end);
  bool has_query = rest.find_first_of("?#") != rest.npos;
  if (!has_query && rest.size() >= 1 && rest.back() == '/' &&
      (rest.size() == 1 || rest[rest.size() - 2] != '/')) {
    rest.remove_suffix(1);
  }
  out.append(rest);
  return out;
}

void ScanUrls(std::string_view text, const PhoneParser& phones, std::vector<IdentifierHit>& hits) {
  const char* data = text.data();
  const size_t n = text.size();
  size_t next_colon = kNotFound;
  size_t next_dot = kNotFound;
  auto find = [&](char c, size_t from) {
    if (from >= n) return kNotFound;
    const void* p = std::memchr(data + from, c, n - from);
    return p == nullptr ? kNotFound : static_cast<size_t>(static_cast<const char*>(p) - data);
  };
  next_colon = find(':', 0);
  next_dot = find('.', 0);
  size_t covered_until = 0;  // end of the last URL taken
  while (next_colon != kNotFound || next_dot != kNotFound) {
    size_t pos = std::min(next_colon, next_dot);
    if (pos == next_colon) {
      next_colon = find(':', pos + 1);
    } else {
      next_dot = find('.', pos + 1);
    }
    if (pos < covered_until) continue;
    UrlStart at;
    if (!FindStart(text, pos, &at) || at.start < covered_until) continue;
    size_t end = TakeUrl(text, at, phones, hits);
    if (end != kNotFound) covered_until = end;
  }
}

}  // namespace casegraph::extract::internal
