// FoldForSearch and TokenizeFolded: Turkish, Latin diacritics, Arabic normalisation, token byte
// offsets, and robustness against invalid UTF-8.
#include "extract/text_fold.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "extract_test_util.h"

namespace casegraph::extract {
namespace {

using Token = testing::Token;

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  ForEachFoldedToken(text, [&](std::string_view folded, size_t start, size_t end) {
    tokens.push_back({std::string(folded), start, end});
  });
  return tokens;
}

TEST(FoldForSearchTest, AsciiIsLowerCased) {
  EXPECT_EQ(FoldForSearch("Hello, World! 123"), "hello, world! 123");
  EXPECT_EQ(FoldForSearch(""), "");
}

TEST(FoldForSearchTest, TurkishDottedAndDotlessI) {
  EXPECT_EQ(FoldForSearch("IŞIK"), "isik");
  EXPECT_EQ(FoldForSearch("ışık"), "isik");
  EXPECT_EQ(FoldForSearch("isik"), "isik");
  EXPECT_EQ(FoldForSearch("İZMİR"), "izmir");
  EXPECT_EQ(FoldForSearch("izmir"), "izmir");
  EXPECT_EQ(FoldForSearch("Iİıi"), "iiii");
  EXPECT_EQ(FoldForSearch("ĞÜŞÖÇ ğüşöç"), "gusoc gusoc");
}

TEST(FoldForSearchTest, LatinDiacriticsAndCase) {
  EXPECT_EQ(FoldForSearch("café"), "cafe");
  EXPECT_EQ(FoldForSearch("CAFÉ"), "cafe");
  EXPECT_EQ(FoldForSearch("cafe\xCC\x81"), "cafe");  // decomposed e + U+0301
  EXPECT_EQ(FoldForSearch("Straße"), "strasse");
  EXPECT_EQ(FoldForSearch("ﬁnance"), "finance");  // ligature via NFKD
  EXPECT_EQ(FoldForSearch("ＡＢＣ"), "abc");      // fullwidth
  EXPECT_EQ(FoldForSearch("Ελληνικά"), "ελληνικα");
  EXPECT_EQ(FoldForSearch("ПРИВЕТ Ёж"), "привет еж");
}

TEST(FoldForSearchTest, ArabicAlefVariantsFoldEqual) {
  std::string bare = FoldForSearch("احمد");
  EXPECT_EQ(FoldForSearch("أحمد"), bare);
  EXPECT_EQ(FoldForSearch("إحمد"), bare);
  EXPECT_EQ(FoldForSearch("آحمد"), bare);
  EXPECT_EQ(FoldForSearch("ٱحمد"), bare);
  EXPECT_EQ(bare, "احمد");
}

TEST(FoldForSearchTest, ArabicTatweelHarakatMaqsuraTaMarbuta) {
  EXPECT_EQ(FoldForSearch("كـتـاب"), FoldForSearch("كتاب"));
  EXPECT_EQ(FoldForSearch("كِتَابٌ"), "كتاب");    // harakat removed
  EXPECT_EQ(FoldForSearch("مُحَمَّد"), "محمد");    // incl. shadda
  EXPECT_EQ(FoldForSearch("هٰذا"), "هذا");      // superscript alef U+0670
  EXPECT_EQ(FoldForSearch("على"), "علي");      // alef maqsura to ya
  EXPECT_EQ(FoldForSearch("مدرسة"), "مدرسه");  // ta marbuta to ha
  EXPECT_EQ(FoldForSearch("\xEF\xBB\xB7"),
            FoldForSearch("لا"));  // presentation form U+FEF7
}

TEST(FoldForSearchTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(FoldForSearch("a\xFF"
                          "B"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(FoldForSearch("\xC3"), "\xEF\xBF\xBD");
}

TEST(TokenizeFoldedTest, AsciiTokensWithOffsets) {
  EXPECT_EQ(Tokens("Hello, World_42!"),
            (std::vector<Token>{{"hello", 0, 5}, {"world", 7, 12}, {"42", 13, 15}}));
  EXPECT_TRUE(Tokens("").empty());
  EXPECT_TRUE(Tokens(" ,.;!? ").empty());
}

TEST(TokenizeFoldedTest, NonAsciiTokensKeepRawByteOffsets) {
  // "İzmir'de ışık" : İ is 2 bytes, ı and ş 2 bytes each.
  std::string text = "İzmir'de ışık";
  EXPECT_EQ(Tokens(text), (std::vector<Token>{{"izmir", 0, 6}, {"de", 7, 9}, {"isik", 10, 17}}));
}

TEST(TokenizeFoldedTest, MarksStayInsideTokens) {
  std::string text = "cafe\xCC\x81 bar";
  EXPECT_EQ(Tokens(text), (std::vector<Token>{{"cafe", 0, 6}, {"bar", 7, 10}}));
}

TEST(TokenizeFoldedTest, ArabicTatweelAndJoiners) {
  std::string text = "كـتـاب";
  auto tokens = Tokens(text);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "كتاب");
  EXPECT_EQ(tokens[0].start, 0u);
  EXPECT_EQ(tokens[0].end, text.size());

  // Persian "mi-khaham" with ZWNJ: one token, joiner folded away.
  std::string persian = "می\xE2\x80\x8Cخواهم";
  tokens = Tokens(persian);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "میخواهم");

  // Trailing joiner is outside the token span.
  tokens = Tokens("ab\xE2\x80\x8C cd");
  EXPECT_EQ(tokens, (std::vector<Token>{{"ab", 0, 2}, {"cd", 6, 8}}));
}

TEST(TokenizeFoldedTest, FoldedTokensMatchFoldForSearch) {
  for (std::string_view word : {"IŞIK", "İstanbul", "Ölçü", "أحمد", "Ωmega", "北京", "Straße"}) {
    auto tokens = Tokens(word);
    ASSERT_EQ(tokens.size(), 1u) << word;
    EXPECT_EQ(tokens[0].text, FoldForSearch(word)) << word;
  }
}

TEST(TokenizeFoldedTest, InvalidUtf8SeparatesTokens) {
  std::string text =
      "abc\xFF"
      "def\xC3"
      "gh\xE2\x82"
      "ij\x80"
      "k";
  EXPECT_EQ(Tokens(text),
            (std::vector<Token>{
                {"abc", 0, 3}, {"def", 4, 7}, {"gh", 8, 10}, {"ij", 12, 14}, {"k", 15, 16}}));
  // Overlong encodings and surrogates are invalid too.
  EXPECT_EQ(Tokens("\xC0\xAF"
                   "x\xED\xA0\x80"
                   "y"),
            (std::vector<Token>{{"x", 2, 3}, {"y", 6, 7}}));
}

TEST(TokenizeFoldedTest, PunctuationAndSymbolsSeparate) {
  EXPECT_EQ(Tokens("a\xC2\xA0"
                   "b\xE2\x80\x94"
                   "c😀d"),
            (std::vector<Token>{{"a", 0, 1}, {"b", 3, 4}, {"c", 7, 8}, {"d", 12, 13}}));
}

TEST(TokenizeFoldedTest, CallbackCanStopEarly) {
  int seen = 0;
  size_t count = TokenizeFolded(
      "one two three",
      [](void* ctx, const char*, size_t, size_t, size_t) -> int {
        return ++*static_cast<int*>(ctx) == 2 ? 1 : 0;
      },
      &seen);
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(count, 2u);
}

TEST(TokenizeFoldedTest, AllByteValuesNeverCrash) {
  std::string text;
  for (int round = 0; round < 3; ++round) {
    for (int byte = 0; byte < 256; ++byte) text.push_back(static_cast<char>(byte ^ (round * 37)));
  }
  auto tokens = Tokens(text);
  for (const Token& token : tokens) {
    EXPECT_LT(token.start, token.end);
    EXPECT_LE(token.end, text.size());
    EXPECT_FALSE(token.text.empty());
  }
  EXPECT_FALSE(FoldForSearch(text).empty());
}

}  // namespace
}  // namespace casegraph::extract
