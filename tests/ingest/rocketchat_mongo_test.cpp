// rocketchat-mongo: the three framings, Extended JSON dates, and the mapping of users, rooms
// and messages (edits with hidden copies, the deletion forms, threads, reactions, uploads,
// quotes, system messages), with locators and Show, through an in-memory folder.
#include <gtest/gtest.h>

#include <string>

#include "ingest/rocketchat_ejson.h"
#include "ingest/rocketchat_framing.h"
#include "ingest/rocketchat_mongo.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

struct Imported {
  CaptureSink sink;
  Diagnostics diagnostics;
  std::optional<Result<ImportSummary>> result;
  const model::MessageRecord* ById(const std::string& id) const {
    for (const auto& m : sink.messages) {
      if (m.source_id == id) return &m;
    }
    return nullptr;
  }
};

std::unique_ptr<Imported> ImportFolder(const MemFileSystem& fs, const std::string& dir = "/x",
                                       const std::string& instance = "") {
  auto out = std::make_unique<Imported>();
  ImportOptions options;
  options.instance = instance;
  out->result.emplace(RocketChatMongoImporter().Import(Source{&fs, dir, true}, options, out->sink, out->diagnostics));
  return out;
}

const char* kUser =
    R"({"_id":"u1","username":"one","name":"User One","emails":[{"address":"one@example.org"}],"bio":"Bio text",)"
    R"("statusText":"Away","customFields":{"phone":"+44 7700 900123","dept":"Archive"},)"
    R"("services":{"password":{"bcrypt":"$2b$10$PLANTEDHASH"},"resume":{"loginTokens":[{"hashedToken":"PLANTEDTOKEN"}]}}})";

TEST(RocketChatFraming, DetectsEachFraming) {
  EXPECT_EQ(DetectFraming("{\"a\":1}\n{\"a\":2}\n"), Framing::kLines);
  EXPECT_EQ(DetectFraming("[{\"a\":1},{\"a\":2}]"), Framing::kArray);
  EXPECT_EQ(DetectFraming("{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}\n"), Framing::kConcatenated);
  EXPECT_EQ(DetectFraming(" \n\t"), Framing::kEmpty);
  EXPECT_EQ(DetectFraming("hello"), Framing::kUnknown);
}

TEST(RocketChatFraming, BracesInsideStringsDoNotSplit) {
  const std::string text = "{\n \"msg\": \"a } and \\\" { here\"\n}\n{\n \"msg\": \"b\"\n}";
  Diagnostics d;
  std::vector<std::string> docs;
  ForEachDocument(text, "f", d, [&](const FramedDocument& doc) { docs.emplace_back(doc.json); });
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1], "{\n \"msg\": \"b\"\n}");
  EXPECT_TRUE(d.warnings().empty());
}

TEST(RocketChatEjson, ThreeDateFormsAgree) {
  simdjson::dom::parser parser;
  for (const char* json : {R"({"$date":"2024-01-31T12:00:00.000Z"})", R"({"$date":{"$numberLong":"1706702400000"}})",
                           R"({"$date":1706702400000})", R"("2024-01-31T12:00:00.000Z")",
                           R"({"$date":"2024-01-31T14:00:00+02:00"})"}) {
    simdjson::dom::element e;
    ASSERT_FALSE(parser.parse(std::string(json)).get(e)) << json;
    auto ms = rocketchat::DateMillis(e);
    ASSERT_TRUE(ms.has_value()) << json;
    EXPECT_EQ(*ms, 1706702400000) << json;
  }
  simdjson::dom::element e;
  ASSERT_FALSE(parser.parse(std::string(R"({"$numberLong":"-5"})")).get(e));
  EXPECT_EQ(rocketchat::Int64(e), -5);
  ASSERT_FALSE(parser.parse(std::string(R"({"$oid":"5f1d7f0c9b1e8a3d4c2b1a00"})")).get(e));
  EXPECT_EQ(rocketchat::IdText(e), "5f1d7f0c9b1e8a3d4c2b1a00");
  EXPECT_EQ(rocketchat::MillisToSeconds(-1), -1);
}

