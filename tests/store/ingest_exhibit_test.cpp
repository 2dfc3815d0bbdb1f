#include "store/ingest_exhibit.h"

#include <gtest/gtest.h>

#include "store/queries.h"
#include "testutil/testutil.h"

namespace casegraph::store {
namespace {

// A small single-chat Telegram export written by hand (synthetic people).
std::string ChatJson(const std::string& extra_text = "merhaba") {
  return R"({
 "name": "Ayşe Demir",
 "type": "personal_chat",
 "id": 5550001,
 "messages": [
  {"id": 1, "type": "message", "date": "2025-03-01T12:00:00", "date_unixtime": "1740819600",
   "from": "Ayşe Demir", "from_id": "user5550001", "text": "IŞIK yarın İZMİR'de, ara: +90 532 123 45 67"},
  {"id": 2, "type": "message", "date": "2025-03-01T12:01:00", "date_unixtime": "1740819660",
   "from": "Kaan", "from_id": "user5550002", "text": ["yaz bana ", {"type": "mention", "text": "@kaan_test"}, " )" + extra_text + R"("]},
  {"id": 3, "type": "message", "date": "2025-03-01T12:02:00", "date_unixtime": "1740819720",
   "from": "Kaan", "from_id": "user5550002", "text": "كـتـاب جديد مُحَمَّد أحمد"}
 ]
})";
}

class IngestExhibitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ws = Workspace::Open(testing::MakeTempDir("cg-ingest") + "/w.db", true);
    ASSERT_TRUE(ws.ok());
    ws_ = std::move(*ws);
    ASSERT_TRUE(ws_->AddCase("C1", "", "t").ok());
    ASSERT_TRUE(ws_->AddCase("C2", "", "t").ok());
    ASSERT_TRUE(ws_->AddSubject("C1", "E.B.", "2009", "suspect", "t").ok());
  }

  IngestOutcome Ingest(const std::string& case_code, const std::string& path, const std::string& owner = "") {
    IngestRequest req;
    req.case_code = case_code;
    req.path = path;
    req.owner_subject = owner;
    req.fs = &fs_;
    req.options.region = "TR";
    return IngestExhibit(*ws_, req);
  }

  // Row counts of every table: the workspace's fingerprint.
  std::string Fingerprint() {
    std::string out;
    for (const char* t : {"cases", "subjects", "exhibits", "exhibit_manifest", "exhibit_accounts", "accounts",
                          "account_attributes", "conversations", "messages", "files", "attachments", "identifiers",
                          "identifier_occurrences", "audit_log"}) {
      out += std::string(t) + "=" + std::to_string(*ws_->db().QueryInt(std::string("SELECT COUNT(*) FROM ") + t)) + " ";
    }
    return out;
  }

  testing::MemFileSystem fs_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(IngestExhibitTest, IngestsAndCountsAndRefusesSameBytesTwice) {
  fs_.Add("/ev/chat/result.json", ChatJson());
  IngestOutcome o = Ingest("C1", "/ev/chat/result.json", "E.B.");
  ASSERT_EQ(o.status, "ingested") << (o.error ? o.error->ToString() : "");
  EXPECT_EQ(o.label, "chat");
  EXPECT_EQ(o.format, "telegram-json");
  EXPECT_EQ(o.counts.messages, 3u);
  EXPECT_EQ(o.counts.conversations, 1u);
  EXPECT_EQ(o.sha256.size(), 64u);
  EXPECT_GE(o.counts.identifiers, 2u);  // the phone and @kaan_test at least

  const std::string before = Fingerprint();
  IngestOutcome again = Ingest("C1", "/ev/chat/result.json");
  EXPECT_EQ(again.status, "already-ingested");
  EXPECT_EQ(again.label, "chat");
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(IngestExhibitTest, PhoneIsNormalisedToE164WithItsCitation) {
  fs_.Add("/ev/chat/result.json", ChatJson());
  ASSERT_EQ(Ingest("C1", "/ev/chat/result.json").status, "ingested");
  auto stmt = ws_->db().Prepare(
      "SELECT o.raw, o.locator, o.span_start, o.span_end FROM identifier_occurrences o JOIN identifiers i ON i.id=o.identifier_id "
      "WHERE i.kind='phone' AND i.value='+905321234567'");
  ASSERT_TRUE(stmt.ok());
  ASSERT_TRUE(*stmt->Step());
  EXPECT_EQ(stmt->Text(1), "/messages/0");
  EXPECT_LT(stmt->Int(2), stmt->Int(3));
}

TEST_F(IngestExhibitTest, SearchFoldsTurkishAndArabic) {
  fs_.Add("/ev/chat/result.json", ChatJson());
  ASSERT_EQ(Ingest("C1", "/ev/chat/result.json").status, "ingested");
  for (const char* q : {"ışık", "IŞIK", "isik", "izmir", "İZMİR", "IZMIR"}) {
    auto r = Search(*ws_, q, "", 10);
    ASSERT_TRUE(r.ok()) << q;
    EXPECT_EQ(r->total, 1) << q;
  }
  for (const char* q : {"كتاب", "محمد", "احمد", "إحمد"}) {
    auto r = Search(*ws_, q, "", 10);
    ASSERT_TRUE(r.ok()) << q;
    EXPECT_EQ(r->total, 1) << q;
  }
  auto r = Search(*ws_, "\"yarın izmir\"", "C1", 10);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->total, 1);
  EXPECT_NE(r->hits[0].snippet.find("[yarın İZMİR]"), std::string::npos) << r->hits[0].snippet;
  EXPECT_EQ(r->hits[0].citation.locator, "/messages/0");
  EXPECT_EQ(r->hits[0].sent_at, "2025-03-01T09:00:00Z");
  EXPECT_EQ(Search(*ws_, "izmir", "C2", 10)->total, 0);
  EXPECT_EQ(Search(*ws_, "merh*", "", 10)->total, 1);
}

