#include "graph/graph_build.h"

#include <string>

#include "graph/conversation_class.h"

namespace casegraph::graph {
namespace {

// Message ids are packed under the send time into one sortable integer (see kPairs), so ids
// must stay below 2^31 (two billion messages per workspace).
constexpr int64_t kMaxMessageId = 2147483647;

// One sorted pass over the messages: per (conversation, sender) the count, the time span, and
// the first message by (sent_at, id). `first_key` packs the clamped send time above the id so a
// single MIN() finds that message; `min_id` stands in when no message has a time.
constexpr const char* kPairs = R"sql(
DROP TABLE IF EXISTS temp.gb_pairs;
CREATE TEMP TABLE gb_pairs AS
SELECT conversation_id AS cid, sender_account_id AS aid, COUNT(*) AS n,
       MIN(sent_at_utc) AS first_at, MAX(sent_at_utc) AS last_at,
       MIN(MAX(MIN(sent_at_utc, 2147483647), -2147483647) * 2147483648 + id) AS first_key,
       MIN(id) AS min_id
FROM messages WHERE conversation_id IS NOT NULL
GROUP BY conversation_id, sender_account_id;
CREATE INDEX temp.gb_pairs_by_cid ON gb_pairs(cid);
)sql";

constexpr const char* kConversations = R"sql(
INSERT INTO g_conversations(conversation_id, exhibit_id, case_id, class, owner_account_id, messages, first_at, last_at)
SELECT c.id, c.exhibit_id, e.case_id, COALESCE(k.class, 'generic'), e.owner_account_id,
       COALESCE(p.n, 0), p.first_at, p.last_at
FROM conversations c
JOIN exhibits e ON e.id = c.exhibit_id
LEFT JOIN temp.gb_kind k ON k.kind = c.kind
LEFT JOIN (SELECT cid, SUM(n) AS n, MIN(first_at) AS first_at, MAX(last_at) AS last_at
           FROM temp.gb_pairs GROUP BY cid) p ON p.cid = c.id
ORDER BY c.id;
)sql";

// Members: senders (cite their first message), then the exhibit's owner and the account a
// conversation ref names (cite the conversation). A sender row wins over the other two.
constexpr const char* kMembers = R"sql(
INSERT INTO g_members(conversation_id, account_id, case_id, exhibit_id, basis, messages, first_at, last_at,
                      cite_message_id, cite_locator)
SELECT p.cid, p.aid, g.case_id, g.exhibit_id, 'sender', p.n, p.first_at, p.last_at, m.id, m.locator
FROM temp.gb_pairs p
JOIN g_conversations g ON g.conversation_id = p.cid
JOIN messages m ON m.id = CASE WHEN p.first_key IS NULL THEN p.min_id ELSE (p.first_key & 2147483647) END
WHERE p.aid IS NOT NULL
ORDER BY p.cid, p.aid;

INSERT OR IGNORE INTO g_members(conversation_id, account_id, case_id, exhibit_id, basis, messages, first_at, last_at,
                                cite_message_id, cite_locator)
SELECT g.conversation_id, g.owner_account_id, g.case_id, g.exhibit_id, 'owner', 0, NULL, NULL, NULL, c.locator
FROM g_conversations g JOIN conversations c ON c.id = g.conversation_id
WHERE g.owner_account_id IS NOT NULL
ORDER BY g.conversation_id;

INSERT OR IGNORE INTO g_members(conversation_id, account_id, case_id, exhibit_id, basis, messages, first_at, last_at,
                                cite_message_id, cite_locator)
SELECT g.conversation_id, a.id, g.case_id, g.exhibit_id, 'peer', 0, NULL, NULL, NULL, c.locator
FROM g_conversations g
JOIN conversations c ON c.id = g.conversation_id
JOIN accounts a ON a.ref = c.ref
WHERE c.ref IS NOT NULL
ORDER BY g.conversation_id;

UPDATE g_conversations SET class =
  CASE WHEN (SELECT COUNT(*) FROM g_members m WHERE m.conversation_id = g_conversations.conversation_id) = 2
       THEN 'direct' ELSE 'group' END
WHERE class = 'generic';
)sql";

// A direct chat with exactly two members; the initiator sent the earliest message that has a
// sender (by time, then id; messages without a time come last).
constexpr const char* kDirect = R"sql(
INSERT INTO g_direct(conversation_id, case_id, exhibit_id, a_account_id, b_account_id, initiator_account_id,
                     first_message_id, first_at, last_at, a_messages, b_messages)
SELECT t.cid, g.case_id, g.exhibit_id, t.a, t.b, f.aid, f.cite_id, f.first_at, g.last_at, ma.messages, mb.messages
FROM (SELECT m.conversation_id AS cid, MIN(m.account_id) AS a, MAX(m.account_id) AS b
      FROM g_members m JOIN g_conversations gc ON gc.conversation_id = m.conversation_id
      WHERE gc.class = 'direct' GROUP BY m.conversation_id HAVING COUNT(*) = 2) t
JOIN g_conversations g ON g.conversation_id = t.cid
JOIN g_members ma ON ma.conversation_id = t.cid AND ma.account_id = t.a
JOIN g_members mb ON mb.conversation_id = t.cid AND mb.account_id = t.b
LEFT JOIN (SELECT cid, aid, first_at,
                  CASE WHEN first_key IS NULL THEN min_id ELSE (first_key & 2147483647) END AS cite_id,
                  ROW_NUMBER() OVER (PARTITION BY cid ORDER BY first_key IS NULL, first_key, min_id) AS rn
           FROM temp.gb_pairs WHERE aid IS NOT NULL) f ON f.cid = t.cid AND f.rn = 1
