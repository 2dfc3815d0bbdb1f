// The exporting device's clock for the scenario writers: the UTC offset of an IANA zone at a
// given instant (ICU's zone data), for formats that write local wall-clock time (Telegram's
// HTML dates, DiscordChatExporter's timestamps). Offsets are cached for the span between two
// transitions, so a writer asking for millions of instants in time order pays for ICU only at
// transitions. Not thread-safe; one clock per writer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/result.h"

namespace casegraph::synth {

class ZoneClock {
 public:
  // `zone` is an IANA name ("Europe/Istanbul"); empty means UTC.
  static Result<ZoneClock> Make(const std::string& zone);

  ZoneClock(ZoneClock&&) noexcept;
  ZoneClock& operator=(ZoneClock&&) noexcept;
  ~ZoneClock();

  // Local time minus UTC, in seconds, at the instant `unix_seconds`.
  int OffsetAt(int64_t unix_seconds);

 private:
  struct Impl;
  explicit ZoneClock(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace casegraph::synth
