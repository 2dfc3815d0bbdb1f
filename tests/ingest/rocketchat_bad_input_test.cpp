// Damaged input for the Rocket.Chat importers (after leveldb's corruption_test): truncated
// documents at every cut point, bit flips, wrong JSON types, empty collection files, a folder
// without rocketchat_message, other files. Each gives a located Error or warnings, never a
// crash; Show never reveals a damaged users document.
#include <gtest/gtest.h>

#include <string>

#include "ingest/rocketchat_mongo.h"
#include "ingest/rocketchat_rest.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

const std::string kLines =
    R"({"_id":"m1","rid":"r","msg":"one","ts":{"$date":"2024-01-01T00:00:00Z"},"u":{"_id":"a","username":"x"},"reactions":{":a:":{"usernames":["x"]}}})" "\n"
    R"({"_id":"m2","rid":"r","msg":"two","ts":{"$date":{"$numberLong":"1704067260000"}},"u":{"_id":"b"},"_hidden":true,"parent":"m1","editedAt":{"$date":1704067260000}})" "\n"
    R"({"_id":"m3","rid":"r","msg":"three","ts":{"$date":1704067320000},"u":{"_id":"a"},"files":[{"_id":"f","name":"n","type":"image/png"}],"attachments":[{"type":"file","title_link":"/file-upload/f/n","image_dimensions":{"width":1,"height":2}}]})" "\n";

struct Run {
  CaptureSink sink;
  Diagnostics diagnostics;
  std::optional<Result<ImportSummary>> result;
};

std::unique_ptr<Run> ImportMongo(const std::string& messages, const std::string& name = "rocketchat_message.json",
                                 const std::string& users = "") {
  MemFileSystem fs;
  fs.Add("/x/" + name, messages);
  if (!users.empty()) fs.Add("/x/users.json", users);
  auto r = std::make_unique<Run>();
  r->result.emplace(RocketChatMongoImporter().Import(Source{&fs, "/x", true}, ImportOptions{}, r->sink, r->diagnostics));
  return r;
}

void ExpectLocated(const Run& r) {
  if (r.result->ok()) {
    for (const auto& w : r.diagnostics.warnings()) EXPECT_FALSE(w.where.file.empty()) << w.message;
  } else {
    EXPECT_FALSE(r.result->error().where().file.empty()) << r.result->error().ToString();
  }
}

TEST(RocketChatBadInput, TruncatedAtEveryCut) {
  for (size_t cut = 0; cut < kLines.size(); ++cut) {
    auto r = ImportMongo(kLines.substr(0, cut));
    ExpectLocated(*r);
  }
  // A cut inside the last document of each framing: the complete ones survive, with a warning.
  auto lines = ImportMongo(kLines.substr(0, kLines.size() - 20));
  ASSERT_TRUE(lines->result->ok());
  EXPECT_EQ(lines->sink.messages.size(), 1u);  // m1 (m2 is a copy of m1), m3 lost
  ASSERT_FALSE(lines->diagnostics.warnings().empty());
  EXPECT_EQ(lines->diagnostics.warnings()[0].where.place, "line 3");
  const std::string array = "[\n" + kLines.substr(0, kLines.find('\n')) + ",\n" + kLines.substr(kLines.find('\n') + 1, 40);
  auto arr = ImportMongo(array);
  ASSERT_TRUE(arr->result->ok());
  EXPECT_EQ(arr->sink.messages.size(), 1u);
  ASSERT_FALSE(arr->diagnostics.warnings().empty());
  EXPECT_EQ(arr->diagnostics.warnings()[0].where.file, "rocketchat_message.json");
}

TEST(RocketChatBadInput, BitFlips) {
  for (size_t i = 0; i < kLines.size(); ++i) {
    for (int bit : {0, 2, 5, 7}) {
      std::string flipped = kLines;
      flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
      auto r = ImportMongo(flipped);
      ExpectLocated(*r);
      MemFileSystem fs;
      fs.Add("/h.json", R"({"messages":[)" + flipped.substr(0, kLines.find('\n')) + "]}");
      CaptureSink sink;
      Diagnostics d;
      auto rest = RocketChatRestImporter().Import(Source{&fs, "/h.json", false}, ImportOptions{}, sink, d);
      if (!rest.ok()) {
        EXPECT_FALSE(rest.error().where().file.empty());
      }
    }
  }
}

