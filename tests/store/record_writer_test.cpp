// What the newer importers add to a message (edit history, deletion, thread root, reactions)
// reaches the workspace, and an edited-out identifier is still found.
#include "store/record_writer.h"

#include <gtest/gtest.h>

#include "store/workspace.h"
#include "testutil/testutil.h"

namespace casegraph::store {
namespace {

TEST(RecordWriterTest, StoresEditsDeletionThreadAndReactions) {
  auto ws = Workspace::Open(testing::MakeTempDir("cg-writer") + "/w.db", true);
  ASSERT_TRUE(ws.ok());
  ASSERT_TRUE((*ws)->AddCase("C1", "", "t").ok());
  Db& db = (*ws)->db();
  ASSERT_TRUE(db.Exec("INSERT INTO exhibits(case_id, label, path, is_folder, size_bytes, sha256, format, importer, "
                      "importer_version, examiner, ingested_at) VALUES(1,'x','/x',0,1,'00','f','f','1','t','now')").ok());

  model::MessageRecord m;
  m.conversation_key = "room";
  m.source_id = "$e1";
  m.sender_ref = "matrix:@a:example.org";
  m.text = "final text";
  m.thread_root = "$root";
  m.locator = "/messages/1";
  m.edits.push_back({"call me on +90 532 123 45 67", 1700000000, "matrix:@a:example.org", "$e2", "/messages/2"});
  m.reactions.push_back({"👍", 2, {"matrix:@b:example.org"}});
  model::MessageRecord gone;
  gone.conversation_key = "room";
  gone.source_id = "$e3";
  gone.deleted = true;
  gone.deleted_detail = "redacted by @b:example.org";
  gone.locator = "/messages/3";

  extract::Extractor extractor(extract::ExtractorOptions{});
  BatchQueue queue(4);
  BatchingSink sink(extractor, queue);
  sink.Conversation({"room", "matrix:!room:example.org", "group", "Room", false, "/"});
  sink.Message(m);
  sink.Message(gone);
  sink.Flush();
  queue.Close();
  RecordWriter writer(db, 1);
  ASSERT_TRUE(writer.Prepare().ok());
  while (auto batch = queue.Pop()) {
    for (auto& record : *batch) ASSERT_TRUE(writer.Write(record).ok());
  }
  ASSERT_TRUE(writer.Finish().ok());

  auto row = db.Prepare("SELECT thread_root, deleted, json_array_length(edits), json_extract(edits,'$[0].text'), "
                        "json_extract(reactions,'$[0].count') FROM messages WHERE source_id='$e1'");
  ASSERT_TRUE(row.ok());
  ASSERT_TRUE(*row->Step());
  EXPECT_EQ(row->Text(0), "$root");
  EXPECT_EQ(row->Int(1), 0);
  EXPECT_EQ(row->Int(2), 1);
  EXPECT_EQ(row->Text(3), "call me on +90 532 123 45 67");
  EXPECT_EQ(row->Int(4), 2);
  EXPECT_EQ(*db.QueryInt("SELECT deleted FROM messages WHERE source_id='$e3'"), 1);
  EXPECT_EQ(*db.QueryInt("SELECT COUNT(*) FROM identifier_occurrences o JOIN identifiers i ON i.id=o.identifier_id "
                         "WHERE i.value='+905321234567' AND o.source='edit'"),
            1);
}

}  // namespace
}  // namespace casegraph::store

namespace casegraph::store {
namespace {

// The same saved name on two phones is two accounts: exhibit-local refs get the exhibit's scope.
TEST(RecordWriterTest, ExhibitLocalRefsAreScopedToTheirExhibit) {
  auto ws = Workspace::Open(testing::MakeTempDir("cg-scope") + "/w.db", true);
  ASSERT_TRUE(ws.ok());
  ASSERT_TRUE((*ws)->AddCase("C1", "", "t").ok());
  Db& db = (*ws)->db();
  for (const char* label : {"phone-a", "phone-b"}) {
    ASSERT_TRUE(db.Exec(std::string("INSERT INTO exhibits(case_id, label, path, is_folder, size_bytes, sha256, format, "
                                    "importer, importer_version, examiner, ingested_at) VALUES(1,'") +
                        label + "','/x',0,1,'" + label + "','f','f','1','t','now')").ok());
    const int64_t exhibit_id = db.LastInsertId();
    model::AccountRecord a;
    a.ref = "whatsapp-contact:{exhibit}/Ali";
    a.platform = "whatsapp";
    PreparedRecord record = PreparedAccount{a, {}};
    RecordWriter writer(db, exhibit_id, std::string("C1/") + label);
    ASSERT_TRUE(writer.Prepare().ok());
    ASSERT_TRUE(writer.Write(record).ok());
    ASSERT_TRUE(writer.Finish().ok());
    EXPECT_NE(writer.AccountIdOf("whatsapp-contact:{exhibit}/Ali"), 0);
  }
  EXPECT_EQ(*db.QueryInt("SELECT COUNT(*) FROM accounts WHERE ref IN "
                         "('whatsapp-contact:C1/phone-a/Ali','whatsapp-contact:C1/phone-b/Ali')"),
            2);
}

}  // namespace
}  // namespace casegraph::store

namespace casegraph::store {
namespace {

// A bare "@name" is a Telegram username only in a Telegram message; t.me links always are.
TEST(RecordBatchTest, BareHandlesOutsideTelegramAreHandles) {
  extract::Extractor extractor(extract::ExtractorOptions{});
  BatchQueue queue(4);
  BatchingSink sink(extractor, queue);
  model::MessageRecord discord;
  discord.sender_ref = "discord:123";
  discord.text = "ask @kaan_test or t.me/other_name";
  model::MessageRecord telegram = discord;
  telegram.sender_ref = "telegram:user1";
  sink.Message(discord);
  sink.Message(telegram);
  sink.Flush();
  queue.Close();
  auto batch = queue.Pop();
  ASSERT_TRUE(batch.has_value());
  ASSERT_EQ(batch->size(), 2u);
  auto kinds = [](const PreparedRecord& r) {
    std::string out;
    for (const auto& f : std::get<PreparedMessage>(r).identifiers) {
      out += std::string(extract::IdentifierKindName(f.hit.kind)) + "=" + f.hit.value + " ";
    }
    return out;
  };
  EXPECT_NE(kinds((*batch)[0]).find("handle=@kaan_test"), std::string::npos) << kinds((*batch)[0]);
  EXPECT_NE(kinds((*batch)[0]).find("telegram-username=@other_name"), std::string::npos) << kinds((*batch)[0]);
  EXPECT_NE(kinds((*batch)[1]).find("telegram-username=@kaan_test"), std::string::npos) << kinds((*batch)[1]);
}

}  // namespace
}  // namespace casegraph::store
