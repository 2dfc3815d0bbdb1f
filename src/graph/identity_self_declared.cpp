// self-declared: an account sends an identifier or handle that names an account of another
// platform ("write to me on Element: @x:server.example"). A suggestion, never a merge: people
// also pass on their friends' handles.
#include <algorithm>
#include <map>
#include <utility>

#include "base/time_util.h"
#include "graph/first_person_cues.h"
#include "graph/identity_candidates.h"

namespace casegraph::graph {
namespace {

constexpr double kBase = 0.4, kCueBonus = 0.2, kMigrationBonus = 0.3;
constexpr size_t kMessagesPerPair = 50;  // the earliest ones are enough to judge a pair
// Minute-precision formats (WhatsApp, Telegram HTML) may place the later chat in the same minute.
constexpr int64_t kClockSlackSeconds = 60;

// (sender x, named account y, message, how y was named). Three ways to name an account: an
// identifier that is y's profile identifier (phone, Telegram username, e-mail in a bio…), a
// Matrix user id that is y's ref, or a bare @handle that is y's username on another platform
// while no account on the sender's own platform has it (there it is a plain mention).
constexpr const char* kMentions = R"sql(
DROP TABLE IF EXISTS temp.id_usernames;
CREATE TEMP TABLE id_usernames AS
SELECT lower(CASE WHEN substr(aa.value, 1, 1) = '@' THEN substr(aa.value, 2) ELSE aa.value END) AS name,
       aa.account_id AS account_id, a.platform AS platform, MIN(aa.exhibit_id) AS exhibit_id,
       MIN(aa.locator) AS locator
FROM account_attributes aa JOIN accounts a ON a.id = aa.account_id
WHERE aa.kind = 'username' GROUP BY 1, 2;
CREATE INDEX temp.id_usernames_by_name ON id_usernames(name);
DROP TABLE IF EXISTS temp.id_mentions;
CREATE TEMP TABLE id_mentions AS
SELECT t.account_id AS x, p.account_id AS y, t.message_id AS message_id, t.raw AS raw,
       p.exhibit_id AS via_exhibit, p.locator AS via_locator
FROM identifier_occurrences p
JOIN identifier_occurrences t ON t.identifier_id = p.identifier_id
WHERE p.source = 'profile' AND p.account_id IS NOT NULL
  AND t.source <> 'profile' AND t.message_id IS NOT NULL AND t.account_id IS NOT NULL
UNION
SELECT t.account_id, a.id, t.message_id, t.raw, NULL, NULL
FROM identifiers i
JOIN identifier_occurrences t ON t.identifier_id = i.id
JOIN accounts a ON substr(a.ref, 1, 7) = 'matrix:' AND lower(a.ref) = lower('matrix:' || i.value)
WHERE i.kind = 'matrix-user' AND t.source <> 'profile' AND t.message_id IS NOT NULL AND t.account_id IS NOT NULL
UNION
SELECT t.account_id, u.account_id, t.message_id, t.raw, u.exhibit_id, u.locator
FROM identifiers i
JOIN identifier_occurrences t ON t.identifier_id = i.id
JOIN temp.id_usernames u ON u.name = substr(i.value, 2)
JOIN accounts ax ON ax.id = t.account_id
WHERE i.kind IN ('handle', 'telegram-username') AND substr(t.raw, 1, 1) = '@' AND t.source <> 'profile'
  AND t.message_id IS NOT NULL
  AND t.account_id IS NOT NULL AND u.platform <> ax.platform
  AND NOT EXISTS (SELECT 1 FROM temp.id_usernames u2 WHERE u2.name = u.name AND u2.platform = ax.platform);
)sql";

constexpr const char* kPairs = R"sql(
SELECT n.x, n.y, n.raw, n.via_exhibit, n.via_locator, m.id, m.sent_at_utc, m.exhibit_id, m.locator, m.text,
       m.conversation_id
FROM temp.id_mentions n
JOIN accounts ax ON ax.id = n.x
JOIN accounts ay ON ay.id = n.y
JOIN messages m ON m.id = n.message_id
WHERE ax.platform <> ay.platform AND n.x <> n.y
ORDER BY n.x, n.y, m.sent_at_utc IS NULL, m.sent_at_utc, m.id, n.raw
)sql";

// Did y (?1) open a direct chat, at or after the message (?4), with the one the message (in
// conversation ?2, from x ?3) was written to? "The same recipient" is that account, or any
// account of the subject it belongs to, or the subject whose device holds the message.
constexpr const char* kMigration = R"sql(
WITH src AS (SELECT CASE WHEN g.a_account_id = ?3 THEN g.b_account_id ELSE g.a_account_id END AS r, g.exhibit_id
             FROM g_direct g WHERE g.conversation_id = ?2 AND (g.a_account_id = ?3 OR g.b_account_id = ?3)),
     subj AS (SELECT sa.subject_id FROM g_subject_accounts sa WHERE sa.account_id IN (SELECT r FROM src)
              UNION
              SELECT e.owner_subject_id FROM exhibits e JOIN src ON e.id = src.exhibit_id
              WHERE e.owner_subject_id IS NOT NULL AND (e.owner_account_id IS NULL OR e.owner_account_id <> ?3))
