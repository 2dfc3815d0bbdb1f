// ZoneClock: the device zone's offset at an instant, across daylight-saving transitions, and
// refusing a zone ICU does not know.
#include <gtest/gtest.h>

#include "synth/scenario_zone.h"

namespace casegraph::synth {
namespace {

TEST(ScenarioZoneTest, OffsetsFollowTransitions) {
  auto berlin = ZoneClock::Make("Europe/Berlin");
  ASSERT_TRUE(berlin.ok()) << berlin.error().ToString();
  constexpr int64_t kSpringForward = 1743296400;  // 2025-03-30T01:00:00Z
  EXPECT_EQ(berlin->OffsetAt(kSpringForward - 1), 3600);
  EXPECT_EQ(berlin->OffsetAt(kSpringForward), 7200);
  EXPECT_EQ(berlin->OffsetAt(kSpringForward + 86400 * 100), 7200);
  // Back in time after the cache moved forward.
  EXPECT_EQ(berlin->OffsetAt(kSpringForward - 86400), 3600);
  constexpr int64_t kFallBack = 1761440400;  // 2025-10-26T01:00:00Z
  EXPECT_EQ(berlin->OffsetAt(kFallBack - 1), 7200);
  EXPECT_EQ(berlin->OffsetAt(kFallBack), 3600);
}

TEST(ScenarioZoneTest, EmptyIsUtcAndHalfHoursWork) {
  auto utc = ZoneClock::Make("");
  ASSERT_TRUE(utc.ok());
  EXPECT_EQ(utc->OffsetAt(1738605840), 0);
  auto kolkata = ZoneClock::Make("Asia/Kolkata");
  ASSERT_TRUE(kolkata.ok());
  EXPECT_EQ(kolkata->OffsetAt(1738605840), 5 * 3600 + 1800);
}

TEST(ScenarioZoneTest, RefusesUnknownZone) {
  auto bad = ZoneClock::Make("Europe/Atlantis");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("Europe/Atlantis"), std::string::npos);
}

}  // namespace
}  // namespace casegraph::synth
