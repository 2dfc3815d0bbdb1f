#include "indicators/subject_scope.h"

#include <gtest/gtest.h>

#include "base/time_util.h"

namespace casegraph::indicators {
namespace {

int64_t At(const char* iso) { return CivilToUnix(*ParseIsoLocal(iso)); }

TEST(MayBeMinorAt, FullDateTurnsEighteenOnTheBirthday) {
  EXPECT_TRUE(*MayBeMinorAt("2008-05-10", At("2026-05-09T23:00:00")));
  EXPECT_TRUE(*MayBeMinorAt("2008-05-10", At("2026-05-10T11:00:00")));  // still the 9th at UTC-12
  EXPECT_FALSE(*MayBeMinorAt("2008-05-10", At("2026-05-10T12:00:00")));
  EXPECT_FALSE(*MayBeMinorAt("2008-05-10", At("2030-01-01T00:00:00")));
}

TEST(MayBeMinorAt, PartialDatesTakeTheLatestBirthday) {
  EXPECT_TRUE(*MayBeMinorAt("2009", At("2027-12-31T11:00:00")));
  EXPECT_FALSE(*MayBeMinorAt("2009", At("2027-12-31T12:00:00")));
  EXPECT_TRUE(*MayBeMinorAt("2008-02", At("2026-02-28T20:00:00")));
  EXPECT_FALSE(*MayBeMinorAt("2008-02", At("2026-03-01T12:00:00")));
}

TEST(MayBeMinorAt, LeapDayBirthdayComesOfAgeOnFirstMarch) {
  EXPECT_TRUE(*MayBeMinorAt("2008-02-29", At("2026-02-28T23:00:00")));
  EXPECT_FALSE(*MayBeMinorAt("2008-02-29", At("2026-03-01T12:00:00")));
}

TEST(MayBeMinorAt, UnknownOrMalformedBirthIsUnknown) {
  EXPECT_FALSE(MayBeMinorAt("", 0).has_value());
  EXPECT_FALSE(MayBeMinorAt("20x9", 0).has_value());
  EXPECT_FALSE(MayBeMinorAt("2009-13", 0).has_value());
  EXPECT_FALSE(MayBeMinorAt("2009-02-30", 0).has_value());
  EXPECT_FALSE(MayBeMinorAt("2009-02-3", 0).has_value());
}

}  // namespace
}  // namespace casegraph::indicators
