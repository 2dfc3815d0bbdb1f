// Sniffing for telegram-json: clear Telegram exports score 0.9+, other apps' JSON and the
// Telegram HTML export score 0 (telegram-html reads it), non-JSON scores 0, and every answer has a reason.
#include <gtest/gtest.h>

#include <string>

#include "ingest/telegram_json.h"

namespace casegraph::ingest {
namespace {

SniffResult SniffFile(const std::string& head, const std::string& path = "/x/export.json") {
  Probe probe;
  probe.path = path;
  probe.head = head;
  return TelegramJsonImporter().Sniff(probe);
}

TEST(TelegramSniffTest, SingleChatExport) {
  auto r = SniffFile(R"j({
 "name": "Ada",
 "type": "personal_chat",
 "id": 11,
 "messages": [
  {
   "id": 1,
   "type": "message",
   "date": "2023-08-23T13:11:23",
   "date_unixtime": "1692821483",
   "from": "Ada",
   "from_id": "user11",
   "text": "x",
   "text_entities": [)j");
  EXPECT_GE(r.confidence, 0.9);
  EXPECT_NE(r.reason.find("date_unixtime"), std::string::npos) << r.reason;
}

TEST(TelegramSniffTest, LegacyExportWithNumericFromId) {
  auto r = SniffFile(R"j({"name": "G", "type": "personal_chat", "id": 5, "messages": [
    {"id": 1, "type": "message", "date": "2020-01-01T00:00:02", "from": "H", "from_id": 43, "text": "x"}]})j");
  EXPECT_GE(r.confidence, 0.9);
}

TEST(TelegramSniffTest, FullAccountExport) {
  auto r = SniffFile(R"j({
 "about": "Here is the data you requested.",
 "personal_information": {
  "user_id": 1,)j");
  EXPECT_GE(r.confidence, 0.9);
  EXPECT_NE(r.reason.find("full-account"), std::string::npos) << r.reason;
}

TEST(TelegramSniffTest, FolderWithResultJson) {
  Probe probe;
  probe.path = "/case/ChatExport_2024-01-01";
  probe.is_directory = true;
  probe.top_names = {"files", "photos", "result.json"};
  probe.head = R"j({"name": "A", "type": "private_group", "id": 3, "messages": [{"id": 1, "type": "service",)j";
  auto r = TelegramJsonImporter().Sniff(probe);
  EXPECT_GE(r.confidence, 0.9);
  EXPECT_NE(r.reason.find("result.json"), std::string::npos);
  probe.top_names = {"photos"};
  probe.head.clear();
  EXPECT_EQ(TelegramJsonImporter().Sniff(probe).confidence, 0);
}

TEST(TelegramSniffTest, OtherAppsScoreLow) {
  const char* heads[] = {
      R"j({"guild": {"id": "1", "name": "G"}, "channel": {"id": "2"}, "messages": [{"id": "3", "type": "Default"}]})j",
      R"j({"room_name": "R", "room_creator": "@a:b", "messages": [{"type": "m.room.message", "event_id": "$x", "origin_server_ts": 1}]})j",
      R"j({"_id": "abc", "rid": "GENERAL", "msg": "hi", "ts": {"$date": "2023-01-01T00:00:00Z"}, "u": {"_id": "u"}})j",
      R"j({"messages": [{"_id": "x", "rid": "r", "msg": "hi", "ts": "2023"}], "success": true})j",
      R"j({"chunk": [{"type": "m.room.message", "event_id": "$e", "origin_server_ts": 5}]})j",
  };
  for (const char* head : heads) {
    auto r = SniffFile(head);
    EXPECT_LT(r.confidence, 0.5) << head;
    EXPECT_FALSE(r.reason.empty());
  }
}

TEST(TelegramSniffTest, NonTelegramAndNonJson) {
  EXPECT_LT(SniffFile(R"j({"a": 1})j").confidence, 0.2);
  EXPECT_LT(SniffFile(R"j({"messages": [{"body": "x"}]})j").confidence, 0.5);
  EXPECT_EQ(SniffFile("12/31/23, 11:59 PM - Ada: hi").confidence, 0);
  EXPECT_EQ(SniffFile("").confidence, 0);
  EXPECT_LT(SniffFile("[1, 2]").confidence, 0.2);
  auto html = SniffFile("<!DOCTYPE html>\n<html><head><title>Exported Data</title></head>"
                        "<body><div class=\"page_body chat_page\"></div></body></html>",
                        "/x/messages.html");
  EXPECT_EQ(html.confidence, 0);
  EXPECT_NE(html.reason.find("HTML"), std::string::npos) << html.reason;
}

TEST(TelegramSniffTest, KeysInsideTextDoNotCount) {
  // "event_id" appears only escaped inside a Telegram message's text, not as a key.
  auto r = SniffFile(R"j({"name": "A", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message",
    "date_unixtime": "1", "from_id": "user1", "text": "{\"event_id\": 5}"}]})j");
  EXPECT_GE(r.confidence, 0.9) << r.reason;
}

}  // namespace
}  // namespace casegraph::ingest
