// Unit tests of the telegram-json importer on small inline exports (MemFileSystem + CaptureSink):
// text forms and entity offsets, identities, service messages, repairs of Telegram's invalid
// JSON, attachments, time policy, both export shapes, locators that Show resolves, sniffing.
#include "ingest/telegram_json.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "base/time_util.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using model::AttachmentStatus;
using testing::CaptureSink;
using testing::MemFileSystem;

struct Run {
  std::optional<Result<ImportSummary>> result;
  CaptureSink sink;
  Diagnostics diagnostics;
  const ImportSummary& summary() const { return result->value(); }
};

// Imports `path` from `fs`; a folder when `is_directory`.
std::unique_ptr<Run> Import(const MemFileSystem& fs, const std::string& path, bool is_directory = false,
                            const std::string& tz = "") {
  auto run = std::make_unique<Run>();
  ImportOptions options;
  options.tz = tz;
  run->result.emplace(TelegramJsonImporter().Import(Source{&fs, path, is_directory}, options, run->sink,
                                                     run->diagnostics));
  return run;
}

// A single-chat export around the given message objects.
std::string Chat(const std::string& messages) {
  return R"j({"name": "Test", "type": "personal_chat", "id": 4242, "messages": [)j" + messages + "]}";
}

std::unique_ptr<Run> ImportText(const std::string& json, const std::string& tz = "") {
  MemFileSystem fs;
  fs.Add("/exp/result.json", json);
  return Import(fs, "/exp/result.json", false, tz);
}

