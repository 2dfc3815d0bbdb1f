// End-to-end: `flags` on the demo workspace, run as an examiner runs it: the --json shape,
// --case scoping (citations only from the cases given), --min-severity, exit codes, and two
// runs byte-identical. Counts depend on the synthetic scenario, so only their consistency
// and the planted story's shape are checked here.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>
#include <set>
#include <string>

#include "testutil/testutil.h"

namespace casegraph {
namespace {

class FlagsE2E : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::MakeTempDir("cg-flags-e2e"));
    const testing::CliRun r = testing::RunCli("demo --messages 6000 --out '" + *dir_ + "'", "2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  static void TearDownTestSuite() { delete dir_; }
  static testing::CliRun Flags(const std::string& args) {
    return testing::RunCli("-w '" + *dir_ + "/demo.db' flags " + args);
  }
  static std::string* dir_;
};
std::string* FlagsE2E::dir_ = nullptr;

std::string Str(simdjson::dom::element e, const char* key) {
  std::string_view v;
  EXPECT_EQ(e[key].get(v), simdjson::SUCCESS) << key;
  return std::string(v);
}

TEST_F(FlagsE2E, JsonHasEveryKeyAndConsistentCounts) {
  const testing::CliRun r = Flags("--json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(r.out).get(doc), simdjson::SUCCESS) << r.out;
  simdjson::dom::array flags;
  ASSERT_EQ(doc["flags"].get(flags), simdjson::SUCCESS);
  ASSERT_GT(flags.size(), 0u);
  std::map<std::string, int64_t> counted;
  std::set<std::string> kinds;
  for (simdjson::dom::element f : flags) {
    for (const char* key : {"kind", "severity", "summary", "explanation", "severity_basis", "case", "subject",
                            "accounts", "first_at", "last_at", "citations", "total_citations", "other_cases"}) {
      EXPECT_NE(f[key].error(), simdjson::NO_SUCH_FIELD) << key;
    }
    ++counted[Str(f, "severity")];
    kinds.insert(Str(f, "kind"));
    simdjson::dom::array citations;
    ASSERT_EQ(f["citations"].get(citations), simdjson::SUCCESS);
    for (simdjson::dom::element c : citations) {
      for (const char* key : {"case", "exhibit", "sha256", "locator", "text"}) EXPECT_FALSE(Str(c, key).empty()) << key;
    }
  }
  for (const char* s : {"high", "medium", "low"}) {
    int64_t n = -1;
    ASSERT_EQ(doc["counts"][s].get(n), simdjson::SUCCESS);
    EXPECT_EQ(n, counted[s]) << s;
  }
  EXPECT_GT(counted["high"], 0);
  for (const char* k : {"unsolicited-contact-minor", "platform-migration", "cross-case"}) EXPECT_TRUE(kinds.count(k)) << k;
}

TEST_F(FlagsE2E, CaseScopeCitesOnlyThatCase) {
  const testing::CliRun r = Flags("--case C002 --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(r.out).get(doc), simdjson::SUCCESS);
  simdjson::dom::array flags;
  ASSERT_EQ(doc["flags"].get(flags), simdjson::SUCCESS);
  ASSERT_GT(flags.size(), 0u);
  bool names_other_case = false;
  for (simdjson::dom::element f : flags) {
    EXPECT_EQ(Str(f, "case"), "C002");
    simdjson::dom::array citations, others;
    ASSERT_EQ(f["citations"].get(citations), simdjson::SUCCESS);
    for (simdjson::dom::element c : citations) EXPECT_EQ(Str(c, "case"), "C002") << Str(c, "text");
    ASSERT_EQ(f["other_cases"].get(others), simdjson::SUCCESS);
    names_other_case |= others.size() > 0;
  }
  EXPECT_TRUE(names_other_case);  // cross-case names the other cases without citing them
}

TEST_F(FlagsE2E, MinSeverityFilters) {
  const testing::CliRun r = Flags("--min-severity high --json");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.find("\"severity\":\"low\""), std::string::npos);
  EXPECT_EQ(r.out.find("\"severity\":\"medium\""), std::string::npos);
  EXPECT_NE(r.out.find("\"severity\":\"high\""), std::string::npos);
}

TEST_F(FlagsE2E, TextOutputHasABlockPerFlag) {
  const testing::CliRun r = Flags("");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("not findings of guilt"), std::string::npos);
  EXPECT_NE(r.out.find("[high] "), std::string::npos);
  EXPECT_NE(r.out.find("    cite "), std::string::npos);
}

TEST_F(FlagsE2E, BadInputExitCodes) {
  EXPECT_EQ(Flags("--case C999").exit_code, 1);
  EXPECT_EQ(Flags("--min-severity urgent").exit_code, 2);
  EXPECT_EQ(testing::RunCli("-w '" + *dir_ + "/missing.db' flags").exit_code, 1);
}

TEST_F(FlagsE2E, TwoRunsAreByteIdentical) {
  for (const std::string args : {"--json", "", "--case C001 --case C003 --json"}) {
    const testing::CliRun a = Flags(args), b = Flags(args);
    EXPECT_EQ(a.exit_code, 0);
    EXPECT_EQ(a.out, b.out) << args;
  }
}

}  // namespace
}  // namespace casegraph
