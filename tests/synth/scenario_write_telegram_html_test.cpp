// The telegram-html scenario writer: the exhibit (a full-account HTML export) ingests with the
// real importer, chosen by sniffing, without a warning, with or without --tz; names become
// exhibit-local refs, joined blocks keep their sender, dates are exact, joins and leaves are
// service messages, files are declared "not included"; pages split at 1000 messages; same
// scenario, same bytes.
#include <gtest/gtest.h>

#include <filesystem>

#include "scenario_writers_testing.h"

namespace casegraph::synth {
namespace {

using namespace scenario_testing;

const std::string kUids[4] = {"5012345601", "5012345602", "5012345603", "5012345604"};

struct Written {
  std::string dir;
  Scenario scenario;
  uint64_t count = 0;
};

Written WriteOne(const std::string& prefix, Scenario scenario) {
  Written w;
  w.dir = ::casegraph::testing::MakeTempDir(prefix);
  w.scenario = std::move(scenario);
  SynthExhibit& e = w.scenario.exhibits[0];
  e.format = "telegram-html";
  e.label = "s1-telegram-html";
  ScenarioOptions o;
  o.out_dir = w.dir;
  auto n = WriteTelegramHtmlExhibit(w.scenario, e, o);
  EXPECT_TRUE(n.ok()) << n.error().ToString();
  if (n.ok()) w.count = *n;
  return w;
}

Scenario HtmlScenario() {
  Scenario s = MakeScenario(Platform::kTelegram, kUids);
  s.exhibits[0].contacts = {kOperative};
  return s;
}

std::string NameRef(const std::string& chat, const std::string& name) {
  return "telegram-name:{exhibit}/" + chat + "/" + name;
}

TEST(ScenarioWriteTelegramHtmlTest, FullExportIngestsWithoutWarnings) {
  Written w = WriteOne("cg-sw-tghtml", HtmlScenario());
  const SynthExhibit& e = w.scenario.exhibits[0];
  EXPECT_EQ(e.rel_path, "C001/s1-telegram-html");
  Ingested in;
  IngestAuto(w.dir + "/" + e.rel_path, {}, in);
  EXPECT_EQ(in.importer, "telegram-html");
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  ASSERT_EQ(in.sink.conversations.size(), 2u);
  EXPECT_EQ(in.sink.conversations[0].key, "chats/chat_001");
  EXPECT_EQ(in.sink.conversations[0].title, "Mert Aslan");
  EXPECT_EQ(in.sink.conversations[1].title, "Study group");
  ASSERT_EQ(in.sink.messages.size(), 10u);
  EXPECT_EQ(w.count, 10u);

  const auto& first = in.sink.messages[0];
  EXPECT_EQ(first.sender_ref, NameRef("Mert Aslan", "Mert Aslan"));
  EXPECT_EQ(first.text, "hi, are you the one from the chess club?");
  EXPECT_EQ(first.sent_at_utc, kDirectStart);
  EXPECT_EQ(first.utc_offset_seconds, 3600);
  EXPECT_EQ(in.sink.messages[1].sender_ref, NameRef("Mert Aslan", "Deniz Kaya"));
  // A joined block (same sender within 15 minutes) names no sender; the importer carries it on.
  const auto& file = in.sink.messages[3];
  EXPECT_EQ(file.sender_name, "Mert Aslan");
  ASSERT_EQ(file.attachments.size(), 1u);
  EXPECT_EQ(file.attachments[0].kind, "file");
  EXPECT_EQ(file.attachments[0].file_name, "notes.txt");
  EXPECT_EQ(file.attachments[0].status, model::AttachmentStatus::kNotExported);
  EXPECT_EQ(in.sink.messages[4].text, "ok see you tomorrow & bring <the> book");
  EXPECT_EQ(in.sink.messages[4].sent_at_utc, kDirectStart + 86400 + 30);

  const auto& join = in.sink.messages[6];
  EXPECT_EQ(join.kind, "service");
  EXPECT_EQ(join.action, "join_group_by_link");
  EXPECT_EQ(join.sender_ref, NameRef("Study group", "Mert Aslan"));
  const auto& hello = in.sink.messages[7];
  EXPECT_EQ(hello.text, "hello all\nnice to meet you");
  EXPECT_EQ(hello.sent_at_utc, kGroupStart + 200);
  EXPECT_EQ(hello.utc_offset_seconds, 7200);  // the label carries the summer offset
  const auto& leave = in.sink.messages[9];
  EXPECT_EQ(leave.action, "remove_members");
  ASSERT_EQ(leave.members.size(), 1u);
  EXPECT_EQ(leave.members[0], "Kaan Yildiz");
  EXPECT_TRUE(std::filesystem::exists(w.dir + "/" + e.rel_path + "/lists/chats.html"));
  EXPECT_TRUE(std::filesystem::exists(w.dir + "/" + e.rel_path + "/lists/contacts.html"));
}

TEST(ScenarioWriteTelegramHtmlTest, WithTheDeviceZoneNoLabelDisagrees) {
  Written w = WriteOne("cg-sw-tghtml", HtmlScenario());
  ingest::ImportOptions options;
  options.tz = "Europe/Berlin";
  Ingested in;
  IngestAuto(w.dir + "/" + w.scenario.exhibits[0].rel_path, options, in);
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  ASSERT_EQ(in.sink.messages.size(), 10u);
  EXPECT_EQ(in.sink.messages[0].sent_at_utc, kDirectStart);
  EXPECT_EQ(in.sink.messages[7].sent_at_utc, kGroupStart + 200);
  EXPECT_EQ(in.sink.messages[7].time_basis, "examiner-tz");
}

TEST(ScenarioWriteTelegramHtmlTest, PagesHoldAThousandMessages) {
  Scenario s = HtmlScenario();
  SynthConversation& group = s.exhibits[0].conversations[1];
  group.planted.clear();
  for (int i = 0; i < 2500; ++i) {
    // Runs of three by one sender, a minute apart: joined blocks within each run.
    group.planted.push_back(Msg(kGroupStart + 60 * i, (i / 3) % 2 == 0 ? kFriend1 : kSubject,
                                "line " + std::to_string(i)));
  }
  Written w = WriteOne("cg-sw-tghtml", s);
  const std::string chat = w.dir + "/" + w.scenario.exhibits[0].rel_path + "/chats/chat_002";
  EXPECT_TRUE(std::filesystem::exists(chat + "/messages.html"));
  EXPECT_TRUE(std::filesystem::exists(chat + "/messages2.html"));
  EXPECT_TRUE(std::filesystem::exists(chat + "/messages3.html"));
  EXPECT_FALSE(std::filesystem::exists(chat + "/messages4.html"));
  Ingested in;
  IngestAuto(w.dir + "/" + w.scenario.exhibits[0].rel_path, {}, in);
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  ASSERT_EQ(in.sink.messages.size(), 2505u);
  EXPECT_EQ(w.count, 2505u);
  for (size_t i = 0; i < 2500; ++i) {
    const auto& m = in.sink.messages[5 + i];
    ASSERT_EQ(m.text, "line " + std::to_string(i));
    ASSERT_EQ(m.sent_at_utc, kGroupStart + 60 * static_cast<int64_t>(i));
    ASSERT_EQ(m.sender_name, (i / 3) % 2 == 0 ? "Elif Demir" : "Deniz Kaya") << i;
  }
  EXPECT_EQ(in.sink.messages.back().locator, "/chats/chat_002/messages3.html#message2500");
}

// The label is the offset in force at that instant, so even the hour repeated when summer time
// ends reads back exactly without --tz (with --tz the importer must guess which of the two
// instants a wall time means, and takes the earlier).
TEST(ScenarioWriteTelegramHtmlTest, LabelsAreExactAcrossTheFallBackHour) {
  Scenario s = HtmlScenario();
  SynthConversation& group = s.exhibits[0].conversations[1];
  constexpr int64_t kEndOfSummer = 1761440400;  // 2025-10-26T01:00:00Z: Berlin goes from +02:00 to +01:00
  group.planted = {Msg(kEndOfSummer - 1800, kFriend1, "first 02:30"), Msg(kEndOfSummer + 1800, kFriend1, "second 02:30")};
  Written w = WriteOne("cg-sw-tghtml", s);
  Ingested in;
  IngestAuto(w.dir + "/" + w.scenario.exhibits[0].rel_path, {}, in);
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  ASSERT_EQ(in.sink.messages.size(), 7u);
  EXPECT_EQ(in.sink.messages[5].local_time, "2025-10-26T02:30:00");
  EXPECT_EQ(in.sink.messages[6].local_time, "2025-10-26T02:30:00");
  EXPECT_EQ(in.sink.messages[5].sent_at_utc, kEndOfSummer - 1800);
  EXPECT_EQ(in.sink.messages[6].sent_at_utc, kEndOfSummer + 1800);
}

TEST(ScenarioWriteTelegramHtmlTest, SameScenarioSameBytes) {
  Written a = WriteOne("cg-sw-tghtml-a", HtmlScenario());
  Written b = WriteOne("cg-sw-tghtml-b", HtmlScenario());
  EXPECT_EQ(FolderBytes(a.dir), FolderBytes(b.dir));
}

}  // namespace
}  // namespace casegraph::synth
