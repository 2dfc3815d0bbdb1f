#include "graph/graph_build.h"

#include <gmock/gmock.h>

#include "graph/conversation_class.h"
#include "graph_test_util.h"
#include "ingest/registry.h"
#include "ingest/source.h"

namespace casegraph::graph {
namespace {

using ::testing::ElementsAre;

// A Telegram Desktop full export of S1's account (synthetic people): a private chat that the
// peer opened, a group, a channel S1 follows, saved messages, an empty private chat, contacts.
constexpr const char kTelegram[] = R"j({
 "personal_information": {"user_id": 100, "first_name": "Ece", "last_name": "Test",
   "phone_number": "+90 532 111 22 33", "username": "@ece_test", "bio": ""},
 "contacts": {"about": "x", "list": [
   {"user_id": 200, "first_name": "Deniz", "last_name": "Kaya", "phone_number": "+90 532 999 88 77",
    "date": "2024-01-01T10:00:00", "date_unixtime": "1704103200"},
   {"user_id": 500, "first_name": "Only", "last_name": "Contact", "phone_number": "",
    "date": "2024-01-01T10:00:00", "date_unixtime": "1704103200"}]},
 "chats": {"about": "x", "list": [
   {"name": "Deniz Kaya", "type": "personal_chat", "id": 200, "messages": [
     {"id": 1, "type": "message", "date": "2024-05-01T12:00:00", "date_unixtime": "1714564800", "from": "Deniz Kaya", "from_id": "user200", "text": "hello there"},
     {"id": 2, "type": "message", "date": "2024-05-01T12:01:00", "date_unixtime": "1714564860", "from": "Ece Test", "from_id": "user100", "text": "hi"},
     {"id": 3, "type": "message", "date": "2024-05-01T12:02:00", "date_unixtime": "1714564920", "from": "Ece Test", "from_id": "user100", "text": "placeholder text"}]},
   {"name": "Class group", "type": "private_group", "id": 555, "messages": [
     {"id": 10, "type": "message", "date": "2024-04-01T09:00:00", "date_unixtime": "1711962000", "from": "Ece Test", "from_id": "user100", "text": "morning"},
     {"id": 11, "type": "message", "date": "2024-04-01T09:01:00", "date_unixtime": "1711962060", "from": "Arda", "from_id": "user300", "text": "morning all"},
     {"id": 12, "type": "message", "date": "2024-04-01T09:02:00", "date_unixtime": "1711962120", "from": "Deniz Kaya", "from_id": "user200", "text": "placeholder"}]},
   {"name": "News", "type": "public_channel", "id": 1234567, "messages": [
     {"id": 20, "type": "message", "date": "2024-03-01T09:00:00", "date_unixtime": "1709283600", "from": "News", "from_id": "channel1234567", "text": "post one"}]},
   {"type": "saved_messages", "id": 100, "messages": [
     {"id": 30, "type": "message", "date": "2024-05-02T08:00:00", "date_unixtime": "1714636800", "from": "Ece Test", "from_id": "user100", "text": "note"}]},
   {"name": "Nobody", "type": "personal_chat", "id": 400, "messages": []}]}
})j";

// An Element room export with two people (a direct chat by its members) and one with three.
std::string ElementRoom(const std::string& name, const std::vector<std::string>& senders) {
  std::string out = R"({"room_name": ")" + name + R"(", "room_creator": ")" + senders[0] +
                    R"(", "topic": "", "export_date": "2/1/2024", "exported_by": "x", "messages": [)";
  for (size_t i = 0; i < senders.size(); ++i) {
    if (i) out += ",";
    out += R"({"type": "m.room.message", "sender": ")" + senders[i] +
           R"(", "content": {"msgtype": "m.text", "body": "placeholder"}, "origin_server_ts": )" +
           std::to_string(1706781600000 + 60000 * static_cast<int64_t>(i)) + R"(, "event_id": "$e)" + std::to_string(i) +
           R"(", "room_id": "!r)" + name + R"(:example.org"})";
  }
  return out + "]}";
}

