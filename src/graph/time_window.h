// A time window given on the command line (--after/--before) for `path` and `timeline`.
// Times are UTC: "2025-02-03", "2025-02-03T18:04:00" or "2025-02-03T18:04:00Z". A date alone
// is its first second for --after and its last second for --before, so `--before 2025-02-03`
// includes that day.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/result.h"

namespace casegraph::graph {

struct TimeWindow {
  std::optional<int64_t> after, before;  // inclusive bounds, Unix seconds
  bool any() const { return after.has_value() || before.has_value(); }
  bool Contains(int64_t t) const { return (!after || t >= *after) && (!before || t <= *before); }
};

// `end_of_day`: a date without a time means 23:59:59 (for --before).
Result<int64_t> ParseUtcInstant(std::string_view text, bool end_of_day);

// Both bounds parsed ("" = none); InvalidArgument naming the option when malformed or when
// after > before.
Result<TimeWindow> ParseTimeWindow(std::string_view after, std::string_view before);

}  // namespace casegraph::graph
