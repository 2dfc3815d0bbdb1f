#include "graph/subject_accounts.h"

#include <algorithm>
#include <cctype>

#include "graph/refresh.h"
#include "store/audit_log.h"

namespace casegraph::graph {
namespace {

Status InsertDeclarations(store::Workspace& ws, int64_t subject_id, const std::vector<std::string>& refs,
                          const std::string& actor) {
  auto insert = ws.db().Prepare(
      "INSERT INTO subject_accounts(subject_id, account_ref, declared_by, declared_at) VALUES(?,?,?,?)");
  if (!insert) return insert.error();
  const std::string at = store::NowUtc();
  for (const auto& ref : refs) CASEGRAPH_RETURN_IF_ERROR(insert->Bind(1, subject_id).Bind(2, ref).Bind(3, actor).Bind(4, at).Run());
  return Ok();
}

std::string Joined(const std::vector<std::string>& refs) {
  std::string out;
  for (const auto& r : refs) out += (out.empty() ? "" : ",") + r;
  return out;
}

}  // namespace

Status ValidateAccountRef(const std::string& ref) {
  const size_t colon = ref.find(':');
  const bool spaces = std::any_of(ref.begin(), ref.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  if (colon == std::string::npos || colon == 0 || colon + 1 == ref.size() || spaces) {
    return Error::InvalidArgument("'" + ref + "' is not an account ref (expected <platform>:<id>, e.g. telegram:user123)");
  }
  return Ok();
}

Result<store::SubjectRow> AddSubjectWithAccounts(store::Workspace& ws, const std::string& case_code,
                                                 const std::string& label, const std::string& born,
                                                 const std::string& role, const std::vector<std::string>& refs,
                                                 const std::string& actor) {
  std::vector<std::string> unique = refs;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (const auto& ref : unique) CASEGRAPH_RETURN_IF_ERROR(ValidateAccountRef(ref));
  CASEGRAPH_RETURN_IF_ERROR(ws.Begin());
  auto fail = [&](Error e) -> Result<store::SubjectRow> {
    ws.Rollback();
    return e;
  };
  auto row = ws.InsertSubject(case_code, label, born, role);
  if (!row) return fail(row.error());
  store::AuditParams params = {{"case", case_code}, {"label", label}, {"born", born}, {"role", role}};
  if (!unique.empty()) params.emplace_back("accounts", Joined(unique));
  Status s = InsertDeclarations(ws, row->id, unique, actor);
  if (s) s = store::AppendAudit(ws.db(), actor, "subject add", params);
  if (s && !unique.empty()) s = RefreshInTransaction(ws);
  if (s) s = ws.Commit();
  if (!s) return fail(s.error());
  return row;
}

Status DeclareSubjectAccount(store::Workspace& ws, const std::string& case_code, const std::string& label,
                             const std::string& ref, const std::string& actor) {
  CASEGRAPH_RETURN_IF_ERROR(ValidateAccountRef(ref));
  auto c = ws.FindCase(case_code);
  if (!c) return c.error();
  auto subject = ws.FindSubject(c->id, label);
  if (!subject) return subject.error();
  auto exists = ws.db().Prepare("SELECT 1 FROM subject_accounts WHERE subject_id=? AND account_ref=?");
  if (!exists) return exists.error();
  exists->Bind(1, subject->id).Bind(2, ref);
  auto row = exists->Step();
  if (!row) return row.error();
  if (*row) {
    exists->Reset();
    return Error::Conflict(ref + " is already declared as an account of " + case_code + "/" + label);
  }
  CASEGRAPH_RETURN_IF_ERROR(ws.Begin());
  Status s = InsertDeclarations(ws, subject->id, {ref}, actor);
  if (s) s = store::AppendAudit(ws.db(), actor, "subject account", {{"case", case_code}, {"label", label}, {"account", ref}});
  if (s) s = RefreshInTransaction(ws);
  if (s) s = ws.Commit();
  if (!s) {
    ws.Rollback();
    return s;
  }
  return Ok();
}

Result<bool> AccountExists(store::Workspace& ws, const std::string& ref) {
  auto stmt = ws.db().Prepare("SELECT 1 FROM accounts WHERE ref=?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, ref);
  auto row = stmt->Step();
  if (!row) return row.error();
  stmt->Reset();
  return *row;
}

}  // namespace casegraph::graph