class GraphBuildTest : public testing::GraphTest {
 protected:
  void SetUp() override {
    GraphTest::SetUp();
    AddCase("C1");
    AddSubject("C1", "S1");
    Ingest("C1", "/c1/s1-telegram/result.json", kTelegram, "S1");
  }
  std::string ClassOf(const std::string& locator) {
    auto rows = Rows("SELECT g.class FROM g_conversations g JOIN conversations c ON c.id=g.conversation_id WHERE c.locator='" +
                     locator + "'");
    return rows.size() == 1 ? rows[0] : "?";
  }
};

TEST(ConversationClassTest, EveryImporterKindHasItsClass) {
  EXPECT_EQ(ConversationClassOfKind("personal_chat"), kClassDirect);
  EXPECT_EQ(ConversationClassOfKind("bot_chat"), kClassDirect);
  EXPECT_EQ(ConversationClassOfKind("saved_messages"), kClassSelf);
  EXPECT_EQ(ConversationClassOfKind("public_channel"), kClassChannel);
  EXPECT_EQ(ConversationClassOfKind("private_channel"), kClassChannel);
  EXPECT_EQ(ConversationClassOfKind("private_supergroup"), kClassGroup);
  EXPECT_EQ(ConversationClassOfKind("direct"), kClassDirect);          // rocket.chat "d"
  EXPECT_EQ(ConversationClassOfKind("channel"), kClassGroup);          // rocket.chat "c": everyone writes
  EXPECT_EQ(ConversationClassOfKind("private_group"), kClassGroup);
  EXPECT_EQ(ConversationClassOfKind("livechat"), kClassGeneric);
  EXPECT_EQ(ConversationClassOfKind("DirectTextChat"), kClassDirect);
  EXPECT_EQ(ConversationClassOfKind("DirectGroupTextChat"), kClassGroup);
  EXPECT_EQ(ConversationClassOfKind("GuildNews"), kClassChannel);
  EXPECT_EQ(ConversationClassOfKind("GuildTextChat"), kClassGroup);
  EXPECT_EQ(ConversationClassOfKind("group"), kClassGroup);            // whatsapp
  EXPECT_EQ(ConversationClassOfKind("room"), kClassGeneric);           // element
  EXPECT_EQ(ConversationClassOfKind("conversation"), kClassGeneric);   // signal
  EXPECT_EQ(ConversationClassOfKind(""), kClassGeneric);               // telegram-html
}

TEST_F(GraphBuildTest, ClassesByKind) {
  EXPECT_EQ(ClassOf("/chats/list/0"), "direct");
  EXPECT_EQ(ClassOf("/chats/list/1"), "group");
  EXPECT_EQ(ClassOf("/chats/list/2"), "channel");
  EXPECT_EQ(ClassOf("/chats/list/3"), "self");
  EXPECT_EQ(ClassOf("/chats/list/4"), "direct");
  EXPECT_EQ(Int("SELECT messages FROM g_conversations g JOIN conversations c ON c.id=g.conversation_id "
                "WHERE c.locator='/chats/list/1'"),
            3);
}

TEST_F(GraphBuildTest, DirectChatAndItsInitiator) {
  const int64_t owner = AccountId("telegram:user100"), peer = AccountId("telegram:user200");
  ASSERT_GT(owner, 0);
  ASSERT_GT(peer, 0);
  auto rows = Rows("SELECT a_account_id, b_account_id, initiator_account_id, a_messages, b_messages, first_at, m.locator "
                   "FROM g_direct d JOIN messages m ON m.id=d.first_message_id");
  // Only the chat with messages from both sides has two members; the empty chat has only the owner.
  ASSERT_EQ(rows.size(), 1u);
  const int64_t a = std::min(owner, peer), b = std::max(owner, peer);
  const std::string a_messages = a == owner ? "2" : "1", b_messages = b == owner ? "2" : "1";
  EXPECT_EQ(rows[0], std::to_string(a) + "|" + std::to_string(b) + "|" + std::to_string(peer) + "|" + a_messages + "|" +
                         b_messages + "|1714564800|/chats/list/0/messages/0");
}