ORDER BY t.cid;
)sql";

// Where each account occurs per case. Citation preference: its first message in the case,
// else where an exhibit of the case lists it (an attribute's locator), else the conversation
// it is an owner or peer member of.
constexpr const char* kAccountCases = R"sql(
DROP TABLE IF EXISTS temp.gb_occ;
CREATE TEMP TABLE gb_occ AS
SELECT account_id, case_id, 0 AS rank, first_at AS at, exhibit_id, cite_locator AS locator, cite_message_id AS seq
FROM g_members WHERE basis = 'sender'
UNION ALL
SELECT aa.account_id, e.case_id, 1, NULL, aa.exhibit_id, aa.locator, aa.id
FROM account_attributes aa JOIN exhibits e ON e.id = aa.exhibit_id
UNION ALL
SELECT account_id, case_id, 2, NULL, exhibit_id, cite_locator, conversation_id
FROM g_members WHERE basis <> 'sender';

INSERT INTO g_account_cases(account_id, case_id, messages, first_at, last_at, cite_exhibit_id, cite_locator)
SELECT o.account_id, o.case_id, COALESCE(s.messages, 0), s.first_at, s.last_at, o.exhibit_id, o.locator
FROM (SELECT account_id, case_id, exhibit_id, locator,
             ROW_NUMBER() OVER (PARTITION BY account_id, case_id
                                ORDER BY rank, at IS NULL, at, exhibit_id, seq) AS rn
      FROM temp.gb_occ) o
LEFT JOIN (SELECT account_id, case_id, SUM(messages) AS messages, MIN(first_at) AS first_at, MAX(last_at) AS last_at
           FROM g_members WHERE basis = 'sender' GROUP BY account_id, case_id) s
  ON s.account_id = o.account_id AND s.case_id = o.case_id
WHERE o.rn = 1
ORDER BY o.account_id, o.case_id;
DROP TABLE temp.gb_occ;
)sql";

// A subject's accounts: the owner account of each exhibit seized from them (cited where that
// exhibit names its owner), then what the examiner declared (the audited declaration is the
// basis; no exhibit to cite).
constexpr const char* kSubjectAccounts = R"sql(
INSERT OR IGNORE INTO g_subject_accounts(subject_id, account_id, basis, cite_exhibit_id, cite_locator)
SELECT x.subject_id, x.account_id, 'exhibit-owner', CASE WHEN x.locator IS NULL THEN NULL ELSE x.exhibit_id END, x.locator
FROM (SELECT e.owner_subject_id AS subject_id, e.owner_account_id AS account_id, e.id AS exhibit_id,
             COALESCE((SELECT aa.locator FROM account_attributes aa
                       WHERE aa.account_id = e.owner_account_id AND aa.exhibit_id = e.id ORDER BY aa.id LIMIT 1),
                      (SELECT m.cite_locator FROM g_members m
                       WHERE m.account_id = e.owner_account_id AND m.exhibit_id = e.id
                       ORDER BY m.basis <> 'sender', m.first_at IS NULL, m.first_at, m.conversation_id LIMIT 1)) AS locator
      FROM exhibits e
      WHERE e.owner_subject_id IS NOT NULL AND e.owner_account_id IS NOT NULL) x
ORDER BY x.exhibit_id;

INSERT OR IGNORE INTO g_subject_accounts(subject_id, account_id, basis, cite_exhibit_id, cite_locator)
SELECT sa.subject_id, a.id, 'examiner', NULL, NULL
FROM subject_accounts sa JOIN accounts a ON a.ref = sa.account_ref
ORDER BY sa.subject_id, a.id;
)sql";

Status LoadKindTable(store::Db& db) {
  CASEGRAPH_RETURN_IF_ERROR(db.Exec(
      "DROP TABLE IF EXISTS temp.gb_kind; CREATE TEMP TABLE gb_kind(kind TEXT PRIMARY KEY, class TEXT NOT NULL)"));
  auto insert = db.Prepare("INSERT INTO temp.gb_kind(kind, class) VALUES(?,?)");
  if (!insert) return insert.error();
  for (const auto& [kind, cls] : ConversationKindTable()) CASEGRAPH_RETURN_IF_ERROR(insert->Bind(1, kind).Bind(2, cls).Run());
  return Ok();
}

}  // namespace

Status BuildGraphTables(store::Workspace& ws) {
  store::Db& db = ws.db();
  auto max_id = db.QueryInt("SELECT COALESCE(MAX(id), 0) FROM messages");
  if (!max_id) return max_id.error();
  if (*max_id > kMaxMessageId) {
    return Error::Unsupported("the graph supports at most " + std::to_string(kMaxMessageId) +
                              " messages per workspace; this one has message ids up to " + std::to_string(*max_id));
  }
  CASEGRAPH_RETURN_IF_ERROR(db.Exec(
      "DELETE FROM g_conversations; DELETE FROM g_members; DELETE FROM g_direct; DELETE FROM g_account_cases; "
      "DELETE FROM g_subject_accounts;"));
  CASEGRAPH_RETURN_IF_ERROR(LoadKindTable(db));
  for (const char* sql : {kPairs, kConversations, kMembers, kDirect, kAccountCases, kSubjectAccounts}) {
    CASEGRAPH_RETURN_IF_ERROR(db.Exec(sql));
  }
  return db.Exec("DROP TABLE temp.gb_pairs; DROP TABLE temp.gb_kind;");
}

}  // namespace casegraph::graph
