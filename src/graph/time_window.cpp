#include "graph/time_window.h"

#include <string>

#include "base/time_util.h"

namespace casegraph::graph {

Result<int64_t> ParseUtcInstant(std::string_view text, bool end_of_day) {
  std::string s(text);
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z')) s.pop_back();
  const bool date_only = s.size() == 10;
  if (date_only) s += end_of_day ? "T23:59:59" : "T00:00:00";
  auto local = s.size() == 19 ? ParseIsoLocal(s) : std::nullopt;
  if (!local) {
    return Error::InvalidArgument("'" + std::string(text) +
                                  "' is not a UTC time (use 2025-02-03, 2025-02-03T18:04:00 or 2025-02-03T18:04:00Z)");
  }
  return CivilToUnix(*local);
}

Result<TimeWindow> ParseTimeWindow(std::string_view after, std::string_view before) {
  TimeWindow w;
  if (!after.empty()) {
    auto t = ParseUtcInstant(after, /*end_of_day=*/false);
    if (!t) return Error::InvalidArgument("--after: " + t.error().message());
    w.after = *t;
  }
  if (!before.empty()) {
    auto t = ParseUtcInstant(before, /*end_of_day=*/true);
    if (!t) return Error::InvalidArgument("--before: " + t.error().message());
    w.before = *t;
  }
  if (w.after && w.before && *w.after > *w.before) {
    return Error::InvalidArgument("--after " + std::string(after) + " is later than --before " + std::string(before));
  }
  return w;
}

}  // namespace casegraph::graph
