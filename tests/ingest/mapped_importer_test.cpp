// The mapped importer end to end over in-memory exports: records and locators for JSON, JSON
// lines and CSV, the field language (first/join/each/when/templates), show, and bad input
// (no mapping, bad mapping, paths that match nothing, truncated JSON, unbalanced CSV quotes,
// invalid UTF-8, wrong types, empty files): a located Error or a warning, never a crash.
#include <gtest/gtest.h>

#include "ingest/mapped_importer.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

struct Run {
  Result<ImportSummary> summary = Error::Internal("not run");
  CaptureSink sink;
  Diagnostics diagnostics;
};

std::unique_ptr<Run> Import(const MemFileSystem& fs, const std::string& path, bool is_directory, const std::string& mapping,
                            const std::string& mapping_path = "app.toml", const std::string& tz = "") {
  auto run = std::make_unique<Run>();
  ImportOptions options;
  options.mapping_text = mapping;
  options.mapping_path = mapping_path;
  options.tz = tz;
  run->summary = MappedImporter().Import(Source{&fs, path, is_directory}, options, run->sink, run->diagnostics);
  return run;
}

bool Warned(const Diagnostics& d, const std::string& text) {
  for (const auto& w : d.warnings()) {
    if (w.message.find(text) != std::string::npos) return true;
  }
  return false;
}

constexpr const char* kRoomsMapping = R"(
platform = "app"
input = "json"
files = "*.json"
[conversations]
path = "/rooms/*"
key = "/id"
title = "/name"
[messages]
path = "/rooms/*/messages/*"
id = "/id"
sender_id = "/from/id"
sender_name = { first = ["/from/nick", "/from/name"] }
time = { path = "/t", format = "unix" }
text = "/text"
reply_to = { path = "/re", when = { path = "/re", not_equals = "0" } }
)";

constexpr const char* kRooms = R"({"rooms": [
  {"id": 7, "name": "General", "messages": [
    {"id": 123456789012345678901, "from": {"id": 90071992547409931, "name": "ana", "nick": "Ana"}, "t": 1700000000, "text": "hi", "re": 0},
    {"id": 2, "from": {"id": 5, "name": "ben"}, "t": 1700000060, "text": "hello", "re": 123456789012345678901},
    "not a record",
    null
  ]},
  {"id": "8", "name": "Empty", "messages": []}
]})";

TEST(MappedImporterTest, JsonRecordsLocatorsAndBigIds) {
  MemFileSystem fs;
  fs.Add("/x/export.json", kRooms);
  auto run = Import(fs, "/x/export.json", false, kRoomsMapping);
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().ToString();
  const auto& s = run->sink;
  ASSERT_EQ(s.conversations.size(), 2u);
  EXPECT_EQ(s.conversations[0].key, "7");
  EXPECT_EQ(s.conversations[0].ref, "app:conversation:7");
  EXPECT_EQ(s.conversations[0].title, "General");
  EXPECT_EQ(s.conversations[0].locator, "/rooms/0");
  ASSERT_EQ(s.messages.size(), 2u);
  const auto& m0 = s.messages[0];
  EXPECT_EQ(m0.source_id, "123456789012345678901");  // past 2^64, digit for digit
  EXPECT_EQ(m0.sender_ref, "app:90071992547409931");
  EXPECT_EQ(m0.sender_name, "Ana");
  EXPECT_EQ(m0.conversation_key, "7");
  EXPECT_EQ(m0.locator, "/rooms/0/messages/0");
  EXPECT_EQ(*m0.sent_at_utc, 1700000000);
  EXPECT_EQ(m0.reply_to, "");
  EXPECT_EQ(s.messages[1].reply_to, "123456789012345678901");
  ASSERT_EQ(s.accounts.size(), 2u);
  EXPECT_EQ(s.accounts[0].locator, "/rooms/0/messages/0/from");
  EXPECT_EQ(*s.accounts[0].seen_at_utc, 1700000000);
  EXPECT_TRUE(Warned(run->diagnostics, "not an object"));
  EXPECT_EQ(run->summary->messages, 2u);
  EXPECT_EQ(run->summary->main_file, "export.json");

  auto shown = MappedImporter().Show(Source{&fs, "/x/export.json", false}, "/rooms/0/messages/1");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(shown->front(), '{');
  EXPECT_NE(shown->find("\"hello\""), std::string::npos);
  EXPECT_EQ(*MappedImporter().Show(Source{&fs, "/x/export.json", false}, "/rooms/0/messages/0/id"),
            "123456789012345678901");
  EXPECT_FALSE(MappedImporter().Show(Source{&fs, "/x/export.json", false}, "/rooms/9").ok());
  EXPECT_FALSE(MappedImporter().Show(Source{&fs, "/x/export.json", false}, "line 3").ok());
}

