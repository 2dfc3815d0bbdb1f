// End-to-end: `casegraph demo` as CI runs it. The demo writes a synthetic multi-case scenario
// in every export format, ingests it, answers the link questions and exits 1 when any answer
// differs from the scenario's ground truth (precision and recall of linked accounts and persons
// 1.0, no decoy merged, first contacts and path lengths exact, every printed citation resolved).
// Then the same scenario built twice must give byte-identical --json for links, persons, path
// and timeline.
#include <gtest/gtest.h>
#include <string>

#include "testutil/testutil.h"

namespace casegraph {
namespace {

testing::CliRun RunCasegraph(const std::string& args) { return testing::RunCli(args, "2>&1"); }

void ExpectDemoMatchesTruth(const std::string& args) {
  const std::string dir = testing::MakeTempDir("cg-demo");
  const testing::CliRun r = RunCasegraph("demo --out '" + dir + "' " + args);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("every answer matches the ground truth"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("linked accounts  precision 1.00  recall 1.00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("persons          precision 1.00  recall 1.00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("decoys merged: 0"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("DIFFERENCE"), std::string::npos) << r.out;
}

TEST(DemoE2E, DefaultScenarioMatchesGroundTruth) { ExpectDemoMatchesTruth(""); }

TEST(DemoE2E, AnotherSeedAndMoreCasesMatchGroundTruth) { ExpectDemoMatchesTruth("--seed 2 --cases 5 --messages 15000"); }

TEST(DemoE2E, SameScenarioGivesByteIdenticalAnswers) {
  const std::string a = testing::MakeTempDir("cg-demo-a"), b = testing::MakeTempDir("cg-demo-b");
  ASSERT_EQ(RunCasegraph("demo --seed 3 --messages 6000 --out '" + a + "'").exit_code, 0);
  ASSERT_EQ(RunCasegraph("demo --seed 3 --messages 6000 --out '" + b + "'").exit_code, 0);
  for (const std::string q : {"links --json", "persons --json", "path --from subject:C001/S1 --to subject:C002/S2 --json",
                              "timeline --subject C001/S1 --json", "timeline --case C002 --json", "accounts --json"}) {
    const testing::CliRun ra = RunCasegraph("-w '" + a + "/demo.db' " + q);
    const testing::CliRun rb = RunCasegraph("-w '" + b + "/demo.db' " + q);
    EXPECT_EQ(ra.exit_code, 0) << q << ": " << ra.out;
    EXPECT_GT(ra.out.size(), 20u) << q;
    EXPECT_EQ(ra.out, rb.out) << q;
  }
}

}  // namespace
}  // namespace casegraph
