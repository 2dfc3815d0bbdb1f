// The element-json importer on small inline exports (MemFileSystem into CaptureSink): records,
// locators, edits, redactions, replies, threads, membership history, media in a folder, the
// /messages chunk form, Show; and the repository's ZIP fixtures read in place.
#include <gtest/gtest.h>

#include <map>

#include "ingest/element_json.h"
#include "ingest/source.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

struct Run {
  Result<ImportSummary> result = Error::Internal("not run");
  CaptureSink sink;
  Diagnostics diagnostics;
  const model::MessageRecord* At(const std::string& locator) const {
    for (const auto& m : sink.messages) {
      if (m.locator == locator) return &m;
    }
    return nullptr;
  }
};

std::unique_ptr<Run> ImportFs(const MemFileSystem& fs, const std::string& path, bool dir) {
  auto run = std::make_unique<Run>();
  run->result = ElementJsonImporter().Import(Source{&fs, path, dir}, ImportOptions{}, run->sink, run->diagnostics);
  return run;
}

std::unique_ptr<Run> ImportJson(const std::string& json) {
  MemFileSystem fs;
  fs.Add("/x/room.json", json);
  return ImportFs(fs, "/x/room.json", false);
}

std::string Export(const std::string& events) {
  return R"({"room_name":"R","room_creator":"@a:s","topic":"","export_date":"1/2/2024","exported_by":"@a:s","messages":[)" +
         events + "]}";
}

TEST(ElementJsonTest, EditsFoldIntoOneMessage) {
  auto run = ImportJson(Export(R"(
    {"type":"m.room.message","event_id":"$1","sender":"@a:s","room_id":"!r:s","origin_server_ts":1700000000000,
     "content":{"msgtype":"m.text","body":"first"}},
    {"type":"m.room.message","event_id":"$2","sender":"@a:s","room_id":"!r:s","origin_server_ts":1700000060000,
     "content":{"msgtype":"m.text","body":"* second","m.new_content":{"msgtype":"m.text","body":"second"},
                "m.relates_to":{"rel_type":"m.replace","event_id":"$1"}}},
    {"type":"m.room.message","event_id":"$3","sender":"@a:s","room_id":"!r:s","origin_server_ts":1700000120000,
     "content":{"msgtype":"m.text","body":"* third","m.new_content":{"msgtype":"m.text","body":"third"},
                "m.relates_to":{"rel_type":"m.replace","event_id":"$1"}}},
    {"type":"m.room.message","event_id":"$4","sender":"@b:s","room_id":"!r:s","origin_server_ts":1700000180000,
     "content":{"msgtype":"m.text","body":"bundled before"},
     "unsigned":{"m.relations":{"m.replace":{"event_id":"$5","origin_server_ts":1700000240000,"sender":"@b:s"}}}}
  )"));
  ASSERT_TRUE(run->result.ok()) << run->result.error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 2u);
  const auto& m = run->sink.messages[0];
  EXPECT_EQ(m.text, "third");
  EXPECT_EQ(m.source_id, "$1");
  ASSERT_EQ(m.edits.size(), 3u);
  EXPECT_EQ(m.edits[0].text, "first");
  EXPECT_EQ(m.edits[1].text, "second");
  EXPECT_EQ(m.edits[1].source_id, "$2");
  EXPECT_EQ(m.edits[1].locator, "/messages/1");
  EXPECT_EQ(m.edits[2].editor_ref, "matrix:@a:s");
  EXPECT_EQ(m.edited_at_utc, 1700000120);
  const auto& b = run->sink.messages[1];
  EXPECT_EQ(b.locator, "/messages/3");
  ASSERT_EQ(b.edits.size(), 2u);  // only the id and time were bundled
  EXPECT_EQ(b.edits[1].source_id, "$5");
  EXPECT_EQ(b.edits[1].locator, "/messages/3/unsigned/m.relations/m.replace");
  EXPECT_EQ(b.edited_at_utc, 1700000240);
}

