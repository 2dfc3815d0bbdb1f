#include "ingest/mapped_time.h"

#include <cctype>

#include "base/time_util.h"

namespace casegraph::ingest::mapped {
namespace {

// Reads 1..max_digits digits (exactly `max_digits` when `exact`).
bool Digits(std::string_view s, size_t& pos, size_t max_digits, bool exact, int& out) {
  size_t n = 0;
  int v = 0;
  while (pos + n < s.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(s[pos + n]))) {
    v = v * 10 + (s[pos + n] - '0');
    ++n;
  }
  if (n == 0 || (exact && n != max_digits)) return false;
  pos += n;
  out = v;
  return true;
}

// "Z", "+03:00", "+0300", "+03" -> seconds east of UTC.
bool Offset(std::string_view s, size_t& pos, int32_t& out) {
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
    out = 0;
    return true;
  }
  if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return false;
  const int sign = s[pos] == '-' ? -1 : 1;
  ++pos;
  int h = 0, m = 0;
  if (!Digits(s, pos, 2, true, h)) return false;
  if (pos < s.size() && s[pos] == ':') ++pos;
  if (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
    if (!Digits(s, pos, 2, true, m)) return false;
  }
  if (h > 18 || m > 59) return false;
  out = sign * (h * 3600 + m * 60);
  return true;
}

bool Valid(const LocalDateTime& t) {
  return t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= 31 && t.hour <= 23 && t.minute <= 59 && t.second <= 60;
}

bool ParseIso(std::string_view s, LocalDateTime& t, std::optional<int32_t>& offset) {
  size_t pos = 0;
  if (!Digits(s, pos, 4, true, t.year) || pos >= s.size() || s[pos++] != '-' || !Digits(s, pos, 2, true, t.month) ||
      pos >= s.size() || s[pos++] != '-' || !Digits(s, pos, 2, true, t.day)) {
    return false;
  }
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return false;
    ++pos;
    if (!Digits(s, pos, 2, true, t.hour) || pos >= s.size() || s[pos++] != ':' || !Digits(s, pos, 2, true, t.minute)) {
      return false;
    }
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!Digits(s, pos, 2, true, t.second)) return false;
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        const size_t start = pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
        if (pos == start) return false;
      }
    }
    if (pos < s.size()) {
      int32_t off = 0;
      if (!Offset(s, pos, off)) return false;
      offset = off;
    }
  }
  return pos == s.size() && Valid(t);
}

constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

bool ParsePattern(std::string_view s, std::string_view pattern, LocalDateTime& t, std::optional<int32_t>& offset) {
  size_t pos = 0;
  int hour12 = -1;
  int pm = -1;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char p = pattern[i];
    if (p != '%') {
      if (pos >= s.size() || s[pos] != p) return false;
      ++pos;
      continue;
    }
    if (++i >= pattern.size()) return false;
    int v = 0;
    switch (pattern[i]) {
      case 'Y': if (!Digits(s, pos, 4, true, t.year)) return false; break;
      case 'y': if (!Digits(s, pos, 2, true, v)) return false; t.year = 2000 + v; break;
      case 'm': if (!Digits(s, pos, 2, false, t.month)) return false; break;
      case 'd': case 'e':
        if (pos < s.size() && s[pos] == ' ') ++pos;
        if (!Digits(s, pos, 2, false, t.day)) return false;
        break;
      case 'H': if (!Digits(s, pos, 2, false, t.hour)) return false; break;
      case 'I': if (!Digits(s, pos, 2, false, hour12)) return false; break;
      case 'M': if (!Digits(s, pos, 2, true, t.minute)) return false; break;
      case 'S': if (!Digits(s, pos, 2, true, t.second)) return false; break;
      case 'f': {
        const size_t start = pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
        if (pos == start) return false;
        break;
      }
      case 'p': {
        if (pos + 2 > s.size()) return false;
        const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(s[pos])));
        if ((a != 'a' && a != 'p') || std::tolower(static_cast<unsigned char>(s[pos + 1])) != 'm') return false;
        pm = a == 'p';
        pos += 2;
        break;
      }
      case 'b': {
        if (pos + 3 > s.size()) return false;
        std::string mon;
        for (size_t k = 0; k < 3; ++k) mon += static_cast<char>(std::tolower(static_cast<unsigned char>(s[pos + k])));
        t.month = 0;
        for (int k = 0; k < 12; ++k) {
          if (mon == kMonths[k]) t.month = k + 1;
        }
        if (t.month == 0) return false;
        pos += 3;
        break;
      }
      case 'z': {
        int32_t off = 0;
        if (!Offset(s, pos, off)) return false;
        offset = off;
        break;
      }
      case '%': if (pos >= s.size() || s[pos] != '%') return false; ++pos; break;
      default: return false;
    }
  }
  if (hour12 >= 0) {
    if (hour12 < 1 || hour12 > 12 || pm < 0) return false;
    t.hour = hour12 % 12 + (pm == 1 ? 12 : 0);
  }
  return pos == s.size() && Valid(t);
}