TEST_F(IngestExhibitTest, SameRefInTwoCasesIsOneAccount) {
  fs_.Add("/ev/a/result.json", ChatJson("bir"));
  fs_.Add("/ev/b/result.json", ChatJson("iki"));
  ASSERT_EQ(Ingest("C1", "/ev/a/result.json").status, "ingested");
  ASSERT_EQ(Ingest("C2", "/ev/b/result.json").status, "ingested");
  EXPECT_EQ(*ws_->db().QueryInt("SELECT COUNT(*) FROM accounts WHERE ref='telegram:user5550002'"), 1);
  auto accounts = QueryAccounts(*ws_, "");
  ASSERT_TRUE(accounts.ok());
  bool found = false;
  for (const auto& a : *accounts) {
    if (a.ref == "telegram:user5550002") {
      found = true;
      EXPECT_EQ(a.cases, (std::vector<std::string>{"C1", "C2"}));
      EXPECT_EQ(a.messages, 4);
      ASSERT_EQ(a.names.size(), 1u);
      EXPECT_EQ(a.names[0].value, "Kaan");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(IngestExhibitTest, BadInputLeavesWorkspaceUnchanged) {
  fs_.Add("/ev/ok/result.json", ChatJson());
  ASSERT_EQ(Ingest("C1", "/ev/ok/result.json").status, "ingested");
  const std::string before = Fingerprint();
  std::string full = ChatJson("üç");
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"/bad/truncated.json", full.substr(0, full.size() / 2)},
      {"/bad/empty.json", ""},
      {"/bad/wrongtype.json", R"({"name":"x","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message","date_unixtime":"1","from_id":"user1","text":42}]})"},
      {"/bad/notjson.json", "hello, world"},
      {"/bad/utf8.json", std::string("{\"messages\":[{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1\",\"text\":\"\xff\xfe\"}]}")},
  };
  for (const auto& [path, content] : bad) {
    fs_.Add(path, content);
    IngestOutcome o = Ingest("C1", path);
    EXPECT_EQ(o.status, "failed") << path;
    ASSERT_TRUE(o.error.has_value()) << path;
    EXPECT_FALSE(o.error->where().empty()) << path << ": " << o.error->ToString();
    EXPECT_EQ(Fingerprint(), before) << path;
  }
  IngestOutcome no_case = Ingest("NOPE", "/ev/ok/result.json");
  EXPECT_EQ(no_case.status, "failed");
  EXPECT_EQ(Fingerprint(), before);
}

TEST_F(IngestExhibitTest, FolderWithoutResultJsonIsAClearError) {
  fs_.Add("/ev/empty/readme.txt", "nothing here");
  IngestOutcome o = Ingest("C1", "/ev/empty");
  EXPECT_EQ(o.status, "failed");
  ASSERT_TRUE(o.error.has_value());
  EXPECT_NE(o.error->ToString().find("/ev/empty"), std::string::npos) << o.error->ToString();
}

}  // namespace
}  // namespace casegraph::store

namespace casegraph::store {
namespace {

TEST(IngestOwnerTest, ExportOwnerIsLinkedToTheSubject) {
  auto ws = Workspace::Open(testing::MakeTempDir("cg-owner") + "/w.db", true);
  ASSERT_TRUE(ws.ok());
  ASSERT_TRUE((*ws)->AddCase("C1", "", "t").ok());
  ASSERT_TRUE((*ws)->AddSubject("C1", "E.D.", "2008", "victim", "t").ok());
  IngestRequest req;
  req.case_code = "C1";
  req.path = testing::RepoFixture("telegram/full_account");
  req.owner_subject = "E.D.";
  IngestOutcome o = IngestExhibit(**ws, req);
  ASSERT_EQ(o.status, "ingested") << (o.error ? o.error->ToString() : "");
  auto accounts = QueryAccounts(**ws, "C1");
  ASSERT_TRUE(accounts.ok());
  int owners = 0;
  for (const auto& a : *accounts) {
    if (a.subjects.empty()) continue;
    ++owners;
    EXPECT_EQ(a.ref, "telegram:user5000000001");
    EXPECT_EQ(a.subjects, (std::vector<std::string>{"C1/E.D."}));
    EXPECT_EQ(a.roles, (std::vector<std::string>{"owner"}));
    ASSERT_EQ(a.phones.size(), 1u);
    EXPECT_EQ(a.phones[0].value, "+90 532 123 45 67");
  }
  EXPECT_EQ(owners, 1);
}

}  // namespace
}  // namespace casegraph::store
