// Path rules: folded like search (Turkish dotted/dotless i both ways), whole words only, one
// component at a time, globs over a whole component, spans into the path as given.
#include <gtest/gtest.h>

#include "rules/path_rules.h"

namespace casegraph::rules {
namespace {

PathMatcher Matcher(std::vector<std::string> patterns, std::string name = "tactics") {
  return PathMatcher({PathRule{std::move(name), "", "", std::move(patterns)}});
}

// The matched bytes of each hit, in order.
std::vector<std::string> Spans(const PathMatcher& m, std::string_view path) {
  std::vector<std::string> out;
  for (const RuleHit& h : m.Match(path)) {
    EXPECT_EQ(h.rule_kind, "path_rule");
    EXPECT_LE(h.start, h.end);
    EXPECT_LE(h.end, path.size());
    out.emplace_back(path.substr(h.start, h.end - h.start));
  }
  return out;
}

TEST(PathRulesTest, TurkishFoldingBothWays) {
  const PathMatcher lower = Matcher({"saldırı taktikleri"});
  EXPECT_EQ(Spans(lower, "/sdcard/SALDIRI TAKTİKLERİ/1.pdf"), std::vector<std::string>{"SALDIRI TAKTİKLERİ"});
  EXPECT_EQ(Spans(lower, "/sdcard/Saldiri_Taktikleri (2)/1.pdf"), std::vector<std::string>{"Saldiri_Taktikleri"});
  EXPECT_EQ(Spans(lower, "saldırı-taktikleri.zip"), std::vector<std::string>{"saldırı-taktikleri"});

  const PathMatcher upper = Matcher({"SALDIRI TAKTİKLERİ"});
  EXPECT_EQ(Spans(upper, "x/saldırı taktikleri"), std::vector<std::string>{"saldırı taktikleri"});
  EXPECT_EQ(Spans(upper, "x/saldiri taktikleri"), std::vector<std::string>{"saldiri taktikleri"});

  // I, İ, ı and i all meet.
  const PathMatcher city = Matcher({"izmir"});
  for (const char* spelling : {"İZMİR", "IZMIR", "ızmır", "Izmir"}) {
    EXPECT_EQ(Spans(city, std::string("trips/") + spelling + "/a.jpg").size(), 1u) << spelling;
  }
  EXPECT_EQ(Spans(Matcher({"IZMIR"}), "trips/izmir").size(), 1u);
  EXPECT_EQ(Spans(Matcher({"ızmır"}), "trips/İzmir").size(), 1u);
}

TEST(PathRulesTest, WholeWordsOnly) {
  const PathMatcher m = Matcher({"attack tactics"});
  EXPECT_TRUE(Spans(m, "/counterattack tactics/a").empty());
  EXPECT_TRUE(Spans(m, "/attack tacticsbook/a").empty());
  EXPECT_TRUE(Spans(m, "/attacks tactics/a").empty());
  EXPECT_EQ(Spans(m, "/old attack tactics v2/a"), std::vector<std::string>{"attack tactics"});
  EXPECT_EQ(Spans(m, "/ATTACK.TACTICS.pdf"), std::vector<std::string>{"ATTACK.TACTICS"});
}

TEST(PathRulesTest, NeverAcrossComponents) {
  const PathMatcher m = Matcher({"attack tactics"});
  EXPECT_TRUE(Spans(m, "/attack/tactics/a").empty());
  EXPECT_TRUE(Spans(m, "C:\\attack\\tactics\\a").empty());
  EXPECT_EQ(Spans(m, "C:\\docs\\attack tactics\\a"), std::vector<std::string>{"attack tactics"});
}

TEST(PathRulesTest, ManyComponentsGiveSpansIntoTheWholePath) {
  const PathMatcher m = Matcher({"attack tactics"});
  std::string path;
  for (int i = 0; i < 300; ++i) path += "/folder" + std::to_string(i) + (i == 150 || i == 299 ? " Attack Tactics" : "");
  const auto hits = m.Match(path);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_LT(hits[0].start, hits[1].start);
  const size_t at150 = path.find("/folder150 ") + std::string("/folder150 ").size();
  EXPECT_EQ(hits[0].start, at150);
  EXPECT_EQ(path.substr(hits[1].start, hits[1].end - hits[1].start), "Attack Tactics");
  EXPECT_EQ(hits[1].end, path.size());
}

TEST(PathRulesTest, HitsNameRuleAndPatternInFileOrder) {
  PathMatcher m({PathRule{"first", "", "", {"manual", "drone guide"}}, PathRule{"second", "", "", {"guide"}}});
  const auto hits = m.Match("docs/Drone Guide/manual.pdf");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].rule_name, "first");
  EXPECT_EQ(hits[0].matched, "drone guide");
  EXPECT_EQ(hits[1].rule_name, "second");
  EXPECT_EQ(hits[1].matched, "guide");
  EXPECT_EQ(hits[2].matched, "manual");
}

