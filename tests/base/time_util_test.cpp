#include "base/time_util.h"

#include <gtest/gtest.h>

namespace casegraph {
namespace {

TEST(TimeUtilTest, ParsesExporterLocalTimes) {
  auto t = ParseIsoLocal("2023-08-23T13:11:23");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->year, 2023);
  EXPECT_EQ(t->second, 23);
  EXPECT_TRUE(ParseIsoLocal("2023-08-23 13:11:23").has_value());
  EXPECT_FALSE(ParseIsoLocal("2023-13-01T00:00:00").has_value());
  EXPECT_FALSE(ParseIsoLocal("2023-08-23").has_value());
  EXPECT_FALSE(ParseIsoLocal("yesterday at noon!!").has_value());
}

TEST(TimeUtilTest, UnixRoundTrip) {
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtc(1692821483), "2023-08-23T20:11:23Z");
  EXPECT_EQ(FormatUtc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatUtc(951782400), "2000-02-29T00:00:00Z");
  for (int64_t t : {int64_t{0}, int64_t{-86401}, int64_t{1692821483}, int64_t{4102444800}}) {
    EXPECT_EQ(CivilToUnix(UnixToCivil(t)), t);
  }
}

TEST(TimeUtilTest, LocalToUtcFollowsTheZone) {
  auto t = ParseIsoLocal("2020-01-01T00:00:02");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatUtc(*LocalToUtc(*t, "Europe/Istanbul")), "2019-12-31T21:00:02Z");
  EXPECT_EQ(FormatUtc(*LocalToUtc(*t, "UTC")), "2020-01-01T00:00:02Z");
  auto summer = ParseIsoLocal("2023-08-23T13:11:23");
  EXPECT_EQ(FormatUtc(*LocalToUtc(*summer, "America/Los_Angeles")), "2023-08-23T20:11:23Z");  // PDT, UTC-7
  EXPECT_FALSE(LocalToUtc(*t, "Mars/Olympus").ok());
  EXPECT_FALSE(ValidateTimeZone("not a zone").ok());
  EXPECT_TRUE(ValidateTimeZone("Asia/Ashgabat").ok());
}

}  // namespace
}  // namespace casegraph
