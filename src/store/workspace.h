// The workspace: one SQLite file holding many cases. Opening it applies pending migrations,
// turns on foreign keys and WAL, and registers the search tokenizer. Commands that change the
// workspace go through a Transaction and append an audit entry inside it.
// Not thread-safe: one Workspace per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/result.h"
#include "store/sqlite_util.h"

namespace casegraph::store {

struct CaseRow {
  int64_t id = 0;
  std::string code, title;
};

struct SubjectRow {
  int64_t id = 0, case_id = 0;
  std::string label, born, role;
};

class Workspace {
 public:
  // Opens or creates the workspace at `path`. With `create` false, a missing file is an error
  // (read commands must not leave an empty workspace behind a typo).
  static Result<std::unique_ptr<Workspace>> Open(const std::string& path, bool create);

  Db& db() { return db_; }
  const std::string& path() const { return path_; }
  int schema_version() const { return schema_version_; }

  Status Begin() { return db_.Exec("BEGIN IMMEDIATE"); }
  Status Commit() { return db_.Exec("COMMIT"); }
  void Rollback() { (void)db_.Exec("ROLLBACK"); }

  Result<CaseRow> FindCase(const std::string& code);
  Result<SubjectRow> FindSubject(int64_t case_id, const std::string& label);

  // Each writes its row and an audit entry in one transaction.
  Result<CaseRow> AddCase(const std::string& code, const std::string& title, const std::string& actor);
  Result<SubjectRow> AddSubject(const std::string& case_code, const std::string& label,
                                const std::string& born, const std::string& role, const std::string& actor);
  // AddSubject's checks and insert without its transaction and audit entry, for a command that
  // writes more in the same transaction. REQUIRES: an open transaction.
  Result<SubjectRow> InsertSubject(const std::string& case_code, const std::string& label,
                                   const std::string& born, const std::string& role);

 private:
  Status Migrate();
  Db db_;
  std::string path_;
  int schema_version_ = 0;
};

// Current UTC time as ISO-8601 with 'Z'.
std::string NowUtc();
// The examiner's name for audit entries: $CASEGRAPH_EXAMINER, else $USER, else "unknown".
std::string DefaultActor();
// Validates "YYYY", "YYYY-MM" or "YYYY-MM-DD".
bool IsValidBirthDate(const std::string& born);

}  // namespace casegraph::store
