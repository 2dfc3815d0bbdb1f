#include "store/hashset_store.h"

#include <algorithm>
#include <fstream>

#include "hashing/digest.h"
#include "hashing/hashset_formats.h"
#include "store/audit_log.h"
#include "store/hashset_rematch.h"
#include "store/nsrl_rds.h"

namespace casegraph::store {
namespace {

constexpr size_t kHeadBytes = 64 * 1024;
constexpr const char* kRowColumns =
    "s.id, s.name, s.kind, s.format, s.source_path, s.source_sha256, s.in_place, s.layout, s.entries, s.imported_at, s.examiner, "
    "(SELECT count(DISTINCT m.file_id) FROM hash_matches m WHERE m.hashset_id=s.id)";

HashSetRow ReadRow(const Stmt& q) {
  HashSetRow r;
  r.id = q.Int(0);
  r.name = q.Text(1);
  r.kind = q.Text(2);
  r.format = q.Text(3);
  r.source_path = q.Text(4);
  r.source_sha256 = q.Text(5);
  r.in_place = q.Int(6) != 0;
  r.layout = q.Text(7);
  r.entries = q.Int(8);
  r.imported_at = q.Text(9);
  r.examiner = q.Text(10);
  r.matched_files = q.Int(11);
  return r;
}

// The set selected by `where` (one '?' bound to `key`), or nullopt.
Result<std::optional<HashSetRow>> FindSet(Db& db, const std::string& where, const std::string& key) {
  auto q = db.Prepare(std::string("SELECT ") + kRowColumns + " FROM hashsets s WHERE " + where);
  if (!q) return q.error();
  q->Bind(1, key);
  auto row = q->Step();
  if (!row) return row.error();
  std::optional<HashSetRow> out;
  if (*row) out = ReadRow(*q);
  q->Reset();
  return out;
}

// The first bytes of the file (not mapped: an NSRL database is hundreds of GB).
Result<std::string> ReadHead(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Io("cannot read the hash set", Location{path, ""});
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

struct EntryWriter {
  Db& db;
  int64_t set_id;
  Stmt hashes, pdq;
  int64_t written = 0;
  std::vector<internal::SetPdqEntry> pdq_entries;
  Status status;

  void Write(const hashing::HashSetEntry& e) {
    if (!status.ok()) return;
    if (e.algorithm == "pdq") {
      std::optional<int64_t> quality;
      if (e.quality) quality = *e.quality;
      status = pdq.Bind(1, set_id).Bind(2, e.value).Bind(3, quality).BindOrNull(4, e.label).BindOrNull(5, e.locator).Run();
      if (status.ok()) {
        ++written;
        pdq_entries.push_back({e.value, e.label, e.locator});
      }
      return;
    }
    status = hashes.Bind(1, e.algorithm).Bind(2, e.value).Bind(3, set_id).BindOrNull(4, e.label).BindOrNull(5, e.locator).Run();
    if (status.ok()) written += sqlite3_changes(db.raw());  // a digest listed twice counts once
  }
};

}  // namespace

const std::vector<std::string>& HashSetKinds() {
  static const std::vector<std::string> kKinds = {"known", "known-good", "known-bad", "alert"};
  return kKinds;
}

bool IsHashSetKind(const std::string& kind) {
  return std::find(HashSetKinds().begin(), HashSetKinds().end(), kind) != HashSetKinds().end();
}

Result<std::string> ResolveHashSetFormat(const std::string& path, const std::string& format) {
  if (format != "auto" && !hashing::IsHashSetFormat(format)) {
    return Error::InvalidArgument("unknown hash-set format '" + format + "'", Location{path, ""});
  }
  auto stat = RealFileSystem().Stat(path);
  if (!stat) return stat.error().WithFile(path);
  if (stat->is_directory) return Error::InvalidArgument("a hash set is a file, not a folder", Location{path, ""});
  if (format != "auto") return format;
  auto head = ReadHead(path);
  if (!head) return head.error();
  return hashing::DetectHashSetFormat(path, *head);
}

Result<HashSetImportOutcome> ImportHashSet(Workspace& ws, const HashSetImportRequest& req) {
  if (req.name.empty()) return Error::InvalidArgument("a hash set needs a --name");
  if (!req.kind.empty() && !IsHashSetKind(req.kind)) {
    return Error::InvalidArgument("unknown kind '" + req.kind + "' (known, known-good, known-bad, alert)");
  }
  auto canonical = RealFileSystem().Canonical(req.path);
  if (!canonical) return canonical.error().WithFile(req.path);
  const std::string path = *canonical;
  auto format = ResolveHashSetFormat(path, req.format);
  if (!format) return format.error();
  const bool in_place = *format == "nsrl-rds3";
  const std::string kind = !req.kind.empty() ? req.kind : in_place ? "known" : "";
  if (kind.empty()) {
    return Error::InvalidArgument("--kind is required for a " + *format + " set (known, known-good, known-bad, alert)",
                                  Location{path, ""});
  }

  HashSetImportOutcome out;
  std::unique_ptr<NsrlDatabase> nsrl;
  std::string sha256;
  Result<std::optional<HashSetRow>> same = std::optional<HashSetRow>();
  if (in_place) {
    auto opened = NsrlDatabase::Open(path);
    if (!opened) return opened.error();
    nsrl = std::move(*opened);
    same = FindSet(ws.db(), "s.in_place=1 AND s.source_path=?", path);
  } else {
    auto digest = hashing::Sha256File(RealFileSystem(), path);
    if (!digest) return digest.error().WithFile(path);
    sha256 = *digest;
    same = FindSet(ws.db(), "s.source_sha256=?", sha256);
  }
  if (!same) return same.error();
  if (*same) {
    out.set = **same;
    out.status = "already-imported";
    return out;
  }
  auto named = FindSet(ws.db(), "s.name=?", req.name);
  if (!named) return named.error();
  if (*named) return Error::Conflict("a hash set named '" + req.name + "' already exists (from " + (*named)->source_path + ")");

  CASEGRAPH_RETURN_IF_ERROR(ws.Begin());
  auto rollback = [&](const Error& e) -> Result<HashSetImportOutcome> {
    ws.Rollback();
    return e;
  };
  auto insert = ws.db().Prepare(
      "INSERT INTO hashsets(name, kind, format, source_path, source_sha256, in_place, layout, entries, imported_at, examiner) "
      "VALUES(?,?,?,?,?,?,?,0,?,?)");
  if (!insert) return rollback(insert.error());
  const std::string layout = nsrl ? nsrl->layout() : "";
  const std::string now = NowUtc();
  Status s = insert->Bind(1, req.name).Bind(2, kind).Bind(3, *format).Bind(4, path).BindOrNull(5, sha256).Bind(6, int64_t{in_place})
                 .BindOrNull(7, layout).Bind(8, now).Bind(9, req.examiner).Run();
  if (!s) return rollback(s.error());
  const int64_t set_id = ws.db().LastInsertId();

  int64_t entries = 0;
  if (nsrl) {
    entries = nsrl->entries();
    if (s = internal::RematchNsrl(ws.db(), set_id, *nsrl); !s) return rollback(s.error());
  } else {
    auto hashes = ws.db().Prepare("INSERT OR IGNORE INTO hashset_hashes(algorithm, value, hashset_id, label, locator) VALUES(?,?,?,?,?)");
    auto pdq = ws.db().Prepare("INSERT INTO hashset_pdq(hashset_id, hash, quality, label, locator) VALUES(?,?,?,?,?)");
    if (!hashes) return rollback(hashes.error());
    if (!pdq) return rollback(pdq.error());
    EntryWriter writer{ws.db(), set_id, std::move(*hashes), std::move(*pdq), 0, {}, Ok()};
    Diagnostics diagnostics;
    s = hashing::ReadHashSet(RealFileSystem(), path, *format, [&](hashing::HashSetEntry e) { writer.Write(e); }, diagnostics);
    if (s.ok()) s = writer.status;
    out.warnings = diagnostics.warnings();
    out.warning_count = diagnostics.count();
    if (!s) return rollback(s.error());
    entries = writer.written;
    if (s = internal::RematchExact(ws.db(), set_id); !s) return rollback(s.error());
    if (s = internal::RematchPdq(ws.db(), set_id, writer.pdq_entries, req.pdq); !s) return rollback(s.error());
  }
  auto update = ws.db().Prepare("UPDATE hashsets SET entries=? WHERE id=?");
  if (!update) return rollback(update.error());
  if (s = update->Bind(1, entries).Bind(2, set_id).Run(); !s) return rollback(s.error());
  auto row = FindSet(ws.db(), "s.id=?", std::to_string(set_id));
  if (!row) return rollback(row.error());
  out.set = **row;
  s = AppendAudit(ws.db(), req.examiner, "hashset import",
                  {{"name", req.name}, {"kind", kind}, {"format", *format}, {"path", path}, {"sha256", sha256},
                   {"in_place", in_place ? "1" : "0"}, {"layout", layout}, {"entries", std::to_string(entries)},
                   {"warnings", std::to_string(out.warning_count)}, {"matched_files", std::to_string(out.set.matched_files)}});
  if (!s) return rollback(s.error());
  if (s = ws.Commit(); !s) return rollback(s.error());
  out.status = "imported";
  return out;
}

Result<std::vector<HashSetRow>> ListHashSets(Workspace& ws) {
  auto q = ws.db().Prepare(std::string("SELECT ") + kRowColumns + " FROM hashsets s ORDER BY s.name");
  if (!q) return q.error();
  std::vector<HashSetRow> out;
  for (;;) {
    auto row = q->Step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(ReadRow(*q));
  }
  return out;
}

Status RemoveHashSet(Workspace& ws, const std::string& name, const std::string& examiner) {
  auto set = FindSet(ws.db(), "s.name=?", name);
  if (!set) return set.error();
  if (!*set) return Error::NotFound("no hash set named '" + name + "'");
  const HashSetRow& row = **set;
  CASEGRAPH_RETURN_IF_ERROR(ws.Begin());
  Status s;
  for (const char* table : {"hash_matches", "hashset_hashes", "hashset_pdq", "hashsets"}) {
    const std::string column = std::string(table) == "hashsets" ? "id" : "hashset_id";
    auto del = ws.db().Prepare(std::string("DELETE FROM ") + table + " WHERE " + column + "=?");
    s = del ? del->Bind(1, row.id).Run() : Status(del.error());
    if (!s) break;
  }
  if (s.ok()) {
    s = AppendAudit(ws.db(), examiner, "hashset remove",
                    {{"name", name}, {"kind", row.kind}, {"format", row.format}, {"path", row.source_path},
                     {"sha256", row.source_sha256}, {"entries", std::to_string(row.entries)},
                     {"matched_files", std::to_string(row.matched_files)}});
  }
  if (!s) {
    ws.Rollback();
    return s.error();
  }
  return ws.Commit();
}

}  // namespace casegraph::store