SELECT mm.exhibit_id, mm.cite_locator, d.first_at
FROM g_direct d
JOIN g_members mm ON mm.conversation_id = d.conversation_id AND mm.account_id = ?1
JOIN exhibits e2 ON e2.id = d.exhibit_id
WHERE (d.a_account_id = ?1 OR d.b_account_id = ?1) AND d.conversation_id <> ?2 AND d.first_at >= ?4
  AND ((CASE WHEN d.a_account_id = ?1 THEN d.b_account_id ELSE d.a_account_id END) IN (SELECT r FROM src)
       OR (CASE WHEN d.a_account_id = ?1 THEN d.b_account_id ELSE d.a_account_id END)
          IN (SELECT account_id FROM g_subject_accounts WHERE subject_id IN (SELECT subject_id FROM subj))
       OR e2.owner_subject_id IN (SELECT subject_id FROM subj))
ORDER BY d.first_at, d.conversation_id LIMIT 1
)sql";

struct PairEvidence {
  double confidence = 0;
  std::string explanation;
  std::vector<EvidenceCitation> citations;
};

}  // namespace

Result<std::vector<IdentityEdge>> SelfDeclaredEdges(store::Workspace& ws, const AccountDirectory& accounts) {
  CASEGRAPH_RETURN_IF_ERROR(ws.db().Exec(kMentions));
  auto pairs = ws.db().Prepare(kPairs);
  if (!pairs) return pairs.error();
  auto migration = ws.db().Prepare(kMigration);
  if (!migration) return migration.error();
  // Best evidence per unordered pair (either may have named the other).
  std::map<std::pair<int64_t, int64_t>, PairEvidence> best;
  std::pair<int64_t, int64_t> current{0, 0};
  size_t seen_in_pair = 0;
  for (;;) {
    auto row = pairs->Step();
    if (!row) return row.error();
    if (!*row) break;
    const int64_t x = pairs->Int(0), y = pairs->Int(1);
    if (std::make_pair(x, y) != current) {
      current = {x, y};
      seen_in_pair = 0;
    }
    if (++seen_in_pair > kMessagesPerPair) continue;
    const std::string raw = pairs->Text(2);
    const std::optional<int64_t> sent_at = pairs->OptInt(6);
    PairEvidence ev;
    ev.citations.push_back({pairs->Int(7), pairs->Text(8)});
    if (!pairs->IsNull(3)) ev.citations.push_back({pairs->Int(3), pairs->Text(4)});
    const std::string& x_ref = accounts.ref.at(x);
    const std::string& y_ref = accounts.ref.at(y);
    ev.confidence = kBase;
    ev.explanation = x_ref + " sent \"" + raw + "\", which names " + y_ref;
    if (sent_at) ev.explanation += " (" + FormatUtc(*sent_at) + ")";
    if (HasFirstPersonCue(pairs->Text(9))) {
      ev.confidence += kCueBonus;
      ev.explanation += ", in a message speaking of the writer (first-person cue)";
    }
    if (sent_at && !pairs->IsNull(10)) {
      migration->Bind(1, y).Bind(2, pairs->Int(10)).Bind(3, x).Bind(4, *sent_at - kClockSlackSeconds);
      auto found = migration->Step();
      if (!found) return found.error();
      if (*found) {
        ev.confidence += kMigrationBonus;
        ev.explanation += "; " + y_ref + " then wrote to the same recipient in a direct chat";
        if (!migration->IsNull(2)) ev.explanation += " (" + FormatUtc(migration->Int(2)) + ")";
        ev.citations.push_back({migration->Int(0), migration->Text(1)});
        migration->Reset();
      }
    }
    const std::pair<int64_t, int64_t> key = std::minmax(x, y);
    auto it = best.find(key);
    if (it == best.end() || ev.confidence > it->second.confidence + 1e-9) best[key] = std::move(ev);
  }
  std::vector<IdentityEdge> out;
  for (auto& [key, ev] : best) {
    out.push_back(MakeEdge(accounts, key.first, key.second, kBasisSelfDeclared, ev.confidence, kStatusSuggested,
                           std::move(ev.explanation), std::move(ev.citations)));
  }
  CASEGRAPH_RETURN_IF_ERROR(ws.db().Exec("DROP TABLE temp.id_mentions; DROP TABLE temp.id_usernames;"));
  return out;
}

}  // namespace casegraph::graph