TEST(PathRulesTest, PatternsFoldingAlikeCountOncePerRule) {
  const PathMatcher m = Matcher({"attack tactics", "ATTACK  TACTICS", "Attack-Tactics"});
  const auto hits = m.Match("a/attack tactics");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].matched, "attack tactics");
}

TEST(PathRulesTest, GlobsMatchWholeFoldedComponents) {
  const PathMatcher m = Matcher({"*.docx", "manual??", "kılavuz*"});
  EXPECT_EQ(Spans(m, "a/Report.DOCX"), std::vector<std::string>{"Report.DOCX"});
  EXPECT_TRUE(Spans(m, "a/Report.docx.bak").empty());
  EXPECT_EQ(Spans(m, "MANUAL01/x"), std::vector<std::string>{"MANUAL01"});
  EXPECT_TRUE(Spans(m, "manual1/x").empty());
  EXPECT_EQ(Spans(m, "KILAVUZ 2024"), std::vector<std::string>{"KILAVUZ 2024"});
}

TEST(PathRulesTest, GlobMatchAdvancesByCodePoints) {
  EXPECT_TRUE(GlobMatch("ab?d", "abλd"));
  EXPECT_FALSE(GlobMatch("ab?d", "abλλd"));
  EXPECT_TRUE(GlobMatch("ab??d", "abλλd"));
  EXPECT_TRUE(GlobMatch("*λ", "λλλ"));
  EXPECT_TRUE(GlobMatch("*a*b", "xaxxb"));
  EXPECT_FALSE(GlobMatch("*a*b", "xaxx"));
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_FALSE(GlobMatch("?", ""));
  // Many stars over a long non-matching text stay fast (one backtrack point).
  EXPECT_FALSE(GlobMatch("a*a*a*a*a*a*a*a*b", std::string(20000, 'a')));
}

TEST(PathRulesTest, UnusablePatternsAreExplained) {
  EXPECT_EQ(PathPatternProblem("attack tactics"), "");
  EXPECT_EQ(PathPatternProblem("*.docx"), "");
  EXPECT_NE(PathPatternProblem(""), "");
  EXPECT_NE(PathPatternProblem("a/b"), "");
  EXPECT_NE(PathPatternProblem("a\\b"), "");
  EXPECT_NE(PathPatternProblem("*?"), "");
  EXPECT_NE(PathPatternProblem(" -- "), "");
}

TEST(PathRulesTest, OddPathsNeverTrip) {
  const PathMatcher m = Matcher({"attack tactics", "*.pdf"});
  EXPECT_TRUE(m.Match("").empty());
  EXPECT_TRUE(m.Match("////").empty());
  EXPECT_TRUE(m.Match(std::string("a\xff\xfe/attack\x80/tactics")).empty());
  // Invalid bytes separate words, as in search.
  const std::string odd = "a\xff\xfe/attack\x80tactics";
  EXPECT_EQ(Spans(m, odd), std::vector<std::string>{"attack\x80tactics"});
  EXPECT_EQ(m.Match("attack tactics").size(), 1u);
}

}  // namespace
}  // namespace casegraph::rules
