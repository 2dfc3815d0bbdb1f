#include "store/scan_query.h"

namespace casegraph::store {
namespace {

// One SELECT for both carriers, with the same columns: scanned files and attachments that
// hold a file whose content matched.
constexpr const char* kMatchRows = R"sql(
SELECT c.code, e.label, e.sha256, 'file' AS carrier, sf.path, sf.deleted, f.sha256, f.md5, COALESCE(f.mime_type, ''),
       hs.name, hs.kind, m.match_kind, m.algorithm, m.value, COALESCE(m.label, ''), m.distance, '' AS msg, sf.locator
FROM hash_matches m JOIN hashsets hs ON hs.id = m.hashset_id JOIN files f ON f.id = m.file_id
JOIN scan_files sf ON sf.file_id = m.file_id JOIN exhibits e ON e.id = sf.exhibit_id JOIN cases c ON c.id = e.case_id
WHERE (?1 = '' OR c.code = ?1) AND (?2 = 0 OR e.id = ?2) AND (?3 = 1 OR hs.kind IN ('known-bad', 'alert'))
UNION ALL
SELECT c.code, e.label, e.sha256, 'attachment', COALESCE(NULLIF(a.declared_path, ''), a.file_name, ''), 0, f.sha256, f.md5,
       COALESCE(f.mime_type, a.mime_type, ''), hs.name, hs.kind, m.match_kind, m.algorithm, m.value, COALESCE(m.label, ''),
       m.distance, msg.locator, msg.locator
FROM hash_matches m JOIN hashsets hs ON hs.id = m.hashset_id JOIN files f ON f.id = m.file_id
JOIN attachments a ON a.file_id = m.file_id JOIN messages msg ON msg.id = a.message_id
JOIN exhibits e ON e.id = a.exhibit_id JOIN cases c ON c.id = e.case_id
WHERE (?1 = '' OR c.code = ?1) AND (?2 = 0 OR e.id = ?2) AND (?3 = 1 OR hs.kind IN ('known-bad', 'alert'))
ORDER BY 1, 2, 5, 18, 10, 12, 14
)sql";

}  // namespace

Result<std::vector<FileMatchView>> QueryFileMatches(Workspace& ws, const MatchFilter& filter) {
  auto stmt = ws.db().Prepare(kMatchRows);
  if (!stmt) return stmt.error();
  stmt->Bind(1, filter.case_code).Bind(2, filter.exhibit_id).Bind(3, int64_t{filter.include_known});
  std::vector<FileMatchView> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    FileMatchView v;
    v.case_code = stmt->Text(0);
    v.exhibit = stmt->Text(1);
    v.carrier = stmt->Text(3);
    v.path = stmt->Text(4);
    v.deleted = stmt->Int(5) != 0;
    v.sha256 = stmt->Text(6);
    v.md5 = stmt->Text(7);
    v.mime_type = stmt->Text(8);
    v.hashset = stmt->Text(9);
    v.set_kind = stmt->Text(10);
    v.match_kind = stmt->Text(11);
    v.algorithm = stmt->Text(12);
    v.value = stmt->Text(13);
    v.label = stmt->Text(14);
    v.distance = static_cast<int>(stmt->Int(15));
    v.message_locator = stmt->Text(16);
    v.citation = model::Citation{v.case_code, v.exhibit, stmt->Text(2), stmt->Text(17)};
    out.push_back(std::move(v));
  }
  return out;
}

Result<int64_t> CountKnownFiles(Workspace& ws, const MatchFilter& filter) {
  // Distinct scanned entries and attachments whose every match is a known / known-good set.
  auto stmt = ws.db().Prepare(R"sql(
SELECT (SELECT COUNT(*) FROM scan_files sf JOIN exhibits e ON e.id = sf.exhibit_id JOIN cases c ON c.id = e.case_id
        WHERE (?1 = '' OR c.code = ?1) AND (?2 = 0 OR e.id = ?2)
          AND EXISTS (SELECT 1 FROM hash_matches m WHERE m.file_id = sf.file_id)
          AND NOT EXISTS (SELECT 1 FROM hash_matches m JOIN hashsets hs ON hs.id = m.hashset_id
                          WHERE m.file_id = sf.file_id AND hs.kind IN ('known-bad', 'alert')))
     + (SELECT COUNT(*) FROM attachments a JOIN exhibits e ON e.id = a.exhibit_id JOIN cases c ON c.id = e.case_id
        WHERE (?1 = '' OR c.code = ?1) AND (?2 = 0 OR e.id = ?2) AND a.file_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM hash_matches m WHERE m.file_id = a.file_id)
          AND NOT EXISTS (SELECT 1 FROM hash_matches m JOIN hashsets hs ON hs.id = m.hashset_id
                          WHERE m.file_id = a.file_id AND hs.kind IN ('known-bad', 'alert'))))sql");
  if (!stmt) return stmt.error();
  stmt->Bind(1, filter.case_code).Bind(2, filter.exhibit_id);
  auto row = stmt->Step();
  if (!row) return row.error();
  return stmt->Int(0);
}

