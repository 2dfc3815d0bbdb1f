// UTC offsets of an IANA zone at given instants (ICU's zone data), for the local times that
// exports write (Telegram's "date", WhatsApp headers). The offset is cached with the span
// between the zone's transitions around it: messages come in time order, so almost every call
// is a cache hit. Not thread-safe: one per writer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/result.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class TimeZone;
class BasicTimeZone;
U_NAMESPACE_END

namespace casegraph::synth {

class ZoneOffsets {
 public:
  // An unknown zone is an error.
  static Result<std::unique_ptr<ZoneOffsets>> Open(const std::string& zone);
  ~ZoneOffsets();

  // Seconds to add to a UTC instant to get the zone's wall-clock time.
  int OffsetAt(int64_t utc);

 private:
  ZoneOffsets() = default;
  std::unique_ptr<icu::TimeZone> zone_;
  const icu::BasicTimeZone* transitions_ = nullptr;  // zone_ itself when ICU gives transitions
  int64_t valid_from_ = 0, valid_to_ = 0;            // the cached offset holds in [from, to)
  int cached_offset_ = 0;
};

}  // namespace casegraph::synth
