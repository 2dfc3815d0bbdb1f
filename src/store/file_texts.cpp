#include "store/file_texts.h"

namespace casegraph::store {

Status StoreFileText(Db& db, int64_t file_id, const extract::DocumentText& text) {
  auto insert =
      db.Prepare("INSERT OR IGNORE INTO file_texts(file_id, extractor, text) VALUES(?, ?, ?)");
  if (!insert) return insert.error();
  insert->Bind(1, file_id).Bind(2, text.extractor).Bind(3, text.text);
  CASEGRAPH_RETURN_IF_ERROR(insert->Run());
  // An external-content FTS table is told about each new row; an ignored insert adds nothing,
  // or the index would count the document twice.
  if (sqlite3_changes(db.raw()) == 0) return Ok();
  auto index = db.Prepare("INSERT INTO file_texts_fts(rowid, text) VALUES(?, ?)");
  if (!index) return index.error();
  index->Bind(1, file_id).Bind(2, text.text);
  return index->Run();
}

}  // namespace casegraph::store
