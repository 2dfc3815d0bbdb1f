// Rule hits in the store: lexicons applied to an exhibit's messages during ingest, one row
// per (rule, term, message), with excerpts and citations, returned in a deterministic order.
#include "store/rule_hits.h"

#include <gtest/gtest.h>

#include "store/ingest_exhibit.h"
#include "testutil/testutil.h"

namespace casegraph::store {
namespace {

// A small Telegram export written by hand (synthetic people, neutral text).
constexpr const char* kChat = R"({
 "name": "Deniz",
 "type": "personal_chat",
 "id": 7770001,
 "messages": [
  {"id": 10, "type": "message", "date": "2025-05-01T10:00:00", "date_unixtime": "1746082800",
   "from": "Deniz", "from_id": "user7770001", "text": "Selam, yarın okulda görüşürüz"},
  {"id": 11, "type": "message", "date": "2025-05-01T10:05:00", "date_unixtime": "1746083100",
   "from": "Ece", "from_id": "user7770002", "text": "Tamam, KİMSEYE SÖYLEME. Kimseye söyleme!"},
  {"id": 12, "type": "message", "date": "2025-05-01T10:06:00", "date_unixtime": "1746083160",
   "from": "Deniz", "from_id": "user7770001", "text": "ok, delete this message and tell no one"},
  {"id": 13, "type": "message", "date": "2025-05-01T10:07:00", "date_unixtime": "1746083220",
   "from": "Ece", "from_id": "user7770002", "text": "undelete thistle"}
 ]
})";

constexpr const char* kRules = R"(
[[lexicon]]
name = "secrecy"
terms = ["tell no one", "kimseye söyleme", "delete this"]

[[lexicon]]
name = "cleanup"
terms = ["delete"]
)";

class RuleHitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = Open();
    fs_.Add("/ev/chat/result.json", kChat);
    auto rules = rules::RuleSet::Parse(kRules, "lab.toml", "/", nullptr);
    ASSERT_TRUE(rules) << rules.error().ToString();
    rules_ = std::make_unique<rules::RuleSet>(std::move(*rules));
  }

  std::unique_ptr<Workspace> Open() {
    auto ws = Workspace::Open(testing::MakeTempDir("cg-rulehits") + "/w.db", true);
    EXPECT_TRUE(ws.ok());
    EXPECT_TRUE((*ws)->AddCase("C1", "", "t").ok());
    return std::move(*ws);
  }

  IngestOutcome Ingest(Workspace& ws, const rules::RuleSet* rules) {
    IngestRequest req;
    req.case_code = "C1";
    req.path = "/ev/chat/result.json";
    req.fs = &fs_;
    req.rules = rules;
    return IngestExhibit(ws, req);
  }

  testing::MemFileSystem fs_;
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<rules::RuleSet> rules_;
};

TEST_F(RuleHitsTest, IngestStoresLexiconHitsWithCitations) {
  IngestOutcome o = Ingest(*ws_, rules_.get());
  ASSERT_EQ(o.status, "ingested") << (o.error ? o.error->ToString() : "");
  EXPECT_EQ(o.rule_hits, 4);

  auto hits = QueryRuleHits(*ws_, "C1", "");
  ASSERT_TRUE(hits) << hits.error().ToString();
  ASSERT_EQ(hits->size(), 4u);
  // Message 11 says the term twice: one row, showing the first occurrence.
  const RuleHitView& first = (*hits)[0];
  EXPECT_EQ(first.rule_kind, "lexicon");
  EXPECT_EQ(first.rule_name, "secrecy");
  EXPECT_EQ(first.matched, "kimseye söyleme");
  EXPECT_EQ(first.target, "message");
  EXPECT_EQ(first.excerpt, "Tamam, KİMSEYE SÖYLEME. Kimseye söyleme!");
  EXPECT_EQ(first.path, "");
  EXPECT_EQ(first.citation.case_code, "C1");
  EXPECT_EQ(first.citation.exhibit, "chat");
  EXPECT_EQ(first.citation.sha256, o.sha256);
  EXPECT_EQ(first.citation.locator, "/messages/1");
  // Message 12: ordered by rule kind, rule name, then term; "undelete thistle" matches nothing.
  EXPECT_EQ((*hits)[1].rule_name, "cleanup");
  EXPECT_EQ((*hits)[1].matched, "delete");
  EXPECT_EQ((*hits)[2].matched, "delete this");
  EXPECT_EQ((*hits)[3].matched, "tell no one");
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ((*hits)[i].citation.locator, "/messages/2");

  EXPECT_EQ(*ws_->db().QueryInt("SELECT COUNT(*) FROM rule_hits WHERE message_id IS NULL OR rules_sha256=''"), 0);
  EXPECT_EQ(*ws_->db().QueryInt("SELECT COUNT(*) FROM audit_log WHERE command='ingest' AND params LIKE '%\"rules_sha256\":\"" +
                                rules_->sha256() + "\"%' AND params LIKE '%\"rule_hits\":\"4\"%'"),
            1);
}

