// RuleSet::Parse/Load and the rules-file checks: the issue's example is accepted as it stands,
// and every kind of mistake is an error naming the file, line and column.
#include <gtest/gtest.h>

#include "hashing/digest.h"
#include "rules/rules_file.h"
#include "testutil/testutil.h"

namespace casegraph::rules {
namespace {

// Exactly the shape issue 5 gives.
constexpr const char* kIssueExample = R"(
[[path_rule]]
name = "attack tactics folder"
patterns = ["attack tactics", "saldırı taktikleri"]   # matched against every path component

[[lexicon]]
name = "secrecy"
terms = ["tell no one", "kimseye söyleme", "delete this"]

[yara]
files = ["example.yar"]                               # relative to the rules file
)";

constexpr const char* kMarkerRule = "rule CasegraphTestMarker {\n  strings:\n    $m = \"CASEGRAPH-TEST-MARKER\"\n  condition:\n    $m\n}\n";

std::string ErrorOf(std::string_view toml) {
  auto set = RuleSet::Parse(toml, "rules.toml", "/case", nullptr);
  return set ? std::string("(no error)") : set.error().message();
}

TEST(RulesFileTest, IssueExampleIsAcceptedAsItStands) {
  auto set = RuleSet::Parse(kIssueExample, "rules.toml", "/case", nullptr);
  ASSERT_TRUE(set) << set.error().ToString();
  const RuleDefinitions& defs = set->definitions();
  ASSERT_EQ(defs.path_rules.size(), 1u);
  EXPECT_EQ(defs.path_rules[0].name, "attack tactics folder");
  EXPECT_EQ(defs.path_rules[0].patterns, (std::vector<std::string>{"attack tactics", "saldırı taktikleri"}));
  ASSERT_EQ(defs.lexicons.size(), 1u);
  EXPECT_EQ(defs.lexicons[0].name, "secrecy");
  EXPECT_EQ(defs.lexicons[0].terms.size(), 3u);
  ASSERT_TRUE(defs.yara.has_value());
  EXPECT_EQ(defs.yara->files, std::vector<std::string>{"example.yar"});
  EXPECT_TRUE(set->has_path_rules());
  EXPECT_TRUE(set->has_lexicons());
  EXPECT_FALSE(set->has_yara());  // no FileSystem: the YARA files are not read
  EXPECT_EQ(set->sha256(), hashing::Sha256Hex(kIssueExample));
}

TEST(RulesFileTest, LoadReadsYaraFilesRelativeToTheRulesFile) {
  testing::MemFileSystem fs;
  fs.Add("/case/rules/lab.toml", kIssueExample);
  fs.Add("/case/rules/example.yar", kMarkerRule);
  auto set = RuleSet::Load(fs, "/case/rules/lab.toml");
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_TRUE(set->has_yara());
  const std::string manifest = hashing::Sha256Hex(kIssueExample) + "  lab.toml\n" + hashing::Sha256Hex(kMarkerRule) +
                               "  example.yar\n";
  EXPECT_EQ(set->sha256(), hashing::Sha256Hex(manifest));

  // Any change to a YARA source changes the rules' SHA-256.
  fs.Add("/case/rules/example.yar", std::string(kMarkerRule) + "// edited\n");
  auto edited = RuleSet::Load(fs, "/case/rules/lab.toml");
  ASSERT_TRUE(edited) << edited.error().ToString();
  EXPECT_NE(edited->sha256(), set->sha256());
}

TEST(RulesFileTest, ShippedExampleLoadsAndMatches) {
  const std::string path = testing::RepoFixture("../../examples/rules/example-rules.toml");
  auto set = RuleSet::Load(RealFileSystem(), path);
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_TRUE(set->has_yara());
  EXPECT_EQ(set->MatchPath("DCIM/SALDIRI TAKTİKLERİ/notes.txt").size(), 1u);
  EXPECT_EQ(set->MatchText("Please, tell no one.").size(), 1u);
  auto content = set->MatchContent("header CASEGRAPH-TEST-MARKER trailer");
  ASSERT_TRUE(content) << content.error().ToString();
  ASSERT_EQ(content->size(), 1u);
  EXPECT_EQ((*content)[0].matched, "CasegraphTestMarker");
}

TEST(RulesFileTest, OptionalKeysAreAccepted) {
  auto set = RuleSet::Parse(R"(
[[lexicon]]
name = "secrecy"
description = "asks to keep something secret"
severity = "medium"
terms = ["tell no one"]

[yara]
files = ["a.yar", "sub/b.yar"]
timeout_seconds = 5
)",
                            "rules.toml", "/case", nullptr);
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_EQ(set->definitions().lexicons[0].description, "asks to keep something secret");
  EXPECT_EQ(set->definitions().lexicons[0].severity, "medium");
  EXPECT_EQ(set->definitions().yara->timeout_seconds, 5);
  EXPECT_FALSE(set->has_path_rules());
}

