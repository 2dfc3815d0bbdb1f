// Phone numbers in text and in profile fields. All numbers are fictitious: +90 532 000 00 xx and +1
// 202 555 01xx are placeholder ranges that libphonenumber still calls valid.
#include <gtest/gtest.h>

#include "extract/identifier.h"
#include "extract_test_util.h"

namespace casegraph::extract {
namespace {

using testing::Describe;
using testing::SpanOf;
using testing::ValuesOf;

class PhoneTest : public ::testing::Test {
 protected:
  std::vector<std::string> Phones(std::string_view text) {
    return ValuesOf(extractor_.Scan(text), IdentifierKind::kPhone);
  }
  Extractor extractor_{ExtractorOptions{}};  // region TR
};

TEST_F(PhoneTest, TurkishNationalForm) {
  EXPECT_EQ(Phones("ara beni 0532 000 00 00 akşam"), std::vector<std::string>{"+905320000000"});
  EXPECT_EQ(Phones("05320000001"), std::vector<std::string>{"+905320000001"});
  EXPECT_EQ(Phones("(0532) 000 00 02"), std::vector<std::string>{"+905320000002"});
}

TEST_F(PhoneTest, InternationalWithSeparators) {
  std::string text = "call +90 (532) 000-00-03 now";
  auto hits = extractor_.Scan(text);
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kPhone), std::vector<std::string>{"+905320000003"});
  EXPECT_EQ(SpanOf(text, hits, IdentifierKind::kPhone), "+90 (532) 000-00-03");
  EXPECT_EQ(Phones("+90.532.000.00.04"), std::vector<std::string>{"+905320000004"});
  EXPECT_EQ(Phones("+1 202-555-0123"), std::vector<std::string>{"+12025550123"});
  EXPECT_EQ(Phones("+12025550124"), std::vector<std::string>{"+12025550124"});
  EXPECT_EQ(Phones("0090 532 000 00 05"), std::vector<std::string>{"+905320000005"});
}

TEST_F(PhoneTest, WrappedInBidiMarksWithNoBreakSpaces) {
  // U+202A ... U+202C around the number, NBSP and narrow NBSP as separators, an LRM inside.
  std::string text =
      "tel: \xE2\x80\xAA+90\xC2\xA0"
      "532\xE2\x80\xAF"
      "000\xC2\xA0"
      "00\xE2\x80\x8E"
      " 06\xE2\x80\xAC.";
  auto hits = extractor_.Scan(text);
  ASSERT_EQ(ValuesOf(hits, IdentifierKind::kPhone), std::vector<std::string>{"+905320000006"})
      << Describe(hits);
  std::string span = SpanOf(text, hits, IdentifierKind::kPhone);
  EXPECT_EQ(span.front(), '+');
  EXPECT_EQ(span.back(), '6');
}

TEST_F(PhoneTest, SeveralNumbersInOneMessage) {
  EXPECT_EQ(Phones("0532 000 00 07 veya 0532 000 00 08"),
            (std::vector<std::string>{"+905320000007", "+905320000008"}));
  EXPECT_EQ(Phones("ref 12 0532 000 00 09"), std::vector<std::string>{"+905320000009"});
}

TEST_F(PhoneTest, ConservativeRejections) {
  EXPECT_TRUE(Phones("1700000000").empty());        // timestamp-like, no separators
  EXPECT_TRUE(Phones("5320000000").empty());        // bare national without 0
  EXPECT_TRUE(Phones("2024-01-15 14:30").empty());  // date
  EXPECT_TRUE(Phones("192.168.100.200").empty());   // IP address
  EXPECT_TRUE(Phones("+90 532 000 00").empty());    // too short
  EXPECT_TRUE(Phones("0532 000 00 00 00 00 00 00").size() <= 1);
  EXPECT_TRUE(Phones("order A05320000000").empty());  // glued to a word
  EXPECT_TRUE(Phones("05320000000abc").empty());
  EXPECT_TRUE(Phones("+1 555 555 5555").empty());       // invalid per libphonenumber
  EXPECT_TRUE(Phones("12345678901234567890").empty());  // too long
}

TEST_F(PhoneTest, DigitsInsideOtherIdentifiersAreNotPhones) {
  auto hits =
      extractor_.Scan("see https://example.org/item/05320000000 and 05320000000@example.org");
  EXPECT_TRUE(ValuesOf(hits, IdentifierKind::kPhone).empty()) << Describe(hits);
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kUrl).size(), 1u);
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kEmail).size(), 1u);
}