TEST(ElementJsonTest, EditOfAbsentEventIsKept) {
  auto run = ImportJson(Export(R"({"type":"m.room.message","event_id":"$2","sender":"@a:s","origin_server_ts":1,
     "content":{"msgtype":"m.text","body":"* new","m.new_content":{"body":"new"},"m.relates_to":{"rel_type":"m.replace","event_id":"$gone"}}})"));
  ASSERT_TRUE(run->result.ok());
  ASSERT_EQ(run->sink.messages.size(), 1u);
  EXPECT_EQ(run->sink.messages[0].text, "new");
  EXPECT_EQ(run->sink.messages[0].reply_to, "$gone");
  EXPECT_EQ(run->sink.messages[0].edits.size(), 1u);
}

TEST(ElementJsonTest, RedactionsRepliesThreadsEncryptedReactions) {
  auto run = ImportJson(Export(R"(
    {"type":"m.room.message","event_id":"$1","sender":"@a:s","origin_server_ts":1000,"content":{"msgtype":"m.text","body":"root"}},
    {"type":"m.room.message","event_id":"$2","sender":"@b:s","origin_server_ts":2000,
     "content":{"msgtype":"m.text","body":"> <@a:s> root\n\nanswer","format":"org.matrix.custom.html",
       "formatted_body":"<mx-reply><blockquote><a href=\"https://matrix.to/#/@a:s\">@a:s</a> root</blockquote></mx-reply>answer <a href=\"https://matrix.to/#/@a:s\">A</a>",
       "m.relates_to":{"m.in_reply_to":{"event_id":"$1"}}}},
    {"type":"m.room.message","event_id":"$3","sender":"@b:s","origin_server_ts":3000,
     "content":{"msgtype":"m.text","body":"in thread","m.relates_to":{"rel_type":"m.thread","event_id":"$1",
       "is_falling_back":false,"m.in_reply_to":{"event_id":"$2"}}}},
    {"type":"m.room.message","event_id":"$4","sender":"@b:s","origin_server_ts":4000,"content":{},
     "unsigned":{"redacted_because":{"type":"m.room.redaction","sender":"@a:s","origin_server_ts":5000,"content":{"reason":"oops"}}}},
    {"type":"m.room.message","event_id":"$5","sender":"@b:s","origin_server_ts":6000,"content":{"msgtype":"m.text","body":"later gone"}},
    {"type":"m.room.redaction","event_id":"$6","sender":"@b:s","origin_server_ts":7000,"redacts":"$5","content":{}},
    {"type":"m.room.encrypted","event_id":"$7","sender":"@b:s","origin_server_ts":8000,"content":{"algorithm":"m.megolm.v1.aes-sha2","ciphertext":"x"}},
    {"type":"m.reaction","event_id":"$8","sender":"@b:s","origin_server_ts":9000,
     "content":{"m.relates_to":{"rel_type":"m.annotation","event_id":"$1","key":"+1"}}},
    {"type":"m.room.redaction","event_id":"$9","sender":"@b:s","origin_server_ts":9500,"redacts":"$elsewhere","content":{}}
  )"));
  ASSERT_TRUE(run->result.ok());
  ASSERT_EQ(run->sink.messages.size(), 7u);
  const auto* reply = run->At("/messages/1");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->text, "answer");
  EXPECT_EQ(reply->reply_to, "$1");
  ASSERT_EQ(reply->entities.size(), 1u);  // the pill inside <mx-reply> is not new text
  EXPECT_EQ(reply->entities[0].user_ref, "matrix:@a:s");
  const auto* thread = run->At("/messages/2");
  EXPECT_EQ(thread->thread_root, "$1");
  EXPECT_EQ(thread->reply_to, "$2");  // not a fallback: a real reply inside the thread
  const auto* redacted = run->At("/messages/3");
  EXPECT_TRUE(redacted->deleted);
  EXPECT_EQ(redacted->deleted_detail, "redacted by @a:s at 1970-01-01T00:00:05Z (reason: oops)");
  const auto* later = run->At("/messages/4");
  EXPECT_TRUE(later->deleted);
  EXPECT_EQ(later->text, "later gone");
  EXPECT_EQ(run->At("/messages/5"), nullptr);  // the redaction itself is folded in
  EXPECT_EQ(run->At("/messages/6")->kind, "encrypted");
  ASSERT_EQ(run->At("/messages/0")->reactions.size(), 1u);
  EXPECT_EQ(run->At("/messages/0")->reactions[0].user_refs[0], "matrix:@b:s");
  EXPECT_EQ(run->At("/messages/8")->action, "delete_message");
}

