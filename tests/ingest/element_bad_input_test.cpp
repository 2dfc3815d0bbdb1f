// Damaged and hostile input for the element-json importer: empty, truncated at every cut
// point, bit flips, wrong JSON types, invalid UTF-8, deep nesting, not an object. Each gives a
// located Error or a clean import with warnings, never a crash.
#include <gtest/gtest.h>

#include "ingest/element_json.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

struct Outcome {
  Result<ImportSummary> result = Error::Internal("not run");
  CaptureSink sink;
  Diagnostics diagnostics;
};

std::unique_ptr<Outcome> ImportBytes(const std::string& bytes) {
  MemFileSystem fs;
  fs.Add("/x/export.json", bytes);
  auto out = std::make_unique<Outcome>();
  out->result = ElementJsonImporter().Import(Source{&fs, "/x/export.json", false}, ImportOptions{}, out->sink,
                                             out->diagnostics);
  return out;
}

const std::string kSample = R"({"room_name":"Ops","room_creator":"Alice","topic":"t","export_date":"1/2/2024","exported_by":"Alice",
 "messages":[
  {"type":"m.room.create","event_id":"$0","sender":"@a:s","state_key":"","room_id":"!r:s","origin_server_ts":1,"content":{}},
  {"type":"m.room.member","event_id":"$1","sender":"@a:s","state_key":"@a:s","room_id":"!r:s","origin_server_ts":2,
   "content":{"membership":"join","displayname":"Alice"}},
  {"type":"m.room.message","event_id":"$2","sender":"@a:s","room_id":"!r:s","origin_server_ts":3,
   "content":{"msgtype":"m.text","body":"hello ünïcode","format":"org.matrix.custom.html","formatted_body":"<a href=\"https://matrix.to/#/@b:s\">B</a>"}},
  {"type":"m.room.message","event_id":"$3","sender":"@a:s","room_id":"!r:s","origin_server_ts":4,
   "content":{"msgtype":"m.text","body":"* edit","m.new_content":{"body":"edit"},"m.relates_to":{"rel_type":"m.replace","event_id":"$2"}}},
  {"type":"m.room.message","event_id":"$4","sender":"@a:s","room_id":"!r:s","origin_server_ts":5,
   "content":{"msgtype":"m.image","body":"p.png","url":"mxc://s/p"}}
 ]})";

TEST(ElementBadInputTest, SampleImports) {
  auto out = ImportBytes(kSample);
  ASSERT_TRUE(out->result.ok()) << out->result.error().ToString();
  EXPECT_EQ(out->sink.messages.size(), 4u);
}

TEST(ElementBadInputTest, EmptyAndBlank) {
  for (const std::string& bytes : {std::string(), std::string("  \n\t "), std::string("\xEF\xBB\xBF")}) {
    auto out = ImportBytes(bytes);
    ASSERT_FALSE(out->result.ok());
    EXPECT_EQ(out->result.error().kind(), ErrorKind::kCorrupt);
    EXPECT_EQ(out->result.error().where().file, "export.json");
  }
}

TEST(ElementBadInputTest, TruncatedAtEveryPointGivesLocatedError) {
  for (size_t cut = 1; cut < kSample.size() - 1; ++cut) {
    auto out = ImportBytes(kSample.substr(0, cut));
    if (out->result.ok()) continue;  // cannot happen for a cut object, but never a crash
    EXPECT_FALSE(out->result.error().where().file.empty()) << cut;
    EXPECT_FALSE(out->result.error().message().empty());
  }
  auto out = ImportBytes(kSample.substr(0, kSample.find("\"* edit\"") + 4));
  ASSERT_FALSE(out->result.ok());
  EXPECT_NE(out->result.error().message().find("truncated"), std::string::npos) << out->result.error().ToString();
  EXPECT_EQ(out->result.error().where().place, "/messages/3/content/body");
}

TEST(ElementBadInputTest, BitFlipsNeverCrash) {
  for (size_t i = 0; i < kSample.size(); ++i) {
    for (int bit : {0, 5, 7}) {
      std::string damaged = kSample;
      damaged[i] = static_cast<char>(damaged[i] ^ (1 << bit));
      auto out = ImportBytes(damaged);
      if (!out->result.ok()) {
        EXPECT_FALSE(out->result.error().where().file.empty());
      }
    }
  }
}

TEST(ElementBadInputTest, WrongTypesAreWarnedOrLocated) {
  auto not_array = ImportBytes(R"({"room_name":"x","messages":{"a":1}})");
  ASSERT_FALSE(not_array->result.ok());
  EXPECT_EQ(not_array->result.error().where().place, "/messages");

  auto events = ImportBytes(R"({"room_name":"x","messages":[5,"s",null,
     {"type":7,"event_id":"$1","sender":["x"],"origin_server_ts":"yesterday","content":"text"},
     {"type":"m.room.message","event_id":"$2","sender":"@a:s","origin_server_ts":1e300,"content":{"msgtype":3,"body":{}}},
     {"type":"m.room.member","event_id":"$3","state_key":5,"content":{"membership":null,"displayname":7}}]})");
  ASSERT_TRUE(events->result.ok()) << events->result.error().ToString();
  EXPECT_EQ(events->sink.messages.size(), 3u);
  ASSERT_GE(events->diagnostics.warnings().size(), 4u);
  EXPECT_EQ(events->diagnostics.warnings()[0].where.place, "/messages/0");

  auto top = ImportBytes("[1,2,3]");
  ASSERT_FALSE(top->result.ok());
  EXPECT_EQ(top->result.error().kind(), ErrorKind::kUnsupported);
  auto nothing = ImportBytes(R"({"room_name":"x"})");
  ASSERT_FALSE(nothing->result.ok());
}

TEST(ElementBadInputTest, InvalidUtf8AndDepth) {
  std::string bad = kSample;
  bad.replace(bad.find("ünïcode"), 2, "\xC3\x28");
  auto out = ImportBytes(bad);
  ASSERT_FALSE(out->result.ok());
  EXPECT_NE(out->result.error().message().find("UTF-8"), std::string::npos);
  EXPECT_EQ(out->result.error().where().place.rfind("byte ", 0), 0u);

  std::string deep = R"({"messages":[)" + std::string(5000, '[') + std::string(5000, ']') + "]}";
  auto d = ImportBytes(deep);
  EXPECT_FALSE(d->result.ok());
}

}  // namespace
}  // namespace casegraph::ingest