TEST(RocketChatBadInput, WrongTypesAreWarnedAndSkipped) {
  auto r = ImportMongo(
      R"({"_id":"m1","rid":"r","msg":5,"ts":"yesterday","u":"a","reactions":[],"attachments":{"x":1},"files":"f","tmid":7,"_hidden":"yes"})" "\n"
      R"({"_id":["x"],"rid":"r"})" "\n"
      R"({"_id":"m3","rid":{"$oid":"5f1d7f0c9b1e8a3d4c2b1a00"},"msg":"ok","u":{"_id":{"$oid":"5f1d7f0c9b1e8a3d4c2b1a01"}}})" "\n"
      "[1,2]\n");
  ASSERT_TRUE(r->result->ok()) << r->result->error().ToString();
  ASSERT_EQ(r->sink.messages.size(), 2u);
  EXPECT_EQ(r->sink.messages[0].text, "");
  EXPECT_FALSE(r->sink.messages[0].sent_at_utc.has_value());
  EXPECT_EQ(r->sink.messages[1].conversation_key, "5f1d7f0c9b1e8a3d4c2b1a00");
  EXPECT_EQ(r->sink.messages[1].sender_ref, "rocketchat:5f1d7f0c9b1e8a3d4c2b1a01@default");
  bool saw_msg = false;
  for (const auto& w : r->diagnostics.warnings()) {
    EXPECT_EQ(w.where.file, "rocketchat_message.json");
    if (w.where.place == "line 1/msg") saw_msg = true;
  }
  EXPECT_TRUE(saw_msg);
}

TEST(RocketChatBadInput, EmptyAndMissingCollections) {
  auto empty = ImportMongo("");
  ASSERT_TRUE(empty->result->ok());
  ASSERT_FALSE(empty->diagnostics.warnings().empty());
  EXPECT_EQ(empty->diagnostics.warnings()[0].message, "empty collection file");

  auto not_json = ImportMongo("hello, not JSON\n");
  ASSERT_FALSE(not_json->result->ok());
  EXPECT_EQ(not_json->result->error().where().file, "rocketchat_message.json");

  auto all_damaged = ImportMongo("{\"_id\": \n{\"_id\":\n");
  ASSERT_FALSE(all_damaged->result->ok());
  auto lines_damaged = ImportMongo("{\"_id\": 1,}\n{\"_id\" \"x\"}\n");
  ASSERT_FALSE(lines_damaged->result->ok());
  EXPECT_EQ(lines_damaged->result->error().where().file, "rocketchat_message.json");

  // Users without messages: accounts only, and a warning.
  MemFileSystem fs;
  fs.Add("/x/users.json", R"({"_id":"a","username":"x","__rooms":[]})");
  CaptureSink sink;
  Diagnostics d;
  auto r = RocketChatMongoImporter().Import(Source{&fs, "/x", true}, ImportOptions{}, sink, d);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(sink.accounts.size(), 1u);
  EXPECT_FALSE(d.warnings().empty());

  // No collection file at all: a located Error.
  MemFileSystem other;
  other.Add("/y/result.json", "{}");
  auto none = RocketChatMongoImporter().Import(Source{&other, "/y", true}, ImportOptions{}, sink, d);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().where().file, "/y");
}

TEST(RocketChatBadInput, RestDamage) {
  for (const char* bad : {"", "[]", "{\"messages\":[{\"_id\":\"a\"", "{\"messages\":5}", "{\"x\":1}", "{\"messages\":[1,\"a\"]}"}) {
    MemFileSystem fs;
    fs.Add("/h.json", bad);
    CaptureSink sink;
    Diagnostics d;
    auto r = RocketChatRestImporter().Import(Source{&fs, "/h.json", false}, ImportOptions{}, sink, d);
    if (!r.ok()) {
      EXPECT_EQ(r.error().where().file, "/h.json") << bad;
    }
  }
}

TEST(RocketChatBadInput, DamagedUsersDocumentIsNotShown) {
  MemFileSystem fs;
  fs.Add("/x/users.json", R"({"_id":"a","services":{"password":{"bcrypt":"PLANTED"}},"name":)" "\n");
  fs.Add("/x/rocketchat_message.json", kLines);
  auto shown = RocketChatMongoImporter().Show(Source{&fs, "/x", true}, "/users.json/line/1");
  ASSERT_FALSE(shown.ok());
  EXPECT_EQ(shown.error().ToString().find("PLANTED"), std::string::npos);
}

}  // namespace
}  // namespace casegraph::ingest