TEST(ElementJsonTest, MembershipGivesNamesOverTime) {
  auto run = ImportJson(Export(R"(
    {"type":"m.room.member","event_id":"$1","sender":"@a:s","state_key":"@a:s","origin_server_ts":1000,"content":{"membership":"join","displayname":"Ann"}},
    {"type":"m.room.message","event_id":"$2","sender":"@a:s","origin_server_ts":2000,"content":{"msgtype":"m.text","body":"hi"}},
    {"type":"m.room.member","event_id":"$3","sender":"@a:s","state_key":"@a:s","origin_server_ts":3000,
     "content":{"membership":"join","displayname":"Anna"},"unsigned":{"prev_content":{"membership":"join","displayname":"Ann"}}},
    {"type":"m.room.message","event_id":"$4","sender":"@a:s","origin_server_ts":4000,"content":{"msgtype":"m.text","body":"again"}},
    {"type":"m.room.member","event_id":"$5","sender":"@a:s","state_key":"@c:s","origin_server_ts":5000,"content":{"membership":"invite"}},
    {"type":"m.room.member","event_id":"$6","sender":"@a:s","state_key":"@c:s","origin_server_ts":6000,"content":{"membership":"leave"},
     "unsigned":{"prev_content":{"membership":"invite"}}}
  )"));
  ASSERT_TRUE(run->result.ok());
  std::vector<std::pair<std::string, std::optional<int64_t>>> names;
  for (const auto& a : run->sink.accounts) {
    if (a.ref == "matrix:@a:s") names.push_back({a.display_name, a.seen_at_utc});
  }
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0], (std::pair<std::string, std::optional<int64_t>>{"Ann", 1}));
  EXPECT_EQ(names[1], (std::pair<std::string, std::optional<int64_t>>{"Anna", 3}));
  EXPECT_EQ(run->At("/messages/1")->sender_name, "Ann");
  EXPECT_EQ(run->At("/messages/3")->sender_name, "Anna");
  EXPECT_EQ(run->At("/messages/0")->action, "join");
  EXPECT_EQ(run->At("/messages/2")->action, "change_name");
  EXPECT_EQ(run->At("/messages/2")->text, "Ann changed their display name to Anna");
  EXPECT_EQ(run->At("/messages/4")->action, "invite");
  EXPECT_EQ(run->At("/messages/5")->action, "revoke_invite");
  EXPECT_EQ(run->result->owner_ref, "matrix:@a:s");
  // Accounts come before the messages that name them: the first record is an account.
  EXPECT_EQ(run->sink.conversations.size(), 1u);
}

