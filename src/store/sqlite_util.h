// Thin RAII wrappers over the SQLite C API: a connection and a prepared statement with typed
// binds and column reads. Errors come back as Error values carrying SQLite's message.
// Not thread-safe: a Db and its statements belong to one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace casegraph::store {

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binds are 1-based like SQLite's. Text is NOT copied: it must stay alive and unchanged
  // until the statement has been run (Run) or stepped past (Step/Reset).
  Stmt& Bind(int idx, int64_t v);
  Stmt& Bind(int idx, std::string_view v);
  Stmt& Bind(int idx, const char* v) { return Bind(idx, std::string_view(v)); }
  Stmt& Bind(int idx, const std::string& v) { return Bind(idx, std::string_view(v)); }
  Stmt& Bind(int idx, const std::optional<int64_t>& v);
  Stmt& BindNull(int idx);
  // A separate name: an overload would make Bind(i, some_int) ambiguous.
  Stmt& BindDouble(int idx, double v);
  // Binds text, or NULL when empty.
  Stmt& BindOrNull(int idx, std::string_view v);

  // Runs to completion (for INSERT/UPDATE), then resets for reuse.
  Status Run();
  // Steps once: true when a row is available, false when done; resets on done or error.
  Result<bool> Step();
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  std::optional<int64_t> OptInt(int col) const;
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens (creating if `create`) the database file.
  Status Open(const std::string& path, bool create);
  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  // Runs a query that returns one integer (0 when no row).
  Result<int64_t> QueryInt(std::string_view sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* raw() const { return db_; }
  std::string LastError() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace casegraph::store
