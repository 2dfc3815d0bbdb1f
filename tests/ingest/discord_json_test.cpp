// Unit tests of the discord-json importer on small inline exports (MemFileSystem + CaptureSink):
// identities, times with offsets, edits, kinds, replies, attachments and stickers, embeds,
// reactions, mentions, interactions, the folder form with Windows paths, and Show.
#include <gtest/gtest.h>

#include "base/time_util.h"
#include "discord_testing.h"

namespace casegraph::ingest {
namespace {

using discord_testing::Channel;
using discord_testing::ImportSource;
using discord_testing::ImportText;
using discord_testing::Message;
using model::AttachmentStatus;
using testing::MemFileSystem;

TEST(DiscordJsonTest, ConversationFromGuildAndChannel) {
  auto out = ImportText(Channel(Message("700000000000000101", "hello")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  ASSERT_EQ(out->sink.conversations.size(), 1u);
  const auto& c = out->sink.conversations[0];
  EXPECT_EQ(c.key, "700000000000000001");
  EXPECT_EQ(c.ref, "discord:channel700000000000000001");
  EXPECT_EQ(c.kind, "GuildTextChat");
  EXPECT_EQ(c.title, "Test guild - Text Channels - general");
  EXPECT_EQ(c.locator, "/channel");
  EXPECT_EQ(out->summary().conversations, 1u);
  EXPECT_EQ(out->summary().messages, 1u);
  EXPECT_EQ(out->summary().main_file, "export.json");
}

TEST(DiscordJsonTest, DirectMessagesTitleIsTheChannelName) {
  auto out = ImportText(R"j({"guild": {"id": "0", "name": "Direct Messages"},
    "channel": {"id": "5", "type": "DirectTextChat", "categoryId": "0", "category": "Private", "name": "Ada", "topic": null},
    "messages": []})j");
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.conversations.at(0).title, "Ada");
  EXPECT_EQ(out->sink.conversations.at(0).kind, "DirectTextChat");
}

TEST(DiscordJsonTest, MessageFieldsAndAuthor) {
  auto out = ImportText(Channel(Message("700000000000000101", "hello there", "", "Default",
                                        "2023-01-06T23:19:27.384-04:00")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  ASSERT_EQ(out->sink.messages.size(), 1u);
  const auto& m = out->sink.messages[0];
  EXPECT_EQ(m.conversation_key, "700000000000000001");
  EXPECT_EQ(m.source_id, "700000000000000101");
  EXPECT_EQ(m.kind, "message");
  EXPECT_EQ(m.action, "");
  EXPECT_EQ(m.text, "hello there");
  EXPECT_EQ(m.sender_ref, "discord:700000000000000011");
  EXPECT_EQ(m.sender_name, "Ada");
  EXPECT_EQ(FormatUtc(*m.sent_at_utc), "2023-01-07T03:19:27Z");
  EXPECT_EQ(m.utc_offset_seconds, -4 * 3600);
  EXPECT_EQ(m.time_basis, "explicit-offset");
  EXPECT_EQ(m.local_time, "2023-01-06T23:19:27.384-04:00");
  EXPECT_EQ(m.locator, "/messages/0");
  ASSERT_EQ(out->sink.accounts.size(), 1u);
  const auto& a = out->sink.accounts[0];
  EXPECT_EQ(a.ref, "discord:700000000000000011");
  EXPECT_EQ(a.platform, "discord");
  EXPECT_EQ(a.display_name, "Ada");
  EXPECT_EQ(a.username, "ada");  // discriminator 0000: none
  EXPECT_EQ(a.locator, "/messages/0/author");
  EXPECT_EQ(a.seen_at_utc, m.sent_at_utc);
}

TEST(DiscordJsonTest, UsernameKeepsOldDiscriminatorAndNameWhenNoNickname) {
  auto out = ImportText(Channel(R"j({"id": "1", "type": "Default", "timestamp": "2018-05-20T16:09:51.118+00:00",
    "content": "x", "author": {"id": "111111111111111111", "name": "mlomb", "discriminator": "5506", "isBot": false}})j"));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  const auto* a = out->Account("discord:111111111111111111");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->display_name, "mlomb");
  EXPECT_EQ(a->username, "mlomb#5506");
}

TEST(DiscordJsonTest, AccountSentOncePerNameAndAgainOnRename) {
  const std::string renamed = R"j({"id": "3", "type": "Default", "timestamp": "2023-01-06T14:03:03+00:00",
    "content": "z", "author": {"id": "700000000000000011", "name": "ada", "discriminator": "0000", "nickname": "Ada K"}})j";
  auto out = ImportText(Channel(Message("1", "x") + "," + Message("2", "y") + "," + renamed));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  ASSERT_EQ(out->sink.accounts.size(), 2u);
  EXPECT_EQ(out->sink.accounts[1].display_name, "Ada K");
  EXPECT_EQ(out->summary().accounts, 1u);
}

TEST(DiscordJsonTest, EditedMessageKeepsLastEditTime) {
  auto out = ImportText(Channel(R"j({"id": "9", "type": "Default", "timestamp": "2023-01-06T14:23:05.779+00:00",
    "timestampEdited": "2023-01-06T14:23:25.845+00:00", "content": "now", "author": {"id": "4", "name": "b"}})j"));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  const auto& m = out->sink.messages.at(0);
  ASSERT_TRUE(m.edited_at_utc.has_value());
  EXPECT_EQ(FormatUtc(*m.edited_at_utc), "2023-01-06T14:23:25Z");
  ASSERT_EQ(m.edits.size(), 1u);
  EXPECT_EQ(m.edits[0].text, "now");
  EXPECT_EQ(m.edits[0].edited_at_utc, m.edited_at_utc);
  EXPECT_EQ(m.edits[0].editor_ref, "discord:4");
  EXPECT_EQ(m.edits[0].locator, "/messages/0/timestampEdited");
}

TEST(DiscordJsonTest, ServiceKindsAndActions) {
  auto out = ImportText(Channel(
      Message("1", "Joined the server.", "", "GuildMemberJoin") + "," +
      Message("2", "Started a call that lasted 113 minutes.", "", "Call") + "," +
      Message("3", "Changed the channel name.", "", "ChannelNameChange") + "," + Message("4", "reply", "", "Reply") +
      "," + Message("5", "slash", "", "20")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  ASSERT_EQ(out->sink.messages.size(), 5u);
  EXPECT_EQ(out->sink.messages[0].kind, "service");
  EXPECT_EQ(out->sink.messages[0].action, "GuildMemberJoin");
  EXPECT_EQ(out->sink.messages[1].kind, "service");
  EXPECT_EQ(out->sink.messages[1].action, "Call");
  EXPECT_EQ(out->sink.messages[2].action, "ChannelNameChange");
  EXPECT_EQ(out->sink.messages[3].kind, "message");
  EXPECT_EQ(out->sink.messages[3].action, "");
  EXPECT_EQ(out->sink.messages[4].kind, "message");  // an unknown Discord type, written as its number
  EXPECT_EQ(out->sink.messages[4].action, "20");
}

TEST(DiscordJsonTest, CallEndIsAppendedToText) {
  auto out = ImportText(Channel(R"j({"id": "100", "type": "Call", "timestamp": "2020-07-17T17:03:14.366+00:00",
    "callEndedTimestamp": "2020-07-17T21:14:52.787+00:00", "content": "Started a call that lasted 251 minutes.",
    "author": {"id": "4", "name": "b"}})j"));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.messages.at(0).text,
            "Started a call that lasted 251 minutes.\n\n[call ended 2020-07-17T21:14:52Z]");
}

TEST(DiscordJsonTest, ReplyAndThreadCreatedReference) {
  auto out = ImportText(Channel(
      Message("2", "answer", R"j("reference": {"messageId": "1", "channelId": "700000000000000001", "guildId": "7"})j",
              "Reply") +
      "," +
      Message("3", "Started a thread.", R"j("reference": {"messageId": null, "channelId": "3", "guildId": "7"})j",
              "ThreadCreated")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.messages[0].reply_to, "1");
  EXPECT_EQ(out->sink.messages[1].reply_to, "");
  EXPECT_EQ(out->sink.messages[1].kind, "service");
}

TEST(DiscordJsonTest, ForwardIsNotAReply) {
  auto out = ImportText(Channel(Message(
      "2", "",
      R"j("reference": {"type": "Forward", "messageId": "1", "channelId": "99", "guildId": null},
          "forwardedMessage": {"timestamp": "2024-01-01T00:00:00+00:00", "content": "the original words",
                               "attachments": [{"id": "5", "url": "https://cdn.discordapp.com/a/b/c.png", "fileName": "c.png"}]})j")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  const auto& m = out->sink.messages.at(0);
  EXPECT_EQ(m.reply_to, "");
  EXPECT_EQ(m.forwarded_from, "discord:channel99");
  EXPECT_EQ(m.text, "the original words");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].locator, "/messages/0/forwardedMessage/attachments/0");
}

TEST(DiscordJsonTest, ThreadExportSetsThreadRoot) {
  auto out = ImportText(Channel(Message("10", "in thread"), "GuildPublicThread"));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.conversations.at(0).kind, "GuildPublicThread");
  EXPECT_EQ(out->sink.messages.at(0).thread_root, "700000000000000001");
}

TEST(DiscordJsonTest, CdnAttachmentIsNotExportedAndStickerIsAnAttachment) {
  auto out = ImportText(Channel(Message(
      "1", "files",
      R"j("attachments": [{"id": "460937410155642891", "url": "https://cdn.discordapp.com/attachments/123/123/unknown.png",
          "fileName": "unknown.png", "fileSizeBytes": 165152}],
          "stickers": [{"id": "809207919115239525", "name": "Laugh", "format": "PngAnimated",
          "sourceUrl": "https://discord.com/stickers/809207919115239525.png"}])j")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  const auto& m = out->sink.messages.at(0);
  ASSERT_EQ(m.attachments.size(), 2u);
  EXPECT_EQ(m.attachments[0].kind, "file");
  EXPECT_EQ(m.attachments[0].file_name, "unknown.png");
  EXPECT_EQ(m.attachments[0].declared_path, "https://cdn.discordapp.com/attachments/123/123/unknown.png");
  EXPECT_EQ(m.attachments[0].status, AttachmentStatus::kNotExported);
  EXPECT_EQ(m.attachments[0].locator, "/messages/0/attachments/0");
  EXPECT_EQ(m.attachments[1].kind, "sticker");
  EXPECT_EQ(m.attachments[1].file_name, "Laugh");
  EXPECT_EQ(m.attachments[1].status, AttachmentStatus::kNotExported);
  EXPECT_EQ(m.attachments[1].locator, "/messages/0/stickers/0");
  EXPECT_EQ(out->summary().attachments, 2u);
}

TEST(DiscordJsonTest, LocalPathInALoneFileIsMissing) {
  auto out = ImportText(Channel(Message(
      "1", "", R"j("attachments": [{"id": "2", "url": "export.json_Files\\a-12345.png", "fileName": "a.png"}])j")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.messages.at(0).attachments.at(0).status, AttachmentStatus::kMissing);
}

TEST(DiscordJsonTest, EmbedsBecomeText) {
  auto out = ImportText(Channel(Message(
      "1", "look https://example.org/v",
      R"j("embeds": [{"title": "A video", "url": "https://example.org/v", "description": "About it",
          "author": {"name": "Chan", "url": "https://example.org/chan"},
          "fields": [{"name": "Mail", "value": "a@example.org", "isInline": false}],
          "footer": {"text": "foot", "iconUrl": null}, "thumbnail": {"url": "x.png"}},
          {"title": "", "url": null, "description": "", "images": [], "fields": []}])j")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.messages.at(0).text,
            "look https://example.org/v\n\n[embed] A video\nhttps://example.org/v\nChan https://example.org/chan\n"
            "About it\nMail: a@example.org\nfoot");
}

TEST(DiscordJsonTest, ReactionsWithAndWithoutUsers) {
  auto out = ImportText(Channel(Message(
      "1", "r",
      R"j("reactions": [{"emoji": {"id": "464662216386412545", "name": "paul", "isAnimated": false}, "count": 3},
          {"emoji": {"id": "", "name": "\u2764", "code": "heart"}, "count": 2,
           "users": [{"id": "8", "name": "cem", "discriminator": "0000", "nickname": "Cem", "isBot": false}]}])j")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  const auto& r = out->sink.messages.at(0).reactions;
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].emoji, "paul");
  EXPECT_EQ(r[0].count, 3u);
  EXPECT_TRUE(r[0].user_refs.empty());
  EXPECT_EQ(r[1].emoji, "\xE2\x9D\xA4");
  EXPECT_EQ(r[1].count, 2u);
  ASSERT_EQ(r[1].user_refs.size(), 1u);
  EXPECT_EQ(r[1].user_refs[0], "discord:8");
  const auto* reactor = out->Account("discord:8");
  ASSERT_NE(reactor, nullptr);
  EXPECT_EQ(reactor->display_name, "Cem");
  EXPECT_EQ(reactor->locator, "/messages/0/reactions/1/users/0");
}

TEST(DiscordJsonTest, MentionsBecomeEntitiesAndAccounts) {
  auto out = ImportText(Channel(Message(
      "1", "@Thomas see <@42>",
      R"j("mentions": [{"id": "896568767994532880", "name": "Thomas", "discriminator": "0007", "nickname": "Thomas", "isBot": false},
                      {"id": "42", "name": "raw", "discriminator": "0000", "nickname": "Raw"},
                      {"id": "43", "name": "gone", "discriminator": "0000"}])j")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  const auto& e = out->sink.messages.at(0).entities;
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].type, "mention");
  EXPECT_EQ(e[0].user_ref, "discord:896568767994532880");
  EXPECT_EQ(e[0].offset, 0u);
  EXPECT_EQ(e[0].length, 7u);
  EXPECT_EQ(e[0].text, "@Thomas");
  EXPECT_EQ(e[1].text, "<@42>");
  EXPECT_EQ(e[1].offset, 12u);
  EXPECT_EQ(e[2].length, 0u);  // not visible in the text
  EXPECT_EQ(e[2].text, "@gone");
  ASSERT_NE(out->Account("discord:896568767994532880"), nullptr);
  EXPECT_EQ(out->Account("discord:896568767994532880")->username, "Thomas#0007");
}

TEST(DiscordJsonTest, RecipientAddListsMembers) {
  auto out = ImportText(Channel(Message("1", "Added Cem to the group.",
                                        R"j("mentions": [{"id": "8", "name": "cem", "nickname": "Cem"}])j",
                                        "RecipientAdd"),
                                "DirectGroupTextChat"));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  const auto& m = out->sink.messages.at(0);
  EXPECT_EQ(m.kind, "service");
  EXPECT_EQ(m.action, "RecipientAdd");
  ASSERT_EQ(m.members.size(), 1u);
  EXPECT_EQ(m.members[0], "Cem");
}

TEST(DiscordJsonTest, InteractionUserIsAnEntity) {
  auto out = ImportText(Channel(Message(
      "1", "done", R"j("interaction": {"id": "5", "name": "ticket", "user": {"id": "9", "name": "dora", "discriminator": "0"}})j",
      "20")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  const auto& e = out->sink.messages.at(0).entities;
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].type, "interaction");
  EXPECT_EQ(e[0].text, "/ticket");
  EXPECT_EQ(e[0].user_ref, "discord:9");
  ASSERT_NE(out->Account("discord:9"), nullptr);
  EXPECT_EQ(out->Account("discord:9")->username, "dora");
}

TEST(DiscordJsonTest, SnowflakesStayExactAsStringsAndNumbers) {
  auto out = ImportText(Channel(R"j({"id": "18446744073709551615", "type": "Default",
    "timestamp": "2024-01-02T03:04:05Z", "content": "x", "author": {"id": 9007199254740993, "name": "n"}})j"));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.messages.at(0).source_id, "18446744073709551615");
  EXPECT_EQ(out->sink.messages.at(0).sender_ref, "discord:9007199254740993");
}

TEST(DiscordJsonTest, DuplicateIdsAreKeptWithAWarning) {
  auto out = ImportText(Channel(Message("1", "a") + "," + Message("1", "a")));
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->sink.messages.size(), 2u);
  EXPECT_TRUE(out->Warned("appears more than once"));
}