TEST_F(RuleHitsTest, WithoutRulesNothingIsStored) {
  IngestOutcome o = Ingest(*ws_, nullptr);
  ASSERT_EQ(o.status, "ingested");
  EXPECT_EQ(o.rule_hits, 0);
  EXPECT_EQ(*ws_->db().QueryInt("SELECT COUNT(*) FROM rule_hits"), 0);
  EXPECT_EQ(*ws_->db().QueryInt("SELECT COUNT(*) FROM audit_log WHERE params LIKE '%rules_sha256%'"), 0);
}

TEST_F(RuleHitsTest, SameInputsGiveTheSameHits) {
  ASSERT_EQ(Ingest(*ws_, rules_.get()).status, "ingested");
  auto other = Open();
  ASSERT_EQ(Ingest(*other, rules_.get()).status, "ingested");
  auto a = QueryRuleHits(*ws_, "", "");
  auto b = QueryRuleHits(*other, "", "");
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->size(), b->size());
  for (size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].matched, (*b)[i].matched);
    EXPECT_EQ((*a)[i].citation.ToText(), (*b)[i].citation.ToText());
    EXPECT_EQ((*a)[i].excerpt, (*b)[i].excerpt);
  }
}

TEST_F(RuleHitsTest, InsertIgnoresTheSameHitTwiceAndQueryFilters) {
  ASSERT_EQ(Ingest(*ws_, nullptr).status, "ingested");
  const int64_t exhibit_id = *ws_->db().QueryInt("SELECT id FROM exhibits WHERE label='chat'");
  RuleHitRow row{"lexicon", "secrecy", "tell no one", "message", std::nullopt, std::nullopt, std::nullopt,
                 "…tell no one…", "/messages/2", "abc", ""};
  row.message_id = *ws_->db().QueryInt("SELECT id FROM messages WHERE locator='/messages/2'");
  ASSERT_TRUE(InsertRuleHit(ws_->db(), exhibit_id, row));
  ASSERT_TRUE(InsertRuleHit(ws_->db(), exhibit_id, row));
  EXPECT_EQ(*CountRuleHits(ws_->db(), exhibit_id), 1);
  row.matched = "delete this";
  ASSERT_TRUE(InsertRuleHit(ws_->db(), exhibit_id, row));
  EXPECT_EQ(*CountRuleHits(ws_->db(), exhibit_id), 2);

  auto by_exhibit = QueryRuleHits(*ws_, "C1", "chat");
  ASSERT_TRUE(by_exhibit);
  ASSERT_EQ(by_exhibit->size(), 2u);
  EXPECT_EQ((*by_exhibit)[0].matched, "delete this");

  EXPECT_FALSE(QueryRuleHits(*ws_, "NO-SUCH-CASE", ""));
  auto missing = QueryRuleHits(*ws_, "C1", "no-such-exhibit");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind(), ErrorKind::kNotFound);
}

TEST_F(RuleHitsTest, ApplyingTwiceAddsNothing) {
  ASSERT_EQ(Ingest(*ws_, rules_.get()).status, "ingested");
  const int64_t exhibit_id = *ws_->db().QueryInt("SELECT id FROM exhibits WHERE label='chat'");
  ASSERT_TRUE(ApplyLexiconsToMessages(ws_->db(), exhibit_id, *rules_));
  EXPECT_EQ(*CountRuleHits(ws_->db(), exhibit_id), 4);
}

}  // namespace
}  // namespace casegraph::store
