// The rocketchat-mongo scenario writer: the exhibit (a server export with a direct room and a
// group) ingests with the real importer, chosen by sniffing, without a warning; refs carry the
// --instance label, the planted phone arrives through customFields, joins and leaves are
// system messages, the upload is hashed; same scenario, same bytes.
#include <gtest/gtest.h>

#include "scenario_writers_testing.h"

namespace casegraph::synth {
namespace {

using namespace scenario_testing;

const std::string kUids[4] = {"ZkQ3mWx8Ln2Pb7TaR", "aB4cD5eF6gH7jK8mN", "Hh2Jj3Kk4Mm5Nn6Pp", "Qq7Rr8Ss9Tt2Ww3Xx"};

struct Written {
  std::string dir;
  Scenario scenario;
  uint64_t count = 0;
};

Written WriteOne(const std::string& prefix, bool with_media = true) {
  Written w;
  w.dir = ::casegraph::testing::MakeTempDir(prefix);
  w.scenario = MakeScenario(Platform::kRocketChat, kUids);
  SynthExhibit& e = w.scenario.exhibits[0];
  e.format = "rocketchat-mongo";
  e.label = "s1-rocketchat";
  e.instance = "chat-srv";
  ScenarioOptions o;
  o.out_dir = w.dir;
  o.with_media = with_media;
  auto n = WriteRocketChatExhibit(w.scenario, e, o);
  EXPECT_TRUE(n.ok()) << n.error().ToString();
  if (n.ok()) w.count = *n;
  return w;
}

std::string Ref(Who who) { return "rocketchat:" + kUids[who] + "@chat-srv"; }

TEST(ScenarioWriteRocketChatTest, ServerExportIngestsWithoutWarnings) {
  Written w = WriteOne("cg-sw-rocketchat");
  const SynthExhibit& e = w.scenario.exhibits[0];
  EXPECT_EQ(e.rel_path, "C001/s1-rocketchat");
  ingest::ImportOptions options;
  options.instance = "chat-srv";
  Ingested in;
  IngestAuto(w.dir + "/" + e.rel_path, options, in);
  EXPECT_EQ(in.importer, "rocketchat-mongo");
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  ASSERT_EQ(in.sink.conversations.size(), 2u);
  const auto& direct = in.sink.conversations[0];
  EXPECT_EQ(direct.kind, "direct");
  // The server's DM id: both user ids, sorted, concatenated.
  EXPECT_EQ(direct.ref, "rocketchat:room:" + kUids[kSubject] + kUids[kOperative] + "@chat-srv");
  EXPECT_EQ(in.sink.conversations[1].kind, "private_group");
  EXPECT_EQ(in.sink.conversations[1].title, "Study group");
  ASSERT_EQ(in.sink.messages.size(), 10u);
  EXPECT_EQ(w.count, 10u);
  EXPECT_EQ(in.summary.messages, 10u);

  const auto& first = in.sink.messages[0];
  EXPECT_EQ(first.conversation_key, kUids[kSubject] + kUids[kOperative]);
  EXPECT_EQ(first.sender_ref, Ref(kOperative));
  EXPECT_EQ(first.sender_name, "Mert Aslan");
  EXPECT_EQ(first.text, "hi, are you the one from the chess club?");
  EXPECT_EQ(first.sent_at_utc, kDirectStart);
  EXPECT_EQ(in.sink.messages[4].text, "ok see you tomorrow & bring <the> book");
  const auto& file = in.sink.messages[3];
  ASSERT_EQ(file.attachments.size(), 1u);
  EXPECT_EQ(file.attachments[0].file_name, "notes.txt");
  EXPECT_EQ(file.attachments[0].mime_type, "text/plain");
  EXPECT_EQ(file.attachments[0].status, model::AttachmentStatus::kPresent) << file.attachments[0].status_detail;

  const auto& join = in.sink.messages[6];
  EXPECT_EQ(join.kind, "service");
  EXPECT_EQ(join.action, "uj");
  EXPECT_EQ(join.sender_ref, Ref(kOperative));
  ASSERT_EQ(join.members.size(), 1u);
  EXPECT_EQ(join.members[0], "mert_a");
  EXPECT_EQ(in.sink.messages[7].text, "hello all\nnice to meet you");
  EXPECT_EQ(in.sink.messages[7].sent_at_utc, kGroupStart + 200);
  EXPECT_EQ(in.sink.messages[9].action, "ul");
  EXPECT_EQ(in.sink.messages[9].sender_ref, Ref(kFriend2));
}

TEST(ScenarioWriteRocketChatTest, UsersCarryUsernameNameAndPlantedPhone) {
  Written w = WriteOne("cg-sw-rocketchat");
  ingest::ImportOptions options;
  options.instance = "chat-srv";
  Ingested in;
  IngestAuto(w.dir + "/" + w.scenario.exhibits[0].rel_path, options, in);
  bool operative = false, subject = false;
  for (const auto& a : in.sink.accounts) {
    if (a.ref == Ref(kOperative) && a.phone == "+905321112233" && a.username == "mert_a") operative = true;
    if (a.ref == Ref(kSubject) && a.display_name == "Deniz Kaya" && a.phone.empty()) subject = true;
  }
  EXPECT_TRUE(operative);
  EXPECT_TRUE(subject);
  EXPECT_EQ(in.summary.accounts, 4u);
}

TEST(ScenarioWriteRocketChatTest, SameScenarioSameBytes) {
  Written a = WriteOne("cg-sw-rocketchat-a");
  Written b = WriteOne("cg-sw-rocketchat-b");
  EXPECT_EQ(FolderBytes(a.dir), FolderBytes(b.dir));
}

TEST(ScenarioWriteRocketChatTest, WithoutMediaTheUploadIsNotExported) {
  Written w = WriteOne("cg-sw-rocketchat", /*with_media=*/false);
  Ingested in;
  IngestAuto(w.dir + "/" + w.scenario.exhibits[0].rel_path, {}, in);
  EXPECT_EQ(in.diagnostics.count(), 0u) << WarningsText(in.diagnostics);
  ASSERT_EQ(in.sink.messages.size(), 10u);
  ASSERT_EQ(in.sink.messages[3].attachments.size(), 1u);
  EXPECT_EQ(in.sink.messages[3].attachments[0].status, model::AttachmentStatus::kNotExported);
  // Without --instance the refs use the importer's default label.
  EXPECT_EQ(in.sink.messages[0].sender_ref, "rocketchat:" + kUids[kOperative] + "@default");
}

}  // namespace
}  // namespace casegraph::synth
