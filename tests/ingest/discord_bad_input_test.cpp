// Damaged and hostile input for the discord-json importer (after leveldb's corruption_test):
// empty, truncated at every cut point, bit flips, wrong JSON types, ids as numbers, invalid
// UTF-8, deep nesting, other apps' JSON. Each gives a located Error or warnings, never a crash.
#include <gtest/gtest.h>

#include <string>

#include "discord_testing.h"

namespace casegraph::ingest {
namespace {

using discord_testing::Channel;
using discord_testing::ImportText;
using discord_testing::Message;

const std::string kSample = Channel(
    Message("1060926346089476176", "You will understand it later \\uD83D\\uDE42",
            R"j("reactions": [{"emoji": {"id": "", "name": "\uD83D\uDC40"}, "count": 1, "users": [{"id": "5", "name": "e"}]}],
            "reference": {"messageId": "1060926317920538735", "channelId": "1", "guildId": "2"},
            "embeds": [{"title": "t", "url": "https://example.org", "fields": [{"name": "n", "value": "v"}]}],
            "attachments": [{"id": "3", "url": "https://cdn.discordapp.com/x.png", "fileName": "x.png", "fileSizeBytes": 4}],
            "stickers": [{"id": "4", "name": "s", "format": "Png", "sourceUrl": "x.json_Files\\s-1.png"}],
            "mentions": [{"id": "6", "name": "m"}], "interaction": {"id": "7", "name": "c", "user": {"id": "8", "name": "u"}})j") +
    "," + Message("1060926395313827840", "second", "", "Reply", "2023-01-06T14:22:43.702-04:00"));

bool PlaceIsPointerOrByte(const std::string& place) {
  return place.empty() || place[0] == '/' || place.rfind("byte ", 0) == 0;
}

TEST(DiscordBadInputTest, SampleImports) {
  auto out = ImportText(kSample);
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.messages.size(), 2u);
  EXPECT_TRUE(out->diagnostics.warnings().empty());
}

TEST(DiscordBadInputTest, EmptyFile) {
  for (const std::string bytes : {"", "  \n\t ", "\xEF\xBB\xBF"}) {
    auto out = ImportText(bytes);
    ASSERT_FALSE(out->ok());
    EXPECT_NE(out->error().message().find("empty file"), std::string::npos);
    EXPECT_EQ(out->error().where().file, "export.json");
    EXPECT_EQ(out->error().where().place, "byte 0");
  }
}

TEST(DiscordBadInputTest, NotAnObject) {
  for (const std::string bytes : {"[1, 2]", "<html></html>", "\"text\"", "42"}) {
    auto out = ImportText(bytes);
    ASSERT_FALSE(out->ok()) << bytes;
    EXPECT_EQ(out->error().kind(), ErrorKind::kUnsupported) << bytes;
  }
}

TEST(DiscordBadInputTest, OtherAppsJsonIsRefused) {
  auto out = ImportText(R"j({"name": "A", "type": "personal_chat", "id": 1, "messages": [{"id": 1}]})j");
  ASSERT_FALSE(out->ok());
  EXPECT_EQ(out->error().kind(), ErrorKind::kUnsupported);
  EXPECT_NE(out->error().message().find("channel"), std::string::npos);
}

TEST(DiscordBadInputTest, TruncatedAtEveryCutPoint) {
  for (size_t cut = 1; cut < kSample.size(); cut += 7) {
    auto out = ImportText(kSample.substr(0, cut));
    ASSERT_FALSE(out->ok()) << "cut " << cut;
    EXPECT_EQ(out->error().where().file, "export.json");
    EXPECT_TRUE(PlaceIsPointerOrByte(out->error().where().place)) << out->error().ToString();
  }
  auto out = ImportText(kSample.substr(0, kSample.find("\"second\"") + 3));
  ASSERT_FALSE(out->ok());
  EXPECT_NE(out->error().message().find("truncated"), std::string::npos) << out->error().ToString();
  EXPECT_EQ(out->error().where().place, "/messages/1/content");
}

TEST(DiscordBadInputTest, BitFlipsNeverCrash) {
  for (size_t i = 0; i < kSample.size(); ++i) {
    for (int bit : {0, 5, 7}) {
      std::string damaged = kSample;
      damaged[i] = static_cast<char>(damaged[i] ^ (1 << bit));
      auto out = ImportText(damaged);
      if (!out->ok()) {
        EXPECT_FALSE(out->error().message().empty());
        EXPECT_TRUE(PlaceIsPointerOrByte(out->error().where().place)) << out->error().ToString();
      }
    }
  }
}

TEST(DiscordBadInputTest, WrongTypesAreLocatedWarnings) {
  auto out = ImportText(Channel(R"j({"id": ["x"], "type": 5, "timestamp": 1672000000, "content": {"a": 1},
      "author": "ada", "attachments": {"url": "x"}, "reactions": [{"emoji": "heart", "count": "two"}],
      "mentions": [7], "reference": [], "isPinned": "yes"}, 17, null)j"));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  ASSERT_EQ(out->sink.messages.size(), 1u);
  const auto& m = out->sink.messages[0];
  EXPECT_EQ(m.source_id, "");
  EXPECT_EQ(m.text, "");
  EXPECT_FALSE(m.sent_at_utc.has_value());
  EXPECT_EQ(m.time_basis, "none");
  EXPECT_EQ(m.sender_ref, "");
  bool saw_id = false, saw_element = false;
  for (const auto& w : out->diagnostics.warnings()) {
    EXPECT_EQ(w.where.file, "export.json");
    EXPECT_TRUE(PlaceIsPointerOrByte(w.where.place)) << w.where.place;
    if (w.where.place == "/messages/0/id") saw_id = true;
    if (w.where.place == "/messages/1") saw_element = true;
  }
  EXPECT_TRUE(saw_id);
  EXPECT_TRUE(saw_element);
}

TEST(DiscordBadInputTest, UnreadableTimestampIsAWarning) {
  auto out = ImportText(Channel(Message("1", "x", "", "Default", "06/01/2023 14:03")));
  ASSERT_TRUE(out->ok());
  EXPECT_FALSE(out->sink.messages.at(0).sent_at_utc.has_value());
  EXPECT_TRUE(out->Warned("unreadable timestamp"));
}

TEST(DiscordBadInputTest, InvalidUtf8IsLocated) {
  std::string damaged = kSample;
  const size_t at = damaged.find("second");
  damaged[at] = '\xC3';
  damaged[at + 1] = '\x28';
  auto out = ImportText(damaged);
  ASSERT_FALSE(out->ok());
  EXPECT_NE(out->error().message().find("invalid UTF-8"), std::string::npos) << out->error().ToString();
  EXPECT_EQ(out->error().where().place, "byte " + std::to_string(at));
}

TEST(DiscordBadInputTest, DeepNestingNeverCrashes) {
  // Where the nesting is skipped unread the import may succeed; where it is read it fails.
  for (const std::string& wrap : {std::string(R"j("embeds": [)j"), std::string(R"j("reference": )j")}) {
    const bool array = wrap.back() == '[';
    std::string deep = Channel(Message("1", "x", wrap + std::string(5000, '[') + std::string(5000, ']') + (array ? "]" : "")));
    auto out = ImportText(deep);
    if (!out->ok()) {
      EXPECT_EQ(out->error().where().file, "export.json");
    } else {
      EXPECT_EQ(out->sink.messages.size(), 1u);
    }
  }
}

TEST(DiscordBadInputTest, MessagesBeforeChannelIsRefused) {
  auto out = ImportText(R"j({"messages": [], "channel": {"id": "1"}})j");
  ASSERT_FALSE(out->ok());
  EXPECT_EQ(out->error().where().place, "/messages");
}

TEST(DiscordBadInputTest, ChannelNotAnObjectIsAnError) {
  auto out = ImportText(R"j({"guild": {"id": "0"}, "channel": "general", "messages": []})j");
  ASSERT_FALSE(out->ok());
  EXPECT_EQ(out->error().where().place, "/channel");
}

}  // namespace
}  // namespace casegraph::ingest
