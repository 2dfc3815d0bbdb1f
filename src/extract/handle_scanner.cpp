// '@' and '#' identifiers. Each '@' / '#' is found with memchr and examined locally, so the cost is
// proportional to the number of those bytes, not to the text.
#include "extract/handle_scanner.h"

#include <cstring>

#include "extract/scan_util.h"

namespace casegraph::extract::internal {
namespace {

// RFC 5322 "atext" subset commonly seen in chat exports.
bool IsEmailLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Matrix localparts (spec: a-z 0-9 . _ = - / +; historical ids also use upper case).
bool IsMatrixLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '=' || c == '-' || c == '/' || c == '+';
}

size_t ScanWhile(std::string_view text, size_t pos, bool (*pred)(char)) {
  while (pos < text.size() && pred(text[pos])) ++pos;
  return pos;
}

// An e-mail around the '@' at `at`. Returns true when a local part precedes the '@' (whether or not
// a valid address follows), since such an '@' is never a handle.
bool TryEmail(std::string_view text, size_t at, std::vector<IdentifierHit>& hits) {
  size_t local_start = at;
  while (local_start > 0 && at - local_start < 64 && IsEmailLocalChar(text[local_start - 1])) {
    --local_start;
  }
  while (local_start < at && (text[local_start] == '.' || text[local_start] == '-')) {
    ++local_start;
  }
  if (local_start == at) return IsWordBefore(text, at);
  if (text[at - 1] == '.' || IsWordBefore(text, local_start)) return true;
  size_t domain_end = ParseDomainName(text, at + 1);
  if (domain_end == kNotFound) return true;
  AddHit(hits, IdentifierKind::kEmail,
         AsciiLowerCopy(text.substr(local_start, domain_end - local_start)), local_start,
         domain_end);
  return true;
}

bool TryMatrixUser(std::string_view text, size_t at, std::vector<IdentifierHit>& hits) {
  size_t local_end = ScanWhile(text, at + 1, IsMatrixLocalChar);
  if (local_end == at + 1 || local_end >= text.size() || text[local_end] != ':') return false;
  size_t server_end = ParseServerName(text, local_end + 1);
  if (server_end == kNotFound) return false;
  AddHit(hits, IdentifierKind::kMatrixUser, AsciiLowerCopy(text.substr(at, server_end - at)), at,
         server_end);
  return true;
}

void TryTelegramUsername(std::string_view text, size_t at, std::vector<IdentifierHit>& hits) {
  size_t name_end = ScanWhile(text, at + 1, [](char c) { return IsAsciiAlnum(c) || c == '_'; });
  std::string_view name = text.substr(at + 1, name_end - at - 1);
  if (!IsTelegramUsername(name)) return;
  if (name_end < text.size()) {
    char next = text[name_end];
    if (next == '@' || next == '-') return;
    // "@example.org" is a domain, not a mention.
    if (next == '.' && name_end + 1 < text.size() && IsAsciiAlnum(text[name_end + 1])) return;
    if (IsWordAt(text, name_end)) return;
  }
  AddHit(hits, IdentifierKind::kTelegramUsername, Concat("@", AsciiLowerCopy(name)), at, name_end);
}

template <typename Handle>
void ForEachByte(std::string_view text, char byte, Handle&& handle) {
  size_t pos = 0;
  while (pos < text.size()) {
    const void* found = std::memchr(text.data() + pos, byte, text.size() - pos);
    if (found == nullptr) return;
    pos = static_cast<size_t>(static_cast<const char*>(found) - text.data());
    handle(pos);
    ++pos;
  }
}

}  // namespace

void ScanAtSigns(std::string_view text, std::vector<IdentifierHit>& hits) {
  ForEachByte(text, '@', [&](size_t at) {
    if (TryEmail(text, at, hits)) return;
    if (TryMatrixUser(text, at, hits)) return;
    TryTelegramUsername(text, at, hits);
  });
}

void ScanRoomAliases(std::string_view text, std::vector<IdentifierHit>& hits) {
  ForEachByte(text, '#', [&](size_t hash) {
    if (IsWordBefore(text, hash)) return;
    size_t alias_end = ScanWhile(text, hash + 1, [](char c) {
      return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '=' || c == '-' || c == '+';
    });
    if (alias_end == hash + 1 || alias_end >= text.size() || text[alias_end] != ':') return;
    size_t server_end = ParseServerName(text, alias_end + 1);
    if (server_end == kNotFound) return;
    AddHit(hits, IdentifierKind::kMatrixRoomAlias,
           AsciiLowerCopy(text.substr(hash, server_end - hash)), hash, server_end);
  });
}

}  // namespace casegraph::extract::internal