TEST(RocketChatMongo, UsersRoomsAndMessagesInJsonLines) {
  MemFileSystem fs;
  fs.Add("/x/rocketchat.users.json", std::string(kUser) + "\n");
  fs.Add("/x/rocketchat.rocketchat_room.json",
         R"({"_id":"r1","t":"d","usernames":["one","two"],"uids":["u1","u2"]})" "\n"
         R"({"_id":"r2","t":"p","fname":"Side","prid":"r3"})" "\n"
         R"({"_id":"r3","t":"c","name":"general"})" "\n"
         R"({"_id":"r4","t":"l","fname":"Visitor"})" "\n");
  fs.Add("/x/rocketchat.rocketchat_message.json",
         R"({"_id":"m1","rid":"r1","msg":"hi @two","ts":{"$date":"2024-01-01T00:00:00Z"},"u":{"_id":"u1","username":"one","name":"User One"},"mentions":[{"_id":"u2","username":"two"}],"reactions":{":smile:":{"usernames":["two","ghost"]}}})" "\n"
         R"({"_id":"m2","rid":"r1","tmid":"m1","msg":"reply","ts":{"$date":{"$numberLong":"1704067260000"}},"u":{"_id":"u2","username":"two"}})" "\n"
         R"({"_id":"m3","rid":"r3","t":"au","msg":"two","ts":{"$date":1704067320000},"u":{"_id":"u1","username":"one"}})" "\n");
  auto r = ImportFolder(fs, "/x", "chat.example.org");
  ASSERT_TRUE(r->result->ok()) << r->result->error().ToString();
  ASSERT_EQ(r->sink.accounts.size(), 2u);
  const auto& one = r->sink.accounts[0];
  EXPECT_EQ(one.ref, "rocketchat:u1@chat.example.org");
  EXPECT_EQ(one.display_name, "User One");
  EXPECT_EQ(one.username, "one");
  EXPECT_EQ(one.phone, "+44 7700 900123");
  EXPECT_NE(one.bio.find("e-mail: one@example.org"), std::string::npos);
  EXPECT_NE(one.bio.find("status: Away"), std::string::npos);
  EXPECT_NE(one.bio.find("dept: Archive"), std::string::npos);
  EXPECT_EQ(one.bio.find("PLANTED"), std::string::npos);
  EXPECT_EQ(one.locator, "/rocketchat.users.json/line/1");
  ASSERT_EQ(r->sink.conversations.size(), 4u);
  EXPECT_EQ(r->sink.conversations[0].kind, "direct");
  EXPECT_EQ(r->sink.conversations[0].title, "one, two");
  EXPECT_EQ(r->sink.conversations[0].ref, "rocketchat:room:r1@chat.example.org");
  EXPECT_EQ(r->sink.conversations[1].kind, "private_group");
  EXPECT_NE(r->sink.conversations[1].title.find("discussion in room r3"), std::string::npos);
  EXPECT_EQ(r->sink.conversations[2].kind, "channel");
  EXPECT_EQ(r->sink.conversations[3].kind, "livechat");
  ASSERT_EQ(r->sink.messages.size(), 3u);
  const auto& m1 = r->sink.messages[0];
  EXPECT_EQ(m1.locator, "/rocketchat.rocketchat_message.json/line/1");
  EXPECT_EQ(m1.sent_at_utc, 1704067200);
  EXPECT_EQ(m1.sender_ref, "rocketchat:u1@chat.example.org");
  ASSERT_EQ(m1.entities.size(), 1u);
  EXPECT_EQ(m1.entities[0].offset, 3u);
  EXPECT_EQ(m1.entities[0].user_ref, "rocketchat:u2@chat.example.org");
  ASSERT_EQ(m1.reactions.size(), 1u);
  EXPECT_EQ(m1.reactions[0].emoji, ":smile:");
  EXPECT_EQ(m1.reactions[0].count, 2u);
  EXPECT_EQ(m1.reactions[0].user_refs, (std::vector<std::string>{"rocketchat:u2@chat.example.org", "@ghost"}));
  EXPECT_EQ(r->sink.messages[1].thread_root, "m1");
  EXPECT_EQ(r->sink.messages[1].sent_at_utc, 1704067260);
  EXPECT_EQ(r->sink.messages[2].kind, "service");
  EXPECT_EQ(r->sink.messages[2].action, "au");
  EXPECT_EQ(r->sink.messages[2].members, (std::vector<std::string>{"two"}));
  EXPECT_EQ(r->sink.messages[2].sent_at_utc, 1704067320);
  EXPECT_TRUE(r->diagnostics.warnings().empty());
}