bool HasWarning(const Run& run, const std::string& needle) {
  for (const auto& w : run.diagnostics.warnings()) {
    if (w.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(TelegramJsonTest, PlainStringText) {
  auto run = ImportText(Chat(R"j({"id": 1, "type": "message", "date": "2023-08-23T13:11:23",
      "date_unixtime": "1692821483", "from": "Ada", "from_id": "user11", "text": "merhaba dünya",
      "text_entities": [{"type": "plain", "text": "merhaba dünya"}]})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 1u);
  const auto& m = run->sink.messages[0];
  EXPECT_EQ(m.text, "merhaba dünya");
  EXPECT_TRUE(m.entities.empty());
  EXPECT_EQ(m.source_id, "1");
  EXPECT_EQ(m.kind, "message");
  EXPECT_EQ(m.conversation_key, "4242");
  EXPECT_EQ(m.sender_ref, "telegram:user11");
  EXPECT_EQ(m.sender_name, "Ada");
  EXPECT_EQ(m.locator, "/messages/0");
}

TEST(TelegramJsonTest, ArrayTextEntitiesHaveByteOffsets) {
  // "Çay " is 5 bytes (Ç takes two), so the bold part starts at byte 5.
  auto run = ImportText(Chat(R"j({"id": 2, "type": "message", "date_unixtime": "1692821483",
      "text": ["Çay ", {"type": "bold", "text": "şimdi"}, " @", {"type": "mention", "text": "@ali"}]})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  EXPECT_EQ(m.text, "Çay şimdi @@ali");
  ASSERT_EQ(m.entities.size(), 2u);
  EXPECT_EQ(m.entities[0].type, "bold");
  EXPECT_EQ(m.entities[0].offset, 5u);
  EXPECT_EQ(m.entities[0].length, 6u);  // "şimdi": ş is two bytes
  EXPECT_EQ(m.text.substr(m.entities[0].offset, m.entities[0].length), "şimdi");
  EXPECT_EQ(m.entities[1].type, "mention");
  EXPECT_EQ(m.text.substr(m.entities[1].offset, m.entities[1].length), "@ali");
}

TEST(TelegramJsonTest, TextEntitiesPreferredButNotDuplicated) {
  auto run = ImportText(Chat(R"j({"id": 3, "type": "message", "date_unixtime": "1692821483",
      "text": ["see ", {"type": "link", "text": "https://example.org"}],
      "text_entities": [{"type": "plain", "text": "see "}, {"type": "link", "text": "https://example.org"}]})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  EXPECT_EQ(m.text, "see https://example.org");
  ASSERT_EQ(m.entities.size(), 1u);
  EXPECT_EQ(m.entities[0].type, "link");
  EXPECT_EQ(m.entities[0].offset, 4u);
  EXPECT_EQ(m.entities[0].length, 19u);
}

TEST(TelegramJsonTest, MentionNameCarriesUserRefAndEmitsAccountFirst) {
  auto run = ImportText(Chat(R"j({"id": 4, "type": "message", "date_unixtime": "1692821483",
      "from": "Ada", "from_id": "user11",
      "text": ["hi ", {"type": "mention_name", "text": "Ayşe", "user_id": 5550001}],
      "text_entities": [{"type": "plain", "text": "hi "}, {"type": "mention_name", "text": "Ayşe", "user_id": 5550001}]})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  ASSERT_EQ(m.entities.size(), 1u);
  EXPECT_EQ(m.entities[0].type, "mention_name");
  EXPECT_EQ(m.entities[0].user_ref, "telegram:user5550001");
  EXPECT_EQ(m.entities[0].offset, 3u);
  bool found = false;
  for (const auto& a : run->sink.accounts) found = found || a.ref == "telegram:user5550001";
  EXPECT_TRUE(found);
  EXPECT_EQ(run->summary().accounts, 2u);  // sender and mentioned user
}

TEST(TelegramJsonTest, TextLinkKeepsHref) {
  auto run = ImportText(Chat(R"j({"id": 5, "type": "message", "date_unixtime": "1692821483",
      "text": [{"type": "text_link", "text": "here", "href": "https://example.org/x"}, " now"]})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  ASSERT_EQ(m.entities.size(), 1u);
  EXPECT_EQ(m.entities[0].href, "https://example.org/x");
  EXPECT_EQ(m.entities[0].text, "here");
  EXPECT_EQ(m.text, "here now");
}

TEST(TelegramJsonTest, ServiceMessageWithMembersIncludingNull) {
  auto run = ImportText(Chat(R"j({"id": 6, "type": "service", "date_unixtime": "1692821483",
      "actor": "Ada", "actor_id": "user11", "action": "invite_members", "members": ["Bora", null],
      "text": "", "text_entities": []},
     {"id": 7, "type": "service", "date_unixtime": "1692821484", "actor": null, "actor_id": "user12",
      "action": "create_group", "title": "Kitap Kulübü", "members": ["Ada"], "text": ""})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 2u);
  const auto& invite = run->sink.messages[0];
  EXPECT_EQ(invite.kind, "service");
  EXPECT_EQ(invite.action, "invite_members");
  EXPECT_EQ(invite.sender_ref, "telegram:user11");
  EXPECT_EQ(invite.sender_name, "Ada");
  ASSERT_EQ(invite.members.size(), 2u);
  EXPECT_EQ(invite.members[0], "Bora");
  EXPECT_EQ(invite.members[1], "");
  const auto& create = run->sink.messages[1];
  EXPECT_EQ(create.text, "Kitap Kulübü");
  EXPECT_EQ(create.sender_ref, "telegram:user12");
  EXPECT_EQ(create.sender_name, "");
}

TEST(TelegramJsonTest, RepliesForwardsViaBotAndEdits) {
  auto run = ImportText(Chat(R"j({"id": 8, "type": "message", "date_unixtime": "1692821483",
      "edited": "2023-08-23T14:00:00", "edited_unixtime": "1692824400", "from_id": "user11",
      "reply_to_message_id": 5, "forwarded_from": "Haber Kanalı", "via_bot": "@gifbot", "text": "x"})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  EXPECT_EQ(m.reply_to, "5");
  EXPECT_EQ(m.forwarded_from, "Haber Kanalı");
  EXPECT_EQ(m.via_bot, "@gifbot");
  ASSERT_TRUE(m.edited_at_utc.has_value());
  EXPECT_EQ(*m.edited_at_utc, 1692824400);
}

TEST(TelegramJsonTest, NegativeIdsAndNumericFromId) {
  auto run = ImportText(Chat(R"j({"id": -999999872, "type": "message", "date_unixtime": "1500000000",
      "from": "Eski", "from_id": 4325636679, "reply_to_message_id": -999999873, "text": "old"})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  EXPECT_EQ(m.source_id, "-999999872");
  EXPECT_EQ(m.reply_to, "-999999873");
  EXPECT_EQ(m.sender_ref, "telegram:user4325636679");
}

TEST(TelegramJsonTest, ChannelAndChatPeers) {
  auto run = ImportText(Chat(R"j({"id": 1, "type": "message", "date_unixtime": "1", "from_id": "channel77", "text": ""},
      {"id": 2, "type": "message", "date_unixtime": "2", "from_id": "chat88", "text": ""})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  EXPECT_EQ(run->sink.messages.at(0).sender_ref, "telegram:channel77");
  EXPECT_EQ(run->sink.messages.at(1).sender_ref, "telegram:chat88");
}

TEST(TelegramJsonTest, AccountsEmittedOnceAndAgainOnNameChange) {
  auto run = ImportText(Chat(R"j({"id": 1, "type": "message", "date_unixtime": "100", "from": "Ada", "from_id": "user11", "text": "a"},
      {"id": 2, "type": "message", "date_unixtime": "200", "from": "Ada", "from_id": "user11", "text": "b"},
      {"id": 3, "type": "message", "date_unixtime": "300", "from": "Ada K.", "from_id": "user11", "text": "c"},
      {"id": 4, "type": "message", "date_unixtime": "400", "from": "Ada", "from_id": "user11", "text": "d"})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  ASSERT_EQ(run->sink.accounts.size(), 2u);
  EXPECT_EQ(run->sink.accounts[0].display_name, "Ada");
  EXPECT_EQ(run->sink.accounts[0].seen_at_utc, 100);
  EXPECT_EQ(run->sink.accounts[0].locator, "/messages/0");
  EXPECT_EQ(run->sink.accounts[1].display_name, "Ada K.");
  EXPECT_EQ(run->sink.accounts[1].seen_at_utc, 300);
  EXPECT_EQ(run->summary().accounts, 1u);
}

TEST(TelegramJsonTest, RepairsBackslashXEscapes) {
  // "\x01" is Telegram's invalid escape; "\\x41" is an escaped backslash and must stay.
  const std::string json = Chat(R"j({"id": 9, "type": "message", "date_unixtime": "1", "text": "a\x01b\x1F \\x41"})j");
  auto run = ImportText(json);
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  EXPECT_EQ(run->sink.messages.at(0).text, std::string("a\x01" "b\x1F \\x41"));
  EXPECT_TRUE(HasWarning(*run, "2 \\xNN escapes"));
  // Show gives the original bytes back.
  MemFileSystem fs;
  fs.Add("/exp/result.json", json);
  auto shown = TelegramJsonImporter().Show(Source{&fs, "/exp/result.json", false}, "/messages/0/text");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(*shown, R"j("a\x01b\x1F \\x41")j");
}

TEST(TelegramJsonTest, LineSeparatorEscapesDecode) {
  auto run = ImportText(Chat(R"j({"id": 9, "type": "message", "date_unixtime": "1", "text": "a\u2028b\u2029c"})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  EXPECT_EQ(run->sink.messages.at(0).text, "a\xE2\x80\xA8" "b\xE2\x80\xA9" "c");
}

TEST(TelegramJsonTest, LegitBackslashXNeedsNoRepair) {
  auto run = ImportText(Chat(R"j({"id": 9, "type": "message", "date_unixtime": "1", "text": "C:\\xfiles"})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  EXPECT_EQ(run->sink.messages.at(0).text, "C:\\xfiles");
  EXPECT_FALSE(HasWarning(*run, "repaired"));
}

TEST(TelegramJsonTest, RepairsUnquotedDocumentId) {
  const std::string json = Chat(
      "{\"id\": 10, \"type\": \"message\", \"date_unixtime\": \"1\", \"text\": [\n"
      "    {\n     \"type\": \"custom_emoji\",\n     \"text\": \"\xF0\x9F\x98\xAE\",\n"
      "     \"document_id\": video_files/sticker (2).webm\n    },\n    \" ok\"\n   ]}");
  auto run = ImportText(json);
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  EXPECT_EQ(m.text, "\xF0\x9F\x98\xAE ok");
  ASSERT_EQ(m.entities.size(), 1u);
  EXPECT_EQ(m.entities[0].type, "custom_emoji");
  EXPECT_TRUE(HasWarning(*run, "1 unquoted document_id"));
}

TEST(TelegramJsonTest, PlaceholderSentenceIsNotExported) {
  auto run = ImportText(Chat(R"j({"id": 11, "type": "message", "date_unixtime": "1",
      "photo": "(File not included. Change data exporting settings to download.)", "text": ""},
      {"id": 12, "type": "message", "date_unixtime": "2", "file": "(File exceeds maximum size. Change data exporting settings to download.)",
       "media_type": "voice_message", "mime_type": "audio/ogg", "text": ""})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& photo = run->sink.messages.at(0).attachments.at(0);
  EXPECT_EQ(photo.kind, "photo");
  EXPECT_EQ(photo.status, AttachmentStatus::kNotExported);
  EXPECT_EQ(photo.status_detail, "(File not included. Change data exporting settings to download.)");
  EXPECT_EQ(photo.locator, "/messages/0/photo");
  const auto& voice = run->sink.messages.at(1).attachments.at(0);
  EXPECT_EQ(voice.kind, "voice_message");
  EXPECT_EQ(voice.mime_type, "audio/ogg");
  EXPECT_EQ(voice.status, AttachmentStatus::kNotExported);
  EXPECT_EQ(run->summary().attachments, 2u);
}

TEST(TelegramJsonTest, PresentAttachmentIsHashedAndThumbnailIgnored) {
  MemFileSystem fs;
  fs.Add("/exp/result.json", Chat(R"j({"id": 1, "type": "message", "date_unixtime": "1", "photo": "photos/p.jpg", "text": ""},
      {"id": 2, "type": "message", "date_unixtime": "2", "file": "files/doc.pdf", "file_name": "doc.pdf",
       "thumbnail": "files/doc.pdf_thumb.jpg", "mime_type": "application/pdf", "text": ""},
      {"id": 3, "type": "message", "date_unixtime": "3", "file": "video_files\\clip.mp4", "media_type": "video_file", "text": ""})j"));
  fs.Add("/exp/photos/p.jpg", "abc");
  fs.Add("/exp/files/doc.pdf", "");
  fs.Add("/exp/video_files/clip.mp4", "abc");
  auto run = Import(fs, "/exp", true);
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  EXPECT_EQ(run->summary().main_file, "result.json");
  const auto& photo = run->sink.messages.at(0).attachments.at(0);
  EXPECT_EQ(photo.status, AttachmentStatus::kPresent);
  ASSERT_TRUE(photo.digests.has_value());
  EXPECT_EQ(photo.digests->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(photo.digests->size_bytes, 3u);
  const auto& files = run->sink.messages.at(1).attachments;
  ASSERT_EQ(files.size(), 1u);  // the thumbnail is not an attachment
  EXPECT_EQ(files[0].kind, "file");
  EXPECT_EQ(files[0].file_name, "doc.pdf");
  EXPECT_EQ(files[0].status, AttachmentStatus::kPresent);
  EXPECT_EQ(files[0].digests->sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const auto& clip = run->sink.messages.at(2).attachments.at(0);
  EXPECT_EQ(clip.kind, "video_file");
  EXPECT_EQ(clip.status, AttachmentStatus::kPresent);  // Windows separator accepted
}

TEST(TelegramJsonTest, AbsentAttachmentIsMissing) {
  MemFileSystem fs;
  fs.Add("/exp/result.json", Chat(R"j({"id": 1, "type": "message", "date_unixtime": "1", "photo": "photos/gone.jpg", "text": ""})j"));
  auto run = Import(fs, "/exp", true);
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  EXPECT_EQ(run->sink.messages.at(0).attachments.at(0).status, AttachmentStatus::kMissing);
}

TEST(TelegramJsonTest, PathsLeavingTheFolderAreRefused) {
  MemFileSystem fs;
  fs.Add("/exp/result.json", Chat(R"j({"id": 1, "type": "message", "date_unixtime": "1", "photo": "../x", "text": ""},
      {"id": 2, "type": "message", "date_unixtime": "2", "file": "/etc/passwd", "text": ""},
      {"id": 3, "type": "message", "date_unixtime": "3", "photo": "photos/s.jpg", "text": ""})j"));
  fs.Add("/x", "outside");
  fs.Add("/secret/s.jpg", "outside");
  fs.AddSymlink("/exp/photos/s.jpg", "/secret/s.jpg");
  auto run = Import(fs, "/exp", true);
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  for (int index = 0; index < 3; ++index) {
    const auto& a = run->sink.messages.at(index).attachments.at(0);
    EXPECT_EQ(a.status, AttachmentStatus::kRefused) << index;
    EXPECT_FALSE(a.digests.has_value()) << index;
  }
  EXPECT_GE(run->diagnostics.count(), 3u);
  EXPECT_TRUE(HasWarning(*run, "../x"));
  EXPECT_TRUE(HasWarning(*run, "/etc/passwd"));
  EXPECT_TRUE(HasWarning(*run, "photos/s.jpg"));
}

TEST(TelegramJsonTest, UnixtimeAndInferredOffset) {
  auto run = ImportText(Chat(R"j({"id": 1, "type": "message", "date": "2023-08-23T13:11:23", "date_unixtime": "1692821483", "text": ""},
      {"id": 2, "type": "message", "date": "2023-08-23T13:13:20", "date_unixtime": "1692821600", "text": ""})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  EXPECT_EQ(FormatUtc(*m.sent_at_utc), "2023-08-23T20:11:23Z");
  EXPECT_EQ(m.time_basis, "unixtime");
  EXPECT_EQ(m.local_time, "2023-08-23T13:11:23");
  EXPECT_EQ(m.utc_offset_seconds, -7 * 3600);
  EXPECT_EQ(run->summary().inferred_utc_offset_seconds, -7 * 3600);
  EXPECT_NE(run->summary().time_note.find("UTC-07:00"), std::string::npos) << run->summary().time_note;
}

TEST(TelegramJsonTest, NumericUnixtimeTolerated) {
  auto run = ImportText(Chat(R"j({"id": 1, "type": "message", "date_unixtime": 1692821483, "text": ""})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  EXPECT_EQ(run->sink.messages.at(0).sent_at_utc, 1692821483);
}

const char kLegacy[] = R"j({"name": "Eski", "type": "personal_chat", "id": 77, "messages": [
  {"id": 1, "type": "message", "date": "2020-01-01T00:00:02", "from": "Cem", "from_id": 501, "text": "a"},
  {"id": 2, "type": "message", "date": "2020-07-01T12:00:00", "from": "Cem", "from_id": 501, "text": "b"}]})j";

TEST(TelegramJsonTest, LegacyWithoutUnixtimeNeedsTz) {
  auto run = ImportText(kLegacy);
  ASSERT_FALSE(run->result->ok());
  const Error& e = run->result->error();
  EXPECT_NE(e.message().find("export has no date_unixtime (Telegram Desktop before 3.7.6)"), std::string::npos);
  EXPECT_NE(e.message().find("--tz ZONE"), std::string::npos);
  EXPECT_EQ(e.where().file, "result.json");
  EXPECT_EQ(e.where().place, "/messages/0");
}

TEST(TelegramJsonTest, LegacyWithTzUsesExaminerZone) {
  auto run = ImportText(kLegacy, "Europe/Istanbul");
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  EXPECT_EQ(m.time_basis, "examiner-tz");
  EXPECT_EQ(FormatUtc(*m.sent_at_utc), "2019-12-31T21:00:02Z");
  EXPECT_EQ(m.utc_offset_seconds, 3 * 3600);
  EXPECT_NE(run->summary().time_note.find("Europe/Istanbul"), std::string::npos);
}

TEST(TelegramJsonTest, BadTzIsAnError) {
  auto run = ImportText(kLegacy, "Mars/Olympus");
  ASSERT_FALSE(run->result->ok());
}

TEST(TelegramJsonTest, MixedFileUsesInferredOffsetWithOneWarning) {
  auto run = ImportText(Chat(R"j({"id": 1, "type": "message", "date": "2022-03-08T13:07:42", "text": "a"},
      {"id": 2, "type": "message", "date": "2022-03-09T13:07:42", "text": "b"},
      {"id": 3, "type": "message", "date": "2023-08-10T23:11:02", "date_unixtime": "1691719862", "text": "c"},
      {"id": 4, "type": "message", "date_unixtime": "1691719900", "text": "d"})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& first = run->sink.messages.at(0);
  EXPECT_EQ(first.time_basis, "inferred-offset");
  EXPECT_EQ(FormatUtc(*first.sent_at_utc), "2022-03-08T16:07:42Z");
  EXPECT_EQ(first.utc_offset_seconds, -3 * 3600);
  EXPECT_EQ(run->sink.messages.at(2).time_basis, "unixtime");
  EXPECT_EQ(run->sink.messages.at(3).time_basis, "unixtime");
  EXPECT_FALSE(run->sink.messages.at(3).utc_offset_seconds.has_value());
  int notices = 0;
  for (const auto& w : run->diagnostics.warnings()) notices += w.message.find("inferred") != std::string::npos;
  EXPECT_EQ(notices, 1);
  EXPECT_EQ(run->summary().inferred_utc_offset_seconds, -3 * 3600);
}

TEST(TelegramJsonTest, MessageWithoutAnyTimeWarns) {
  auto run = ImportText(Chat(R"j({"type": "message", "from": "Anon", "text": "t"})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& m = run->sink.messages.at(0);
  EXPECT_FALSE(m.sent_at_utc.has_value());
  EXPECT_EQ(m.time_basis, "none");
  EXPECT_EQ(m.source_id, "");
  EXPECT_TRUE(HasWarning(*run, "neither date nor date_unixtime"));
}

TEST(TelegramJsonTest, ContactLocationAndPollBecomeText) {
  auto run = ImportText(Chat(R"j({"id": 1, "type": "message", "date_unixtime": "1",
       "contact_information": {"first_name": "Deniz", "last_name": "Ak", "phone_number": "+90 532 000 00 00"},
       "contact_vcard": "contacts/contact_1.vcf", "text": ""},
      {"id": 2, "type": "message", "date_unixtime": "2", "location_information": {"latitude": 41.0082, "longitude": 28.9784}, "text": ""},
      {"id": 3, "type": "message", "date_unixtime": "3", "poll": {"question": "Çay mı?", "closed": false,
       "answers": [{"text": "Evet", "voters": 1, "chosen": true}, {"text": "Hayır", "voters": 0, "chosen": false}]}, "text": ""})j"));
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& contact = run->sink.messages.at(0);
  EXPECT_EQ(contact.text, "contact: Deniz Ak +90 532 000 00 00");
  ASSERT_EQ(contact.entities.size(), 1u);
  EXPECT_EQ(contact.entities[0].type, "phone");
  EXPECT_EQ(contact.text.substr(contact.entities[0].offset, contact.entities[0].length), "+90 532 000 00 00");
  ASSERT_EQ(contact.attachments.size(), 1u);
  EXPECT_EQ(contact.attachments[0].kind, "contact_vcard");
  EXPECT_EQ(run->sink.messages.at(1).text, "location: 41.0082,28.9784");
  EXPECT_EQ(run->sink.messages.at(2).text, "poll: Çay mı?\n- Evet\n- Hayır");
}

const char kFullAccount[] = R"j({
 "about": "Here is the data you requested.",
 "personal_information": {"user_id": 9001, "first_name": "Elif", "last_name": "Yılmaz",
   "phone_number": "+90 532 123 45 67", "username": "@elif_y", "bio": "kitap"},
 "contacts": {"about": "x", "list": [
   {"user_id": 9002, "first_name": "Mert", "last_name": "", "phone_number": "+90 533 111 22 33", "date": "2022-01-01T10:00:00", "date_unixtime": "1641031200"},
   {"first_name": "Silinmiş", "last_name": "", "phone_number": "+90 534 000 00 01", "date": "2022-01-01T10:00:00"},
   {"user_id": 0, "first_name": "Sıfır", "last_name": "", "phone_number": ""}]},
 "chats": {"about": "x", "list": [
   {"name": "Mert", "type": "personal_chat", "id": 9002, "messages": [
     {"id": 1, "type": "message", "date": "2024-05-01T12:00:00", "date_unixtime": "1714554000", "from": "Elif Yılmaz", "from_id": "user9001", "text": "selam"},
     {"id": 2, "type": "message", "date": "2024-05-01T12:01:00", "date_unixtime": "1714554060", "from": "Mert", "from_id": "user9002", "text": "merhaba"}]},
   {"type": "saved_messages", "id": 9001, "messages": [
     {"id": 5, "type": "message", "date": "2024-05-02T08:00:00", "date_unixtime": "1714626000", "from": "Elif Yılmaz", "from_id": "user9001", "text": "not"}]},
   {"name": "Grup", "type": "private_group", "id": 555, "messages": []},
   {"name": "Kanal", "type": "public_channel", "id": 1234567, "messages": []}]},
 "left_chats": {"about": "x", "list": [
   {"name": "Eski Süper Grup", "type": "private_supergroup", "id": 777, "messages": [
     {"id": 3, "type": "message", "date": "2024-01-01T09:00:00", "date_unixtime": "1704088800", "from": "Elif Yılmaz", "from_id": "user9001", "text": "bye"}]}]}
})j";

TEST(TelegramJsonTest, FullAccountShape) {
  auto run = ImportText(kFullAccount);
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  const auto& s = run->summary();
  EXPECT_EQ(s.owner_ref, "telegram:user9001");
  EXPECT_EQ(s.conversations, 5u);
  EXPECT_EQ(s.messages, 4u);
  EXPECT_EQ(s.accounts, 2u);
  const auto& owner = run->sink.accounts.at(0);
  EXPECT_EQ(owner.ref, "telegram:user9001");
  EXPECT_EQ(owner.role, model::AccountRole::kOwner);
  EXPECT_EQ(owner.display_name, "Elif Yılmaz");
  EXPECT_EQ(owner.username, "elif_y");
  EXPECT_EQ(owner.phone, "+90 532 123 45 67");
  EXPECT_EQ(owner.bio, "kitap");
  EXPECT_EQ(owner.locator, "/personal_information");
  const auto& contact = run->sink.accounts.at(1);
  EXPECT_EQ(contact.ref, "telegram:user9002");
  EXPECT_EQ(contact.role, model::AccountRole::kContact);
  EXPECT_EQ(contact.display_name, "Mert");
  EXPECT_EQ(contact.phone, "+90 533 111 22 33");
  EXPECT_EQ(contact.locator, "/contacts/list/0");
  EXPECT_TRUE(HasWarning(*run, "contact without a usable user_id"));
  // Contacts without ids are skipped, and known names are not repeated for their messages.
  EXPECT_EQ(run->sink.accounts.size(), 2u);
  const auto& chats = run->sink.conversations;
  ASSERT_EQ(chats.size(), 5u);
  EXPECT_EQ(chats[0].ref, "telegram:user9002");
  EXPECT_EQ(chats[0].key, "9002");
  EXPECT_EQ(chats[0].locator, "/chats/list/0");
  EXPECT_EQ(chats[1].ref, "telegram:user9001");  // saved messages: the owner
  EXPECT_EQ(chats[1].title, "");
  EXPECT_EQ(chats[2].ref, "telegram:chat555");
  EXPECT_EQ(chats[3].ref, "telegram:channel1234567");
  EXPECT_EQ(chats[4].ref, "telegram:channel777");
  EXPECT_TRUE(chats[4].left);
  EXPECT_FALSE(chats[0].left);
  EXPECT_EQ(run->sink.messages.at(2).locator, "/chats/list/1/messages/0");
  EXPECT_EQ(run->sink.messages.at(3).locator, "/left_chats/list/0/messages/0");
  EXPECT_EQ(run->sink.messages.at(3).conversation_key, "777");
}

TEST(TelegramJsonTest, EveryLocatorShowsItsRecord) {
  MemFileSystem fs;
  fs.Add("/exp/result.json", kFullAccount);
  auto run = Import(fs, "/exp", true);
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  TelegramJsonImporter importer;
  const Source source{&fs, "/exp", true};
  for (const auto& m : run->sink.messages) {
    auto shown = importer.Show(source, m.locator);
    ASSERT_TRUE(shown.ok()) << m.locator << ": " << shown.error().ToString();
    EXPECT_EQ(shown->front(), '{');
    EXPECT_EQ(shown->back(), '}');
    EXPECT_NE(shown->find("\"id\": " + m.source_id + ","), std::string::npos) << *shown;
  }
  for (const auto& a : run->sink.accounts) {
    auto shown = importer.Show(source, a.locator);
    ASSERT_TRUE(shown.ok()) << a.locator;
    EXPECT_NE(shown->find(a.ref.substr(std::string("telegram:user").size())), std::string::npos);
  }
  for (const auto& c : run->sink.conversations) {
    auto shown = importer.Show(source, c.locator);
    ASSERT_TRUE(shown.ok()) << c.locator;
    EXPECT_NE(shown->find("\"messages\""), std::string::npos);
  }
  auto scalar = importer.Show(source, "/personal_information/phone_number");
  ASSERT_TRUE(scalar.ok());
  EXPECT_EQ(*scalar, "\"+90 532 123 45 67\"");
  auto missing = importer.Show(source, "/chats/list/99/messages/0");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind(), ErrorKind::kNotFound);
  EXPECT_FALSE(importer.Show(source, "chats").ok());
}

TEST(TelegramJsonTest, DescribeIsData) {
  const ImporterInfo info = TelegramJsonImporter().Describe();
  EXPECT_EQ(info.name, "telegram-json");
  EXPECT_EQ(info.version, "1");
  EXPECT_EQ(info.ref_prefix, "telegram:");
  ASSERT_EQ(info.patterns.size(), 1u);
  EXPECT_EQ(info.patterns[0], "result.json");
  ASSERT_EQ(info.options.size(), 1u);
  EXPECT_EQ(info.options[0].name, "tz");
  EXPECT_FALSE(info.options[0].required);
}

}  // namespace
}  // namespace casegraph::ingest
