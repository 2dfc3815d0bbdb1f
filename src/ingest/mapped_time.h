// Time values of the mapping language: unix seconds or milliseconds, ISO-8601 (with or without
// an offset, any number of fractional digits), or a strftime-like pattern; values without an
// offset are placed in the mapping's zone (fixed, IANA, or the examiner's --tz) through ICU.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "ingest/mapped_mapping.h"

namespace casegraph::ingest::mapped {

std::optional<TimeFormat> ParseTimeFormat(std::string_view text);
// A pattern uses only the fields ConvertTime understands.
bool CheckPattern(std::string_view pattern, std::string* why);
// "utc", "examiner", "+03:00"/"-0530", or an IANA zone ICU knows.
bool CheckZone(const std::string& zone, std::string* why);

struct ConvertedTime {
  int64_t utc = 0;
  std::optional<int32_t> offset_seconds;  // local - UTC, when the value or the zone says
  std::string basis;                      // "explicit-offset", "unixtime", "mapping-zone", "examiner-tz"
};

// `examiner_tz` is the --tz option (may be empty). Errors say what did not fit, no location.
Result<ConvertedTime> ConvertTime(std::string_view value, const TimeSpec& spec, const std::string& examiner_tz);

}  // namespace casegraph::ingest::mapped
