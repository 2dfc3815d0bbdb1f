#include "indicators/flags.h"

#include <gmock/gmock.h>

#include "contact_world.h"

namespace casegraph::indicators {
namespace {

using ::testing::HasSubstr;
using testing::kDay;
using testing::kT0;
using testing::TgChat;

// S1 (C1): user200 writes first and pushes to WhatsApp by number; the number writes first there.
// S2 (C2): user300 writes first (a lone unsolicited message).
class FlagsTest : public testing::ContactWorldTest {
 protected:
  void SetUp() override {
    ContactWorldTest::SetUp();
    Subject("C1", "S1", "2010");
    Subject("C2", "S2", "2010");
    Telegram("C1", "S1", 100, {},
             {{"Deniz", "personal_chat", 200,
               {{1, "user200", "x", "hello", kT0}, {2, "user100", "y", "hi", kT0 + 120},
                {3, "user200", "x", "write to me at +90 532 999 88 77", kT0 + 3600}}}});
    WhatsApp("C1", "S1", "6/14/24, 10:00 AM - +90 532 999 88 77: hi there\n6/14/24, 10:01 AM - You: hello\n");
    Telegram("C2", "S2", 102, {}, {{"Ece", "personal_chat", 300, {{1, "user300", "x", "hello", kT0 + kDay}}}});
  }
  std::vector<Finding> Flags(FlagsRequest request) {
    auto f = ComputeFlags(*ws_, request);
    EXPECT_TRUE(f.ok()) << f.error().ToString();
    return f.ok() ? *f : std::vector<Finding>{};
  }
};

TEST_F(FlagsTest, RunsEveryIndicatorAndSortsSeverityFirst) {
  auto f = Flags({});
  ASSERT_GE(f.size(), 4u);
  for (size_t i = 1; i < f.size(); ++i) EXPECT_GE(f[i - 1].severity, f[i].severity) << i;
  std::set<std::string> kinds;
  for (const auto& x : f) kinds.insert(x.kind);
  EXPECT_TRUE(kinds.count("platform-migration"));
  EXPECT_TRUE(kinds.count("unsolicited-contact-minor"));
  // The WhatsApp number's unsolicited contact is raised by the migration that ran before it.
  const Finding* raised = nullptr;
  for (const auto& x : f) {
    if (x.kind == kUnsolicitedContactMinor && x.accounts[0] == "whatsapp:+905329998877") raised = &x;
  }
  ASSERT_NE(raised, nullptr);
  EXPECT_EQ(raised->severity, Severity::kMedium);
  EXPECT_THAT(raised->severity_basis[0], HasSubstr("platform-migration"));
}

TEST_F(FlagsTest, MinSeverityDropsTheLowerOnes) {
  auto all = Flags({});
  FlagsRequest high;
  high.min_severity = Severity::kHigh;
  auto only = Flags(high);
  EXPECT_LT(only.size(), all.size());
  ASSERT_FALSE(only.empty());
  for (const auto& x : only) EXPECT_EQ(x.severity, Severity::kHigh);
}

TEST_F(FlagsTest, CasesLimitTheFlags) {
  FlagsRequest c2;
  c2.cases = {"C2"};
  auto f = Flags(c2);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].case_code, "C2");
  EXPECT_EQ(f[0].accounts[0], "telegram:user300");
}

TEST_F(FlagsTest, AnUnknownCaseIsNotFound) {
  FlagsRequest bad;
  bad.cases = {"C9"};
  auto f = ComputeFlags(*ws_, bad);
  ASSERT_FALSE(f.ok());
  EXPECT_THAT(f.error().ToString(), HasSubstr("C9"));
}

TEST_F(FlagsTest, TheSameWorkspaceGivesTheSameList) {
  auto a = Flags({}), b = Flags({});
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].summary, b[i].summary);
    EXPECT_EQ(a[i].explanation, b[i].explanation);
  }
}

TEST(FlagsRegistry, UnsolicitedContactRunsLast) {
  const auto& list = AllIndicators();
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list.back()->kind(), kUnsolicitedContactMinor);
  std::set<std::string_view> kinds;
  for (const Indicator* i : list) EXPECT_TRUE(kinds.insert(i->kind()).second) << i->kind();
}

}  // namespace
}  // namespace casegraph::indicators
