#include "indicators/content_queries.h"

#include <algorithm>
#include <tuple>

#include "graph/query_rows.h"

namespace casegraph::indicators {
namespace {

bool BySubject(const ScopedSubject* a, const ScopedSubject* b) {
  return std::tie(a->case_code, a->label) < std::tie(b->case_code, b->label);
}

}  // namespace

void CitationList::Add(const model::Citation& citation) {
  if (!seen_.emplace(citation.sha256, citation.locator).second) return;
  if (kept_.size() < kCap) kept_.push_back(citation);
}

void CitationList::MoveInto(Finding& finding) {
  finding.total_citations = total();
  finding.citations = std::move(kept_);
  kept_.clear();
}

Result<ConversationSubjects> LoadConversationSubjects(store::Workspace& ws, const SubjectScope& scope) {
  ConversationSubjects out;
  std::map<int64_t, const ScopedSubject*> by_id;
  for (const ScopedSubject& s : scope.subjects()) by_id[s.id] = &s;

  // Conversations of the exhibits a subject owns (the subject's phone or account export).
  auto owned = ws.db().Prepare(
      "SELECT c.id, e.owner_subject_id FROM conversations c JOIN exhibits e ON e.id = c.exhibit_id "
      "WHERE e.owner_subject_id IS NOT NULL");
  if (!owned) return owned.error();
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*owned, [&](store::Stmt& r) {
    auto it = by_id.find(r.Int(1));
    if (it != by_id.end()) out[r.Int(0)].push_back(it->second);
  }));

  // Conversations one of the subject's accounts is a member of, in the subject's case (seen
  // from another exhibit: the other side's phone, a group export).
  auto member = ws.db().Prepare("SELECT conversation_id FROM g_members WHERE account_id = ? AND case_id = ?");
  if (!member) return member.error();
  for (const ScopedSubject& s : scope.subjects()) {
    for (int64_t account_id : s.account_ids) {
      member->Bind(1, account_id).Bind(2, s.case_id);
      CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*member, [&](store::Stmt& r) { out[r.Int(0)].push_back(&s); }));
    }
  }
  for (auto& [conversation_id, subjects] : out) {
    std::sort(subjects.begin(), subjects.end(), BySubject);
    subjects.erase(std::unique(subjects.begin(), subjects.end()), subjects.end());
  }
  return out;
}

Result<std::vector<AttachmentMatch>> LoadAttachmentMatches(store::Workspace& ws, const SubjectScope& scope) {
  // The file is cited by its path in the folder exhibit's manifest when it is there (`show`
  // answers such a path with the file's size and hash); the message is cited in any case.
  auto stmt = ws.db().Prepare(R"sql(
SELECT a.id, a.message_id, a.exhibit_id, e.case_id, msg.conversation_id, msg.sender_account_id, msg.sent_at_utc,
       msg.locator,
       COALESCE((SELECT mf.rel_path FROM exhibit_manifest mf
                 WHERE e.is_folder = 1 AND mf.exhibit_id = a.exhibit_id AND mf.rel_path = a.declared_path), ''),
       COALESCE(NULLIF(a.file_name, ''), a.declared_path, ''), f.sha256, hs.name, hs.kind, m.match_kind,
       COALESCE(m.label, ''), m.distance, m.algorithm
FROM hash_matches m JOIN hashsets hs ON hs.id = m.hashset_id JOIN files f ON f.id = m.file_id
JOIN attachments a ON a.file_id = m.file_id JOIN messages msg ON msg.id = a.message_id
JOIN exhibits e ON e.id = a.exhibit_id
WHERE hs.kind IN ('known-bad', 'alert')
ORDER BY e.case_id, a.exhibit_id, a.message_id, a.id, hs.name, m.match_kind, m.value)sql");
  if (!stmt) return stmt.error();
  std::vector<AttachmentMatch> out;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& r) {
    if (!scope.HasCase(r.Int(3))) return;
    AttachmentMatch m;
    m.attachment_id = r.Int(0);
    m.message_id = r.Int(1);
    m.exhibit_id = r.Int(2);
    m.case_id = r.Int(3);
    m.conversation_id = r.OptInt(4);
    m.sender_account_id = r.OptInt(5);
    m.sent_at_utc = r.OptInt(6);
    m.message_locator = r.Text(7);
    m.file_locator = r.Text(8);
    m.file_name = r.Text(9);
    m.sha256 = r.Text(10);
    m.hashset = r.Text(11);
    m.set_kind = r.Text(12);
    m.match_kind = r.Text(13);
    m.label = r.Text(14);
    m.distance = r.Int(15);
    m.algorithm = r.Text(16);
    out.push_back(std::move(m));
  }));
  return out;
}

Result<std::map<int64_t, int64_t>> LoadScannedExhibitOwners(store::Workspace& ws, const SubjectScope& scope) {
  auto stmt = ws.db().Prepare(
      "SELECT id, case_id, owner_subject_id FROM exhibits WHERE importer = 'scan' AND owner_subject_id IS NOT NULL "
      "ORDER BY id");
  if (!stmt) return stmt.error();
  std::map<int64_t, int64_t> out;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& r) {
    if (scope.HasCase(r.Int(1))) out[r.Int(0)] = r.Int(2);
  }));
  return out;
}

Result<std::vector<RuleHitFacts>> LoadRuleHits(store::Workspace& ws, const SubjectScope& scope) {
  auto stmt = ws.db().Prepare(std::string(R"sql(
SELECT rh.id, rh.exhibit_id, e.case_id, e.owner_subject_id, rh.rule_kind, rh.rule_name, rh.matched, rh.target,
       rh.locator, COALESCE(sf.path, ''), )sql") + kSecrecyHitSql + R"sql(, rh.message_id, msg.conversation_id,
       msg.sender_account_id, msg.sent_at_utc
FROM rule_hits rh JOIN exhibits e ON e.id = rh.exhibit_id LEFT JOIN scan_files sf ON sf.id = rh.scan_file_id
LEFT JOIN messages msg ON msg.id = rh.message_id
ORDER BY e.case_id, rh.exhibit_id, COALESCE(rh.message_id, rh.scan_file_id, rh.file_id, 0), rh.locator, rh.rule_kind,
         rh.rule_name, rh.matched, rh.target)sql");
  if (!stmt) return stmt.error();
  std::vector<RuleHitFacts> out;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& r) {
    if (!scope.HasCase(r.Int(2))) return;
    RuleHitFacts h;
    h.hit_id = r.Int(0);
    h.exhibit_id = r.Int(1);
    h.case_id = r.Int(2);
    h.owner_subject_id = r.OptInt(3);
    h.rule_kind = r.Text(4);
    h.rule_name = r.Text(5);
    h.matched = r.Text(6);
    h.target = r.Text(7);
    h.locator = r.Text(8);
    h.path = r.Text(9);
    h.secrecy = r.Int(10) != 0;
    h.message_id = r.OptInt(11);
    h.conversation_id = r.OptInt(12);
    h.sender_account_id = r.OptInt(13);
    h.sent_at_utc = r.OptInt(14);
    out.push_back(std::move(h));
  }));
  return out;
}

}  // namespace casegraph::indicators