Result<std::vector<ScanProblemView>> QueryScanProblems(Workspace& ws, int64_t exhibit_id) {
  auto stmt = ws.db().Prepare(
      "SELECT c.code, e.label, e.sha256, sf.path, sf.file_type, sf.status, COALESCE(sf.detail, ''), sf.deleted, sf.locator "
      "FROM scan_files sf JOIN exhibits e ON e.id = sf.exhibit_id JOIN cases c ON c.id = e.case_id "
      "WHERE sf.exhibit_id = ? AND (sf.status <> 'read' OR sf.detail IS NOT NULL) ORDER BY sf.locator");
  if (!stmt) return stmt.error();
  stmt->Bind(1, exhibit_id);
  std::vector<ScanProblemView> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    ScanProblemView v;
    v.path = stmt->Text(3);
    v.file_type = stmt->Text(4);
    v.status = stmt->Text(5);
    v.detail = stmt->Text(6);
    v.deleted = stmt->Int(7) != 0;
    v.citation = model::Citation{stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(8)};
    out.push_back(std::move(v));
  }
  return out;
}

Result<ScannedFileRow> QueryScannedFile(Workspace& ws, int64_t exhibit_id, const std::string& locator) {
  auto stmt = ws.db().Prepare(
      "SELECT sf.path, COALESCE(sf.raw_path_hex,''), sf.file_type, COALESCE(sf.fs_type,''), sf.status, COALESCE(sf.detail,''), "
      "sf.locator, sf.deleted, sf.inode, sf.fs_offset, sf.mtime, sf.atime, sf.ctime, sf.crtime, COALESCE(sf.size_bytes,0), "
      "COALESCE(f.sha256,''), COALESCE(f.sha1,''), COALESCE(f.md5,''), COALESCE(f.mime_type,''), COALESCE(f.pdq_hash,''), "
      "f.pdq_quality, sf.file_id FROM scan_files sf LEFT JOIN files f ON f.id = sf.file_id WHERE sf.exhibit_id = ? AND sf.locator = ?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, exhibit_id).Bind(2, locator);
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row) return Error::NotFound("no scanned file at '" + locator + "'");
  ScannedFileRow r;
  r.path = stmt->Text(0);
  r.raw_path_hex = stmt->Text(1);
  r.file_type = stmt->Text(2);
  r.fs_type = stmt->Text(3);
  r.status = stmt->Text(4);
  r.detail = stmt->Text(5);
  r.locator = stmt->Text(6);
  r.deleted = stmt->Int(7) != 0;
  r.inode = stmt->OptInt(8);
  r.fs_offset = stmt->OptInt(9);
  r.mtime = stmt->OptInt(10);
  r.atime = stmt->OptInt(11);
  r.ctime = stmt->OptInt(12);
  r.crtime = stmt->OptInt(13);
  r.size_bytes = stmt->Int(14);
  r.sha256 = stmt->Text(15);
  r.sha1 = stmt->Text(16);
  r.md5 = stmt->Text(17);
  r.mime_type = stmt->Text(18);
  r.pdq_hash = stmt->Text(19);
  r.pdq_quality = stmt->OptInt(20);
  const std::optional<int64_t> file_id = stmt->OptInt(21);
  stmt->Reset();
  if (!file_id) return r;
  auto sets = ws.db().Prepare(
      "SELECT hs.name, hs.kind, m.match_kind, m.distance FROM hash_matches m JOIN hashsets hs ON hs.id = m.hashset_id "
      "WHERE m.file_id = ? ORDER BY hs.name, m.match_kind, m.value");
  if (!sets) return sets.error();
  sets->Bind(1, *file_id);
  for (;;) {
    auto s = sets->Step();
    if (!s) return s.error();
    if (!*s) break;
    std::string text = sets->Text(0) + " (" + sets->Text(1) + ", " + sets->Text(2);
    if (sets->Text(2) == "pdq") text += " distance " + std::to_string(sets->Int(3));
    r.hashsets.push_back(text + ")");
  }
  return r;
}

}  // namespace casegraph::store
