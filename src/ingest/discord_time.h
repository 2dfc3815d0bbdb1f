// DiscordChatExporter timestamps: ISO-8601 with a variable number of fractional digits and an
// explicit offset ("2023-01-06T14:03:03.853+00:00", "…T23:19:27.384-04:00", "…Z"). DCE converts
// to the exporting machine's zone unless --utc was given, but always writes the offset, so the
// instant is unambiguous. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace casegraph::ingest {

struct DiscordTime {
  int64_t utc = 0;             // seconds since the epoch (fraction dropped)
  int32_t offset_seconds = 0;  // local - UTC as written
};

// Nullopt when `text` is not "YYYY-MM-DDTHH:MM:SS[.f…](Z|±HH:MM|±HHMM)".
std::optional<DiscordTime> ParseDiscordTimestamp(std::string_view text);

}  // namespace casegraph::ingest
