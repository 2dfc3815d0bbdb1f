// GatherCaseFacts: the case's title, subjects (with their accounts from g_subject_accounts),
// exhibits (with hashes and owners) and counts, read straight from the case's own rows.
#include <string>

#include "graph/query_rows.h"
#include "report/report_data.h"

namespace casegraph::report {
namespace {

Result<int64_t> CountOf(store::Workspace& ws, const char* sql, int64_t case_id) {
  auto stmt = ws.db().Prepare(sql);
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id);
  int64_t n = 0;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& s) { n = s.Int(0); }));
  return n;
}

Status GatherCounts(store::Workspace& ws, int64_t case_id, CaseCounts& c) {
  struct Query {
    const char* sql;
    int64_t* into;
  };
  const Query queries[] = {
      {"SELECT COUNT(*) FROM subjects WHERE case_id=?1", &c.subjects},
      {"SELECT COUNT(*) FROM exhibits WHERE case_id=?1", &c.exhibits},
      {"SELECT COUNT(*) FROM g_account_cases WHERE case_id=?1", &c.accounts},
      {"SELECT COUNT(*) FROM conversations WHERE exhibit_id IN (SELECT id FROM exhibits WHERE case_id=?1)",
       &c.conversations},
      {"SELECT COUNT(*) FROM messages WHERE exhibit_id IN (SELECT id FROM exhibits WHERE case_id=?1)",
       &c.messages},
      {"SELECT COUNT(DISTINCT file_id) FROM (SELECT a.file_id FROM attachments a JOIN exhibits e ON e.id=a.exhibit_id "
       "WHERE e.case_id=?1 AND a.file_id IS NOT NULL UNION SELECT f.file_id FROM scan_files f JOIN exhibits e "
       "ON e.id=f.exhibit_id WHERE e.case_id=?1 AND f.file_id IS NOT NULL)",
       &c.files},
  };
  for (const Query& q : queries) {
    auto n = CountOf(ws, q.sql, case_id);
    if (!n) return n.error();
    *q.into = *n;
  }
  return Ok();
}

Status GatherSubjects(store::Workspace& ws, int64_t case_id, std::vector<SubjectInfo>& out) {
  auto stmt = ws.db().Prepare(
      "SELECT s.label, COALESCE(s.born,''), COALESCE(s.role,''), a.ref FROM subjects s "
      "LEFT JOIN g_subject_accounts g ON g.subject_id=s.id LEFT JOIN accounts a ON a.id=g.account_id "
      "WHERE s.case_id=?1 ORDER BY s.label, a.ref");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id);
  return graph::ForEachRow(*stmt, [&](store::Stmt& s) {
    if (out.empty() || out.back().label != s.Text(0)) out.push_back({s.Text(0), s.Text(1), s.Text(2), {}});
    if (!s.IsNull(3)) out.back().accounts.push_back(s.Text(3));
  });
}

Status GatherExhibits(store::Workspace& ws, int64_t case_id, std::vector<ExhibitInfo>& out) {
  auto stmt = ws.db().Prepare(
      "SELECT e.label, e.format, e.importer, e.sha256, e.size_bytes, COALESCE(s.label,''), COALESCE(a.ref,'') "
      "FROM exhibits e LEFT JOIN subjects s ON s.id=e.owner_subject_id LEFT JOIN accounts a ON "
      "a.id=e.owner_account_id WHERE e.case_id=?1 ORDER BY e.label");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id);
  return graph::ForEachRow(*stmt, [&](store::Stmt& s) {
    ExhibitInfo e{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(5), s.Int(4)};
    const std::string account = s.Text(6);
    if (!account.empty()) e.owner = e.owner.empty() ? account : e.owner + " (" + account + ")";
    out.push_back(std::move(e));
  });
}

}  // namespace

Status GatherCaseFacts(store::Workspace& ws, const std::string& case_code, ReportData& data) {
  auto c = ws.FindCase(case_code);
  if (!c) return c.error();
  data.case_code = c->code;
  data.title = c->title;
  CASEGRAPH_RETURN_IF_ERROR(GatherCounts(ws, c->id, data.counts));
  CASEGRAPH_RETURN_IF_ERROR(GatherSubjects(ws, c->id, data.subjects));
  return GatherExhibits(ws, c->id, data.exhibits);
}

}  // namespace casegraph::report
