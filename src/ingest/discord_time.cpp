// DCE timestamp parsing (see discord_time.h).
#include "ingest/discord_time.h"

#include "base/time_util.h"

namespace casegraph::ingest {
namespace {

bool TwoDigits(std::string_view text, size_t at, int& out) {
  if (at + 2 > text.size()) return false;
  const char a = text[at], b = text[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return false;
  out = (a - '0') * 10 + (b - '0');
  return true;
}

}  // namespace

std::optional<DiscordTime> ParseDiscordTimestamp(std::string_view text) {
  constexpr size_t kCivil = 19;  // "YYYY-MM-DDTHH:MM:SS"
  if (text.size() < kCivil) return std::nullopt;
  auto civil = ParseIsoLocal(text.substr(0, kCivil));
  if (!civil) return std::nullopt;
  size_t i = kCivil;
  if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
    ++i;
    const size_t digits_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits_start) return std::nullopt;
  }
  if (i >= text.size()) return std::nullopt;  // DCE always writes the offset
  int32_t offset = 0;
  if (text[i] == 'Z' || text[i] == 'z') {
    ++i;
  } else if (text[i] == '+' || text[i] == '-') {
    const int sign = text[i] == '-' ? -1 : 1;
    int hours = 0, minutes = 0;
    if (!TwoDigits(text, i + 1, hours)) return std::nullopt;
    i += 3;
    if (i < text.size() && text[i] == ':') ++i;
    if (!TwoDigits(text, i, minutes)) return std::nullopt;
    i += 2;
    if (hours > 18 || minutes > 59) return std::nullopt;
    offset = sign * (hours * 3600 + minutes * 60);
  } else {
    return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return DiscordTime{CivilToUnix(*civil) - offset, offset};
}

}  // namespace casegraph::ingest
