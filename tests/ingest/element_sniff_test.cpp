// Sniffing Element exports against each other's forms and against Telegram's.
#include <gtest/gtest.h>

#include "ingest/element_json.h"
#include "ingest/registry.h"
#include "ingest/source.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

Probe FileProbe(const std::string& path, const std::string& head) {
  Probe p;
  p.path = path;
  p.head = head;
  return p;
}

double Score(const Probe& p) { return ElementJsonImporter().Sniff(p).confidence; }

TEST(ElementSniffTest, JsonForms) {
  EXPECT_GE(Score(FileProbe("/e/matrix - R - Chat Export - 2024-01-01T00-00-00.000Z.json",
                            "{\n  \"room_name\": \"R\",\n  \"room_creator\": \"A\",\n  \"messages\": [")), 0.95);
  EXPECT_GE(Score(FileProbe("/e/x.json", R"({"chunk":[{"event_id":"$1","origin_server_ts":1}]})")), 0.8);
  EXPECT_GE(Score(FileProbe("/e/x.json", R"({"content":{},"event_id":"$1","sender":"@a:s","type":"m.room.message"})")), 0.85);
  EXPECT_EQ(Score(FileProbe("/e/result.json", R"({"name":"x","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message","date_unixtime":"1"}]})")), 0);
  EXPECT_EQ(Score(FileProbe("/e/x.json", "")), 0);
}

TEST(ElementSniffTest, RefusedFormsAreClaimed) {
  EXPECT_GE(Score(FileProbe("/e/index.html", "\n   <!DOCTYPE html><html><head><title>Exported Data</title></head>"
                                             "<body><div class=\"mx_MatrixChat\">")), 0.85);
  EXPECT_GE(Score(FileProbe("/e/matrix - R - Chat Export - 2024-01-01T00-00-00.000Z.txt", "17/11/2022, 16:58:32 - A: hi\n")), 0.85);
  EXPECT_GE(Score(FileProbe("/e/chat.txt", "17/11/2022, 16:58:32 - Alice created and configured the room.\n"
                                           "17/11/2022, 16:59:00 - Alice: hello\n")), 0.85);
  // WhatsApp's Android lines (no seconds) are not Element's.
  EXPECT_EQ(Score(FileProbe("/e/chat.txt", "17/11/2022, 16:58 - Alice: hello\n17/11/2022, 16:59 - Bob: hi\n")), 0);
  EXPECT_EQ(Score(FileProbe("/e/messages.html", "<!DOCTYPE html><html><head><title>Exported Data</title></head>"
                                                "<body><div class=\"page_body chat_page\">")), 0);
}

TEST(ElementSniffTest, Folders) {
  Probe zip;
  zip.path = "/e/export.zip";
  zip.is_directory = zip.in_zip = true;
  zip.top_names = {"matrix - R - Chat Export - 2024-01-01T00-00-00.000Z"};
  EXPECT_GE(Score(zip), 0.85);
  Probe flat;
  flat.path = "/e/x";
  flat.is_directory = true;
  flat.top_names = {"export.json", "images"};
  flat.files = {{"export.json", "{\"room_name\":\"R\",\"messages\":[]}"}};
  EXPECT_GE(Score(flat), 0.95);
  Probe other;
  other.path = "/e/y";
  other.is_directory = true;
  other.top_names = {"result.json"};
  EXPECT_EQ(Score(other), 0);
}

TEST(ElementSniffTest, AutoDetectionPicksElementForEveryRepositoryFixture) {
  for (const char* rel : {"element/matrix - Ops room - Chat Export - 2024-02-01T10-22-03.114Z.json",
                         "element/matrix - Ops room - Chat Export - 2024-02-01T10-22-03.114Z.txt",
                         "element/media_room.zip", "element/ops_room_html.zip"}) {
    auto opened = OpenSource(RealFileSystem(), testing::RepoFixture(rel));
    ASSERT_TRUE(opened.ok()) << rel;
    auto probe = MakeProbe(opened->source);
    ASSERT_TRUE(probe.ok()) << rel;
    auto chosen = ChooseImporter(*probe);
    ASSERT_TRUE(chosen.ok()) << rel << ": " << chosen.error().ToString();
    EXPECT_EQ((*chosen)->Describe().name, "element-json") << rel;
  }
}

}  // namespace
}  // namespace casegraph::ingest
