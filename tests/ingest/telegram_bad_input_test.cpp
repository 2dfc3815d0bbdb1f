// Damaged and hostile input for the telegram-json importer (after leveldb's corruption_test):
// empty, truncated at many cut points, bit flips, wrong JSON types, extreme nesting, invalid
// UTF-8, a folder without result.json, other apps' JSON. Each must give a located Error (or a
// clean import), never a crash or an exception.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "ingest/telegram_json.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

struct Outcome {
  std::optional<Result<ImportSummary>> result;
  CaptureSink sink;
  Diagnostics diagnostics;
  const Error& error() const { return result->error(); }
  bool ok() const { return result->ok(); }
};

std::unique_ptr<Outcome> ImportBytes(const std::string& bytes, const std::string& path = "/exp/result.json") {
  MemFileSystem fs;
  fs.Add(path, bytes);
  auto out = std::make_unique<Outcome>();
  out->result.emplace(TelegramJsonImporter().Import(Source{&fs, path, false}, ImportOptions{}, out->sink,
                                                     out->diagnostics));
  return out;
}

// A small export that exercises most paths, with both of Telegram's invalid-JSON quirks.
const std::string kSample = std::string(R"j({
 "personal_information": {"user_id": 9001, "first_name": "Elif", "last_name": "Demir", "phone_number": "+90 532 123 45 67"},
 "contacts": {"list": [{"user_id": 9002, "first_name": "Can", "last_name": "", "phone_number": "+90 533 000 00 00"}]},
 "chats": {"list": [
  {"name": "Can", "type": "personal_chat", "id": 9002, "messages": [
   {"id": 1, "type": "message", "date": "2024-05-01T12:00:00", "date_unixtime": "1714554000", "from": "Can",
    "from_id": "user9002", "text": ["bak ", {"type": "text_link", "text": "burası", "href": "https://example.org"}],
    "text_entities": [{"type": "plain", "text": "bak "}, {"type": "text_link", "text": "burası", "href": "https://example.org"}]},
   {"id": 2, "type": "service", "date": "2024-05-01T12:00:05", "date_unixtime": "1714554005", "actor": null,
    "actor_id": "user9001", "action": "invite_members", "members": ["Can", null], "text": "ctrl\x07char"},
   {"id": 3, "type": "message", "date": "2024-05-01T12:00:09", "date_unixtime": "1714554009", "from_id": "user9001",
    "photo": "(File not included. Change data exporting settings to download.)", "text": [
    {
     "type": "custom_emoji",
     "text": "x",
     "document_id": stickers/sticker.webp
    }
   ]}
  ]}
 ]}
})j");

bool PlaceIsPointerOrByte(const std::string& place) {
  return place.empty() || place[0] == '/' || place.rfind("byte ", 0) == 0;
}

TEST(TelegramBadInputTest, SampleImports) {
  auto out = ImportBytes(kSample);
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.messages.size(), 3u);
  EXPECT_EQ(out->sink.messages[1].text, "ctrl\x07" "char");
}

TEST(TelegramBadInputTest, EmptyFile) {
  for (const std::string bytes : {"", "  \n\t ", "\xEF\xBB\xBF"}) {
    auto out = ImportBytes(bytes);
    ASSERT_FALSE(out->ok());
    EXPECT_NE(out->error().message().find("empty file"), std::string::npos);
    EXPECT_EQ(out->error().where().file, "result.json");
    EXPECT_EQ(out->error().where().place, "byte 0");
  }
}

TEST(TelegramBadInputTest, ByteOrderMarkIsSkipped) {
  auto out = ImportBytes("\xEF\xBB\xBF" + kSample);
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.messages.size(), 3u);
}

TEST(TelegramBadInputTest, TruncatedAtEverySeventhByte) {
  const size_t end = kSample.rfind('}');
  for (size_t cut = 1; cut < end; cut += 7) {
    const std::string prefix = kSample.substr(0, cut);
    if (prefix.find_first_not_of(" \n") == std::string::npos) continue;
    auto out = ImportBytes(prefix);
    ASSERT_FALSE(out->ok()) << "cut at " << cut;
    const Error& e = out->error();
    EXPECT_NE(e.message().find("truncated JSON"), std::string::npos) << "cut at " << cut << ": " << e.ToString();
    EXPECT_NE(e.message().find("byte " + std::to_string(cut)), std::string::npos) << e.ToString();
    EXPECT_EQ(e.where().file, "result.json");
    EXPECT_TRUE(PlaceIsPointerOrByte(e.where().place)) << e.where().place;
    // Inside the chat, the place is the JSON pointer being written.
    if (cut > kSample.find("\"messages\": [") && cut < kSample.rfind("]}")) {
      EXPECT_EQ(e.where().place.substr(0, 1), "/") << "cut at " << cut;
    }
  }
}