bool ParseInteger(std::string_view s, int64_t& out, bool allow_fraction) {
  size_t pos = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) ++pos;
  if (pos >= s.size()) return false;
  int64_t v = 0;
  for (; pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])); ++pos) {
    if (v > 922337203685477580) return false;
    v = v * 10 + (s[pos] - '0');
  }
  if (pos < s.size()) {
    if (!allow_fraction || s[pos] != '.') return false;
    for (++pos; pos < s.size(); ++pos) {
      if (!std::isdigit(static_cast<unsigned char>(s[pos]))) return false;
    }
  }
  out = negative ? -v : v;
  return true;
}

bool FixedOffset(const std::string& zone, int32_t& out) {
  size_t pos = 0;
  return (zone.size() >= 3 && (zone[0] == '+' || zone[0] == '-')) && Offset(zone, pos, out) && pos == zone.size();
}

}  // namespace

std::optional<TimeFormat> ParseTimeFormat(std::string_view text) {
  if (text == "iso8601") return TimeFormat::kIso8601;
  if (text == "unix") return TimeFormat::kUnixSeconds;
  if (text == "unix_ms") return TimeFormat::kUnixMillis;
  if (text.find('%') != std::string_view::npos) return TimeFormat::kPattern;
  return std::nullopt;
}

bool CheckPattern(std::string_view pattern, std::string* why) {
  bool has_year = false, has_day = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') continue;
    if (++i >= pattern.size() || std::string_view("YymdeHIMSfpbz%").find(pattern[i]) == std::string_view::npos) {
      *why = "pattern fields are %Y %y %m %d %e %H %I %M %S %f %p %b %z %%";
      return false;
    }
    has_year = has_year || pattern[i] == 'Y' || pattern[i] == 'y';
    has_day = has_day || pattern[i] == 'd' || pattern[i] == 'e';
  }
  if (!has_year || !has_day) {
    *why = "a pattern needs at least a year (%Y or %y) and a day (%d)";
    return false;
  }
  return true;
}

bool CheckZone(const std::string& zone, std::string* why) {
  int32_t off = 0;
  if (zone == "utc" || zone == "examiner" || FixedOffset(zone, off)) return true;
  auto status = ValidateTimeZone(zone);
  if (!status) {
    *why = "zone \"" + zone + "\" is not utc, examiner, a fixed offset (+03:00) or an IANA name ICU knows";
    return false;
  }
  return true;
}

Result<ConvertedTime> ConvertTime(std::string_view value, const TimeSpec& spec, const std::string& examiner_tz) {
  ConvertedTime out;
  if (spec.format == TimeFormat::kUnixSeconds || spec.format == TimeFormat::kUnixMillis) {
    int64_t n = 0;
    if (!ParseInteger(value, n, spec.format == TimeFormat::kUnixSeconds)) {
      return Error::Corrupt("\"" + std::string(value) + "\" is not a unix time" +
                            (spec.format == TimeFormat::kUnixMillis ? " in milliseconds" : ""));
    }
    if (spec.format == TimeFormat::kUnixMillis) n = n >= 0 ? n / 1000 : -((-n + 999) / 1000);
    out.utc = n;
    out.basis = "unixtime";
    int32_t fixed = 0;
    if (spec.zone == "utc") out.offset_seconds = 0;
    if (FixedOffset(spec.zone, fixed)) out.offset_seconds = fixed;
    return out;
  }
  LocalDateTime local;
  std::optional<int32_t> offset;
  const bool parsed = spec.format == TimeFormat::kIso8601 ? ParseIso(value, local, offset)
                                                           : ParsePattern(value, spec.pattern, local, offset);
  if (!parsed) {
    return Error::Corrupt("\"" + std::string(value) + "\" does not match the time format " +
                          (spec.format == TimeFormat::kIso8601 ? std::string("iso8601") : "\"" + spec.pattern + "\""));
  }
  const int64_t as_utc = CivilToUnix(local);
  if (offset) {
    out.utc = as_utc - *offset;
    out.offset_seconds = offset;
    out.basis = "explicit-offset";
    return out;
  }
  int32_t fixed = 0;
  if (spec.zone == "utc" || FixedOffset(spec.zone, fixed)) {
    if (spec.zone == "utc") fixed = 0;
    out.utc = as_utc - fixed;
    out.offset_seconds = fixed;
    out.basis = "mapping-zone";
    return out;
  }
  std::string zone = spec.zone;
  if (zone == "examiner") {
    if (examiner_tz.empty()) {
      return Error::InvalidArgument("the mapping takes local times in the examiner's zone: give --tz ZONE");
    }
    zone = examiner_tz;
  }
  if (zone.empty()) {
    return Error::Corrupt("\"" + std::string(value) + "\" has no offset and the mapping gives no zone for it");
  }
  auto utc = LocalToUtc(local, zone);
  if (!utc) return utc.error();
  out.utc = *utc;
  out.offset_seconds = static_cast<int32_t>(as_utc - *utc);
  out.basis = spec.zone == "examiner" ? "examiner-tz" : "mapping-zone";
  return out;
}

}  // namespace casegraph::ingest::mapped