TEST(ElementJsonTest, FolderWithMediaIsHashed) {
  MemFileSystem fs;
  fs.Add("/exp/export.json", Export(R"(
    {"type":"m.room.message","event_id":"$1","sender":"@a:s","room_id":"!r:s","origin_server_ts":1705313530000,
     "content":{"msgtype":"m.image","body":"pic.jpg","url":"mxc://s/1","info":{"mimetype":"image/jpeg"}}},
    {"type":"m.room.message","event_id":"$2","sender":"@a:s","room_id":"!r:s","origin_server_ts":1705313540000,
     "content":{"msgtype":"m.file","body":"../../etc/passwd","url":"mxc://s/2"}},
    {"type":"m.room.message","event_id":"$3","sender":"@a:s","room_id":"!r:s","origin_server_ts":1705313550000,
     "content":{"msgtype":"m.image","body":"pic.jpg","filename":"pic.jpg","url":"mxc://s/3"}},
    {"type":"m.room.message","event_id":"$4","sender":"@a:s","room_id":"!r:s","origin_server_ts":1705313560000,
     "content":{"msgtype":"m.image","body":"a caption","filename":"cap.png","url":"mxc://s/4"}}
  )"));
  fs.Add("/exp/images/pic-1-15-2024 at 10-12-10 AM.jpg", "jpeg bytes");
  auto run = ImportFs(fs, "/exp", true);
  ASSERT_TRUE(run->result.ok()) << run->result.error().ToString();
  EXPECT_EQ(run->result->main_file, "export.json");
  ASSERT_EQ(run->sink.messages.size(), 4u);
  const auto& a = run->sink.messages[0].attachments.at(0);
  EXPECT_EQ(a.status, model::AttachmentStatus::kPresent);
  EXPECT_EQ(a.kind, "photo");
  EXPECT_EQ(a.declared_path, "mxc://s/1");
  EXPECT_EQ(a.locator, "/messages/0/content");
  ASSERT_TRUE(a.digests.has_value());
  EXPECT_EQ(a.digests->size_bytes, 10u);
  EXPECT_EQ(a.status_detail, "images/pic-1-15-2024 at 10-12-10 AM.jpg");
  EXPECT_NE(run->sink.messages[1].attachments.at(0).status, model::AttachmentStatus::kPresent);
  EXPECT_EQ(run->sink.messages[2].attachments.at(0).status, model::AttachmentStatus::kNotExported);  // already linked
  EXPECT_EQ(run->sink.messages[2].text, "");
  EXPECT_EQ(run->sink.messages[3].text, "a caption");
  EXPECT_EQ(run->sink.messages[3].attachments.at(0).file_name, "cap.png");
  auto shown = ElementJsonImporter().Show(Source{&fs, "/exp", true}, "/messages/1/content/body");
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(*shown, "\"../../etc/passwd\"");
}

TEST(ElementJsonTest, MessagesChunkIsImported) {
  auto run = ImportJson(R"({"chunk":[{"type":"m.room.message","event_id":"$1","sender":"@a:s","room_id":"!r:s",
    "origin_server_ts":5,"content":{"msgtype":"m.text","body":"x"}}],"start":"t1","end":"t2"})");
  ASSERT_TRUE(run->result.ok());
  ASSERT_EQ(run->sink.messages.size(), 1u);
  EXPECT_EQ(run->sink.messages[0].locator, "/chunk/0");
  EXPECT_EQ(run->sink.conversations[0].ref, "matrix:!r:s");
  EXPECT_EQ(run->sink.conversations[0].key, "!r:s");
}

TEST(ElementJsonTest, RepositoryZipIsReadInPlaceAndShowResolves) {
  const std::string zip = testing::RepoFixture("element/media_room.zip");
  auto opened = OpenSource(RealFileSystem(), zip);
  ASSERT_TRUE(opened.ok());
  ASSERT_TRUE(opened->source.in_zip);
  CaptureSink sink;
  Diagnostics diagnostics;
  auto summary = ElementJsonImporter().Import(opened->source, ImportOptions{}, sink, diagnostics);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary->main_file, "matrix - Media room - Chat Export - 2024-01-15T10-30-00.000Z/export.json");
  EXPECT_EQ(summary->messages, 9u);
  EXPECT_EQ(summary->owner_ref, "matrix:@bob:example.org");  // exported_by "Bob", one member of that name
  auto shown = ElementJsonImporter().Show(opened->source, "/messages/7");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_NE(shown->find("mxc://example.org/ImgWb15"), std::string::npos);
  // The two images with one body are told apart by their seconds.
  EXPECT_EQ(sink.messages[3].attachments[0].status_detail.substr(0, 18), "images/whiteboard-");
  EXPECT_NE(sink.messages[3].attachments[0].status_detail, sink.messages[7].attachments[0].status_detail);
  EXPECT_NE(sink.messages[7].attachments[0].status_detail.find("10-15-20"), std::string::npos);
}