TEST(DiscordJsonTest, MessageCountMismatchAndDateRangeWarn) {
  std::string json = Channel(Message("1", "a"));
  json.insert(json.size() - 1, R"j(, "messageCount": 35)j");
  const size_t at = json.find(R"j("after": null)j");
  json.replace(at, 13, R"j("after": "2023-01-01T00:00:00+00:00")j");
  auto out = ImportText(json);
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_TRUE(out->Warned("messageCount says 35"));
  EXPECT_TRUE(out->Warned("partial export"));
}

// The folder form: one DCE file and its _Files folder, paths written by DCE on Windows.
MemFileSystem ExportFolder() {
  MemFileSystem fs;
  fs.Add("/case/exp/chan [1].json",
         Channel(Message("1", "pics",
                         R"j("attachments": [
            {"id": "2", "url": "chan [1].json_Files\\photo-AB12C.png", "fileName": "photo.png", "fileSizeBytes": 5},
            {"id": "3", "url": "chan [1].json_Files/sub/clip-99999.mp4", "fileName": "clip.mp4"},
            {"id": "4", "url": "chan [1].json_Files\\gone-00000.png", "fileName": "gone.png"},
            {"id": "5", "url": "..\\secret.png", "fileName": "secret.png"},
            {"id": "6", "url": "C:\\Users\\x\\abs.png", "fileName": "abs.png"}])j")));
  fs.Add("/case/exp/chan [1].json_Files/photo-AB12C.png", "12345");
  fs.Add("/case/exp/chan [1].json_Files/sub/clip-99999.mp4", "clip");
  fs.Add("/case/exp/notes.txt", "not an export");
  return fs;
}

TEST(DiscordJsonTest, FolderResolvesWindowsPathsAndHashesMedia) {
  MemFileSystem fs = ExportFolder();
  auto out = ImportSource(fs, "/case/exp", true);
  ASSERT_TRUE(out->ok()) << out->error().ToString();
  EXPECT_EQ(out->summary().main_file, "chan [1].json");
  const auto& a = out->sink.messages.at(0).attachments;
  ASSERT_EQ(a.size(), 5u);
  EXPECT_EQ(a[0].status, AttachmentStatus::kPresent);
  ASSERT_TRUE(a[0].digests.has_value());
  EXPECT_EQ(a[0].digests->size_bytes, 5u);
  EXPECT_EQ(a[0].digests->sha256, "5994471abb01112afcc18159f6cc74b4f511b99806da59b3caf5a9c173cacfc5");
  EXPECT_EQ(a[0].declared_path, "chan [1].json_Files\\photo-AB12C.png");
  EXPECT_EQ(a[1].status, AttachmentStatus::kPresent);
  EXPECT_EQ(a[2].status, AttachmentStatus::kMissing);
  EXPECT_EQ(a[3].status, AttachmentStatus::kRefused);
  EXPECT_EQ(a[4].status, AttachmentStatus::kRefused);
  EXPECT_EQ(out->sink.messages.at(0).locator, "/messages/0");
}

TEST(DiscordJsonTest, FolderWithSeveralExportsIsRefusedByName) {
  MemFileSystem fs = ExportFolder();
  fs.Add("/case/exp/other [2].json", Channel(Message("9", "b")));
  auto out = ImportSource(fs, "/case/exp", true);
  ASSERT_FALSE(out->ok());
  EXPECT_NE(out->error().message().find("2 DiscordChatExporter exports"), std::string::npos);
  EXPECT_NE(out->error().message().find("other [2].json"), std::string::npos);
}

TEST(DiscordJsonTest, FolderWithoutExportIsNotFound) {
  MemFileSystem fs;
  fs.Add("/case/empty/readme.txt", "x");
  fs.Add("/case/empty/data.json", R"j({"rid": "x", "msg": "y"})j");
  auto out = ImportSource(fs, "/case/empty", true);
  ASSERT_FALSE(out->ok());
  EXPECT_EQ(out->error().kind(), ErrorKind::kNotFound);
}

TEST(DiscordJsonTest, ShowGivesTheMessageAsWritten) {
  MemFileSystem fs = ExportFolder();
  const DiscordJsonImporter importer;
  auto shown = importer.Show(Source{&fs, "/case/exp", true}, "/messages/0");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(shown->substr(0, 8), R"j({"id": ")j");
  EXPECT_NE(shown->find(R"j(photo-AB12C.png)j"), std::string::npos);
  EXPECT_EQ(shown->back(), '}');
  auto author = importer.Show(Source{&fs, "/case/exp", true}, "/messages/0/author/name");
  ASSERT_TRUE(author.ok());
  EXPECT_EQ(*author, "\"ada\"");
  auto missing = importer.Show(Source{&fs, "/case/exp", true}, "/messages/7");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind(), ErrorKind::kNotFound);
  auto bad = importer.Show(Source{&fs, "/case/exp", true}, "messages 0");
  ASSERT_FALSE(bad.ok());
}

}  // namespace
}  // namespace casegraph::ingest