TEST(RocketChatMongo, EditsAndDeletionForms) {
  MemFileSystem fs;
  fs.Add("/x/rocketchat_message.json",
         // An edited message whose two earlier versions come after it, out of order.
         R"({"_id":"e1","rid":"r","msg":"v3","ts":{"$date":"2024-01-01T00:00:00Z"},"u":{"_id":"a"},"editedAt":{"$date":"2024-01-01T00:02:00Z"},"editedBy":{"_id":"a","username":"ay"}})" "\n"
         R"({"_id":"c2","rid":"r","msg":"v2","ts":{"$date":"2024-01-01T00:00:00Z"},"u":{"_id":"a"},"_hidden":true,"parent":"e1","editedAt":{"$date":"2024-01-01T00:02:00Z"},"editedBy":{"_id":"a"}})" "\n"
         R"({"_id":"c1","rid":"r","msg":"v1","ts":{"$date":"2024-01-01T00:00:00Z"},"u":{"_id":"a"},"_hidden":true,"parent":"e1","editedAt":{"$date":"2024-01-01T00:01:00Z"},"editedBy":{"_id":"a"}})" "\n"
         // A tombstone, with its pre-deletion copy before it.
         R"({"_id":"c3","rid":"r","msg":"secret plan","ts":{"$date":"2024-01-02T00:00:00Z"},"u":{"_id":"a"},"_hidden":true,"parent":"d1","editedAt":{"$date":"2024-01-02T00:05:00Z"},"editedBy":{"_id":"b"}})" "\n"
         R"({"_id":"d1","t":"rm","rid":"r","msg":"","ts":{"$date":"2024-01-02T00:00:00Z"},"u":{"_id":"a"},"editedAt":{"$date":"2024-01-02T00:05:00Z"},"editedBy":{"_id":"b","username":"bee"}})" "\n"
         // Hidden without parent; and a copy whose message is gone.
         R"({"_id":"h1","rid":"r","msg":"kept","ts":{"$date":"2024-01-03T00:00:00Z"},"u":{"_id":"a"},"_hidden":true})" "\n"
         R"({"_id":"c4","rid":"r","msg":"orphan text","ts":{"$date":"2024-01-04T00:00:00Z"},"u":{"_id":"a"},"_hidden":true,"parent":"gone"})" "\n");
  fs.Add("/x/rocketchat__trash.json",
         R"([{"_id":"t1","rid":"r","msg":"trashed","ts":{"$date":"2024-01-05T00:00:00Z"},"u":{"_id":"a"},"_deletedAt":{"$date":"2024-01-06T00:00:00Z"},"__collection__":"rocketchat_message"},)"
         R"({"_id":"x","__collection__":"users","_deletedAt":{"$date":"2024-01-06T00:00:00Z"}}])");
  auto r = ImportFolder(fs);
  ASSERT_TRUE(r->result->ok()) << r->result->error().ToString();
  ASSERT_EQ(r->sink.messages.size(), 5u);  // e1, d1, h1, t1, gone — never the copies
  const auto* e1 = r->ById("e1");
  ASSERT_NE(e1, nullptr);
  EXPECT_EQ(e1->text, "v3");
  EXPECT_EQ(e1->edited_at_utc, 1704067320);
  ASSERT_EQ(e1->edits.size(), 2u);
  EXPECT_EQ(e1->edits[0].text, "v1");
  EXPECT_EQ(e1->edits[0].edited_at_utc, 1704067260);
  EXPECT_EQ(e1->edits[0].source_id, "c1");
  EXPECT_EQ(e1->edits[0].locator, "/rocketchat_message.json/line/3");
  EXPECT_EQ(e1->edits[1].text, "v2");
  EXPECT_FALSE(e1->deleted);
  const auto* d1 = r->ById("d1");
  ASSERT_NE(d1, nullptr);
  EXPECT_TRUE(d1->deleted);
  EXPECT_NE(d1->deleted_detail.find("bee"), std::string::npos);
  ASSERT_EQ(d1->edits.size(), 1u);
  EXPECT_EQ(d1->edits[0].text, "secret plan");
  EXPECT_EQ(d1->edits[0].editor_ref, "rocketchat:b@default");
  const auto* h1 = r->ById("h1");
  ASSERT_NE(h1, nullptr);
  EXPECT_TRUE(h1->deleted);
  EXPECT_EQ(h1->text, "kept");
  const auto* t1 = r->ById("t1");
  ASSERT_NE(t1, nullptr);
  EXPECT_TRUE(t1->deleted);
  EXPECT_NE(t1->deleted_detail.find("rocketchat__trash"), std::string::npos);
  EXPECT_EQ(t1->locator, "/rocketchat__trash.json/0");
  const auto* gone = r->ById("gone");
  ASSERT_NE(gone, nullptr);
  EXPECT_TRUE(gone->deleted);
  EXPECT_EQ(gone->text, "orphan text");
  EXPECT_EQ(gone->locator, "/rocketchat_message.json/line/7");
  ASSERT_EQ(gone->edits.size(), 1u);
  // The room never described by a document still arrives before its messages.
  ASSERT_EQ(r->sink.conversations.size(), 1u);
  EXPECT_EQ(r->sink.conversations[0].kind, "unknown");
}

