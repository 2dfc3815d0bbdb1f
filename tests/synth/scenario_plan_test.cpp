// The scenario planner: the model it builds holds every fact the issue-4 spec plants, at demo
// size and at scale, with valid synthetic numbers, and the same seed gives the same plan.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "extract/identifier.h"
#include "synth/scenario.h"
#include "synth/scenario_truth.h"
#include "synth/whatsapp_style.h"

namespace casegraph::synth {
namespace {

Scenario Plan(uint64_t seed, uint64_t messages, int cases) {
  ScenarioOptions o;
  o.seed = seed;
  o.messages = messages;
  o.cases = cases;
  auto s = PlanScenario(o);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().ToString());
  return s.ok() ? std::move(*s) : Scenario{};
}

const SynthAccount& Acct(const Scenario& s, int a) { return s.accounts[static_cast<size_t>(a)]; }

// Direct conversations opened by an operative (its first planted message is the conversation's
// first), as (operative person, case) pairs, and the platforms per pair.
std::map<std::pair<std::string, std::string>, std::set<Platform>> OperativeOpenings(const Scenario& s) {
  std::map<std::pair<std::string, std::string>, std::set<Platform>> out;
  for (const SynthExhibit& e : s.exhibits) {
    for (const SynthConversation& c : e.conversations) {
      if (c.kind != ConversationKind::kDirect || c.planted.empty()) continue;
      const SynthAccount& opener = Acct(s, c.planted.front().sender);
      if (opener.role != Role::kOperative) continue;
      EXPECT_LT(c.planted.front().at_utc, c.filler_from);
      EXPECT_TRUE(std::count(c.members.begin(), c.members.end(), e.owner) == 1) << e.label;
      out[{opener.person, e.case_code}].insert(opener.platform);
    }
  }
  return out;
}

void ExpectPlantedFacts(const Scenario& s, int cases) {
  // Every subject has a telegram-json exhibit that follows the one broadcast channel.
  std::set<std::string> channels;
  for (const SynthCase& c : s.cases) {
    int telegram = 0;
    for (const SynthExhibit& e : s.exhibits) {
      if (e.case_code != c.code || e.format != "telegram-json") continue;
      ++telegram;
      for (const SynthConversation& conv : e.conversations) {
        if (conv.kind == ConversationKind::kChannel) channels.insert(Acct(s, conv.members[0]).uid);
      }
    }
    EXPECT_EQ(telegram, 1) << c.code;
  }
  EXPECT_EQ(channels.size(), 1u);
  // Operatives: at least two, about one per three cases; each opens private chats with subjects
  // of two or more cases, on several platforms in all.
  const auto openings = OperativeOpenings(s);
  std::map<std::string, std::set<std::string>> cases_of;
  std::map<std::string, std::set<Platform>> platforms_of;
  for (const auto& [key, platforms] : openings) {
    cases_of[key.first].insert(key.second);
    platforms_of[key.first].insert(platforms.begin(), platforms.end());
  }
  EXPECT_GE(cases_of.size(), std::max<size_t>(2, static_cast<size_t>(cases / 3)));
  for (const auto& [op, in] : cases_of) {
    EXPECT_GE(in.size(), std::min<size_t>(2, static_cast<size_t>(cases))) << op;
    EXPECT_GE(platforms_of[op].size(), 2u) << op;
  }
  // A group where an operative meets a subject.
  bool met = false;
  for (const SynthExhibit& e : s.exhibits) {
    for (const SynthConversation& c : e.conversations) {
      if (c.kind != ConversationKind::kGroup) continue;
      bool op = false, subject = false;
      for (int m : c.members) {
        op = op || Acct(s, m).role == Role::kOperative;
        subject = subject || m == e.owner;
      }
      met = met || (op && subject);
    }
  }
  EXPECT_TRUE(met);

  const GroundTruth t = BuildGroundTruth(s, {});
  bool same_phone_operative = false;
  for (const TruthGroup& p : t.persons) {
    std::set<std::string> platforms;
    for (const auto& ref : p.accounts) platforms.insert(ref.substr(0, ref.find(':')));
    EXPECT_EQ(platforms.size(), p.accounts.size()) << p.person;
    same_phone_operative = same_phone_operative || (p.person.rfind("op-", 0) == 0 && platforms.count("whatsapp") > 0 &&
                                                    platforms.count("telegram") > 0);
  }
  EXPECT_TRUE(same_phone_operative);
  std::set<std::string> bases;
  for (const TruthSuggestion& g : t.suggestions) bases.insert(g.basis + " " + g.a.substr(0, g.a.find(':')) + " " + g.b.substr(0, g.b.find(':')));
  EXPECT_TRUE(bases.count("self-declared telegram matrix")) << ::testing::PrintToString(bases);
  EXPECT_TRUE(bases.count("same-username discord rocketchat")) << ::testing::PrintToString(bases);
  EXPECT_FALSE(t.same_name.empty());
  EXPECT_EQ(t.broadcast.rfind("telegram:channel", 0), 0u);
  std::set<std::string> ali_cases;
  for (const std::string& ref : t.local_names) {
    if (ref.size() > 4 && ref.substr(ref.size() - 4) == "/Ali") ali_cases.insert(ref.substr(17, 4));
  }
  EXPECT_GE(ali_cases.size(), 2u);
  // Friends and family stay in their case: only operatives and the channel link cases.
  for (const TruthLinked& l : t.linked_accounts) EXPECT_TRUE(l.kind == "operative" || l.kind == "broadcast") << l.ref;
  EXPECT_EQ(t.first_contacts.size(), static_cast<size_t>(cases));
  EXPECT_FALSE(t.paths.empty());
}

TEST(ScenarioPlanTest, DemoSizeHoldsEveryPlantedFactAndEveryFormat) {
  const Scenario s = Plan(1, 20000, 3);
  ASSERT_EQ(s.cases.size(), 3u);
  std::set<std::string> formats, styles;
  for (const SynthExhibit& e : s.exhibits) {
    formats.insert(e.format);
    if (e.format == "whatsapp-txt") styles.insert(e.style);
  }
  EXPECT_EQ(formats, (std::set<std::string>{"telegram-json", "telegram-html", "element-json", "rocketchat-mongo",
                                             "whatsapp-txt", "discord-json"}));
  EXPECT_GE(styles.size(), 3u);
  ExpectPlantedFacts(s, 3);
}

TEST(ScenarioPlanTest, AnotherSeedAndScaleHoldTheFactsToo) {
  ExpectPlantedFacts(Plan(2, 20000, 3), 3);
  ExpectPlantedFacts(Plan(7, 200000, 10), 10);
  ExpectPlantedFacts(Plan(3, 10000000, 100), 100);
}

TEST(ScenarioPlanTest, MessageBudgetIsMetAndExhibitsAreSingleChatWhereTheFormatIs) {
  for (uint64_t messages : {20000ULL, 10000000ULL}) {
    const int cases = messages > 100000 ? 100 : 3;
    const Scenario s = Plan(1, messages, cases);
    uint64_t total = 0;
    for (const SynthExhibit& e : s.exhibits) {
      if (e.format == "whatsapp-txt") ++total;  // the end-to-end notice each chat opens with
      if (e.format == "whatsapp-txt" || e.format == "element-json" || e.format == "discord-json") {
        EXPECT_EQ(e.conversations.size(), 1u) << e.label;
      }
      for (const SynthConversation& c : e.conversations) total += MessageCount(c);
    }
    EXPECT_EQ(total, messages);
  }
}

TEST(ScenarioPlanTest, SameSeedSamePlanOtherSeedOtherPlan) {
  const std::string a = GroundTruthJson(BuildGroundTruth(Plan(5, 20000, 3), {}));
  EXPECT_EQ(a, GroundTruthJson(BuildGroundTruth(Plan(5, 20000, 3), {})));
  EXPECT_NE(a, GroundTruthJson(BuildGroundTruth(Plan(6, 20000, 3), {})));
}

TEST(ScenarioPlanTest, PhonesAreValidUniqueTurkishMobiles) {
  const Scenario s = Plan(1, 20000, 100);
  extract::Extractor extractor(extract::ExtractorOptions{});
  std::map<std::string, std::string> person_of;  // one number, one person
  for (const SynthAccount& a : s.accounts) {
    if (a.phone.empty()) continue;
    auto normal = extractor.NormalizePhone(a.phone);
    ASSERT_TRUE(normal.has_value()) << a.phone;
    EXPECT_EQ(*normal, a.phone);
    EXPECT_EQ(extractor.NormalizePhone(WhatsAppNumberText(a.phone)).value_or(""), a.phone);
    EXPECT_EQ(person_of.emplace(a.phone, a.person).first->second, a.person) << a.phone;
  }
}

TEST(ScenarioPlanTest, SubjectsAreMinorsDuringTheStory) {
  const Scenario s = Plan(4, 20000, 20);
  for (const SynthCase& c : s.cases) {
    ASSERT_EQ(c.subjects.size(), 1u);
    const int year = std::stoi(c.subjects[0].born.substr(0, 4));
    EXPECT_GE(2025 - year - 1, 13) << c.subjects[0].born;
    EXPECT_LE(2025 - year, 17) << c.subjects[0].born;
  }
}

TEST(ScenarioPlanTest, FormatsCanBeRestrictedAndBadOptionsAreRefused) {
  ScenarioOptions o;
  o.formats = {"whatsapp-txt"};
  auto s = PlanScenario(o);
  ASSERT_TRUE(s.ok());
  ASSERT_FALSE(s->exhibits.empty());
  for (const SynthExhibit& e : s->exhibits) EXPECT_EQ(e.format, "whatsapp-txt");
  o.formats = {"signal"};
  EXPECT_FALSE(PlanScenario(o).ok());
  o.formats.clear();
  o.cases = 0;
  EXPECT_FALSE(PlanScenario(o).ok());
}

}  // namespace
}  // namespace casegraph::synth
