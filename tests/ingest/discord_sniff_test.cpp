// Sniffing for discord-json: DCE exports score 0.9+, other apps' JSON scores near 0, a folder is
// claimed only when it holds exactly one DCE file at its top level, and every answer has a reason.
#include <gtest/gtest.h>

#include <string>

#include "ingest/discord_json.h"
#include "ingest/registry.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

SniffResult SniffHead(const std::string& head) {
  Probe probe;
  probe.path = "/x/export.json";
  probe.head = head;
  return DiscordJsonImporter().Sniff(probe);
}

const char kDceHead[] = R"j({
  "guild": {
    "id": "748545324524575035",
    "name": "Example guild",
    "iconUrl": "x.png"
  },
  "channel": {
    "id": "1012224565567721552",
    "type": "GuildTextChat",
    "categoryId": "748545324524575035",
    "category": "Text Channels",
    "name": "general",
    "topic": null
  },
  "dateRange": {
    "after": null,
    "before": null
  },
  "messages": [
    {
      "id": "1045178587575242772",
      "type": "Default",
      "timestamp": "2023-01-06T14:03:03.853+00:00",
      "timestampEdited": null,)j";

TEST(DiscordSniffTest, ChannelExportScoresHigh) {
  auto r = SniffHead(kDceHead);
  EXPECT_GE(r.confidence, 0.95);
  EXPECT_NE(r.reason.find("guild, channel and messages"), std::string::npos) << r.reason;
}

TEST(DiscordSniffTest, ByteOrderMarkAndCompactJson) {
  auto r = SniffHead("\xEF\xBB\xBF{\"guild\":{\"id\":\"0\"},\"channel\":{\"id\":\"1\"},\"messages\":[]}");
  EXPECT_GE(r.confidence, 0.9);
}

TEST(DiscordSniffTest, OtherAppsScoreNearZero) {
  // Telegram single chat, Telegram full account, Matrix (Element) export, Rocket.Chat mongoexport.
  for (const std::string head :
       {R"j({"name": "A", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", "date_unixtime": "1", "from_id": "user1"}]})j",
        R"j({"about": "x", "personal_information": {"user_id": 1}, "chats": {"list": []}})j",
        R"j({"room_name": "r", "room_creator": "@a:b", "messages": [{"type": "m.room.message", "event_id": "$x", "room_id": "!r:b", "origin_server_ts": 1}]})j",
        R"j({"_id": "x", "rid": "GENERAL", "msg": "hi", "ts": {"$date": "2020-01-01T00:00:00Z"}, "u": {"_id": "u", "username": "a"}})j"}) {
    auto r = SniffHead(head);
    EXPECT_LT(r.confidence, 0.1) << head << " -> " << r.reason;
    EXPECT_FALSE(r.reason.empty());
  }
  EXPECT_EQ(SniffHead("").confidence, 0);
  EXPECT_EQ(SniffHead("<html>").confidence, 0);
  EXPECT_LT(SniffHead("[{\"guild\": 1}]").confidence, 0.1);
}

TEST(DiscordSniffTest, FolderWithOneExportAndItsMedia) {
  Probe probe;
  probe.path = "/case/exp";
  probe.is_directory = true;
  probe.top_names = {"chan [1].json", "chan [1].json_Files"};
  probe.files = {{"chan [1].json", kDceHead}};
  auto r = DiscordJsonImporter().Sniff(probe);
  EXPECT_GE(r.confidence, 0.95);
  EXPECT_NE(r.reason.find("_Files"), std::string::npos) << r.reason;
}

TEST(DiscordSniffTest, FolderWithSeveralExportsIsNotClaimedAndRegistryNamesThem) {
  Probe probe;
  probe.path = "/case/guild";
  probe.is_directory = true;
  probe.top_names = {"a [1].json", "b [2].json"};
  probe.files = {{"a [1].json", kDceHead}, {"b [2].json", kDceHead}};
  auto r = DiscordJsonImporter().Sniff(probe);
  EXPECT_LT(r.confidence, 0.5);
  auto chosen = ChooseImporter(probe);
  ASSERT_FALSE(chosen.ok());
  EXPECT_NE(chosen.error().message().find("a [1].json (discord-json)"), std::string::npos) << chosen.error().message();
  EXPECT_NE(chosen.error().message().find("b [2].json (discord-json)"), std::string::npos);
}

TEST(DiscordSniffTest, FolderWithoutExport) {
  Probe probe;
  probe.path = "/case/x";
  probe.is_directory = true;
  probe.top_names = {"result.json"};
  probe.files = {{"result.json", R"j({"name": "A", "type": "personal_chat", "id": 1, "messages": []})j"}};
  EXPECT_EQ(DiscordJsonImporter().Sniff(probe).confidence, 0);
}

TEST(DiscordSniffTest, RegistryPicksDiscordForEverySharedFixture) {
  for (const char* rel : {"discord/chat-analytics/DM_2A_2M.json", "discord/chat-analytics/GC_3A_5M.json",
                          "discord/chat-analytics/SV_5A_5M.json",
                          "discord/dcef-example-guild/_threads/Example guild - general - Thomas is Thomas "
                          "[1060927310439657577].json"}) {
    CASEGRAPH_SHARED_OR_SKIP(path, rel);
    auto probe = MakeProbe(RealFileSystem(), path);
    ASSERT_TRUE(probe.ok());
    auto chosen = ChooseImporter(*probe);
    ASSERT_TRUE(chosen.ok()) << chosen.error().ToString();
    EXPECT_EQ((*chosen)->Describe().name, "discord-json") << rel;
  }
}

TEST(DiscordSniffTest, SharedOtherAppFixturesScoreLow) {
  for (const char* rel : {"telegram/chat-analytics/DM_2A_7M.json",
                          "element/matrix-events-not-element-export/room_messages.json",
                          "element/matrix-events-not-element-export/redacted.json",
                          "element/matrix-events-not-element-export/member.json",
                          "rocketchat/rocketchat-exporter/example_dm_history.json",
                          "rocketchat/rocketchat-exporter/example_channel_history.json",
                          "rocketchat/rocketchat-exporter/example_channels.json",
                          "rocketchat/rocketchat2matrix/rooms.json", "rocketchat/rocketchat2matrix/users.json",
                          "rocketchat/rocketchat2matrix/messages.json"}) {
    CASEGRAPH_SHARED_OR_SKIP(path, rel);
    auto probe = MakeProbe(RealFileSystem(), path);
    ASSERT_TRUE(probe.ok());
    EXPECT_LT(DiscordJsonImporter().Sniff(*probe).confidence, 0.1) << rel;
  }
}

TEST(DiscordSniffTest, SharedExampleGuildFolderIsRefusedWithItsExports) {
  CASEGRAPH_SHARED_OR_SKIP(path, "discord/dcef-example-guild");
  auto probe = MakeProbe(RealFileSystem(), path);
  ASSERT_TRUE(probe.ok());
  auto chosen = ChooseImporter(*probe);
  ASSERT_FALSE(chosen.ok());
  EXPECT_NE(chosen.error().message().find("holds 3 exports"), std::string::npos) << chosen.error().message();
}

}  // namespace
}  // namespace casegraph::ingest