TEST(RocketChatMongo, UploadsAndQuotes) {
  MemFileSystem fs;
  fs.Add("/x/rocketchat_uploads.json",
         R"({"_id":"f1","name":"a.png","type":"image/png","size":{"$numberLong":"99"},"store":"GridFS:Uploads","path":"/ufs/GridFS:Uploads/f1/a.png"})" "\n");
  fs.Add("/x/rocketchat_message.json",
         R"({"_id":"m1","rid":"r","msg":"","ts":{"$date":"2024-01-01T00:00:00Z"},"u":{"_id":"a"},"file":{"_id":"f1","name":"a.png","type":"image/png"},"files":[{"_id":"f1","name":"a.png","type":"image/png"}],"attachments":[{"type":"file","title":"a.png","title_link":"/file-upload/f1/a.png","image_type":"image/png","image_size":99,"image_dimensions":{"width":2,"height":3}}]})" "\n"
         R"({"_id":"m2","rid":"r","msg":"see","ts":{"$date":"2024-01-01T00:01:00Z"},"u":{"_id":"a"},"attachments":[{"text":"quoted","message_link":"https://chat.example.org/group/g?msg=m1"},{"type":"file","title":"b.txt","title_link":"/file-upload/f9/b.txt"}]})" "\n");
  fs.Add("/x/uploads/f1", "PNGBYTES");
  auto r = ImportFolder(fs);
  ASSERT_TRUE(r->result->ok()) << r->result->error().ToString();
  ASSERT_EQ(r->sink.messages.size(), 2u);
  const auto& m1 = r->sink.messages[0];
  ASSERT_EQ(m1.attachments.size(), 1u);
  EXPECT_EQ(m1.attachments[0].kind, "photo");
  EXPECT_EQ(m1.attachments[0].file_name, "a.png");
  EXPECT_EQ(m1.attachments[0].locator, "/rocketchat_message.json/line/1/files/0");
  EXPECT_EQ(m1.attachments[0].status, model::AttachmentStatus::kPresent);  // uploads/<id> holds the bytes
  const auto& m2 = r->sink.messages[1];
  EXPECT_EQ(m2.reply_to, "m1");
  ASSERT_EQ(m2.attachments.size(), 1u);
  EXPECT_EQ(m2.attachments[0].status, model::AttachmentStatus::kMissing);  // not in rocketchat_uploads
  EXPECT_EQ(m2.attachments[0].declared_path, "/file-upload/f9/b.txt");
  ASSERT_FALSE(m2.entities.empty());
  EXPECT_EQ(m2.entities[0].type, "quote");
}

TEST(RocketChatMongo, UploadsWithoutBytesAreNotExported) {
  MemFileSystem fs;
  fs.Add("/x/rocketchat_uploads.json",
         R"({"_id":"f1","name":"a.pdf","type":"application/pdf","size":5,"store":"FileSystem:Uploads","path":"/ufs/FileSystem:Uploads/f1/a.pdf"})");
  fs.Add("/x/rocketchat_message.json",
         R"({"_id":"m1","rid":"r","msg":"","ts":{"$date":"2024-01-01T00:00:00Z"},"u":{"_id":"a"},"files":[{"_id":"f1","name":"a.pdf","type":"application/pdf"}]})");
  auto r = ImportFolder(fs);
  ASSERT_TRUE(r->result->ok());
  const auto& a = r->sink.messages.at(0).attachments.at(0);
  EXPECT_EQ(a.status, model::AttachmentStatus::kNotExported);
  EXPECT_EQ(a.declared_path, "/ufs/FileSystem:Uploads/f1/a.pdf");
  EXPECT_NE(a.status_detail.find("FileSystem:Uploads"), std::string::npos);
}

TEST(RocketChatMongo, PrettyAndArrayFramingsGiveIndexLocators) {
  MemFileSystem fs;
  fs.Add("/x/messages.json", "{\n  \"_id\": \"p0\",\n  \"rid\": \"r\",\n  \"msg\": \"a\",\n  \"u\": {\"_id\": \"a\"}\n}\n"
                             "{\n  \"_id\": \"p1\",\n  \"rid\": \"r\",\n  \"msg\": \"b\",\n  \"u\": {\"_id\": \"a\"}\n}\n");
  fs.Add("/x/rooms.json", R"([{"_id":"r","t":"c","name":"n"}])");
  auto r = ImportFolder(fs);
  ASSERT_TRUE(r->result->ok());
  ASSERT_EQ(r->sink.messages.size(), 2u);
  EXPECT_EQ(r->sink.messages[1].locator, "/messages.json/1");
  EXPECT_EQ(r->sink.messages[1].time_basis, "none");
  EXPECT_EQ(r->sink.conversations[0].locator, "/rooms.json/0");
  const Source source{&fs, "/x", true};
  auto shown = RocketChatMongoImporter().Show(source, "/messages.json/1");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(*shown, "{\n  \"_id\": \"p1\",\n  \"rid\": \"r\",\n  \"msg\": \"b\",\n  \"u\": {\"_id\": \"a\"}\n}");
  auto inner = RocketChatMongoImporter().Show(source, "/messages.json/1/u");
  ASSERT_TRUE(inner.ok());
  EXPECT_EQ(*inner, "{\"_id\": \"a\"}");
  EXPECT_FALSE(RocketChatMongoImporter().Show(source, "/messages.json/7").ok());
  EXPECT_FALSE(RocketChatMongoImporter().Show(source, "/../etc/passwd/1").ok());
}

TEST(RocketChatMongo, ShowRedactsServices) {
  MemFileSystem fs;
  fs.Add("/x/users.json", std::string("\n") + kUser + "\n");
  fs.Add("/x/rocketchat_message.json", "");
  const Source source{&fs, "/x", true};
  auto shown = RocketChatMongoImporter().Show(source, "/users.json/line/2");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(shown->find("PLANTED"), std::string::npos) << *shown;
  EXPECT_NE(shown->find("\"services\":\"[redacted by casegraph"), std::string::npos) << *shown;
  EXPECT_NE(shown->find("one@example.org"), std::string::npos);
  EXPECT_FALSE(RocketChatMongoImporter().Show(source, "/users.json/line/2/services").ok());
  EXPECT_FALSE(RocketChatMongoImporter().Show(source, "/users.json/line/2/services/password/bcrypt").ok());
}

}  // namespace
}  // namespace casegraph::ingest
