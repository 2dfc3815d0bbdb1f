// ICU-backed device clock for the scenario writers (see scenario_zone.h).
#include "synth/scenario_zone.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/tztrans.h>
#include <unicode/unistr.h>

#include <limits>

#include "base/time_util.h"

namespace casegraph::synth {

struct ZoneClock::Impl {
  std::unique_ptr<icu::TimeZone> zone;  // null: UTC
  // The offset holds for [valid_from, valid_to) (seconds).
  int64_t valid_from = 0, valid_to = -1;
  int offset = 0;

  void Refill(int64_t unix_seconds) {
    const UDate at = static_cast<UDate>(unix_seconds) * 1000.0;
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    zone->getOffset(at, /*local=*/false, raw, dst, status);
    offset = U_FAILURE(status) ? 0 : (raw + dst) / 1000;
    valid_from = unix_seconds;
    valid_to = unix_seconds + 1;
    auto* basic = dynamic_cast<icu::BasicTimeZone*>(zone.get());
    if (basic == nullptr) return;  // no transition data: ask ICU every second (never the case in practice)
    icu::TimeZoneTransition transition;
    valid_from = basic->getPreviousTransition(at, /*inclusive=*/true, transition)
                     ? static_cast<int64_t>(transition.getTime() / 1000.0)
                     : std::numeric_limits<int64_t>::min();
    valid_to = basic->getNextTransition(at, /*inclusive=*/false, transition)
                   ? static_cast<int64_t>(transition.getTime() / 1000.0)
                   : std::numeric_limits<int64_t>::max();
  }
};

ZoneClock::ZoneClock(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZoneClock::ZoneClock(ZoneClock&&) noexcept = default;
ZoneClock& ZoneClock::operator=(ZoneClock&&) noexcept = default;
ZoneClock::~ZoneClock() = default;

Result<ZoneClock> ZoneClock::Make(const std::string& zone) {
  auto impl = std::make_unique<Impl>();
  if (!zone.empty() && zone != "UTC") {
    CASEGRAPH_RETURN_IF_ERROR(ValidateTimeZone(zone));
    impl->zone.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  }
  return ZoneClock(std::move(impl));
}

int ZoneClock::OffsetAt(int64_t unix_seconds) {
  Impl& z = *impl_;
  if (!z.zone) return 0;
  if (unix_seconds < z.valid_from || unix_seconds >= z.valid_to) z.Refill(unix_seconds);
  return z.offset;
}

}  // namespace casegraph::synth
