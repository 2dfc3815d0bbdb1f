// Lexicons: folded terms on word boundaries, with byte spans into the original text; checked
// against a brute-force matcher over many random texts.
#include <gtest/gtest.h>

#include <random>

#include "rules/lexicon.h"
#include "rules/phrase_index.h"

namespace casegraph::rules {
namespace {

LexiconMatcher Secrecy(std::vector<std::string> terms) { return LexiconMatcher({Lexicon{"secrecy", "", "", std::move(terms), ""}}); }

std::vector<std::string> Spans(const LexiconMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const RuleHit& h : m.Match(text)) {
    EXPECT_EQ(h.rule_kind, "lexicon");
    EXPECT_LE(h.start, h.end);
    EXPECT_LE(h.end, text.size());
    out.emplace_back(text.substr(h.start, h.end - h.start));
  }
  return out;
}

TEST(LexiconTest, CaseAndPunctuationDoNotHideATerm) {
  const LexiconMatcher m = Secrecy({"tell no one"});
  EXPECT_EQ(Spans(m, "ok. Tell NO one!"), std::vector<std::string>{"Tell NO one"});
  EXPECT_EQ(Spans(m, "tell\n no-one"), std::vector<std::string>{"tell\n no-one"});
  EXPECT_TRUE(Spans(m, "tell no-one else? tell noone").size() == 1);
}

TEST(LexiconTest, WordBoundaries) {
  const LexiconMatcher m = Secrecy({"delete this"});
  EXPECT_TRUE(Spans(m, "undelete thistle").empty());
  EXPECT_TRUE(Spans(m, "deletethis").empty());
  EXPECT_TRUE(Spans(m, "delete").empty());
  EXPECT_EQ(Spans(m, "Please DELETE this."), std::vector<std::string>{"DELETE this"});
  EXPECT_EQ(Spans(m, "delete this"), std::vector<std::string>{"delete this"});
}

TEST(LexiconTest, TurkishFoldingBothWays) {
  const LexiconMatcher m = Secrecy({"kimseye söyleme"});
  EXPECT_EQ(Spans(m, "KİMSEYE SÖYLEME"), std::vector<std::string>{"KİMSEYE SÖYLEME"});
  EXPECT_EQ(Spans(m, "Kimseye soyleme lütfen"), std::vector<std::string>{"Kimseye soyleme"});
  EXPECT_EQ(Spans(m, "KIMSEYE SOYLEME"), std::vector<std::string>{"KIMSEYE SOYLEME"});
  // Terms written in capitals or with dotless ı find every spelling too.
  EXPECT_EQ(Spans(Secrecy({"KİMSEYE"}), "kimseye").size(), 1u);
  EXPECT_EQ(Spans(Secrecy({"sır"}), "bu bir SIR").size(), 1u);
  EXPECT_EQ(Spans(Secrecy({"SIR"}), "bu bir sır").size(), 1u);
  EXPECT_EQ(Spans(Secrecy({"sir"}), "bu bir SİR").size(), 1u);
}

TEST(LexiconTest, ArabicFoldingSanity) {
  // "tell no one": alef with hamza, harakat and tanween do not hide the term.
  const LexiconMatcher m = Secrecy({"لا تخبر أحدا"});
  EXPECT_EQ(Spans(m, "أرجوك لا تُخبر احداً").size(), 1u);
  EXPECT_EQ(Spans(m, "لا تخبر إحدا").size(), 1u);
  EXPECT_EQ(Spans(m, "لا تخـــبر أحدا").size(), 1u);  // tatweel
  EXPECT_TRUE(Spans(m, "لا تخبرني أحدا").empty());
}

TEST(LexiconTest, OverlappingTermsAreAllReported) {
  const LexiconMatcher m = Secrecy({"delete this", "this message", "delete"});
  const auto hits = m.Match("delete this message");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].matched, "delete");
  EXPECT_EQ(hits[0].end, 6u);
  EXPECT_EQ(hits[1].matched, "delete this");
  EXPECT_EQ(hits[1].end, 11u);
  EXPECT_EQ(hits[2].matched, "this message");
  EXPECT_EQ(hits[2].start, 7u);
  EXPECT_EQ(hits[2].end, 19u);
}

TEST(LexiconTest, EveryOccurrenceAndEveryLexicon) {
  LexiconMatcher m({Lexicon{"a", "", "", {"tell no one", "Tell No One"}, ""}, Lexicon{"b", "", "", {"no one"}, ""}});
  EXPECT_EQ(m.term_count(), 2u);  // the second spelling of lexicon a folds like the first
  const auto hits = m.Match("tell no one, tell no one");
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].rule_name, "a");
  EXPECT_EQ(hits[1].rule_name, "b");
  EXPECT_EQ(hits[1].matched, "no one");
  EXPECT_EQ(hits[2].rule_name, "a");
  EXPECT_EQ(hits[2].start, 13u);
}