TEST_F(PhoneTest, NormalizePhoneProfileFields) {
  EXPECT_EQ(extractor_.NormalizePhone("+90 532 000 00 10"), "+905320000010");
  EXPECT_EQ(extractor_.NormalizePhone("905320000011"),
            "+905320000011");  // Telegram export
  EXPECT_EQ(extractor_.NormalizePhone("0532 000 00 12"), "+905320000012");
  EXPECT_EQ(extractor_.NormalizePhone("12025550125"), "+12025550125");
  EXPECT_EQ(extractor_.NormalizePhone("\xE2\x80\xAA+1 (202) 555-0126\xE2\x80\xAC"), "+12025550126");
  EXPECT_EQ(extractor_.NormalizePhone(""), std::nullopt);
  EXPECT_EQ(extractor_.NormalizePhone("hello"), std::nullopt);
  EXPECT_EQ(extractor_.NormalizePhone("+90 532 000"), std::nullopt);
  EXPECT_EQ(extractor_.NormalizePhone("0532 000 00 1x"), std::nullopt);
}

// The candidate search skips 16 bytes at a time: numbers must be found wherever they fall relative
// to those blocks, including in the last partial block and at the very end of the text.
TEST_F(PhoneTest, FoundAtEveryOffset) {
  for (size_t pad = 0; pad <= 40; ++pad) {
    std::string prefix;
    for (size_t k = 0; k < pad; ++k) prefix += k % 5 == 4 ? ' ' : 'x';
    if (!prefix.empty()) prefix.back() = ' ';
    for (std::string_view number : {"0532 000 00 14", "+905320000015", "(0532) 000 00 16"}) {
      for (std::string_view suffix : {"", " ok", " ve daha uzun bir kuyruk metni"}) {
        std::string text = prefix + std::string(number) + std::string(suffix);
        auto hits = extractor_.Scan(text);
        ASSERT_EQ(ValuesOf(hits, IdentifierKind::kPhone).size(), 1u) << text << Describe(hits);
        EXPECT_EQ(SpanOf(text, hits, IdentifierKind::kPhone), number) << text;
      }
    }
  }
  // Candidate bytes only at the end of a long digit-free text.
  EXPECT_TRUE(Phones(std::string(47, 'a') + " 5").empty());
  EXPECT_TRUE(Phones(std::string(47, 'a') + " +").empty());
  EXPECT_EQ(Phones(std::string(31, 'a') + " 05320000017"),
            std::vector<std::string>{"+905320000017"});
}

// Numbers that libphonenumber only accepts after a national-prefix transform or a calling code
// written without '+' go through the metadata rules, not only the common "+CC" / "0..." forms.
TEST_F(PhoneTest, LessCommonFormsMatchLibphonenumber) {
  EXPECT_EQ(extractor_.NormalizePhone("+44 20 7946 0018"), "+442079460018");
  EXPECT_EQ(extractor_.NormalizePhone("+49 30 901820"), "+4930901820");
  EXPECT_EQ(extractor_.NormalizePhone("+7 912 345 67 89"), "+79123456789");
  EXPECT_EQ(extractor_.NormalizePhone("+1 416 555 0199"), "+14165550199");  // Canada, shares +1
  EXPECT_EQ(extractor_.NormalizePhone("+800 1234 5678"), "+80012345678");   // non-geographical
  EXPECT_EQ(extractor_.NormalizePhone("+999 1234 5678"), std::nullopt);     // no such code
  Extractor ag(ExtractorOptions{"AG"});
  // Antigua: 7-digit local numbers get the area code by a transform rule.
  EXPECT_EQ(ag.NormalizePhone("464 1234"), "+12684641234");
}

TEST_F(PhoneTest, RegionOptionAppliesToNationalForm) {
  Extractor us(ExtractorOptions{"US"});
  EXPECT_EQ(ValuesOf(us.Scan("(202) 555-0127"), IdentifierKind::kPhone),
            std::vector<std::string>{"+12025550127"});
  EXPECT_EQ(us.NormalizePhone("905320000013"), "+905320000013");
}

}  // namespace
}  // namespace casegraph::extract
