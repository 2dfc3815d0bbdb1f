// The element-json scenario writer: each exhibit (one room) ingests with the real importer,
// chosen by sniffing, without a warning; members, joins, leaves, texts, times and the file come
// back as planted, the owner is recognised from exported_by; same scenario, same bytes.
#include <gtest/gtest.h>

#include "scenario_writers_testing.h"

namespace casegraph::synth {
namespace {

using namespace scenario_testing;

const std::string kUids[4] = {"@deniz:matrix.example", "@mert.a:chat.example", "@elif:matrix.example",
                              "@kaan:matrix.example"};

Scenario ElementScenario() {
  Scenario s = MakeScenario(Platform::kElement, kUids);
  SynthExhibit base = s.exhibits.front();
  s.exhibits.clear();
  for (size_t i = 0; i < base.conversations.size(); ++i) {
    SynthExhibit e = base;
    e.format = "element-json";
    e.label = i == 0 ? "s1-element-1" : "s1-element-2";
    e.conversations = {base.conversations[i]};
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
  w.scenario = ElementScenario();
  ScenarioOptions o;
  o.out_dir = w.dir;
  o.with_media = with_media;
  for (size_t i = 0; i < 2; ++i) {
    auto n = WriteElementExhibit(w.scenario, w.scenario.exhibits[i], o);
    EXPECT_TRUE(n.ok()) << n.error().ToString();
    if (n.ok()) w.counts[i] = *n;
  }
  return w;
}

TEST(ScenarioWriteElementTest, DirectRoomIngestsWithoutWarnings) {
  Written w = WriteAll("cg-sw-element");
  const SynthExhibit& e = w.scenario.exhibits[0];
  EXPECT_EQ(e.rel_path, "C001/s1-element-1");
  Ingested in;
  IngestAuto(w.dir + "/" + e.rel_path, {}, in);
  EXPECT_EQ(in.importer, "element-json");
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  EXPECT_EQ(in.summary.owner_ref, "matrix:" + kUids[kSubject]);
  ASSERT_EQ(in.sink.conversations.size(), 1u);
  EXPECT_EQ(in.sink.conversations[0].kind, "room");
  EXPECT_EQ(in.sink.conversations[0].title, "Mert Aslan");
  EXPECT_EQ(in.sink.conversations[0].ref.rfind("matrix:!", 0), 0u);
  // The creation event, two joins, then the five planted messages.
  ASSERT_EQ(in.sink.messages.size(), 8u);
  EXPECT_EQ(w.counts[0], 8u);
  EXPECT_EQ(in.sink.messages[0].action, "create_group");
  EXPECT_EQ(in.sink.messages[0].sender_ref, "matrix:" + kUids[kOperative]);  // the operative opened it
  EXPECT_EQ(in.sink.messages[1].action, "join");
  EXPECT_EQ(in.sink.messages[2].action, "join");
  const auto& first = in.sink.messages[3];
  EXPECT_EQ(first.kind, "message");
  EXPECT_EQ(first.sender_ref, "matrix:" + kUids[kOperative]);
  EXPECT_EQ(first.sender_name, "Mert Aslan");
  EXPECT_EQ(first.text, "hi, are you the one from the chess club?");
  EXPECT_EQ(first.sent_at_utc, kDirectStart);
  EXPECT_EQ(in.sink.messages[7].text, "ok see you tomorrow & bring <the> book");
  const auto& file = in.sink.messages[6];
  ASSERT_EQ(file.attachments.size(), 1u);
  EXPECT_EQ(file.attachments[0].kind, "file");
  EXPECT_EQ(file.attachments[0].file_name, "notes.txt");
  EXPECT_EQ(file.attachments[0].status, model::AttachmentStatus::kPresent) << file.attachments[0].status_detail;
  EXPECT_EQ(file.text, "");
}

TEST(ScenarioWriteElementTest, GroupRoomHasLateJoinAndLeave) {
  Written w = WriteAll("cg-sw-element");
  Ingested in;
  IngestAuto(w.dir + "/" + w.scenario.exhibits[1].rel_path, {}, in);
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  ASSERT_EQ(in.sink.conversations.size(), 1u);
  EXPECT_EQ(in.sink.conversations[0].title, "Study group");
  // Create, joins of the three members who were there from the start, five planted.
  ASSERT_EQ(in.sink.messages.size(), 9u);
  EXPECT_EQ(w.counts[1], 9u);
  const auto& join = in.sink.messages[5];
  EXPECT_EQ(join.action, "join");
  EXPECT_EQ(join.sender_ref, "matrix:" + kUids[kOperative]);
  EXPECT_EQ(join.sent_at_utc, kGroupStart + 100);
  EXPECT_EQ(in.sink.messages[6].text, "hello all\nnice to meet you");
  EXPECT_EQ(in.sink.messages[6].sender_name, "Mert Aslan");
  EXPECT_EQ(in.sink.messages[8].action, "leave");
  EXPECT_EQ(in.sink.messages[8].sender_ref, "matrix:" + kUids[kFriend2]);
  for (const char* uid : {"@deniz:matrix.example", "@elif:matrix.example", "@kaan:matrix.example"}) {
    bool named = false;
    for (const auto& a : in.sink.accounts) named |= a.ref == std::string("matrix:") + uid && !a.display_name.empty();
    EXPECT_TRUE(named) << uid;
  }
}

TEST(ScenarioWriteElementTest, SameScenarioSameBytes) {
  Written a = WriteAll("cg-sw-element-a");
  Written b = WriteAll("cg-sw-element-b");
  EXPECT_EQ(FolderBytes(a.dir), FolderBytes(b.dir));
}

TEST(ScenarioWriteElementTest, WithoutMediaTheFileIsNotExported) {
  Written w = WriteAll("cg-sw-element", /*with_media=*/false);
  Ingested in;
  IngestAuto(w.dir + "/" + w.scenario.exhibits[0].rel_path, {}, in);
  ASSERT_EQ(in.sink.messages.size(), 8u);
  ASSERT_EQ(in.sink.messages[6].attachments.size(), 1u);
  EXPECT_EQ(in.sink.messages[6].attachments[0].status, model::AttachmentStatus::kNotExported);
}

TEST(ScenarioWriteElementTest, RefusesSeveralRooms) {
  Scenario s = MakeScenario(Platform::kElement, kUids);
  ScenarioOptions o;
  o.out_dir = ::casegraph::testing::MakeTempDir("cg-sw-element");
  s.exhibits[0].label = "s1-element";
  auto two = WriteElementExhibit(s, s.exhibits[0], o);
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.error().message().find("one room"), std::string::npos);
}

}  // namespace
}  // namespace casegraph::synth