TEST(MappedImporterTest, FolderExhibitLocatorsNameTheFile) {
  MemFileSystem fs;
  fs.Add("/x/a.json", kRooms);
  fs.Add("/x/sub/b.json", kRooms);
  fs.Add("/x/notes.txt", "ignored");
  auto run = Import(fs, "/x", true, std::string(kRoomsMapping) + "\n");
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 2u);  // "*.json" does not cross '/'
  EXPECT_EQ(run->sink.messages[0].locator, "/a.json/rooms/0/messages/0");

  std::string deep = kRoomsMapping;
  deep.replace(deep.find("files = \"*.json\""), 16, "files = [\"*.json\", \"sub/*.json\"]");
  auto both = Import(fs, "/x", true, deep);
  ASSERT_TRUE(both->summary.ok()) << both->summary.error().ToString();
  ASSERT_EQ(both->sink.messages.size(), 4u);
  EXPECT_EQ(both->sink.conversations.size(), 2u);  // the same rooms again are not repeated
  EXPECT_EQ(both->sink.messages[2].locator, "/sub~1b.json/rooms/0/messages/0");
  auto shown = MappedImporter().Show(Source{&fs, "/x", true}, "/sub~1b.json/rooms/0/messages/0/text");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(*shown, "\"hi\"");
  EXPECT_FALSE(MappedImporter().Show(Source{&fs, "/x", true}, "/..~1etc~1passwd").ok());

  deep.replace(deep.find("files = ["), 30, "files = \"*.csv\"   #                 ");
  auto none = Import(fs, "/x", true, deep);
  ASSERT_FALSE(none->summary.ok());
  EXPECT_NE(none->summary.error().message().find("no file in the folder matches"), std::string::npos);
}

