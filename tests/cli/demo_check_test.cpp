#include "cli/demo_check.h"

#include <gtest/gtest.h>

namespace casegraph::cli {
namespace {

synth::GroundTruth SmallTruth() {
  synth::GroundTruth t;
  t.linked_accounts = {{"telegram:user1", {"C1", "C2"}, "operative"}, {"telegram:channel9", {"C1", "C2"}, "broadcast"}};
  t.persons = {{"op-1", {"telegram:user1", "whatsapp:+905321112233"}, "same-phone"}};
  t.suggestions = {{"telegram:user1", "matrix:@op:srv", "self-declared"}};
  t.same_name = {{"telegram:user5", "telegram:user6"}};
  t.broadcast = "telegram:channel9";
  t.first_contacts = {{"C1", "S1", "telegram:user1", "op-1", "telegram", 1735787045}};  // 2025-01-02T03:04:05Z
  t.paths = {{"subject:C1/S1", "subject:C2/S2", 5}};
  return t;
}

DemoFindings PerfectFindings() {
  DemoFindings f;
  f.linked_accounts = {"telegram:user1", "telegram:channel9"};
  f.persons = {{"telegram:user1", "whatsapp:+905321112233"}};
  f.suggestions = {{"matrix:@op:srv", "telegram:user1"}};
  f.suggested = {"matrix:@op:srv"};
  f.first_contacts["C1/S1"] = {"telegram:user1", "2025-01-02T03:04:05Z"};
  f.paths[{"subject:C1/S1", "subject:C2/S2"}] = 5;
  return f;
}

TEST(DemoCheck, PerfectFindingsScoreOne) {
  const DemoCheck c = CheckAgainstTruth(SmallTruth(), PerfectFindings());
  EXPECT_TRUE(c.ok()) << (c.problems.empty() ? "" : c.problems[0]);
  EXPECT_EQ(c.linked_accounts.precision(), 1.0);
  EXPECT_EQ(c.linked_accounts.recall(), 1.0);
  EXPECT_EQ(c.persons.precision(), 1.0);
  EXPECT_EQ(c.persons.recall(), 1.0);
  EXPECT_EQ(c.decoys_merged, 0u);
}

TEST(DemoCheck, BroadcastRankedFirstIsAProblem) {
  DemoFindings f = PerfectFindings();
  f.linked_accounts = {"telegram:channel9", "telegram:user1"};
  const DemoCheck c = CheckAgainstTruth(SmallTruth(), f);
  EXPECT_FALSE(c.ok());
  EXPECT_EQ(c.linked_accounts.precision(), 1.0);  // the set is right; the order is not
}

TEST(DemoCheck, ExtraAndMissingLinksLowerPrecisionAndRecall) {
  DemoFindings f = PerfectFindings();
  f.linked_accounts = {"telegram:user1", "whatsapp-contact:C1/x/Ali"};
  const DemoCheck c = CheckAgainstTruth(SmallTruth(), f);
  EXPECT_DOUBLE_EQ(c.linked_accounts.precision(), 0.5);
  EXPECT_DOUBLE_EQ(c.linked_accounts.recall(), 0.5);
}

TEST(DemoCheck, MergedDecoysAreCounted) {
  DemoFindings f = PerfectFindings();
  f.persons.push_back({"telegram:user5", "telegram:user6"});
  const DemoCheck c = CheckAgainstTruth(SmallTruth(), f);
  EXPECT_EQ(c.decoys_merged, 1u);
  EXPECT_DOUBLE_EQ(c.persons.precision(), 0.5);
  EXPECT_DOUBLE_EQ(c.persons.recall(), 1.0);
}

TEST(DemoCheck, WrongFirstContactAndPathLengthAreProblems) {
  DemoFindings f = PerfectFindings();
  f.first_contacts["C1/S1"] = {"telegram:user2", "2025-01-02T03:04:05Z"};
  f.paths[{"subject:C1/S1", "subject:C2/S2"}] = 7;
  const DemoCheck c = CheckAgainstTruth(SmallTruth(), f);
  EXPECT_EQ(c.first_contacts.correct, 0u);
  EXPECT_EQ(c.paths.correct, 0u);
  EXPECT_EQ(c.problems.size(), 2u);
}

}  // namespace
}  // namespace casegraph::cli