TEST(RulesFileTest, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(ErrorOf("[[path_rule]]\nname = \"x\"\npatterns = [\"a\"]\ndescripton = \"y\"\n"),
            "rules.toml:4:1: unknown key 'descripton' in [[path_rule]] (expected name, patterns, description, severity)");
  // A misspelt name is reported as the unknown key it is, not as a missing name.
  EXPECT_EQ(ErrorOf("[[path_rule]]\nnmae = \"x\"\npatterns = [\"a\"]\n"),
            "rules.toml:2:1: unknown key 'nmae' in [[path_rule]] (expected name, patterns, description, severity)");
  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = \"x\"\nterms = [\"a\", 3]\n"),
            "rules.toml:3:15: every entry of 'terms' must be a string");
  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = 7\nterms = [\"a\"]\n"), "rules.toml:2:8: 'name' must be a string");
  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = \"x\"\nterms = \"tell no one\"\n"),
            "rules.toml:3:9: 'terms' must be an array of strings");
  EXPECT_EQ(ErrorOf("rule = 1\n[[lexicon]]\nname = \"x\"\nterms = [\"a\"]\n"),
            "rules.toml:1:1: unknown key 'rule' (expected [[path_rule]], [[lexicon]] or [yara])");
  EXPECT_EQ(ErrorOf("[yara]\nfiles = [\"a.yar\"]\nflies = 1\n"),
            "rules.toml:3:1: unknown key 'flies' in [yara] (expected files, timeout_seconds)");
}

// `flag = "secrecy"` marks a lexicon whose message hits feed the secrecy indicator; FlagOf
// tells a hit's flag. Path rules have no flag; any other value is an error at its place.
TEST(RulesFileTest, LexiconFlagSecrecy) {
  auto set = RuleSet::Parse("[[lexicon]]\nname = \"hush\"\nflag = \"secrecy\"\nterms = [\"bunu sil\"]\n"
                            "[[lexicon]]\nname = \"colours\"\nterms = [\"blue\"]\n",
                            "rules.toml", "/case", nullptr);
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_EQ(set->definitions().lexicons[0].flag, "secrecy");
  EXPECT_EQ(set->definitions().lexicons[1].flag, "");
  auto hits = set->MatchText("BUNU SİL, blue");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(set->FlagOf(hits[0]), "secrecy");
  EXPECT_EQ(set->FlagOf(hits[1]), "");
  EXPECT_EQ(set->FlagOf(RuleHit{"path_rule", "hush", "x", 0, 0}), "");

  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = \"x\"\nflag = \"secret\"\nterms = [\"a\"]\n"),
            "rules.toml:3:8: 'flag' must be \"secrecy\" (not 'secret')");
  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = \"x\"\nflag = true\nterms = [\"a\"]\n"), "rules.toml:3:8: 'flag' must be a string");
  EXPECT_EQ(ErrorOf("[[path_rule]]\nname = \"x\"\nflag = \"secrecy\"\npatterns = [\"a\"]\n"),
            "rules.toml:3:1: unknown key 'flag' in [[path_rule]] (expected name, patterns, description, severity)");
}

TEST(RulesFileTest, InvalidTomlNamesThePlace) {
  const std::string e = ErrorOf("[[lexicon]]\nname = \"x\nterms = [\"a\"]\n");
  EXPECT_EQ(e.rfind("rules.toml:2:", 0), 0u) << e;
  EXPECT_NE(e.find("invalid TOML"), std::string::npos) << e;
}

