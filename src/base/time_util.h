// UTC instants as seconds since the Unix epoch, their ISO-8601 text form, and local wall-clock
// times resolved through an IANA zone (ICU's time-zone data). Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace casegraph {

// Civil date-time without a zone, as written by exporters ("2023-08-23T13:11:23").
struct LocalDateTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

// Parses "YYYY-MM-DDTHH:MM:SS" (also with a space instead of 'T'). Nullopt if malformed.
std::optional<LocalDateTime> ParseIsoLocal(std::string_view text);

// Seconds since the epoch of the civil time taken as UTC.
int64_t CivilToUnix(const LocalDateTime& t);

// The civil (proleptic Gregorian) date and time of an instant, in UTC.
LocalDateTime UnixToCivil(int64_t unix_seconds);

// "2023-08-23T20:11:23Z".
std::string FormatUtc(int64_t unix_seconds);

// Checks that `zone` is an IANA zone ICU knows (e.g. "Europe/Istanbul", "UTC").
Status ValidateTimeZone(const std::string& zone);

// The UTC instant of a local wall-clock time in `zone`. For the repeated hour at a DST fall-back
// the earlier instant is taken; a time in the skipped hour is taken as if standard time applied.
Result<int64_t> LocalToUtc(const LocalDateTime& local, const std::string& zone);

}  // namespace casegraph