TEST(LexiconTest, EmptyAndOddTexts) {
  const LexiconMatcher m = Secrecy({"tell no one"});
  EXPECT_TRUE(m.Match("").empty());
  EXPECT_TRUE(m.Match("tell no").empty());
  EXPECT_TRUE(m.Match(std::string("tell\xff no one")).size() == 1);  // invalid bytes separate words
  EXPECT_TRUE(LexiconMatcher().Match("tell no one").empty());
}

// Every hit the index finds, and no other, by comparing word lists directly.
TEST(LexiconTest, AgreesWithBruteForceOnRandomTexts) {
  const std::vector<std::string> vocabulary = {"tell", "no", "one", "delete", "this", "KİMSEYE", "söyleme", "ıı"};
  std::mt19937 rng(5);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  std::vector<std::string> terms;
  for (int t = 0; t < 40; ++t) {
    std::string term;
    const size_t words = 1 + pick(3);
    for (size_t w = 0; w < words; ++w) term += (w ? " " : "") + vocabulary[pick(vocabulary.size())];
    terms.push_back(term);
  }
  const LexiconMatcher m = Secrecy(terms);
  const char* separators[] = {" ", ", ", "\n", "-", "!! "};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const size_t words = pick(30);
    for (size_t w = 0; w < words; ++w) text += vocabulary[pick(vocabulary.size())] + separators[pick(5)];
    const std::vector<std::string> text_words = PhraseIndex::FoldedWords(text);
    size_t expected = 0;
    std::vector<std::vector<std::string>> seen;
    for (const auto& term : terms) {
      auto term_words = PhraseIndex::FoldedWords(term);
      if (std::find(seen.begin(), seen.end(), term_words) != seen.end()) continue;
      seen.push_back(term_words);
      for (size_t at = 0; at + term_words.size() <= text_words.size(); ++at) {
        expected += std::equal(term_words.begin(), term_words.end(), text_words.begin() + static_cast<std::ptrdiff_t>(at));
      }
    }
    EXPECT_EQ(m.Match(text).size(), expected) << text;
  }
}

TEST(LexiconTest, ManyTermsSharingTheirFirstWords) {
  std::vector<std::string> terms;
  for (int i = 0; i < 20000; ++i) terms.push_back("see you w" + std::to_string(i));
  terms.push_back("see you");
  terms.push_back("see");
  const LexiconMatcher m = Secrecy(terms);
  const auto hits = m.Match("SEE YOU W19999 and see you w7, see");
  ASSERT_EQ(hits.size(), 7u);
  EXPECT_EQ(hits[0].matched, "see");
  EXPECT_EQ(hits[1].matched, "see you");
  EXPECT_EQ(hits[2].matched, "see you w19999");
  EXPECT_EQ(hits[5].matched, "see you w7");
  EXPECT_EQ(hits[6].start, 31u);
}

TEST(LexiconTest, UnusableTermsAreExplained) {
  EXPECT_EQ(LexiconTermProblem("tell no one"), "");
  EXPECT_NE(LexiconTermProblem(""), "");
  EXPECT_NE(LexiconTermProblem("?!"), "");
}

TEST(ExcerptTest, WordsAroundTheHit) {
  const std::string text = "first words here and then tell no one about the plan for tomorrow evening please";
  const size_t start = text.find("tell");
  const std::string e = Excerpt(text, start, start + 11, 15);
  // Cut words at either end are left out.
  EXPECT_EQ(e, "…here and then tell no one about the…");
  EXPECT_EQ(Excerpt("tell no one", 0, 11), "tell no one");
  EXPECT_EQ(Excerpt("a\nb tell\r\nno one", 4, 16), "a b tell  no one");
}

TEST(ExcerptTest, NeverSplitsACodePoint) {
  const std::string text = "ğğğğğğğğğğ kimseye söyleme ğğğğğğğğğğ";
  const size_t start = text.find("kimseye");
  const std::string e = Excerpt(text, start, start + std::string("kimseye söyleme").size(), 5);
  EXPECT_EQ(e, "…kimseye söyleme…");
  // Without a space to cut at, the cut lands on a code point boundary.
  const std::string solid = "ğğğğğğğğğğkimseyeğğğğğğğğğğ";
  const size_t at = solid.find("kimseye");
  EXPECT_EQ(Excerpt(solid, at, at + 7, 5), "…ğğkimseyeğğ…");
}

}  // namespace
}  // namespace casegraph::rules