TEST(MappedImporterTest, FieldLanguage) {
  MemFileSystem fs;
  fs.Add("/d/m.json", R"({"msgs": [
    {"id": "1", "kind": "chat", "who": {"id": "u1", "first": "Ana", "last": "Lima"},
     "ts": "2024-03-02 17:33", "parts": ["a", "", "b"], "tags": [{"n": "x"}, {"n": "y"}], "thread": "t9",
     "files": [{"p": "media/1.jpg"}, {"p": "https://cdn.example/2.png", "name": "2.png"}, {"other": 1}],
     "likes": [{"e": ":+1:", "by": [{"id": "u2"}, {"id": "u3"}]}], "at": [{"id": "u2", "h": "ben"}]},
    {"id": "2", "kind": "join", "who": {"id": "u2"}, "ts": "2024-03-02 17:34", "gone": "yes"}
  ]})");
  fs.Add("/d/media/1.jpg", "jpeg bytes");
  auto run = Import(fs, "/d/m.json", false, R"(
platform = "app"
input = "json"
[messages]
path = "/msgs/*"
id = "/id"
conversation = { const = "all" }
conversation_title = { const = "Everything" }
kind = { path = "/kind", map = { chat = "message", "*" = "service" } }
action = { path = "/kind", map = { chat = "" } }
sender_id = "/who/id"
sender_name = { join = ["/who/first", "/who/last"], separator = " " }
sender_ref = "app:user:{sender_id}"
time = { path = "/ts", format = "%Y-%m-%d %H:%M", zone = "+03:00" }
text = { join = [{ join = ["/parts/*"], separator = "+" }, { each = "/tags/*", item = { template = "#{/n}" }, separator = " " }], separator = " | " }
thread_root = { template = "{conversation}/{?/thread}", when = { field = "kind", equals = "message" } }
deleted = "/gone"
deleted_detail = { path = "/gone", prefix = "removed: " }
members = { each = "/tags/*", item = "/n" }
[[messages.attachments]]
path = "/files/*"
declared_path = "/p"
[messages.reactions]
path = "/likes/*"
emoji = "/e"
users = "/by/*/id"
[[messages.entities]]
path = "/at/*"
user_id = "/id"
find = ["@{/h}", { path = "/h" }]
text = { path = "/h", prefix = "@" }
[[messages.accounts]]
path = "/at/*"
id = "/id"
username = "/h"
)");
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().ToString();
  const auto& s = run->sink;
  ASSERT_EQ(s.conversations.size(), 1u);
  EXPECT_EQ(s.conversations[0].title, "Everything");
  ASSERT_EQ(s.messages.size(), 2u);
  const auto& m = s.messages[0];
  EXPECT_EQ(m.kind, "message");
  EXPECT_EQ(m.action, "");
  EXPECT_EQ(m.sender_ref, "app:user:u1");
  EXPECT_EQ(m.sender_name, "Ana Lima");
  EXPECT_EQ(*m.sent_at_utc, 1709389980);
  EXPECT_EQ(*m.utc_offset_seconds, 10800);
  EXPECT_EQ(m.local_time, "2024-03-02 17:33");
  EXPECT_EQ(m.text, "a+b | #x #y");
  EXPECT_EQ(m.thread_root, "all/t9");
  EXPECT_EQ(m.members, (std::vector<std::string>{"x", "y"}));
  EXPECT_FALSE(m.deleted);
  ASSERT_EQ(m.attachments.size(), 3u);
  EXPECT_EQ(m.attachments[0].status, model::AttachmentStatus::kPresent);
  EXPECT_EQ(m.attachments[0].file_name, "1.jpg");
  EXPECT_EQ(m.attachments[0].locator, "/msgs/0/files/0");
  EXPECT_EQ(m.attachments[1].status, model::AttachmentStatus::kNotExported);
  EXPECT_EQ(m.attachments[2].status, model::AttachmentStatus::kMissing);  // an attachment without a path
  ASSERT_EQ(m.reactions.size(), 1u);
  EXPECT_EQ(m.reactions[0].count, 2u);
  EXPECT_EQ(m.reactions[0].user_refs, (std::vector<std::string>{"app:u2", "app:u3"}));
  ASSERT_EQ(m.entities.size(), 1u);
  EXPECT_EQ(m.entities[0].user_ref, "app:u2");
  EXPECT_EQ(m.entities[0].text, "@ben");
  EXPECT_EQ(m.entities[0].length, 0u);  // not visible in the text
  const auto& join = s.messages[1];
  EXPECT_EQ(join.kind, "service");
  EXPECT_EQ(join.action, "join");
  EXPECT_EQ(join.thread_root, "");
  EXPECT_TRUE(join.deleted);
  EXPECT_EQ(join.deleted_detail, "removed: yes");
  bool ben = false;
  for (const auto& a : s.accounts) ben = ben || (a.ref == "app:u2" && a.username == "ben" && a.locator == "/msgs/0/at/0");
  EXPECT_TRUE(ben);
}

constexpr const char* kLinesMapping = R"({"platform": "app", "input": "jsonl", "messages": {
  "path": "", "id": "/id", "conversation": "/room", "sender_id": "/from",
  "time": {"path": "/at", "format": "iso8601", "zone": "examiner"}, "text": "/text"}})";

