#include "store/hashset_rematch.h"

#include "hashing/pdq_index.h"

namespace casegraph::store::internal {

Status RematchExact(Db& db, int64_t set_id) {
  for (const char* algorithm : {"sha256", "sha1", "md5"}) {
    const std::string a = algorithm;
    // files outermost: one primary-key probe of hashset_hashes per stored file.
    auto insert = db.Prepare(
        "INSERT OR IGNORE INTO hash_matches(file_id, hashset_id, match_kind, algorithm, value, distance, label, set_locator) "
        "SELECT f.id, h.hashset_id, 'exact', h.algorithm, h.value, 0, h.label, h.locator FROM files f CROSS JOIN hashset_hashes h "
        "WHERE h.algorithm='" + a + "' AND h.value=f." + a + " AND h.hashset_id=?1 AND NOT EXISTS (SELECT 1 FROM hash_matches m "
        "WHERE m.file_id=f.id AND m.hashset_id=?1 AND m.match_kind='exact')");
    if (!insert) return insert.error();
    CASEGRAPH_RETURN_IF_ERROR(insert->Bind(1, set_id).Run());
  }
  return Ok();
}

namespace {

Result<Stmt> PrepareMatchInsert(Db& db) {
  return db.Prepare(
      "INSERT OR IGNORE INTO hash_matches(file_id, hashset_id, match_kind, algorithm, value, distance, label, set_locator) "
      "VALUES(?,?,?,?,?,?,?,?)");
}

}  // namespace

Status RematchNsrl(Db& db, int64_t set_id, NsrlDatabase& nsrl) {
  auto files = db.Prepare("SELECT id, size_bytes, md5, sha1, sha256 FROM files ORDER BY id");
  if (!files) return files.error();
  auto insert = PrepareMatchInsert(db);
  if (!insert) return insert.error();
  for (;;) {
    auto row = files->Step();
    if (!row) return row.error();
    if (!*row) break;
    const model::FileDigests d{static_cast<uint64_t>(files->Int(1)), files->Text(2), files->Text(3), files->Text(4)};
    auto hit = nsrl.Find(d);
    if (!hit) return hit.error();
    if (!*hit) continue;
    const NsrlHit& h = **hit;
    CASEGRAPH_RETURN_IF_ERROR(insert->Bind(1, files->Int(0)).Bind(2, set_id).Bind(3, "exact").Bind(4, h.algorithm).Bind(5, h.value)
                                  .Bind(6, int64_t{0}).BindOrNull(7, h.label).BindOrNull(8, h.locator).Run());
  }
  return Ok();
}

Status RematchPdq(Db& db, int64_t set_id, const std::vector<SetPdqEntry>& entries, const PdqMatchOptions& options) {
  if (entries.empty()) return Ok();
  hashing::PdqIndex index;
  for (size_t i = 0; i < entries.size(); ++i) {
    auto hash = hashing::PdqFromHex(entries[i].value);
    if (hash) index.Add(*hash, static_cast<uint32_t>(i));
  }
  index.Build();
  auto files = db.Prepare("SELECT id, pdq_hash FROM files WHERE pdq_hash IS NOT NULL AND pdq_quality >= ? ORDER BY id");
  if (!files) return files.error();
  files->Bind(1, int64_t{options.min_quality});
  auto insert = PrepareMatchInsert(db);
  if (!insert) return insert.error();
  for (;;) {
    auto row = files->Step();
    if (!row) return row.error();
    if (!*row) break;
    auto hash = hashing::PdqFromHex(files->Text(1));
    if (!hash) continue;  // not a hash this version wrote; the scan that stored it reported it
    for (const hashing::PdqIndex::Hit& hit : index.Query(*hash, options.max_distance)) {
      const SetPdqEntry& e = entries[hit.id];
      CASEGRAPH_RETURN_IF_ERROR(insert->Bind(1, files->Int(0)).Bind(2, set_id).Bind(3, "pdq").Bind(4, "pdq").Bind(5, e.value)
                                    .Bind(6, int64_t{hit.distance}).BindOrNull(7, e.label).BindOrNull(8, e.locator).Run());
    }
  }
  return Ok();
}

}  // namespace casegraph::store::internal
