#include "base/time_util.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>

namespace casegraph {
namespace {

bool ReadDigits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace

std::optional<LocalDateTime> ParseIsoLocal(std::string_view s) {
  LocalDateTime t;
  if (s.size() < 19) return std::nullopt;
  if (!ReadDigits(s, 0, 4, t.year) || s[4] != '-' || !ReadDigits(s, 5, 2, t.month) || s[7] != '-' ||
      !ReadDigits(s, 8, 2, t.day) || (s[10] != 'T' && s[10] != ' ') || !ReadDigits(s, 11, 2, t.hour) ||
      s[13] != ':' || !ReadDigits(s, 14, 2, t.minute) || s[16] != ':' || !ReadDigits(s, 17, 2, t.second)) {
    return std::nullopt;
  }
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59 ||
      t.second > 60) {
    return std::nullopt;
  }
  return t;
}

int64_t CivilToUnix(const LocalDateTime& t) {
  return DaysFromCivil(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)) * 86400 +
         t.hour * 3600 + t.minute * 60 + t.second;
}

LocalDateTime UnixToCivil(int64_t unix_seconds) {
  int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
  const int64_t secs = unix_seconds - days * 86400;
  // civil_from_days (Howard Hinnant)
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  return LocalDateTime{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d),
                       static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60)};
}

std::string FormatUtc(int64_t unix_seconds) {
  const LocalDateTime c = UnixToCivil(unix_seconds);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
  return buf;
}

Status ValidateTimeZone(const std::string& zone) {
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  icu::UnicodeString id;
  tz->getID(id);
  if (*tz == icu::TimeZone::getUnknown() && zone != "Etc/Unknown") {
    return Error::InvalidArgument("unknown time zone '" + zone + "' (use an IANA name such as Europe/Istanbul or UTC)");
  }
  return Ok();
}

Result<int64_t> LocalToUtc(const LocalDateTime& local, const std::string& zone) {
  CASEGRAPH_RETURN_IF_ERROR(ValidateTimeZone(zone));
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  const int64_t as_utc = CivilToUnix(local);
  // getOffset(local=true) treats the given millis as local wall time.
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(static_cast<UDate>(as_utc) * 1000.0, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) return Error::Internal("time-zone conversion failed for " + zone);
  return as_utc - (raw + dst) / 1000;
}

}  // namespace casegraph
