#include "store/search_files.h"

namespace casegraph::store {

Result<std::vector<FileMatch>> MatchFiles(Db& db, const std::string& fts_query, int64_t case_id,
                                          bool by_relevance) {
  // The place subqueries run once per matching file; the joins after them only give the path
  // that orders the list.
  auto stmt = db.Prepare(
      "SELECT p.file_id, p.score, p.sf_id, p.att_id FROM ("
      "  SELECT f.rowid AS file_id, " +
      std::string(by_relevance ? "f.rank" : "0.0") +
      " AS score, "
      "    (SELECT sf.id FROM scan_files sf JOIN exhibits e ON e.id = sf.exhibit_id "
      "      WHERE sf.file_id = f.rowid AND (?2 = 0 OR e.case_id = ?2) "
      "      ORDER BY sf.exhibit_id, sf.path, sf.id LIMIT 1) AS sf_id, "
      "    (SELECT a.id FROM attachments a JOIN exhibits e ON e.id = a.exhibit_id "
      "      WHERE a.file_id = f.rowid AND (?2 = 0 OR e.case_id = ?2) "
      "      ORDER BY a.exhibit_id, a.message_id, a.id LIMIT 1) AS att_id "
      "  FROM file_texts_fts f WHERE file_texts_fts MATCH ?1) AS p "
      "JOIN files fl ON fl.id = p.file_id "
      "LEFT JOIN scan_files sf ON sf.id = p.sf_id LEFT JOIN attachments a ON a.id = p.att_id "
      "WHERE p.sf_id IS NOT NULL OR p.att_id IS NOT NULL "
      "ORDER BY p.score, COALESCE(sf.path, a.declared_path, a.file_name, ''), fl.sha256");
  if (!stmt) return stmt.error();
  stmt->Bind(1, fts_query).Bind(2, case_id);
  std::vector<FileMatch> matches;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    FileMatch m;
    m.file_id = stmt->Int(0);
    m.rank = stmt->Double(1);
    m.scan_file_id = stmt->OptInt(2);
    m.attachment_id = stmt->OptInt(3);
    matches.push_back(m);
  }
  return matches;
}

Result<SearchHit> FileHit(Db& db, const std::string& fts_query, const FileMatch& match) {
  SearchHit hit;
  hit.kind = "file";
  std::string place_mime;
  if (match.scan_file_id) {
    auto place = db.Prepare(
        "SELECT c.code, e.label, e.sha256, sf.locator, sf.path, '' FROM scan_files sf "
        "JOIN exhibits e ON e.id = sf.exhibit_id JOIN cases c ON c.id = e.case_id WHERE sf.id = ?");
    if (!place) return place.error();
    place->Bind(1, *match.scan_file_id);
    auto row = place->Step();
    if (!row) return row.error();
    if (!*row) return Error::Internal("scan_files row vanished during search");
    hit.case_code = place->Text(0);
    hit.exhibit = place->Text(1);
    hit.citation = model::Citation{hit.case_code, hit.exhibit, place->Text(2), place->Text(3)};
    hit.path = place->Text(4);
  } else {
    // An attachment is cited by the message that carried it.
    auto place = db.Prepare(
        "SELECT c.code, e.label, e.sha256, m.locator, COALESCE(a.declared_path, a.file_name, ''), "
        "       COALESCE(a.mime_type, '') FROM attachments a JOIN messages m ON m.id = "
        "a.message_id "
        "JOIN exhibits e ON e.id = a.exhibit_id JOIN cases c ON c.id = e.case_id WHERE a.id = ?");
    if (!place) return place.error();
    place->Bind(1, match.attachment_id.value_or(0));
    auto row = place->Step();
    if (!row) return row.error();
    if (!*row) return Error::Internal("attachment row vanished during search");
    hit.case_code = place->Text(0);
    hit.exhibit = place->Text(1);
    hit.citation = model::Citation{hit.case_code, hit.exhibit, place->Text(2), place->Text(3)};
    hit.path = place->Text(4);
    place_mime = place->Text(5);
  }
  auto file = db.Prepare(
      "SELECT fl.sha256, COALESCE(fl.mime_type, ''), t.extractor FROM files fl "
      "JOIN file_texts t ON t.file_id = fl.id WHERE fl.id = ?");
  if (!file) return file.error();
  file->Bind(1, match.file_id);
  auto frow = file->Step();
  if (!frow) return frow.error();
  if (!*frow) return Error::Internal("file text vanished during search");
  hit.file_sha256 = file->Text(0);
  hit.mime_type = file->Text(1).empty() ? place_mime : file->Text(1);
  hit.extractor = file->Text(2);
  file->Reset();
  auto snippet = db.Prepare(
      "SELECT snippet(file_texts_fts, 0, '[', ']', '…', 16) FROM file_texts_fts "
      "WHERE file_texts_fts MATCH ?1 AND rowid = ?2");
  if (!snippet) return snippet.error();
  snippet->Bind(1, fts_query).Bind(2, match.file_id);
  auto srow = snippet->Step();
  if (!srow) return srow.error();
  if (*srow) hit.snippet = snippet->Text(0);
  snippet->Reset();
  return hit;
}

}  // namespace casegraph::store
