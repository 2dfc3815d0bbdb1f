// rocketchat-rest: history responses and room lists, as one file or a folder; Show by JSON
// pointer; edit-history copies inside a history page.
#include <gtest/gtest.h>

#include "ingest/rocketchat_rest.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

const char* kHistory =
    R"({"messages":[)"
    R"({"_id":"n2","rid":"g","msg":"newer","ts":"2019-07-23T10:00:00.000Z","u":{"_id":"a","username":"ay","name":"A"},"editedAt":"2019-07-23T10:05:00.000Z","editedBy":{"_id":"a","username":"ay"}},)"
    R"({"_id":"h1","rid":"g","msg":"old text","ts":"2019-07-23T10:00:00.000Z","u":{"_id":"a","username":"ay","name":"A"},"_hidden":true,"parent":"n2","editedAt":"2019-07-23T10:05:00.000Z","editedBy":{"_id":"a","username":"ay"}},)"
    R"({"_id":"n1","rid":"g","msg":"older","ts":"2019-07-22T10:00:00.000Z","u":{"_id":"b","username":"bee","name":"B"},"reactions":{":x:":{"usernames":["ay"]}}})"
    R"(],"count":3,"offset":0,"total":3,"success":true})";

TEST(RocketChatRest, HistoryFile) {
  MemFileSystem fs;
  fs.Add("/h.json", kHistory);
  CaptureSink sink;
  Diagnostics diagnostics;
  auto r = RocketChatRestImporter().Import(Source{&fs, "/h.json", false}, ImportOptions{}, sink, diagnostics);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(sink.messages.size(), 2u);
  EXPECT_EQ(sink.messages[0].locator, "/messages/0");
  EXPECT_EQ(sink.messages[0].sent_at_utc, 1563876000);
  ASSERT_EQ(sink.messages[0].edits.size(), 1u);
  EXPECT_EQ(sink.messages[0].edits[0].text, "old text");
  EXPECT_EQ(sink.messages[0].edits[0].locator, "/messages/1");
  EXPECT_EQ(sink.messages[1].locator, "/messages/2");
  EXPECT_EQ(sink.messages[1].reactions.at(0).user_refs.at(0), "rocketchat:a@default");
  EXPECT_EQ(sink.accounts.size(), 2u);
  EXPECT_EQ(r->messages, 2u);
  auto shown = RocketChatRestImporter().Show(Source{&fs, "/h.json", false}, "/messages/2");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(shown->substr(0, 14), "{\"_id\":\"n1\",\"r");
  EXPECT_EQ(shown->back(), '}');
  auto inner = RocketChatRestImporter().Show(Source{&fs, "/h.json", false}, "/messages/0/u/name");
  ASSERT_TRUE(inner.ok());
  EXPECT_EQ(*inner, "\"A\"");
}

TEST(RocketChatRest, FolderOfResponsesRoomsFirst) {
  MemFileSystem fs;
  fs.Add("/d/a_history.json", kHistory);
  fs.Add("/d/b_groups.json",
         R"({"groups":[{"_id":"g","t":"p","name":"grp","fname":"Group","msgs":3,"usersCount":2}],"total":1,"success":true})");
  fs.Add("/d/notes.json", R"({"other":"app"})");
  CaptureSink sink;
  Diagnostics diagnostics;
  auto r = RocketChatRestImporter().Import(Source{&fs, "/d", true}, ImportOptions{}, sink, diagnostics);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(sink.conversations.size(), 1u);
  EXPECT_EQ(sink.conversations[0].kind, "private_group");
  EXPECT_EQ(sink.conversations[0].title, "Group");
  EXPECT_EQ(sink.conversations[0].locator, "/b_groups.json/groups/0");
  EXPECT_EQ(sink.messages.at(0).locator, "/a_history.json/messages/0");
  ASSERT_EQ(diagnostics.warnings().size(), 1u);  // notes.json skipped
  auto shown = RocketChatRestImporter().Show(Source{&fs, "/d", true}, "/b_groups.json/groups/0");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_NE(shown->find("\"fname\":\"Group\""), std::string::npos);
}

}  // namespace
}  // namespace casegraph::ingest
