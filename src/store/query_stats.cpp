#include "store/queries.h"

namespace casegraph::store {

Result<std::vector<CaseStats>> QueryStats(Workspace& ws) {
  auto stmt = ws.db().Prepare(R"sql(
    SELECT c.code, COALESCE(c.title,''),
      (SELECT COUNT(*) FROM subjects s WHERE s.case_id=c.id),
      (SELECT COUNT(*) FROM exhibits e WHERE e.case_id=c.id),
      (SELECT COUNT(DISTINCT ea.account_id) FROM exhibit_accounts ea JOIN exhibits e ON e.id=ea.exhibit_id WHERE e.case_id=c.id),
      (SELECT COUNT(*) FROM conversations v JOIN exhibits e ON e.id=v.exhibit_id WHERE e.case_id=c.id),
      (SELECT COALESCE(SUM(e.last_message_id - e.first_message_id + 1),0) FROM exhibits e WHERE e.case_id=c.id AND e.first_message_id IS NOT NULL),
      (SELECT COUNT(*) FROM attachments a JOIN exhibits e ON e.id=a.exhibit_id WHERE e.case_id=c.id),
      (SELECT COUNT(*) FROM (SELECT a.file_id FROM attachments a JOIN exhibits e ON e.id=a.exhibit_id
                             WHERE e.case_id=c.id AND a.file_id IS NOT NULL
                             UNION SELECT sf.file_id FROM scan_files sf JOIN exhibits e ON e.id=sf.exhibit_id
                             WHERE e.case_id=c.id AND sf.file_id IS NOT NULL)),
      (SELECT COUNT(DISTINCT o.identifier_id) FROM identifier_occurrences o JOIN exhibits e ON e.id=o.exhibit_id WHERE e.case_id=c.id)
    FROM cases c ORDER BY c.code)sql");
  if (!stmt) return stmt.error();
  std::vector<CaseStats> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    CaseStats s;
    s.code = stmt->Text(0);
    s.title = stmt->Text(1);
    s.subjects = stmt->Int(2);
    s.exhibits = stmt->Int(3);
    s.accounts = stmt->Int(4);
    s.conversations = stmt->Int(5);
    s.messages = stmt->Int(6);
    s.attachments = stmt->Int(7);
    s.files = stmt->Int(8);
    s.identifiers = stmt->Int(9);
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<ExhibitRow>> ListExhibits(Workspace& ws) {
  auto stmt = ws.db().Prepare(
      "SELECT e.id, c.code, e.label, e.path, e.sha256, e.format, e.importer_version, COALESCE(e.main_file,''), "
      "COALESCE(e.time_zone,''), COALESCE(e.region,''), COALESCE(e.instance,''), e.is_folder, e.importer "
      "FROM exhibits e JOIN cases c ON c.id=e.case_id ORDER BY e.id");
  if (!stmt) return stmt.error();
  std::vector<ExhibitRow> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    ExhibitRow e;
    e.id = stmt->Int(0);
    e.case_code = stmt->Text(1);
    e.label = stmt->Text(2);
    e.path = stmt->Text(3);
    e.sha256 = stmt->Text(4);
    e.format = stmt->Text(5);
    e.importer_version = stmt->Text(6);
    e.main_file = stmt->Text(7);
    e.tz = stmt->Text(8);
    e.region = stmt->Text(9);
    e.instance = stmt->Text(10);
    e.is_folder = stmt->Int(11) != 0;
    e.importer = stmt->Text(12);
    out.push_back(std::move(e));
  }
  return out;
}

Result<ExhibitRow> FindCitedExhibit(Workspace& ws, const model::CitationRef& ref) {
  auto all = ListExhibits(ws);
  if (!all) return all.error();
  std::vector<ExhibitRow> matches;
  for (auto& e : *all) {
    if (e.label != ref.exhibit) continue;
    if (!ref.sha256_prefix.empty() && e.sha256.rfind(ref.sha256_prefix, 0) != 0) continue;
    matches.push_back(e);
  }
  if (matches.empty()) return Error::NotFound("no exhibit '" + ref.exhibit + "'" +
                                              (ref.sha256_prefix.empty() ? "" : " with hash " + ref.sha256_prefix));
  if (matches.size() > 1) return Error::InvalidArgument("exhibit label '" + ref.exhibit + "' is used in several cases; add its hash prefix (LABEL@HASH#LOCATOR)");
  return matches[0];
}

}  // namespace casegraph::store