TEST(TelegramBadInputTest, TruncatedInsideAValueNamesItsPointer) {
  const size_t cut = kSample.find("\"1714554005\"") + 4;
  auto out = ImportBytes(kSample.substr(0, cut));
  ASSERT_FALSE(out->ok());
  EXPECT_EQ(out->error().where().place, "/chats/list/0/messages/1/date_unixtime") << out->error().ToString();
}

TEST(TelegramBadInputTest, TruncatedInsideAMessageNamesItsPointer) {
  const size_t cut = kSample.find("\"id\": 2,") + 3;
  auto out = ImportBytes(kSample.substr(0, cut));
  ASSERT_FALSE(out->ok());
  EXPECT_NE(out->error().message().find("truncated JSON"), std::string::npos);
  EXPECT_EQ(out->error().where().place, "/chats/list/0/messages/1") << out->error().ToString();
}

TEST(TelegramBadInputTest, BitFlipsNeverCrash) {
  for (size_t pos = 0; pos < kSample.size(); pos += 3) {
    for (unsigned char mask : {0x01, 0x20, 0x80}) {
      std::string damaged = kSample;
      damaged[pos] = static_cast<char>(damaged[pos] ^ mask);
      auto out = ImportBytes(damaged);
      if (!out->ok()) {
        EXPECT_FALSE(out->error().message().empty());
        EXPECT_EQ(out->error().where().file, "result.json");
        EXPECT_TRUE(PlaceIsPointerOrByte(out->error().where().place)) << out->error().where().place;
      }
    }
  }
}

struct WrongType {
  const char* json;
  const char* place;
  const char* expected;
};

TEST(TelegramBadInputTest, WrongTypesNameThePointer) {
  const WrongType cases[] = {
      {R"j({"messages": [{"id": 1, "type": "message", "date_unixtime": "1", "text": 42}]})j", "/messages/0/text",
       "expected a string or array at /messages/0/text"},
      {R"j({"messages": [{"id": 1, "type": "message", "date_unixtime": {}, "text": ""}]})j",
       "/messages/0/date_unixtime", "expected a string of digits at /messages/0/date_unixtime"},
      {R"j({"name": "x", "messages": "x"})j", "/messages", "expected an array at /messages"},
      {R"j({"messages": [{"id": 1, "type": "message", "from_id": [], "text": ""}]})j", "/messages/0/from_id",
       "expected a string or number at /messages/0/from_id"},
      {R"j({"messages": [{"id": 1, "type": "message", "text": ["a", 42]}]})j", "/messages/0/text/1",
       "expected a string or an entity object at /messages/0/text/1"},
      {R"j({"messages": [{"id": 1, "type": "message", "text": [{"type": "bold", "text": 7}]}]})j",
       "/messages/0/text/0/text", "expected a string at /messages/0/text/0/text"},
      {R"j({"messages": [7]})j", "/messages/0", "expected an object (a message) at /messages/0"},
      {R"j({"messages": [{"id": true, "type": "message"}]})j", "/messages/0/id", "/messages/0/id"},
      {R"j({"chats": {"list": "x"}})j", "/chats/list", "expected an array at /chats/list"},
      {R"j({"chats": {"list": [{"id": 1, "messages": [{"id": 1, "type": "message", "members": {}}]}]}})j",
       "/chats/list/0/messages/0/members", "expected an array at /chats/list/0/messages/0/members"},
      {R"j({"personal_information": []})j", "/personal_information", "expected an object"},
  };
  for (const auto& c : cases) {
    auto out = ImportBytes(c.json);
    ASSERT_FALSE(out->ok()) << c.json;
    EXPECT_EQ(out->error().where().place, c.place) << out->error().ToString();
    EXPECT_NE(out->error().message().find(c.expected), std::string::npos) << out->error().ToString();
    EXPECT_EQ(out->error().where().file, "result.json");
  }
}

