#include "store/rule_hits.h"

namespace casegraph::store {
namespace {

constexpr const char* kInsert =
    "INSERT OR IGNORE INTO rule_hits(exhibit_id, rule_kind, rule_name, matched, target, scan_file_id, message_id, "
    "file_id, excerpt, locator, rules_sha256, flag) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)";

Status Insert(Stmt& stmt, int64_t exhibit_id, const RuleHitRow& hit) {
  return stmt.Bind(1, exhibit_id).Bind(2, hit.rule_kind).Bind(3, hit.rule_name).Bind(4, hit.matched).Bind(5, hit.target)
      .Bind(6, hit.scan_file_id).Bind(7, hit.message_id).Bind(8, hit.file_id).BindOrNull(9, hit.excerpt)
      .Bind(10, hit.locator).Bind(11, hit.rules_sha256).BindOrNull(12, hit.flag).Run();
}

}  // namespace

Status InsertRuleHit(Db& db, int64_t exhibit_id, const RuleHitRow& hit) {
  auto stmt = db.Prepare(kInsert);
  if (!stmt) return stmt.error();
  return Insert(*stmt, exhibit_id, hit);
}

Status ApplyLexiconsToMessages(Db& db, int64_t exhibit_id, const rules::RuleSet& rules) {
  if (!rules.has_lexicons()) return Ok();
  auto messages = db.Prepare("SELECT id, text, locator FROM messages WHERE exhibit_id=? ORDER BY id");
  if (!messages) return messages.error();
  auto insert = db.Prepare(kInsert);
  if (!insert) return insert.error();
  messages->Bind(1, exhibit_id);
  for (;;) {
    auto row = messages->Step();
    if (!row) return row.error();
    if (!*row) break;
    const std::string text = messages->Text(1);
    const std::vector<rules::RuleHit> hits = rules.MatchText(text);
    if (hits.empty()) continue;
    RuleHitRow hit;
    hit.target = "message";
    hit.message_id = messages->Int(0);
    hit.locator = messages->Text(2);
    hit.rules_sha256 = rules.sha256();
    // Hits come in text order, so the row kept for a term repeated in one message (INSERT OR
    // IGNORE) shows its first occurrence.
    for (const rules::RuleHit& h : hits) {
      hit.rule_kind = h.rule_kind;
      hit.rule_name = h.rule_name;
      hit.matched = h.matched;
      hit.excerpt = rules::Excerpt(text, h.start, h.end);
      hit.flag = rules.FlagOf(h);
      CASEGRAPH_RETURN_IF_ERROR(Insert(*insert, exhibit_id, hit));
    }
  }
  return Ok();
}

Result<int64_t> CountRuleHits(Db& db, int64_t exhibit_id) {
  auto stmt = db.Prepare("SELECT COUNT(*) FROM rule_hits WHERE exhibit_id=?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, exhibit_id);
  auto row = stmt->Step();
  if (!row) return row.error();
  const int64_t n = *row ? stmt->Int(0) : 0;
  stmt->Reset();
  return n;
}

Result<std::vector<RuleHitView>> QueryRuleHits(Workspace& ws, const std::string& case_code, const std::string& exhibit_label) {
  int64_t case_id = 0;
  if (!case_code.empty()) {
    auto c = ws.FindCase(case_code);
    if (!c) return c.error();
    case_id = c->id;
  }
  if (!exhibit_label.empty()) {
    auto known = ws.db().Prepare("SELECT 1 FROM exhibits WHERE label=?1 AND (?2=0 OR case_id=?2)");
    if (!known) return known.error();
    known->Bind(1, exhibit_label).Bind(2, case_id);
    auto row = known->Step();
    if (!row) return row.error();
    known->Reset();
    if (!*row) {
      return Error::NotFound("no exhibit labelled '" + exhibit_label + "'" +
                             (case_code.empty() ? std::string() : " in case " + case_code));
    }
  }
  auto stmt = ws.db().Prepare(
      "SELECT c.code, e.label, e.sha256, rh.rule_kind, rh.rule_name, rh.matched, rh.target, rh.excerpt, rh.locator, "
      "sf.path FROM rule_hits rh JOIN exhibits e ON e.id=rh.exhibit_id JOIN cases c ON c.id=e.case_id "
      "LEFT JOIN scan_files sf ON sf.id=rh.scan_file_id "
      "WHERE (?1=0 OR e.case_id=?1) AND (?2='' OR e.label=?2) "
      "ORDER BY c.code, e.label, COALESCE(rh.message_id, rh.scan_file_id, rh.file_id, 0), rh.locator, rh.rule_kind, "
      "rh.rule_name, rh.matched, rh.target");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id).Bind(2, exhibit_label);
  std::vector<RuleHitView> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    RuleHitView v;
    v.case_code = stmt->Text(0);
    v.exhibit = stmt->Text(1);
    v.rule_kind = stmt->Text(3);
    v.rule_name = stmt->Text(4);
    v.matched = stmt->Text(5);
    v.target = stmt->Text(6);
    v.excerpt = stmt->Text(7);
    v.path = stmt->Text(9);
    v.citation = model::Citation{v.case_code, v.exhibit, stmt->Text(2), stmt->Text(8)};
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace casegraph::store
