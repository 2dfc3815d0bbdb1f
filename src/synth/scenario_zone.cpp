// Zone offsets through ICU (see scenario_zone.h).
#include "synth/scenario_zone.h"

#include <unicode/timezone.h>

#include "base/time_util.h"

namespace casegraph::synth {

Result<std::unique_ptr<ZoneOffsets>> ZoneOffsets::Open(const std::string& zone) {
  CASEGRAPH_RETURN_IF_ERROR(ValidateTimeZone(zone));
  std::unique_ptr<ZoneOffsets> z(new ZoneOffsets());
  z->zone_.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  if (!z->zone_) return Error::InvalidArgument("unknown time zone '" + zone + "'");
  return z;
}

ZoneOffsets::~ZoneOffsets() = default;

int ZoneOffsets::OffsetAt(int64_t utc) {
  // Floor division: an hour bucket never straddles a transition (all real ones fall on whole
  // quarter hours; the zones used here change on whole hours).
  const int64_t hour = utc >= 0 ? utc / 3600 : -((-utc + 3599) / 3600);
  if (hour == cached_hour_) return cached_offset_;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone_->getOffset(static_cast<UDate>(utc) * 1000.0, false, raw, dst, status);
  cached_hour_ = hour;
  cached_offset_ = U_FAILURE(status) ? 0 : (raw + dst) / 1000;
  return cached_offset_;
}

}  // namespace casegraph::synth
