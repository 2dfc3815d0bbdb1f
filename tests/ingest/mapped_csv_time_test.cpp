// The mapped importer's CSV reader (RFC 4180 plus the sloppiness of real exports) and its time
// conversion (unix, ISO-8601, strftime-like patterns, zones).
#include <gtest/gtest.h>

#include "ingest/mapped_csv.h"
#include "ingest/mapped_time.h"

namespace casegraph::ingest::mapped {
namespace {

std::vector<CsvRecord> ReadAll(std::string_view text, char delimiter = ',') {
  CsvReader reader(text, delimiter);
  std::vector<CsvRecord> out;
  CsvRecord r;
  while (true) {
    auto more = reader.Next(r, "t.csv");
    EXPECT_TRUE(more.ok()) << more.error().ToString();
    if (!more.ok() || !*more) break;
    out.push_back(r);
  }
  return out;
}

TEST(MappedCsvTest, QuotesNewlinesDoubledQuotesAndBom) {
  const std::string text =
      "\xEF\xBB\xBF" "a,b,c\r\n"
      "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
      "\r\n"
      "2,\"line one\nline two\r\nline three\",end\n"
      "3,,\n"
      "4,last,no newline";
  auto rows = ReadAll(text);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(rows[0].line, 1u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1", "x, y", "say \"hi\""}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"2", "line one\nline two\r\nline three", "end"}));
  EXPECT_EQ(rows[2].line, 4u);  // line 3 is blank and skipped
  EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"3", "", ""}));
  EXPECT_EQ(rows[3].line, 7u);
  EXPECT_EQ(rows[4].fields, (std::vector<std::string>{"4", "last", "no newline"}));
  EXPECT_EQ(text.substr(rows[1].begin, rows[1].end - rows[1].begin), "1,\"x, y\",\"say \"\"hi\"\"\"");
}

TEST(MappedCsvTest, LenientWithStrayQuotesAndOtherDelimiters) {
  auto rows = ReadAll("a;b\n5\" screen;\"ok\"tail\n", ';');
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"5\" screen", "oktail"}));
}

TEST(MappedCsvTest, UnbalancedQuoteIsAnErrorWithTheLineWhereItOpened) {
  CsvReader reader("a,b\n1,ok\n2,\"never closed\n3,x\n4,y\n");
  CsvRecord r;
  ASSERT_TRUE(*reader.Next(r, "t.csv"));
  ASSERT_TRUE(*reader.Next(r, "t.csv"));
  auto bad = reader.Next(r, "t.csv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().where().file, "t.csv");
  EXPECT_EQ(bad.error().where().place, "line 3");
  EXPECT_NE(bad.error().message().find("never closed"), std::string::npos);
}

TEST(MappedCsvTest, RecordAtLineForShow) {
  const std::string text = "h1,h2\n1,\"a\nb\"\n2,c\n";
  auto rec = CsvRecordAtLine(text, 2, '"', "t.csv");
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(*rec, "1,\"a\nb\"");
  EXPECT_EQ(*CsvRecordAtLine(text, 4, '"', "t.csv"), "2,c");
  EXPECT_FALSE(CsvRecordAtLine(text, 3, '"', "t.csv").ok());  // inside the quoted field
  EXPECT_FALSE(CsvRecordAtLine(text, 9, '"', "t.csv").ok());
}

TimeSpec Spec(TimeFormat format, std::string zone = "", std::string pattern = "") {
  TimeSpec s;
  s.format = format;
  s.zone = std::move(zone);
  s.pattern = std::move(pattern);
  return s;
}

TEST(MappedTimeTest, UnixSecondsAndMillis) {
  auto t = ConvertTime("1709390000", Spec(TimeFormat::kUnixSeconds), "");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->utc, 1709390000);
  EXPECT_FALSE(t->offset_seconds.has_value());
  EXPECT_EQ(t->basis, "unixtime");
  EXPECT_EQ(ConvertTime("1709390000.75", Spec(TimeFormat::kUnixSeconds), "")->utc, 1709390000);
  EXPECT_EQ(ConvertTime("1709390125999", Spec(TimeFormat::kUnixMillis), "")->utc, 1709390125);
  EXPECT_EQ(ConvertTime("-1500", Spec(TimeFormat::kUnixMillis), "")->utc, -2);
  EXPECT_EQ(*ConvertTime("0", Spec(TimeFormat::kUnixSeconds, "+02:00"), "")->offset_seconds, 7200);
  EXPECT_FALSE(ConvertTime("12:30", Spec(TimeFormat::kUnixSeconds), "").ok());
  EXPECT_FALSE(ConvertTime("99999999999999999999999", Spec(TimeFormat::kUnixSeconds), "").ok());
}

