#include "store/nsrl_rds.h"

#include <algorithm>

namespace casegraph::store {
namespace {

Result<bool> HasObject(sqlite3* db, const char* type, const char* name) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type=? AND name=?", -1, &raw, nullptr) != SQLITE_OK) {
    sqlite3_finalize(raw);
    return Error::Corrupt(std::string("not a readable SQLite database: ") + sqlite3_errmsg(db));
  }
  Stmt stmt(db, raw);
  stmt.Bind(1, type).Bind(2, name);
  return stmt.Step();
}

// Columns that lead some index of `table` (an index helps only through its first column).
Result<std::vector<std::string>> LeadingIndexedColumns(sqlite3* db, const std::string& table) {
  sqlite3_stmt* raw = nullptr;
  const char* sql = "SELECT lower(ii.name) FROM pragma_index_list(?1) il, pragma_index_info(il.name) ii WHERE ii.seqno=0";
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    sqlite3_finalize(raw);
    return Error::Corrupt(std::string("cannot list indexes: ") + sqlite3_errmsg(db));
  }
  Stmt stmt(db, raw);
  stmt.Bind(1, table);
  std::vector<std::string> out;
  for (;;) {
    auto row = stmt.Step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(stmt.Text(0));
  }
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

std::string ReadOnlyImmutableUri(const std::string& absolute_path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : absolute_path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
                       c == '_' || c == '.' || c == '~';
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri + "?mode=ro&immutable=1";
}

Result<std::unique_ptr<NsrlDatabase>> NsrlDatabase::Open(const std::string& path) {
  std::unique_ptr<NsrlDatabase> db(new NsrlDatabase());
  db->path_ = path;
  const std::string uri = ReadOnlyImmutableUri(path);
  const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(uri.c_str(), &db->db_, flags, nullptr) != SQLITE_OK) {
    const std::string msg = db->db_ ? sqlite3_errmsg(db->db_) : "out of memory";
    return Error::Io("cannot open NSRL database read-only: " + msg, Location{path, ""});
  }
  auto fail = [&](const Error& e) { return e.WithFile(path); };
  auto file_table = HasObject(db->db_, "table", "FILE");
  if (!file_table) return fail(file_table.error());
  auto distinct_view = HasObject(db->db_, "view", "DISTINCT_HASH");
  if (!distinct_view) return fail(distinct_view.error());
  auto metadata_table = HasObject(db->db_, "table", "METADATA");
  if (!metadata_table) return fail(metadata_table.error());
  if (*file_table && *distinct_view) {
    db->layout_ = "minimal";
  } else if (*metadata_table) {
    db->layout_ = "full";
  } else {
    return Error::InvalidArgument(
        "SQLite database is not an NSRL RDSv3: neither a FILE table with a DISTINCT_HASH view (minimal) nor a "
        "METADATA table (full)",
        Location{path, ""});
  }
  if (Status s = db->Prepare(); !s) return fail(s.error());
  return db;
}

NsrlDatabase::~NsrlDatabase() {
  lookups_.clear();  // finalize statements before closing the connection
  sqlite3_close_v2(db_);
}

Status NsrlDatabase::Prepare() {
  const std::string table = layout_ == "minimal" ? "FILE" : "METADATA";
  auto indexed = LeadingIndexedColumns(db_, table);
  if (!indexed) return indexed.error();
  for (const char* algorithm : {"sha256", "sha1", "md5"}) {
    const bool has_index = std::find(indexed->begin(), indexed->end(), algorithm) != indexed->end();
    if (std::string(algorithm) != "sha256" && !has_index) continue;
    const std::string a = algorithm;
    const std::string sql =
        layout_ == "minimal"
            ? "SELECT " + a + ", min(file_name) FROM FILE WHERE " + a + " IN (?1, ?2)"
            : "SELECT metadata_id, file_name, extension FROM METADATA WHERE " + a + " IN (?1, ?2) ORDER BY metadata_id LIMIT 1";
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr) != SQLITE_OK) {
      sqlite3_finalize(raw);
      return Error::Corrupt("NSRL " + layout_ + " layout lacks the expected columns: " + sqlite3_errmsg(db_));
    }
    algorithms_.push_back(a);
    lookups_.emplace_back(db_, raw);
  }
  sqlite3_stmt* raw = nullptr;
  const std::string count_sql = "SELECT max(rowid) FROM " + table;
  if (sqlite3_prepare_v2(db_, count_sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    sqlite3_finalize(raw);
    return Error::Corrupt(std::string("cannot count NSRL rows: ") + sqlite3_errmsg(db_));
  }
  Stmt count(db_, raw);
  auto row = count.Step();
  if (!row) return row.error();
  entries_ = *row ? count.Int(0) : 0;
  count.Reset();
  return Ok();
}

Result<std::optional<NsrlHit>> NsrlDatabase::Find(const model::FileDigests& digests) {
  for (size_t i = 0; i < algorithms_.size(); ++i) {
    const std::string& a = algorithms_[i];
    const std::string lower = Lower(a == "sha256" ? digests.sha256 : a == "sha1" ? digests.sha1 : digests.md5);
    if (lower.empty()) continue;
    const std::string upper = Upper(lower);
    Stmt& stmt = lookups_[i];
    stmt.Bind(1, upper).Bind(2, lower);
    auto row = stmt.Step();
    if (!row) return Error(row.error()).WithFile(path_);
    std::optional<NsrlHit> hit;
    if (*row && layout_ == "minimal" && !stmt.IsNull(0)) {
      hit = NsrlHit{a, lower, stmt.Text(1), "FILE " + a + "=" + stmt.Text(0)};
    } else if (*row && layout_ == "full") {
      std::string label = stmt.Text(1);
      if (const std::string ext = stmt.Text(2); !ext.empty()) label += "." + ext;
      hit = NsrlHit{a, lower, label, "METADATA metadata_id=" + std::to_string(stmt.Int(0))};
    }
    stmt.Reset();
    if (hit) return hit;
  }
  return std::optional<NsrlHit>();
}

}  // namespace casegraph::store
