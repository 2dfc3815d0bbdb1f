// The WhatsApp header scanner on one line at a time: every layout of FORMATS.md §4.2 and the
// damaged ones that must fall back to continuation text.
#include "ingest/whatsapp_header.h"

#include <gtest/gtest.h>

#include "ingest/whatsapp_date_order.h"

namespace casegraph::ingest::whatsapp {
namespace {

struct Case {
  const char* line;
  int f0, f1, f2, hour, minute, second;
  const char* rest;  // what follows the header
};

class WhatsAppHeaderTest : public ::testing::TestWithParam<Case> {};

TEST_P(WhatsAppHeaderTest, Parses) {
  const Case& c = GetParam();
  Header h;
  ASSERT_TRUE(ParseHeader(c.line, &h)) << c.line;
  EXPECT_EQ(h.field[0], c.f0) << c.line;
  EXPECT_EQ(h.field[1], c.f1) << c.line;
  EXPECT_EQ(h.field[2], c.f2) << c.line;
  EXPECT_EQ(h.hour, c.hour) << c.line;
  EXPECT_EQ(h.minute, c.minute) << c.line;
  EXPECT_EQ(h.second, c.second) << c.line;
  EXPECT_EQ(std::string_view(c.line).substr(h.length), c.rest) << c.line;
}

INSTANTIATE_TEST_SUITE_P(
    Layouts, WhatsAppHeaderTest,
    ::testing::Values(
        Case{"23/03/2022, 13:31 - A: x", 23, 3, 2022, 13, 31, 0, "A: x"},
        Case{"1/23/23, 3:19 AM - User 2: Bye!", 1, 23, 23, 3, 19, 0, "User 2: Bye!"},
        Case{"7/19/22, 11:32\u202FPM - User 1: Hello", 7, 19, 22, 23, 32, 0, "User 1: Hello"},
        Case{"7/20/22, 12:16\u202Fam - U: x", 7, 20, 22, 0, 16, 0, "U: x"},
        Case{"06/20/2020, 00:08 a. m. - +12 345 578 created group", 6, 20, 2020, 0, 8, 0, "+12 345 578 created group"},
        Case{"01/30/2019, 08:49 p.\u00A0m. - J: x", 1, 30, 2019, 20, 49, 0, "J: x"},
        Case{"01/30/2019, 08:49 p.m. - J: x", 1, 30, 2019, 20, 49, 0, "J: x"},
        Case{"23.03.22 13:31 - Zprávy", 23, 3, 22, 13, 31, 0, "Zprávy"},
        Case{"15-01-2020 02:22 - M: x", 15, 1, 2020, 2, 22, 0, "M: x"},
        Case{"2019/01/20, 11:23 - John: x", 2019, 1, 20, 11, 23, 0, "John: x"},
        Case{"2022. 03. 12. 10:30 - Anna: x", 2022, 3, 12, 10, 30, 0, "Anna: x"},
        Case{"[3/18/22, 14:56:01] Elon Musk: hi", 3, 18, 22, 14, 56, 1, "Elon Musk: hi"},
        Case{"\u200E[3/27/22, 21:41:55] Dmitry S: \u200Eimage omitted", 3, 27, 22, 21, 41, 55,
             "Dmitry S: \u200Eimage omitted"},
        Case{"[3/18/22 14:56:00] E: x", 3, 18, 22, 14, 56, 0, "E: x"},
        Case{"[3/18/22 14.56.01] E: x", 3, 18, 22, 14, 56, 1, "E: x"},
        Case{"[14:56:01, 3/18/22] Musk Elon: x", 3, 18, 22, 14, 56, 1, "Musk Elon: x"},
        Case{"[05.05.23, 15:48:11] James: Hi", 5, 5, 23, 15, 48, 11, "James: Hi"},
        Case{"[2023/5/4, 16:13:23] ~\u202FUser 2: x", 2023, 5, 4, 16, 13, 23, "~\u202FUser 2: x"},
        Case{"[8/15/23, 9:25:16 PM] Jane: x", 8, 15, 23, 21, 25, 16, "Jane: x"},
        Case{"[3/18/2565 BE, 14:56:01] E: x", 3, 18, 2565, 14, 56, 1, "E: x"},
        Case{"[3/18/R4, 14:56:01] E: x", 3, 18, 4, 14, 56, 1, "E: x"},
        Case{"[01/01/19 11:25] John Doe: x", 1, 1, 19, 11, 25, 0, "John Doe: x"},
        // Arabic: RLM between date parts, Arabic comma, Arabic-Indic digits, "م" (PM) after NBSP.
        Case{"[\u0662\u0665\u200F/\u0663\u200F/\u0662\u0660\u0662\u0662\u060C \u0661\u0660:\u0663\u0660:\u0661\u0665\u00A0\u0645] "
             "A: x",
             25, 3, 2022, 22, 30, 15, "A: x"},
        // Korean and Chinese put the marker before the time.
        Case{"[2022. 3. 18. 오후 2:56:01] A: x", 2022, 3, 18, 14, 56, 1, "A: x"},
        Case{"[2022/3/18 下午2:56:01] A: x", 2022, 3, 18, 14, 56, 1, "A: x"}));

TEST(WhatsAppHeaderTest, RejectsContinuationAndDamagedLines) {
  Header h;
  for (const char* line : {"consectetur adipiscing elit. Duis libero.", "", "12", "1/23/23, 3:22_AM - User 1: x",
                           "https://maps.google.com/?q=51.5,-0.1", "2019-12-24 was a Tuesday", "[1/2/23, 25:00] A: x",
                           "[1/2/23, 10:61] A: x", "[1/2/23, 13:00 PM] A: x", "123/1/23, 10:30 - A: x",
                           "\xFF\xFE[1/2/23", "[1/2/23, 10:30 zz] A: x", "[1/2/23, 10:30 A: x"}) {
    EXPECT_FALSE(ParseHeader(line, &h)) << line;
  }
  EXPECT_FALSE(ParseHeader("1/23/23, 3:22_AM - User 1: x", &h));
  EXPECT_TRUE(LooksLikeBrokenHeader("1/23/23, 3:22_AM - User 1: x"));
  EXPECT_FALSE(ParseHeader("[1/2/23, 25:00] A: x", &h));
  EXPECT_FALSE(ParseHeader("[1/2/23, 13:00 PM] A: x", &h));
  EXPECT_FALSE(ParseHeader("123/1/23, 10:30 - A: x", &h));
  EXPECT_FALSE(ParseHeader("[1/2/23, 10:30 zz] A: x", &h));
  EXPECT_FALSE(ParseHeader("consectetur adipiscing elit.", &h));
  EXPECT_FALSE(LooksLikeBrokenHeader("consectetur adipiscing elit."));
}

TEST(WhatsAppHeaderTest, TrimsMarks) {
  EXPECT_EQ(TrimMarks("\u202A+44\u00A07700\u00A0900123\u202C"), "+44\u00A07700\u00A0900123");
  EXPECT_EQ(TrimMarks("\u200E\u200Eimage omitted "), "image omitted");
  EXPECT_EQ(TrimMarks("\u200E"), "");
}

TEST(WhatsAppDateOrderTest, ConvertsEraAndTwoDigitYears) {
  Header h;
  ASSERT_TRUE(ParseHeader("[3/18/2565 BE, 14:56:01] E: x", &h));
  auto t = ToLocal(h, DateOrder::kMdy);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->year, 2022);
  ASSERT_TRUE(ParseHeader("[3/18/R4, 14:56:01] E: x", &h));
  EXPECT_EQ(ToLocal(h, DateOrder::kMdy)->year, 2022);
  ASSERT_TRUE(ParseHeader("[3/18/H31, 14:56:01] E: x", &h));
  EXPECT_EQ(ToLocal(h, DateOrder::kMdy)->year, 2019);
  ASSERT_TRUE(ParseHeader("[3/18/S64, 14:56:01] E: x", &h));
  EXPECT_EQ(ToLocal(h, DateOrder::kMdy)->year, 1989);
  ASSERT_TRUE(ParseHeader("18/03/22, 14:56 - E: x", &h));
  EXPECT_EQ(ToLocal(h, DateOrder::kDmy)->year, 2022);
  EXPECT_FALSE(ToLocal(h, DateOrder::kMdy).has_value());  // month 18
  ASSERT_TRUE(ParseHeader("29/02/23, 14:56 - E: x", &h));
  EXPECT_FALSE(ToLocal(h, DateOrder::kDmy).has_value());  // 2023 is no leap year
}

TEST(WhatsAppDateOrderTest, DecidesOverTheWholeFile) {
  auto decide = [](std::initializer_list<const char*> lines, std::optional<DateOrder> forced = std::nullopt) {
    DateOrderVote vote;
    uint32_t n = 0;
    for (const char* l : lines) {
      Header h;
      EXPECT_TRUE(ParseHeader(l, &h)) << l;
      vote.Add(h, ++n);
    }
    return vote.Decide(forced);
  };
  // Only the last line rules out dmy: the decision is for the whole file.
  auto d = decide({"03/04/22, 10:00 - A: x", "03/05/22, 10:00 - A: x", "03/14/22, 10:00 - A: x"});
  EXPECT_EQ(d.order, DateOrder::kMdy);
  EXPECT_FALSE(d.ambiguous);
  EXPECT_NE(d.reason.find("line 3"), std::string::npos) << d.reason;
  d = decide({"13/04/22, 10:00 - A: x", "03/05/22, 10:00 - A: x"});
  EXPECT_EQ(d.order, DateOrder::kDmy);
  // Both fit; only mdy runs forward (6 March, 8 May, 9 April read d/m goes back).
  d = decide({"06/03/2017, 00:45 - A: x", "08/05/2017, 01:48 - A: x", "09/04/2017, 01:50 - A: x"});
  EXPECT_EQ(d.order, DateOrder::kMdy);
  EXPECT_FALSE(d.ambiguous);
  d = decide({"01/02/22, 10:00 - A: x", "03/04/22, 10:00 - A: x"});
  EXPECT_TRUE(d.ambiguous);
  EXPECT_EQ(d.order, DateOrder::kDmy);
  d = decide({"1/2/22, 10:00 AM - A: x", "3/4/22, 10:00 PM - A: x"});
  EXPECT_TRUE(d.ambiguous);
  EXPECT_EQ(d.order, DateOrder::kMdy);  // 12-hour clock with '/' is en-US style
  d = decide({"01/02/22, 10:00 - A: x"}, DateOrder::kMdy);
  EXPECT_EQ(d.order, DateOrder::kMdy);
  EXPECT_FALSE(d.ambiguous);
}

}  // namespace
}  // namespace casegraph::ingest::whatsapp