TEST(MappedTimeTest, IsoWithAndWithoutOffsets) {
  const auto iso = Spec(TimeFormat::kIso8601);
  auto t = ConvertTime("2023-01-06T23:19:27.384-04:00", iso, "");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->utc, 1673061567);
  EXPECT_EQ(*t->offset_seconds, -4 * 3600);
  EXPECT_EQ(t->basis, "explicit-offset");
  EXPECT_EQ(ConvertTime("2023-01-07T03:19:27Z", iso, "")->utc, 1673061567);
  EXPECT_EQ(ConvertTime("2023-01-07 03:19:27+0000", iso, "")->utc, 1673061567);
  EXPECT_EQ(ConvertTime("2023-01-07T03:19", Spec(TimeFormat::kIso8601, "utc"), "")->utc, 1673061540);
  // No offset and no zone: refused, never a silent guess.
  EXPECT_FALSE(ConvertTime("2023-01-07T03:19:27", iso, "").ok());
  EXPECT_FALSE(ConvertTime("2023-13-07T03:19:27Z", iso, "").ok());
  EXPECT_FALSE(ConvertTime("2023-01-07T03:19:27+25:00", iso, "").ok());
  EXPECT_FALSE(ConvertTime("yesterday", iso, "").ok());
}

TEST(MappedTimeTest, ZonesFixedIanaAndExaminer) {
  auto berlin = ConvertTime("2024-07-01T12:00:00", Spec(TimeFormat::kIso8601, "Europe/Berlin"), "");
  ASSERT_TRUE(berlin.ok());
  EXPECT_EQ(berlin->utc, 1719828000);  // 10:00Z in summer time
  EXPECT_EQ(*berlin->offset_seconds, 7200);
  EXPECT_EQ(berlin->basis, "mapping-zone");
  auto examiner = ConvertTime("2024-01-01T12:00:00", Spec(TimeFormat::kIso8601, "examiner"), "Asia/Tokyo");
  ASSERT_TRUE(examiner.ok());
  EXPECT_EQ(examiner->utc, 1704078000);
  EXPECT_EQ(examiner->basis, "examiner-tz");
  auto no_tz = ConvertTime("2024-01-01T12:00:00", Spec(TimeFormat::kIso8601, "examiner"), "");
  ASSERT_FALSE(no_tz.ok());
  EXPECT_EQ(no_tz.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_NE(no_tz.error().message().find("--tz"), std::string::npos);
}

TEST(MappedTimeTest, Patterns) {
  auto p = [](const char* pattern, const char* value, const char* zone = "utc") {
    return ConvertTime(value, Spec(TimeFormat::kPattern, zone, pattern), "");
  };
  EXPECT_EQ(p("%d.%m.%Y %H:%M:%S", "02.03.2024 17:33:20", "Europe/Istanbul")->utc, 1709390000);
  EXPECT_EQ(p("%m/%d/%y, %I:%M %p", "3/2/24, 2:33 PM")->utc, 1709389980);
  EXPECT_EQ(p("%m/%d/%y, %I:%M %p", "3/2/24, 12:05 am")->utc, 1709337900);
  EXPECT_EQ(p("%e %b %Y %H:%M", " 2 Mar 2024 14:33")->utc, 1709389980);
  auto with_offset = p("%Y-%m-%d %H:%M:%S.%f %z", "2024-03-02 17:33:20.123 +0300", "");
  ASSERT_TRUE(with_offset.ok());
  EXPECT_EQ(with_offset->utc, 1709390000);
  EXPECT_EQ(*with_offset->offset_seconds, 10800);
  EXPECT_FALSE(p("%d.%m.%Y %H:%M:%S", "2024-03-02 17:33:20").ok());
  EXPECT_FALSE(p("%d.%m.%Y %H:%M", "02.03.2024 17:33 trailing").ok());
  EXPECT_FALSE(p("%I:%M %d.%m.%Y", "13:00 02.03.2024").ok());  // %I without %p
}

}  // namespace
}  // namespace casegraph::ingest::mapped