TEST_F(GraphBuildTest, MembersWithTheirBasisAndCitation) {
  EXPECT_THAT(Rows("SELECT a.ref, m.basis, m.messages, m.cite_locator FROM g_members m JOIN accounts a ON a.id=m.account_id "
                   "JOIN conversations c ON c.id=m.conversation_id WHERE c.locator='/chats/list/1' ORDER BY a.ref"),
              ElementsAre("telegram:user100|sender|1|/chats/list/1/messages/0",
                          "telegram:user200|sender|1|/chats/list/1/messages/2",
                          "telegram:user300|sender|1|/chats/list/1/messages/1"));
  // The owner follows the channel without posting: an owner member, cited by the conversation.
  EXPECT_THAT(Rows("SELECT a.ref, m.basis, m.cite_locator FROM g_members m JOIN accounts a ON a.id=m.account_id "
                   "JOIN conversations c ON c.id=m.conversation_id WHERE c.locator='/chats/list/2' ORDER BY a.ref"),
              ElementsAre("telegram:channel1234567|sender|/chats/list/2/messages/0",
                          "telegram:user100|owner|/chats/list/2"));
  EXPECT_THAT(Rows("SELECT a.ref, m.basis FROM g_members m JOIN accounts a ON a.id=m.account_id "
                   "JOIN conversations c ON c.id=m.conversation_id WHERE c.locator='/chats/list/4'"),
              ElementsAre("telegram:user100|owner"));
}

TEST_F(GraphBuildTest, AccountCasesAreCitedAndShowResolvesThem) {
  EXPECT_THAT(Rows("SELECT a.ref, g.messages, g.cite_locator FROM g_account_cases g JOIN accounts a ON a.id=g.account_id "
                   "ORDER BY a.ref"),
              ElementsAre("telegram:channel1234567|1|/chats/list/2/messages/0",
                          "telegram:user100|4|/chats/list/1/messages/0",  // the earliest of its messages
                          "telegram:user200|2|/chats/list/1/messages/2",
                          "telegram:user300|1|/chats/list/1/messages/1",
                          "telegram:user500|0|/contacts/list/1"));  // a contact that never wrote
  const ingest::Importer* importer = ingest::FindImporter("telegram-json");
  ASSERT_NE(importer, nullptr);
  auto opened = ingest::OpenSource(fs_, "/c1/s1-telegram/result.json");
  ASSERT_TRUE(opened.ok());
  for (const auto& locator : Rows("SELECT cite_locator FROM g_account_cases UNION SELECT cite_locator FROM g_members")) {
    auto shown = importer->Show(opened->source, locator);
    EXPECT_TRUE(shown.ok()) << locator;
  }
}

TEST_F(GraphBuildTest, SubjectOwnsTheExhibitOwnerAccount) {
  EXPECT_THAT(Rows("SELECT s.label, a.ref, g.basis, g.cite_locator FROM g_subject_accounts g JOIN subjects s ON s.id=g.subject_id "
                   "JOIN accounts a ON a.id=g.account_id"),
              ElementsAre("S1|telegram:user100|exhibit-owner|/personal_information"));
}

TEST_F(GraphBuildTest, GenericRoomsAreDecidedByTheirMembers) {
  Ingest("C1", "/c1/dm.json", ElementRoom("dm", {"@bob:example.org", "@ece:example.org", "@bob:example.org"}));
  Ingest("C1", "/c1/room.json", ElementRoom("room", {"@bob:example.org", "@ece:example.org", "@cem:example.org"}));
  EXPECT_THAT(Rows("SELECT e.label, g.class FROM g_conversations g JOIN exhibits e ON e.id=g.exhibit_id "
                   "WHERE e.format='element-json' ORDER BY e.label"),
              ElementsAre("dm.json|direct", "room.json|group"));
  EXPECT_EQ(Int("SELECT COUNT(*) FROM g_direct d JOIN accounts a ON a.id=d.initiator_account_id WHERE a.ref='matrix:@bob:example.org'"), 1);
}

TEST_F(GraphBuildTest, RefreshIsRepeatableAndRecordsState) {
  const auto before = Rows("SELECT * FROM g_members ORDER BY conversation_id, account_id");
  ASSERT_TRUE(Refresh(*ws_).ok());
  EXPECT_EQ(Rows("SELECT * FROM g_members ORDER BY conversation_id, account_id"), before);
  EXPECT_EQ(Rows("SELECT value FROM g_state WHERE key='exhibits'"), std::vector<std::string>{"1"});
  auto stale = IsStale(*ws_);
  ASSERT_TRUE(stale.ok());
  EXPECT_FALSE(*stale);
}

}  // namespace
}  // namespace casegraph::graph