TEST(RulesFileTest, EmptyNamesPatternsAndTermsAreErrors) {
  EXPECT_EQ(ErrorOf("[[path_rule]]\nname = \"  \"\npatterns = [\"a\"]\n"), "rules.toml:2:8: 'name' must not be empty");
  EXPECT_EQ(ErrorOf("[[path_rule]]\nname = \"x\"\npatterns = []\n"),
            "rules.toml:3:12: 'patterns' must list at least one entry");
  EXPECT_EQ(ErrorOf("[[path_rule]]\nname = \"x\"\npatterns = [\"\"]\n"),
            "rules.toml:3:13: a path pattern must not be empty");
  EXPECT_EQ(ErrorOf("[[path_rule]]\nname = \"x\"\npatterns = [\"a/b\"]\n"),
            "rules.toml:3:13: a path pattern matches one path component and cannot contain '/' or '\\'");
  EXPECT_EQ(ErrorOf("[[path_rule]]\nname = \"x\"\npatterns = [\"*\"]\n"),
            "rules.toml:3:13: a path pattern needs at least one letter or digit");
  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = \"x\"\nterms = [\"ok\", \"?!\"]\n"),
            "rules.toml:3:16: a lexicon term needs at least one letter or digit");
  EXPECT_EQ(ErrorOf("[yara]\nfiles = [\"\"]\n"), "rules.toml:2:10: a YARA file name must not be empty");
}

TEST(RulesFileTest, StructuralMistakesAreErrors) {
  EXPECT_EQ(ErrorOf("[[lexicon]]\nterms = [\"a\"]\n"), "rules.toml:1:1: [[lexicon]] needs a name");
  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = \"x\"\n"), "rules.toml:1:1: [[lexicon]] needs terms");
  EXPECT_EQ(ErrorOf("[path_rule]\nname = \"x\"\npatterns = [\"a\"]\n"),
            "rules.toml:1:1: 'path_rule' must be written as [[path_rule]] tables");
  EXPECT_EQ(ErrorOf("[yara]\ntimeout_seconds = 5\n"), "rules.toml:1:1: [yara] needs files = [\"...\"]");
  EXPECT_EQ(ErrorOf("yara = [\"a.yar\"]\n"), "rules.toml:1:8: 'yara' must be a table: [yara] with files = [...]");
  EXPECT_EQ(ErrorOf("[yara]\nfiles = [\"a.yar\"]\ntimeout_seconds = 0\n"),
            "rules.toml:3:19: 'timeout_seconds' must be an integer from 1 to 3600");
  EXPECT_EQ(ErrorOf("[yara]\nfiles = [\"a.yar\", \"a.yar\"]\n"), "rules.toml:2:19: YARA file 'a.yar' is listed twice");
  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = \"x\"\nseverity = \"urgent\"\nterms = [\"a\"]\n"),
            "rules.toml:3:12: 'severity' must be one of info, low, medium, high, critical (not 'urgent')");
  EXPECT_EQ(ErrorOf("# nothing\n"),
            "rules.toml: the rules file defines no rules (expected [[path_rule]], [[lexicon]] or [yara])");
}

TEST(RulesFileTest, DuplicateRuleNamesAreErrors) {
  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = \"x\"\nterms = [\"a\"]\n[[lexicon]]\nname = \"x\"\nterms = [\"b\"]\n"),
            "rules.toml:5:8: another [[lexicon]] is already named 'x' (line 2)");
  // A path rule and a lexicon may share a name: hits carry their kind.
  EXPECT_EQ(ErrorOf("[[lexicon]]\nname = \"x\"\nterms = [\"a\"]\n[[path_rule]]\nname = \"x\"\npatterns = [\"b\"]\n"),
            "(no error)");
}

TEST(RulesFileTest, TheFirstProblemInTheFileIsReported) {
  // tomlplusplus sorts keys; the report still follows the file.
  EXPECT_EQ(ErrorOf("[[lexicon]]\nzzz = 1\nname = \"x\"\naaa = 2\nterms = [\"a\"]\n"),
            "rules.toml:2:1: unknown key 'zzz' in [[lexicon]] (expected name, terms, description, severity, flag) "
            "(and 1 more problem)");
}

TEST(RulesFileTest, MissingRulesOrYaraFileIsAnErrorNamingIt) {
  testing::MemFileSystem fs;
  auto missing = RuleSet::Load(fs, "/case/none.toml");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("/case/none.toml"), std::string::npos) << missing.error().ToString();

  fs.Add("/case/rules.toml", "[yara]\nfiles = [\"gone.yar\"]\n");
  auto no_yara = RuleSet::Load(fs, "/case/rules.toml");
  ASSERT_FALSE(no_yara);
  EXPECT_NE(no_yara.error().message().find("/case/gone.yar"), std::string::npos) << no_yara.error().ToString();
  EXPECT_EQ(no_yara.error().message().rfind("/case/rules.toml: ", 0), 0u) << no_yara.error().ToString();
}

}  // namespace
}  // namespace casegraph::rules
