// YARA through a rules file: hits name the YARA file and rule, syntax errors name the YARA file
// and line, `include` is refused, and one rule set scans from many threads at once.
#include <gtest/gtest.h>

#include <thread>

#include "rules/rules_file.h"
#include "testutil/testutil.h"

namespace casegraph::rules {
namespace {

constexpr const char* kMarkerRule = R"(rule CasegraphTestMarker {
  strings:
    $m = "CASEGRAPH-TEST-MARKER"
  condition:
    $m
}
)";

Result<RuleSet> LoadWith(testing::MemFileSystem& fs, const std::string& files) {
  fs.Add("/case/rules.toml", "[yara]\nfiles = [" + files + "]\n");
  return RuleSet::Load(fs, "/case/rules.toml");
}

TEST(YaraRulesTest, MarkerIsFound) {
  testing::MemFileSystem fs;
  fs.Add("/case/example.yar", kMarkerRule);
  auto set = LoadWith(fs, "\"example.yar\"");
  ASSERT_TRUE(set) << set.error().ToString();
  ASSERT_TRUE(set->has_yara());
  EXPECT_FALSE(set->has_lexicons());

  auto hits = set->MatchContent("some bytes CASEGRAPH-TEST-MARKER more");
  ASSERT_TRUE(hits) << hits.error().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].rule_kind, "yara");
  EXPECT_EQ((*hits)[0].rule_name, "example.yar");
  EXPECT_EQ((*hits)[0].matched, "CasegraphTestMarker");

  auto none = set->MatchContent("casegraph-test-marker in lower case");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  auto empty = set->MatchContent("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(YaraRulesTest, BinaryContentWithNulBytes) {
  testing::MemFileSystem fs;
  fs.Add("/case/example.yar", kMarkerRule);
  auto set = LoadWith(fs, "\"example.yar\"");
  ASSERT_TRUE(set) << set.error().ToString();
  std::string bytes(4096, '\0');
  bytes.replace(3000, 21, "CASEGRAPH-TEST-MARKER");
  auto hits = set->MatchContent(bytes);
  ASSERT_TRUE(hits);
  EXPECT_EQ(hits->size(), 1u);
}

TEST(YaraRulesTest, SyntaxErrorNamesFileAndLine) {
  testing::MemFileSystem fs;
  fs.Add("/case/good.yar", kMarkerRule);
  fs.Add("/case/rules/bad.yar", "rule Fine { condition: true }\n\nrule Broken {\n  condition:\n    $undefined\n}\n");
  auto set = LoadWith(fs, "\"good.yar\", \"rules/bad.yar\"");
  ASSERT_FALSE(set);
  const std::string m = set.error().message();
  // libyara places this error at the end of the rule (line 6).
  EXPECT_EQ(m.rfind("/case/rules/bad.yar:6: undefined string \"$undefined\"", 0), 0u) << m;

  fs.Add("/case/rules/bad.yar", "rule Broken {\n  strings: $a = \"x\"\n  condition\n}\n");
  set = LoadWith(fs, "\"rules/bad.yar\"");
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().message().rfind("/case/rules/bad.yar:4: syntax error", 0), 0u) << set.error().message();
}

TEST(YaraRulesTest, IncludeIsRefused) {
  testing::MemFileSystem fs;
  fs.Add("/case/example.yar", kMarkerRule);
  fs.Add("/case/main.yar", "\ninclude \"example.yar\"\n");
  auto set = LoadWith(fs, "\"main.yar\"");
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().message().rfind("/case/main.yar:2: ", 0), 0u) << set.error().message();
}

TEST(YaraRulesTest, NulByteInSourceIsAnError) {
  testing::MemFileSystem fs;
  fs.Add("/case/bin.yar", std::string("rule A { condition: true }\0", 27));
  auto set = LoadWith(fs, "\"bin.yar\"");
  ASSERT_FALSE(set);
  EXPECT_NE(set.error().message().find("/case/bin.yar"), std::string::npos) << set.error().message();
}

TEST(YaraRulesTest, EachFileIsItsOwnNamespaceAndPrivateRulesStayQuiet) {
  testing::MemFileSystem fs;
  fs.Add("/case/a.yar", "rule Same { strings: $x = \"MARK-A\" condition: $x }\n");
  fs.Add("/case/b.yar",
         "private rule Helper { strings: $x = \"MARK\" condition: $x }\n"
         "rule Same { condition: Helper }\nrule Other { strings: $y = \"MARK-A\" condition: $y }\n");
  auto set = LoadWith(fs, "\"b.yar\", \"a.yar\"");
  ASSERT_TRUE(set) << set.error().ToString();
  auto hits = set->MatchContent("..MARK-A..");
  ASSERT_TRUE(hits) << hits.error().ToString();
  ASSERT_EQ(hits->size(), 3u);
  EXPECT_EQ((*hits)[0].rule_name, "a.yar");
  EXPECT_EQ((*hits)[0].matched, "Same");
  EXPECT_EQ((*hits)[1].rule_name, "b.yar");
  EXPECT_EQ((*hits)[1].matched, "Other");
  EXPECT_EQ((*hits)[2].matched, "Same");
}

TEST(YaraRulesTest, OneRuleSetScansFromManyThreads) {
  testing::MemFileSystem fs;
  fs.Add("/case/example.yar", kMarkerRule);
  auto set = LoadWith(fs, "\"example.yar\"");
  ASSERT_TRUE(set) << set.error().ToString();
  const RuleSet& rules = *set;
  std::vector<int> found(8, -1);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&rules, &found, t] {
      int count = 0;
      for (int i = 0; i < 50; ++i) {
        auto hits = rules.MatchContent(i % 2 ? "x CASEGRAPH-TEST-MARKER x" : "nothing here");
        if (hits && !hits->empty()) ++count;
      }
      found[static_cast<size_t>(t)] = count;
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : found) EXPECT_EQ(count, 25);
}

}  // namespace
}  // namespace casegraph::rules