TEST(MappedImporterTest, JsonLinesWithDamageAndExaminerZone) {
  MemFileSystem fs;
  fs.Add("/l.jsonl", "{\"id\":1,\"room\":\"r\",\"from\":\"a\",\"at\":\"2024-01-01T12:00:00\",\"text\":\"one\"}\r\n"
                     "\n"
                     "{\"id\":2,\"room\":\"r\",\"from\":\"b\",\"at\":\"2024-01-01T12:01:00+01:00\",\"text\":\"two\"}\n"
                     "{\"id\":3,\"room\":\n"
                     "[1, 2]\n"
                     "{\"id\":4,\"room\":\"s\",\"from\":\"a\",\"at\":\"2024-01-01T12:02:00\",\"text\":\"fo\xC3\xBCr\"}");
  auto no_tz = Import(fs, "/l.jsonl", false, kLinesMapping, "lines.json");
  ASSERT_FALSE(no_tz->summary.ok());
  EXPECT_NE(no_tz->summary.error().message().find("--tz"), std::string::npos);

  auto run = Import(fs, "/l.jsonl", false, kLinesMapping, "lines.json", "Europe/Berlin");
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 4u);  // the array line is a record without fields
  EXPECT_EQ(run->sink.messages[0].locator, "/line:1");
  EXPECT_EQ(*run->sink.messages[0].sent_at_utc, 1704106800);  // 11:00Z
  EXPECT_EQ(run->sink.messages[0].time_basis, "examiner-tz");
  EXPECT_EQ(run->sink.messages[1].locator, "/line:3");
  EXPECT_EQ(run->sink.messages[1].time_basis, "explicit-offset");
  EXPECT_EQ(run->sink.messages[3].locator, "/line:6");
  EXPECT_EQ(run->sink.messages[3].text, "fo\xC3\xBCr");
  EXPECT_EQ(run->sink.conversations.size(), 3u);  // r, s, and the file for the id-less line
  ASSERT_GE(run->diagnostics.warnings().size(), 1u);
  EXPECT_EQ(run->diagnostics.warnings()[0].where.place, "line 4");

  const Source src{&fs, "/l.jsonl", false};
  EXPECT_EQ(*MappedImporter().Show(src, "/line:3"),
            "{\"id\":2,\"room\":\"r\",\"from\":\"b\",\"at\":\"2024-01-01T12:01:00+01:00\",\"text\":\"two\"}");
  EXPECT_EQ(*MappedImporter().Show(src, "/line:1/text"), "\"one\"");
  EXPECT_FALSE(MappedImporter().Show(src, "/line:99").ok());
  EXPECT_FALSE(MappedImporter().Show(src, "/line:x").ok());

  MemFileSystem bad;
  bad.Add("/l.jsonl", "not json\nstill not\n");
  auto all_bad = Import(bad, "/l.jsonl", false, kLinesMapping, "lines.json", "UTC");
  ASSERT_FALSE(all_bad->summary.ok());
  EXPECT_NE(all_bad->summary.error().message().find("no line is valid JSON"), std::string::npos);
}

constexpr const char* kCsvMapping = R"(
platform = "app"
input = "csv"
[csv]
delimiter = ";"
[messages]
path = ""
id = "/No"
conversation = { const = "chat" }
sender_id = "/From"
time = { path = "/When", format = "%d/%m/%Y %H:%M", zone = "utc" }
text = "/Text"
)";

TEST(MappedImporterTest, CsvRowsAndShow) {
  MemFileSystem fs;
  fs.Add("/c.csv", "No;From;When;Text\n1;a;02/03/2024 10:00;\"two\nlines; one cell\"\n2;b;02/03/2024 10:01;plain\n");
  auto run = Import(fs, "/c.csv", false, kCsvMapping);
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 2u);
  EXPECT_EQ(run->sink.messages[0].text, "two\nlines; one cell");
  EXPECT_EQ(run->sink.messages[1].locator, "/line:4");
  EXPECT_EQ(*MappedImporter().Show(Source{&fs, "/c.csv", false}, "/line:2"), "1;a;02/03/2024 10:00;\"two\nlines; one cell\"");
}

TEST(MappedImporterTest, CsvWithUnbalancedQuotesFailsWithTheLine) {
  MemFileSystem fs;
  fs.Add("/c.csv", "No;From;When;Text\n1;a;02/03/2024 10:00;ok\n2;b;02/03/2024 10:01;\"open\n3;c;02/03/2024 10:02;x\n");
  auto run = Import(fs, "/c.csv", false, kCsvMapping);
  ASSERT_FALSE(run->summary.ok());
  EXPECT_EQ(run->summary.error().where().file, "c.csv");
  EXPECT_EQ(run->summary.error().where().place, "line 3");
  EXPECT_NE(run->summary.error().message().find("unbalanced"), std::string::npos);
}

TEST(MappedImporterTest, NoMappingOrBadMapping) {
  MemFileSystem fs;
  fs.Add("/x.json", kRooms);
  auto none = Import(fs, "/x.json", false, "");
  ASSERT_FALSE(none->summary.ok());
  EXPECT_NE(none->summary.error().message().find("--mapping"), std::string::npos);

  auto unknown = Import(fs, "/x.json", false, std::string(kRoomsMapping) + "colour = \"blue\"\n", "maps/app.toml");
  ASSERT_FALSE(unknown->summary.ok());
  EXPECT_NE(unknown->summary.error().message().find("maps/app.toml"), std::string::npos);
  EXPECT_NE(unknown->summary.error().message().find("messages.colour"), std::string::npos);
  EXPECT_EQ(unknown->summary.error().where().file, "maps/app.toml");
  EXPECT_EQ(unknown->summary.error().where().place.rfind("line 17", 0), 0u) << unknown->summary.error().where().place;
}