TEST(TelegramBadInputTest, DeepNesting) {
  auto brackets = ImportBytes(std::string(100000, '['));
  ASSERT_FALSE(brackets.get()->ok());
  auto nested = ImportBytes(R"j({"messages": )j" + std::string(100000, '[') + std::string(100000, ']') + "}");
  ASSERT_FALSE(nested->ok());
  auto skipped = ImportBytes(R"j({"about": )j" + std::string(100000, '[') + std::string(100000, ']') +
                             R"j(, "messages": []})j");
  if (!skipped->ok()) {
    EXPECT_FALSE(skipped->error().message().empty());
  }
  auto objects = ImportBytes(R"j({"messages": [{"id": 1, "type": "message", "poll": )j" +
                             std::string(50000, '[') + std::string(50000, ']') + "}]}");
  if (!objects->ok()) {
    EXPECT_FALSE(objects->error().message().empty());
  }
}

TEST(TelegramBadInputTest, InvalidUtf8NamesTheByte) {
  const std::string json = R"j({"messages": [{"id": 1, "type": "message", "text": "ab)j" + std::string("\xC3\x28") +
                           R"j("}]})j";
  auto out = ImportBytes(json);
  ASSERT_FALSE(out->ok());
  EXPECT_NE(out->error().message().find("invalid UTF-8"), std::string::npos) << out->error().ToString();
  EXPECT_EQ(out->error().where().place, "byte " + std::to_string(json.find('\xC3')));
}

TEST(TelegramBadInputTest, InvalidUtf8AfterARepairNamesTheOriginalByte) {
  const std::string json = R"j({"messages": [{"id": 1, "type": "message", "text": "a\x01\x02)j" +
                           std::string("\xFF") + R"j("}]})j";
  auto out = ImportBytes(json);
  ASSERT_FALSE(out->ok());
  EXPECT_EQ(out->error().where().place, "byte " + std::to_string(json.find('\xFF'))) << out->error().ToString();
}

TEST(TelegramBadInputTest, FolderWithoutResultJson) {
  MemFileSystem fs;
  fs.Add("/case/export/messages.html", "<html></html>");
  CaptureSink sink;
  Diagnostics diagnostics;
  auto result = TelegramJsonImporter().Import(Source{&fs, "/case/export", true}, ImportOptions{}, sink, diagnostics);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind(), ErrorKind::kNotFound);
  EXPECT_NE(result.error().message().find("/case/export"), std::string::npos);
  EXPECT_EQ(result.error().where().file, "/case/export");
}

TEST(TelegramBadInputTest, OtherAppsJsonIsRejected) {
  const char* others[] = {
      // DiscordChatExporter
      R"j({"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "name": "general"},
          "messages": [{"id": "3", "type": "Default", "timestamp": "2023-01-01T00:00:00+00:00", "content": "hi",
          "author": {"id": "4", "name": "x"}}]})j",
      // Element / Matrix
      R"j({"room_name": "R", "messages": [{"type": "m.room.message", "event_id": "$e", "sender": "@a:b.org",
          "origin_server_ts": 1690000000000, "content": {"body": "hi"}}]})j",
      // Rocket.Chat REST history
      R"j({"messages": [{"_id": "x", "rid": "GENERAL", "msg": "hi", "ts": "2023-01-01T00:00:00.000Z",
          "u": {"_id": "u1", "username": "a"}}], "success": true})j",
      R"j({"a": 1})j",
  };
  for (const char* json : others) {
    auto out = ImportBytes(json);
    ASSERT_FALSE(out->ok()) << json;
    EXPECT_NE(out->error().message().find("not a Telegram export"), std::string::npos) << out->error().ToString();
    EXPECT_TRUE(out->sink.messages.empty()) << json;
  }
  auto array = ImportBytes("[1, 2]");
  ASSERT_FALSE(array->ok());
  EXPECT_NE(array->error().message().find("not a Telegram JSON export"), std::string::npos);
  auto html = ImportBytes("<!DOCTYPE html>\n<html><head><title>Exported Data</title></head></html>");
  ASSERT_FALSE(html->ok());
  EXPECT_NE(html->error().message().find("telegram-html"), std::string::npos);
}

TEST(TelegramBadInputTest, ShowOnDamagedFileIsAnError) {
  MemFileSystem fs;
  fs.Add("/exp/result.json", kSample.substr(0, kSample.size() / 2));
  auto shown = TelegramJsonImporter().Show(Source{&fs, "/exp/result.json", false}, "/chats/list/0/messages/2");
  ASSERT_FALSE(shown.ok());
  EXPECT_EQ(shown.error().where().file, "result.json");
}

}  // namespace
}  // namespace casegraph::ingest