TEST(ElementJsonTest, FullRoomFixtureFieldsTheStoreDoesNotShow) {
  const std::string path =
      testing::RepoFixture("element/matrix - Ops room - Chat Export - 2024-02-01T10-22-03.114Z.json");
  CaptureSink sink;
  Diagnostics diagnostics;
  auto summary = ElementJsonImporter().Import(Source{&RealFileSystem(), path, false}, ImportOptions{}, sink, diagnostics);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(diagnostics.warnings().size(), 0u);
  EXPECT_EQ(summary->owner_ref, "matrix:@alice:example.org");
  std::map<std::string, const model::MessageRecord*> at;
  for (const auto& m : sink.messages) at[m.locator] = &m;
  EXPECT_EQ(at["/messages/8"]->reply_to, "$ev07");
  EXPECT_EQ(at["/messages/19"]->thread_root, "$ev18");
  EXPECT_EQ(at["/messages/19"]->reply_to, "");  // is_falling_back
  ASSERT_EQ(at["/messages/20"]->edits.size(), 2u);
  EXPECT_EQ(at["/messages/20"]->edits[0].text, "The call is at 10:30.");
  EXPECT_EQ(at["/messages/20"]->edits[1].source_id, "$ev21");
  EXPECT_EQ(at.count("/messages/21"), 0u);
  ASSERT_EQ(at["/messages/22"]->edits.size(), 2u);
  EXPECT_EQ(at["/messages/22"]->edits[1].source_id, "$ev22edit");
  EXPECT_TRUE(at["/messages/23"]->deleted);
  EXPECT_EQ(at["/messages/23"]->deleted_detail, "redacted by @alice:example.org at 2024-01-15T10:24:00Z (reason: off topic)");
  EXPECT_TRUE(at["/messages/24"]->deleted);
  EXPECT_EQ(at["/messages/24"]->deleted_detail, "redacted by @bob:example.org at 2024-01-15T10:27:00Z");
  ASSERT_EQ(at["/messages/7"]->reactions.size(), 1u);
  EXPECT_EQ(at["/messages/7"]->reactions[0].emoji, "\xF0\x9F\x91\x8D");
  ASSERT_EQ(at["/messages/11"]->entities.size(), 1u);
  EXPECT_EQ(at["/messages/11"]->entities[0].user_ref, "matrix:@carol:example.org");
  EXPECT_EQ(at["/messages/16"]->text, "Meeting point\ngeo:52.5200,13.4050");
  EXPECT_EQ(at["/messages/15"]->attachments.at(0).kind, "voice_message");
  EXPECT_EQ(at["/messages/30"]->sender_name, "Carol M.");
  EXPECT_EQ(at["/messages/10"]->sender_name, "Carol");
  EXPECT_EQ(sink.conversations.at(0).title, "Ops room");
  EXPECT_EQ(sink.conversations.at(0).ref, "matrix:!opsRoom01:example.org");
}

TEST(ElementJsonTest, RefusesHtmlTextAndSingleEvents) {
  MemFileSystem fs;
  fs.Add("/e/index.html", "<html><body><div class=\"mx_RoomView\"><li class=\"mx_EventTile\"></li></div></body></html>");
  auto html = ImportFs(fs, "/e", true);
  ASSERT_FALSE(html->result.ok());
  EXPECT_EQ(html->result.error().kind(), ErrorKind::kUnsupported);
  EXPECT_NE(html->result.error().message().find("Element's HTML export; re-export as JSON"), std::string::npos);
  auto single = ImportJson(R"({"type":"m.room.member","event_id":"$1","sender":"@a:s","content":{}})");
  ASSERT_FALSE(single->result.ok());
  EXPECT_NE(single->result.error().message().find("a single Matrix event, not a chat export"), std::string::npos);
}

}  // namespace
}  // namespace casegraph::ingest
