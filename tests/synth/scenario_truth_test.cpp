// The ground truth: refs follow the importers' rules (checked on a small hand-built scenario),
// hops are counted as the spec defines them, and the document has exactly the spec's keys and
// agrees with the plan it came from.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <set>

#include "synth/scenario.h"
#include "synth/scenario_truth.h"
#include "synth/scenario_visible.h"

namespace casegraph::synth {
namespace {

SynthAccount Account(std::string person, Role role, Platform p, std::string uid, std::string name,
                     std::string phone = "") {
  SynthAccount a;
  a.person = std::move(person);
  a.role = role;
  a.platform = p;
  a.uid = std::move(uid);
  a.display_name = std::move(name);
  a.phone = std::move(phone);
  return a;
}

SynthConversation Chat(ConversationKind kind, std::vector<int> members, std::vector<std::pair<int64_t, int>> lines,
                       std::string title = "") {
  SynthConversation c;
  c.kind = kind;
  c.members = std::move(members);
  c.title = std::move(title);
  for (const auto& [at, sender] : lines) c.planted.push_back(SynthMessage{at, sender, SynthMessage::Kind::kText, "hi", ""});
  return c;
}

// Two cases. The operative writes to S1 on Telegram (saved in S1's contacts with its number)
// and to S2 on WhatsApp from the same number, unsaved; S2's phone also has "Ali" saved.
Scenario Small() {
  Scenario s;
  s.seed = 9;
  s.accounts = {
      Account("c1-subject", Role::kSubject, Platform::kTelegram, "5000000001", "Ece Örnek", "+905321110001"),  // 0
      Account("op-1", Role::kOperative, Platform::kTelegram, "5000000002", "Kaan Sentez", "+905321110002"),     // 1
      Account("c2-subject", Role::kSubject, Platform::kWhatsApp, "+905321110003", "Mert Deneme"),              // 2
      Account("op-1", Role::kOperative, Platform::kWhatsApp, "+905321110002", "Kaan Sentez"),                  // 3
      Account("c2-ali", Role::kDecoy, Platform::kWhatsApp, "+905321110004", "Ali Taslak"),                     // 4
      Account("broadcaster", Role::kBroadcaster, Platform::kTelegram, "1500000001", "Kanal"),                  // 5
      Account("c2-subject", Role::kSubject, Platform::kRocketChat, "AAAAAAAAAAAAAAAAA", "M. Deneme"),          // 6
  };
  s.accounts[5].is_channel = true;
  s.cases = {{"C1", "one", {{"S1", "2010", "victim"}}}, {"C2", "two", {{"S2", "2011", "victim"}}}};
  SynthExhibit tg;
  tg.case_code = "C1";
  tg.subject = "S1";
  tg.label = "s1-telegram";
  tg.format = "telegram-json";
  tg.owner = 0;
  tg.contacts = {1};
  tg.conversations = {Chat(ConversationKind::kDirect, {0, 1}, {{1000, 1}, {1100, 0}}, "Kaan Sentez"),
                      Chat(ConversationKind::kChannel, {5, 0}, {{900, 5}}, "Kanal")};
  SynthExhibit wa;
  wa.case_code = "C2";
  wa.subject = "S2";
  wa.label = "s2-whatsapp";
  wa.format = "whatsapp-txt";
  wa.style = "android-en-GB";
  wa.owner = 2;
  wa.saved_names = {{4, "Ali"}};
  wa.conversations = {Chat(ConversationKind::kGroup, {2, 3, 4}, {{2000, 3}, {2030, 2}, {2100, 4}}, "Grup")};
  SynthExhibit rc;
  rc.case_code = "C2";
  rc.subject = "S2";
  rc.label = "s2-rocketchat";
  rc.format = "rocketchat-mongo";
  rc.owner = 6;  // no instance: the importer's "default"
  SynthExhibit tg2 = tg;
  tg2.case_code = "C2";
  tg2.subject = "S2";
  tg2.label = "s2-telegram";
  tg2.owner = -1;
  tg2.contacts.clear();
  tg2.conversations = {Chat(ConversationKind::kChannel, {5}, {{900, 5}}, "Kanal")};
  s.exhibits = {tg, wa, rc, tg2};
  return s;
}

TEST(ScenarioTruthTest, RefsFollowTheImportersRules) {
  const Scenario s = Small();
  const Visibility v(s);
  EXPECT_EQ(v.Ref(0, 0, 1), "telegram:user5000000002");
  EXPECT_EQ(v.Ref(0, 1, 5), "telegram:channel1500000001");
  EXPECT_EQ(v.Ref(1, 0, 2), "whatsapp-owner:C2/s2-whatsapp");
  EXPECT_EQ(v.Ref(1, 0, 3), "whatsapp:+905321110002");
  EXPECT_EQ(v.Ref(1, 0, 4), "whatsapp-contact:C2/s2-whatsapp/Ali");
  EXPECT_EQ(v.OwnerRef(2), "rocketchat:AAAAAAAAAAAAAAAAA@default");
  EXPECT_TRUE(Visibility::IsLocalRef("whatsapp-contact:C2/s2-whatsapp/Ali"));
  EXPECT_FALSE(Visibility::IsLocalRef("whatsapp:+905321110002"));
  // The number shows for the Telegram contact and the unsaved WhatsApp sender; never for a saved name.
  EXPECT_EQ(v.refs().at("telegram:user5000000002").phones, (std::set<std::string>{"+905321110002"}));
  EXPECT_TRUE(v.refs().at("whatsapp-contact:C2/s2-whatsapp/Ali").phones.empty());
}

TEST(ScenarioTruthTest, SmallScenarioTruth) {
  const GroundTruth t = BuildGroundTruth(Small(), {3, 4, 0, 1});
  EXPECT_EQ(t.messages, 8u);
  ASSERT_EQ(t.persons.size(), 1u);
  EXPECT_EQ(t.persons[0].person, "op-1");
  EXPECT_EQ(t.persons[0].accounts, (std::vector<std::string>{"telegram:user5000000002", "whatsapp:+905321110002"}));
  ASSERT_EQ(t.linked_accounts.size(), 1u);  // only the channel: the operative's two refs differ
  EXPECT_EQ(t.linked_accounts[0].ref, "telegram:channel1500000001");
  EXPECT_EQ(t.linked_accounts[0].kind, "broadcast");
  EXPECT_EQ(t.broadcast, "telegram:channel1500000001");
  ASSERT_EQ(t.first_contacts.size(), 1u);  // S2's chat with the operative is a group
  EXPECT_EQ(t.first_contacts[0].account, "telegram:user5000000002");
  EXPECT_EQ(t.first_contacts[0].at, 1000);
  // subject:C1/S1 - telegram S1 - telegram op - (same person) whatsapp op - whatsapp-owner S2 - subject:C2/S2
  ASSERT_EQ(t.paths.size(), 1u);
  EXPECT_EQ(t.paths[0].hops, 5);
  EXPECT_TRUE(t.local_names.empty());  // "Ali" on one phone only
  ASSERT_EQ(t.cases.size(), 2u);
  EXPECT_EQ(t.cases[1].subjects[0].accounts,
            (std::vector<std::string>{"rocketchat:AAAAAAAAAAAAAAAAA@default", "whatsapp-owner:C2/s2-whatsapp"}));
}

TEST(ScenarioTruthTest, DocumentHasExactlyTheSpecKeysAndAgreesWithThePlan) {
  ScenarioOptions o;
  auto s = PlanScenario(o);
  ASSERT_TRUE(s.ok());
  std::vector<uint64_t> counts;
  for (const SynthExhibit& e : s->exhibits) {
    uint64_t n = e.format == "whatsapp-txt" ? 1 : 0;
    for (const SynthConversation& c : e.conversations) n += MessageCount(c);
    counts.push_back(n);
  }
  const std::string json = GroundTruthJson(BuildGroundTruth(*s, counts));
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  auto keys = [](simdjson::dom::object o) {
    std::vector<std::string> out;
    for (auto field : o) out.emplace_back(field.key);
    return out;
  };
  EXPECT_EQ(keys(doc.get_object()),
            (std::vector<std::string>{"seed", "messages", "generator", "cases", "operatives", "linked_accounts",
                                      "persons", "suggestions", "decoys", "first_contacts", "paths", "reference"}));
  EXPECT_EQ(uint64_t(doc["messages"]), o.messages);
  simdjson::dom::element c0 = doc["cases"].at(0);
  EXPECT_EQ(keys(c0.get_object()), (std::vector<std::string>{"code", "title", "subjects", "exhibits"}));
  EXPECT_EQ(keys(c0["subjects"].at(0).get_object()), (std::vector<std::string>{"label", "born", "role", "accounts"}));
  EXPECT_EQ(keys(c0["exhibits"].at(0).get_object()),
            (std::vector<std::string>{"label", "path", "format", "owner", "owner_account", "options", "messages"}));
  EXPECT_EQ(keys(c0["exhibits"].at(0)["options"].get_object()), (std::vector<std::string>{"tz", "date_order", "instance"}));
  EXPECT_EQ(keys(doc["decoys"].get_object()), (std::vector<std::string>{"same_name", "broadcast", "local_names", "accounts"}));
  EXPECT_EQ(keys(doc["linked_accounts"].at(0).get_object()), (std::vector<std::string>{"ref", "cases", "kind"}));
  EXPECT_EQ(keys(doc["persons"].at(0).get_object()), (std::vector<std::string>{"person", "accounts", "basis"}));
  EXPECT_EQ(keys(doc["suggestions"].at(0).get_object()), (std::vector<std::string>{"a", "b", "basis"}));
  EXPECT_EQ(keys(doc["first_contacts"].at(0).get_object()),
            (std::vector<std::string>{"case", "subject", "account", "person", "at", "platform"}));
  EXPECT_EQ(keys(doc["paths"].at(0).get_object()), (std::vector<std::string>{"from", "to", "hops"}));
  EXPECT_EQ(keys(doc["operatives"].at(0).get_object()), (std::vector<std::string>{"person", "accounts"}));
  // Every exhibit of the plan is listed once, with its count.
  size_t listed = 0;
  for (simdjson::dom::element c : doc["cases"].get_array()) listed += c["exhibits"].get_array().size();
  EXPECT_EQ(listed, s->exhibits.size());
  for (simdjson::dom::element l : doc["linked_accounts"].get_array()) {
    EXPECT_GE(l["cases"].get_array().size(), 2u);
    EXPECT_FALSE(Visibility::IsLocalRef(std::string(std::string_view(l["ref"]))));
  }
  for (simdjson::dom::element p : doc["paths"].get_array()) EXPECT_GE(int64_t(p["hops"]), 4);
}

}  // namespace
}  // namespace casegraph::synth
