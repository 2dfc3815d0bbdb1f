// Zone offsets through ICU (see scenario_zone.h).
#include "synth/scenario_zone.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/tztrans.h>

#include "base/time_util.h"

namespace casegraph::synth {

Result<std::unique_ptr<ZoneOffsets>> ZoneOffsets::Open(const std::string& zone) {
  CASEGRAPH_RETURN_IF_ERROR(ValidateTimeZone(zone));
  std::unique_ptr<ZoneOffsets> z(new ZoneOffsets());
  z->zone_.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  if (!z->zone_) return Error::InvalidArgument("unknown time zone '" + zone + "'");
  z->transitions_ = dynamic_cast<const icu::BasicTimeZone*>(z->zone_.get());
  return z;
}

ZoneOffsets::~ZoneOffsets() = default;

int ZoneOffsets::OffsetAt(int64_t utc) {
  if (utc >= valid_from_ && utc < valid_to_) return cached_offset_;
  const UDate at = static_cast<UDate>(utc) * 1000.0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone_->getOffset(at, false, raw, dst, status);
  cached_offset_ = U_FAILURE(status) ? 0 : (raw + dst) / 1000;
  // Valid until the next transition and since the last one; without transition data, one hour
  // (every real transition falls on a whole quarter hour, the zones used here on whole hours).
  valid_from_ = utc - ((utc % 3600) + 3600) % 3600;
  valid_to_ = valid_from_ + 3600;
  icu::TimeZoneTransition t;
  if (transitions_ != nullptr) {
    valid_from_ = transitions_->getPreviousTransition(at, true, t) ? static_cast<int64_t>(t.getTime() / 1000.0) : INT64_MIN;
    valid_to_ = transitions_->getNextTransition(at, false, t) ? static_cast<int64_t>(t.getTime() / 1000.0) : INT64_MAX;
  }
  return cached_offset_;
}

}  // namespace casegraph::synth
