#include "store/sqlite_util.h"

namespace casegraph::store {

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Stmt& Stmt::Bind(int idx, int64_t v) {
  sqlite3_bind_int64(stmt_, idx, v);
  return *this;
}

Stmt& Stmt::BindDouble(int idx, double v) {
  sqlite3_bind_double(stmt_, idx, v);
  return *this;
}

Stmt& Stmt::Bind(int idx, std::string_view v) {
  // SQLITE_STATIC: the caller's text outlives the statement's next Run/Step, which is how
  // every call site uses it, and it saves a copy per column on the ingest hot path.
  sqlite3_bind_text64(stmt_, idx, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
  return *this;
}

Stmt& Stmt::Bind(int idx, const std::optional<int64_t>& v) {
  if (v) return Bind(idx, *v);
  return BindNull(idx);
}

Stmt& Stmt::BindNull(int idx) {
  sqlite3_bind_null(stmt_, idx);
  return *this;
}

Stmt& Stmt::BindOrNull(int idx, std::string_view v) {
  if (v.empty()) return BindNull(idx);
  return Bind(idx, v);
}

Status Stmt::Run() {
  int rc = sqlite3_step(stmt_);
  while (rc == SQLITE_ROW) rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (rc != SQLITE_DONE) return Error::Io(std::string("database: ") + sqlite3_errmsg(db_));
  return Ok();
}

Result<bool> Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  sqlite3_reset(stmt_);
  if (rc == SQLITE_DONE) return false;
  return Error::Io(std::string("database: ") + sqlite3_errmsg(db_));
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::optional<int64_t> Stmt::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

Db::~Db() { sqlite3_close_v2(db_); }

namespace {

// Process-wide SQLite settings, before the library initialises: each connection is used by
// one thread at a time, and memory statistics (a global mutex per allocation) are not needed.
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

Status Db::Open(const std::string& path, bool create) {
  ConfigureSqliteOnce();
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return Error::Io("cannot open workspace: " + msg, Location{path, ""});
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
  return Ok();
}

Status Db::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return Error::Io("database: " + msg);
  }
  return Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error::Internal(std::string("database: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql));
  return Stmt(db_, stmt);
}

Result<int64_t> Db::QueryInt(std::string_view sql) {
  auto stmt = Prepare(sql);
  if (!stmt) return stmt.error();
  auto row = stmt->Step();
  if (!row) return row.error();
  int64_t v = *row ? stmt->Int(0) : 0;
  stmt->Reset();
  return v;
}

}  // namespace casegraph::store
