// Sniffing: mongoexport folders and REST files are claimed by the right Rocket.Chat importer;
// other apps' JSON and Rocket.Chat files given to the wrong importer score near 0.
#include <gtest/gtest.h>

#include "ingest/registry.h"
#include "ingest/rocketchat_mongo.h"
#include "ingest/rocketchat_rest.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

Probe Folder(std::vector<ProbeFile> files) {
  Probe p;
  p.path = "/x";
  p.is_directory = true;
  for (const auto& f : files) p.top_names.push_back(f.name);
  p.files = std::move(files);
  return p;
}

Probe File(std::string path, std::string head) {
  Probe p;
  p.path = std::move(path);
  p.head = std::move(head);
  return p;
}

const char* kMessageLine = R"({"_id":"m","rid":"GENERAL","msg":"x","ts":{"$date":"2024-01-01T00:00:00Z"},"u":{"_id":"a","username":"b"}})";

TEST(RocketChatSniff, MongoFolders) {
  const RocketChatMongoImporter mongo;
  const RocketChatRestImporter rest;
  for (const char* name : {"rocketchat_message.json", "rocketchat.rocketchat_message.json", "rocketchat_message.jsonl"}) {
    auto p = Folder({{name, kMessageLine}, {"users.json", R"({"_id":"a","username":"b","__rooms":[]})"}});
    EXPECT_GE(mongo.Sniff(p).confidence, 0.9) << name;
    EXPECT_EQ(rest.Sniff(p).confidence, 0) << name;
    auto chosen = ChooseImporter(p);
    ASSERT_TRUE(chosen.ok()) << name;
    EXPECT_EQ((*chosen)->Describe().name, "rocketchat-mongo");
  }
  EXPECT_GE(mongo.Sniff(Folder({{"rocketchat_room.json", R"({"_id":"GENERAL","t":"c","name":"general","usersCount":3})"}}))
                .confidence,
            0.8);
  // Slack's export also has users.json and channels.json: not enough on its own.
  EXPECT_LT(mongo.Sniff(Folder({{"users.json", R"([{"id":"U1","name":"x","real_name":"y"}])"},
                                {"channels.json", "[]"}}))
                .confidence,
            0.5);
  EXPECT_EQ(mongo.Sniff(Folder({{"result.json", R"({"name":"x","type":"personal_chat","messages":[]})"}})).confidence, 0);
}

TEST(RocketChatSniff, RestFiles) {
  const RocketChatMongoImporter mongo;
  const RocketChatRestImporter rest;
  const std::string history = std::string(R"({"messages":[)") + kMessageLine + R"(],"success":true})";
  EXPECT_GE(rest.Sniff(File("/h.json", history)).confidence, 0.9);
  EXPECT_EQ(mongo.Sniff(File("/h.json", history)).confidence, 0);
  EXPECT_GE(rest.Sniff(File("/c.json", R"({"channels":[{"_id":"c","name":"n","t":"c","msgs":1,"usersCount":2}],"total":1})")).confidence, 0.8);
  // Other apps: Telegram result.json, DiscordChatExporter, Element.
  for (const char* other : {R"({"name":"A","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message","date":"2024-01-01T00:00:00","from_id":"user1","text":"x"}]})",
                            R"({"guild":{"id":"1"},"channel":{"id":"2"},"messages":[{"id":"3","timestamp":"2024-01-01T00:00:00+00:00","author":{"id":"4"},"content":"x"}]})",
                            R"({"room_name":"r","messages":[{"event_id":"$e","room_id":"!r:s","sender":"@a:s","origin_server_ts":1}]})"}) {
    EXPECT_EQ(rest.Sniff(File("/o.json", other)).confidence, 0) << other;
    EXPECT_EQ(mongo.Sniff(File("/o.json", other)).confidence, 0) << other;
  }
}

TEST(RocketChatSniff, SharedFixtures) {
  CASEGRAPH_SHARED_OR_SKIP(folder, "rocketchat/rocketchat2matrix");
  auto probe = MakeProbe(RealFileSystem(), folder);
  ASSERT_TRUE(probe.ok());
  auto chosen = ChooseImporter(*probe);
  ASSERT_TRUE(chosen.ok()) << chosen.error().ToString();
  EXPECT_EQ((*chosen)->Describe().name, "rocketchat-mongo");
  for (const char* f : {"example_channel_history.json", "example_channels.json", "example_dm_history.json",
                        "example_group_history.json"}) {
    auto p = MakeProbe(RealFileSystem(), testing::SharedFixture(std::string("rocketchat/rocketchat-exporter/") + f));
    ASSERT_TRUE(p.ok());
    auto c = ChooseImporter(*p);
    ASSERT_TRUE(c.ok()) << f << ": " << c.error().ToString();
    EXPECT_EQ((*c)->Describe().name, "rocketchat-rest") << f;
  }
  auto exporter = MakeProbe(RealFileSystem(), testing::SharedFixture("rocketchat/rocketchat-exporter"));
  ASSERT_TRUE(exporter.ok());
  auto c = ChooseImporter(*exporter);
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ((*c)->Describe().name, "rocketchat-rest");
}

}  // namespace
}  // namespace casegraph::ingest
