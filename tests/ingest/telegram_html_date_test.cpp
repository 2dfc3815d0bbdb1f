// Date titles of the Telegram HTML export and the time policy: --tz wins (warning when the
// label disagrees), else the label's offset with a note, else the import needs --tz.
#include <gtest/gtest.h>

#include "base/time_util.h"
#include "ingest/telegram_html_date.h"

namespace casegraph::ingest {
namespace {

TEST(TelegramHtmlDateTest, ParsesTheThreeTitleForms) {
  auto labelled = ParseHtmlDateTitle("13.05.2023 11:42:27 UTC-08:00");
  ASSERT_TRUE(labelled);
  EXPECT_EQ(labelled->local_text, "2023-05-13T11:42:27");
  ASSERT_TRUE(labelled->label_offset_seconds);
  EXPECT_EQ(*labelled->label_offset_seconds, -8 * 3600);
  EXPECT_EQ(labelled->label, "UTC-08:00");

  auto old = ParseHtmlDateTitle("13.05.2023 11:42:27");
  ASSERT_TRUE(old);
  EXPECT_FALSE(old->label_offset_seconds);

  auto first_exporter = ParseHtmlDateTitle("2018.06.15 09:05:01");
  ASSERT_TRUE(first_exporter);
  EXPECT_EQ(first_exporter->local_text, "2018-06-15T09:05:01");

  auto half_hour = ParseHtmlDateTitle("01.01.2024 00:00:00 UTC+05:30");
  ASSERT_TRUE(half_hour);
  EXPECT_EQ(*half_hour->label_offset_seconds, 5 * 3600 + 1800);
  auto utc = ParseHtmlDateTitle("01.01.2024 00:00:00 UTC");
  ASSERT_TRUE(utc);
  EXPECT_EQ(*utc->label_offset_seconds, 0);
}

TEST(TelegramHtmlDateTest, RejectsMalformedTitles) {
  for (const char* bad : {"", "13.05.2023", "32.01.2023 10:00:00", "29.02.2023 10:00:00", "13.05.2023 25:00:00",
                          "13.05.2023 11:42:27 PST", "13.05.2023 11:42:27 UTC+99:00", "13/05/2023 11:42:27",
                          "13.05.2023 11:42:27 UTC-08:00 extra"}) {
    EXPECT_FALSE(ParseHtmlDateTitle(bad)) << bad;
  }
}

TEST(TelegramHtmlDateTest, LabelOffsetWithoutTzAndANote) {
  HtmlClock clock("");
  auto t = clock.Resolve(*ParseHtmlDateTitle("23.08.2023 13:11:23 UTC-08:00"));
  ASSERT_EQ(t.outcome, HtmlTime::Outcome::kOk);
  EXPECT_EQ(FormatUtc(*t.utc), "2023-08-23T21:11:23Z");
  EXPECT_STREQ(t.basis, "label-offset");
  EXPECT_NE(clock.Note().find("one hour"), std::string::npos) << clock.Note();
  EXPECT_NE(clock.Note().find("--tz"), std::string::npos);
}

TEST(TelegramHtmlDateTest, ExaminerZoneWinsAndTheDisagreementIsNoticedOnce) {
  HtmlClock clock("America/Los_Angeles");
  auto summer = clock.Resolve(*ParseHtmlDateTitle("23.08.2023 13:11:23 UTC-08:00"));
  EXPECT_EQ(FormatUtc(*summer.utc), "2023-08-23T20:11:23Z");  // the JSON twin's date_unixtime
  EXPECT_EQ(*summer.offset_seconds, -7 * 3600);
  EXPECT_STREQ(summer.basis, "examiner-tz");
  EXPECT_TRUE(summer.label_disagrees);
  EXPECT_TRUE(clock.TakeDisagreementNotice());
  clock.Resolve(*ParseHtmlDateTitle("24.08.2023 13:11:23 UTC-08:00"));
  EXPECT_FALSE(clock.TakeDisagreementNotice());
  auto winter = clock.Resolve(*ParseHtmlDateTitle("23.12.2023 13:11:23 UTC-08:00"));
  EXPECT_FALSE(winter.label_disagrees);
  EXPECT_EQ(FormatUtc(*winter.utc), "2023-12-23T21:11:23Z");
  EXPECT_NE(clock.Note().find("2 date labels disagree"), std::string::npos) << clock.Note();
}

TEST(TelegramHtmlDateTest, NoLabelNoZoneNeedsZone) {
  HtmlClock clock("");
  EXPECT_EQ(clock.Resolve(*ParseHtmlDateTitle("13.05.2023 11:42:27")).outcome, HtmlTime::Outcome::kNeedsZone);
  HtmlClock with_zone("Europe/Istanbul");
  auto t = with_zone.Resolve(*ParseHtmlDateTitle("13.05.2023 11:42:27"));
  EXPECT_EQ(FormatUtc(*t.utc), "2023-05-13T08:42:27Z");
}

}  // namespace
}  // namespace casegraph::ingest
