// The discord-json scenario writer: each exhibit (one channel) ingests with the real importer,
// chosen by sniffing, without a warning, and gives back the accounts, conversation kinds,
// texts, times and attachments that were planted; the same scenario gives the same bytes.
#include <gtest/gtest.h>

#include "scenario_writers_testing.h"

namespace casegraph::synth {
namespace {

using namespace scenario_testing;

const std::string kUids[4] = {"845123456789012345", "912345678901234567", "733333333333333333",
                              "744444444444444444"};

// The scenario's one exhibit split into one exhibit per conversation, as discord-json needs.
Scenario DiscordScenario() {
  Scenario s = MakeScenario(Platform::kDiscord, kUids);
  SynthExhibit base = s.exhibits.front();
  s.exhibits.clear();
  for (size_t i = 0; i < base.conversations.size(); ++i) {
    SynthExhibit e = base;
    e.format = "discord-json";
    e.label = i == 0 ? "s1-discord-dm" : "s1-discord-group";
    e.conversations = {base.conversations[i]};
    e.conversations[0].id = i == 0 ? "1012224565567721552" : "study-group";
    s.exhibits.push_back(e);
  }
  return s;
}

struct Written {
  std::string dir;
  Scenario scenario;
  uint64_t counts[2] = {0, 0};
};

Written WriteAll(const std::string& prefix, bool with_media = true) {
  Written w;
  w.dir = ::casegraph::testing::MakeTempDir(prefix);
  w.scenario = DiscordScenario();
  ScenarioOptions o;
  o.out_dir = w.dir;
  o.with_media = with_media;
  for (size_t i = 0; i < 2; ++i) {
    auto n = WriteDiscordExhibit(w.scenario, w.scenario.exhibits[i], o);
    EXPECT_TRUE(n.ok()) << n.error().ToString();
    if (n.ok()) w.counts[i] = *n;
  }
  return w;
}

TEST(ScenarioWriteDiscordTest, DirectChatIngestsWithoutWarnings) {
  Written w = WriteAll("cg-sw-discord");
  const SynthExhibit& e = w.scenario.exhibits[0];
  EXPECT_EQ(e.rel_path, "C001/s1-discord-dm");
  Ingested in;
  IngestAuto(w.dir + "/" + e.rel_path, {}, in);
  EXPECT_EQ(in.importer, "discord-json");
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  ASSERT_EQ(in.sink.conversations.size(), 1u);
  EXPECT_EQ(in.sink.conversations[0].kind, "DirectTextChat");
  EXPECT_EQ(in.sink.conversations[0].ref, "discord:channel1012224565567721552");
  EXPECT_EQ(in.sink.conversations[0].title, "Mert Aslan");
  ASSERT_EQ(in.sink.messages.size(), 5u);
  EXPECT_EQ(w.counts[0], 5u);
  const auto& first = in.sink.messages[0];
  EXPECT_EQ(first.sender_ref, "discord:" + kUids[kOperative]);
  EXPECT_EQ(first.sender_name, "Mert Aslan");
  EXPECT_EQ(first.text, "hi, are you the one from the chess club?");
  EXPECT_EQ(first.sent_at_utc, kDirectStart);
  EXPECT_EQ(first.utc_offset_seconds, 3600);  // Berlin in February
  EXPECT_EQ(in.sink.messages[4].text, "ok see you tomorrow & bring <the> book");
  EXPECT_EQ(in.sink.messages[4].sent_at_utc, kDirectStart + 86400 + 30);
  const auto& file = in.sink.messages[3];
  ASSERT_EQ(file.attachments.size(), 1u);
  EXPECT_EQ(file.attachments[0].file_name, "notes.txt");
  EXPECT_EQ(file.attachments[0].status, model::AttachmentStatus::kPresent);
  bool saw_username = false;
  for (const auto& a : in.sink.accounts) saw_username |= a.ref == "discord:" + kUids[kOperative] && a.username == "mert_a";
  EXPECT_TRUE(saw_username);
}

TEST(ScenarioWriteDiscordTest, GroupIsAGuildChannelWithJoinsAndNoLeaves) {
  Written w = WriteAll("cg-sw-discord");
  const SynthExhibit& e = w.scenario.exhibits[1];
  Ingested in;
  IngestAuto(w.dir + "/" + e.rel_path, {}, in);
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  ASSERT_EQ(in.sink.conversations.size(), 1u);
  EXPECT_EQ(in.sink.conversations[0].kind, "GuildTextChat");
  EXPECT_EQ(in.sink.conversations[0].title, "Study group - Text Channels - general");
  ASSERT_EQ(in.sink.messages.size(), 4u);  // the leave is not a Discord message
  EXPECT_EQ(w.counts[1], 4u);
  EXPECT_EQ(in.sink.messages[1].kind, "service");
  EXPECT_EQ(in.sink.messages[1].action, "GuildMemberJoin");
  EXPECT_EQ(in.sink.messages[1].sender_ref, "discord:" + kUids[kOperative]);
  EXPECT_EQ(in.sink.messages[2].text, "hello all\nnice to meet you");
  EXPECT_EQ(in.sink.messages[2].sent_at_utc, kGroupStart + 200);
  EXPECT_EQ(in.sink.messages[2].utc_offset_seconds, 7200);  // Berlin in July
}

TEST(ScenarioWriteDiscordTest, SameScenarioSameBytes) {
  Written a = WriteAll("cg-sw-discord-a");
  Written b = WriteAll("cg-sw-discord-b");
  EXPECT_EQ(FolderBytes(a.dir), FolderBytes(b.dir));
  EXPECT_NE(FolderBytes(a.dir).find("messageCount"), std::string::npos);
}

TEST(ScenarioWriteDiscordTest, WithoutMediaTheFileIsACdnLink) {
  Written w = WriteAll("cg-sw-discord", /*with_media=*/false);
  Ingested in;
  IngestAuto(w.dir + "/" + w.scenario.exhibits[0].rel_path, {}, in);
  ASSERT_EQ(in.sink.messages.size(), 5u);
  ASSERT_EQ(in.sink.messages[3].attachments.size(), 1u);
  EXPECT_EQ(in.sink.messages[3].attachments[0].status, model::AttachmentStatus::kNotExported);
}

TEST(ScenarioWriteDiscordTest, RefusesSeveralChannelsAndForeignAccounts) {
  Scenario s = MakeScenario(Platform::kDiscord, kUids);
  ScenarioOptions o;
  o.out_dir = ::casegraph::testing::MakeTempDir("cg-sw-discord");
  s.exhibits[0].label = "s1-discord";
  auto two = WriteDiscordExhibit(s, s.exhibits[0], o);
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.error().message().find("one channel"), std::string::npos);
  s.exhibits[0].conversations.resize(1);
  s.accounts[kOperative].platform = Platform::kTelegram;
  auto foreign = WriteDiscordExhibit(s, s.exhibits[0], o);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.error().message().find("not discord"), std::string::npos);
}

}  // namespace
}  // namespace casegraph::synth