TEST(MappedImporterTest, PathsThatMatchNothing) {
  MemFileSystem fs;
  fs.Add("/x.json", kRooms);
  std::string mapping = kRoomsMapping;
  mapping.replace(mapping.find("path = \"/rooms/*/messages/*\""), 28, "path = \"/chats/*/messages/*\"");
  mapping.replace(mapping.find("path = \"/rooms/*\""), 17, "path = \"/chats/*\"");
  auto run = Import(fs, "/x.json", false, mapping);
  ASSERT_FALSE(run->summary.ok());
  EXPECT_NE(run->summary.error().message().find("messages.path: \"/chats/*/messages/*\" matched no record"),
            std::string::npos) << run->summary.error().ToString();
  EXPECT_TRUE(Warned(run->diagnostics, "conversations.path \"/chats/*\" matched nothing"));

  // A field path that is never filled is a warning naming the mapping key.
  std::string typo = kRoomsMapping;
  typo.replace(typo.find("sender_id = \"/from/id\""), 22, "sender_id = \"/form/id\"");
  auto warned = Import(fs, "/x.json", false, typo);
  ASSERT_TRUE(warned->summary.ok());
  EXPECT_TRUE(Warned(warned->diagnostics, "messages.sender_id was empty in all 2 messages"));
}

TEST(MappedImporterTest, BadTimeFormatFailsWhenNothingParses) {
  MemFileSystem fs;
  fs.Add("/x.json", kRooms);
  std::string mapping = kRoomsMapping;
  mapping.replace(mapping.find("format = \"unix\""), 15, "format = \"iso8601\"");
  auto run = Import(fs, "/x.json", false, mapping);
  ASSERT_FALSE(run->summary.ok());
  EXPECT_NE(run->summary.error().message().find("none of 2 time values"), std::string::npos);
  EXPECT_NE(run->summary.error().message().find("1700000000"), std::string::npos);
}

TEST(MappedImporterTest, DamagedJsonIsLocated) {
  const std::string full = kRooms;
  for (size_t cut : {full.size() / 3, full.size() / 2, full.size() - 2}) {
    MemFileSystem fs;
    fs.Add("/x.json", full.substr(0, cut));
    auto run = Import(fs, "/x.json", false, kRoomsMapping);
    ASSERT_FALSE(run->summary.ok()) << cut;
    EXPECT_EQ(run->summary.error().where().file, "x.json");
    EXPECT_NE(run->summary.error().message().find("ends early"), std::string::npos) << run->summary.error().ToString();
  }
  MemFileSystem utf8;
  utf8.Add("/x.json", std::string(R"({"rooms": [{"id": 1, "messages": [{"id": 1, "t": 1, "text": "a)") + "\xC3\x28" + "\"}]}]}");
  auto bad = Import(utf8, "/x.json", false, kRoomsMapping);
  ASSERT_FALSE(bad->summary.ok());
  EXPECT_EQ(bad->summary.error().where().file, "x.json");

  for (const char* junk : {"", "   \n", "[1, 2, 3]", "\"just a string\"", "{\"rooms\": 5}", "{\"rooms\": [1, true]}"}) {
    MemFileSystem fs;
    fs.Add("/x.json", junk);
    auto run = Import(fs, "/x.json", false, kRoomsMapping);
    EXPECT_FALSE(run->summary.ok()) << junk;  // empty, or no record matched
  }
}

TEST(MappedImporterTest, NeverSniffed) {
  Probe probe;
  probe.path = "/x.json";
  probe.head = kRooms;
  const SniffResult s = MappedImporter().Sniff(probe);
  EXPECT_EQ(s.confidence, 0.0);
  EXPECT_NE(s.reason.find("--mapping"), std::string::npos);
  EXPECT_EQ(MappedImporter().Describe().name, "mapped");
}

}  // namespace
}  // namespace casegraph::ingest
