#include "graph/ref_resolve.h"

#include <algorithm>
#include <array>

#include "graph/query_rows.h"

namespace casegraph::graph {
namespace {

constexpr std::string_view kPersonPrefix = "person:";
constexpr std::string_view kSubjectPrefix = "subject:";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Status CollectIds(store::Stmt& stmt, std::vector<int64_t>& out) {
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(stmt, [&](store::Stmt& s) { out.push_back(s.Int(0)); }));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return Ok();
}

Result<Endpoint> ResolveSubject(store::Workspace& ws, std::string_view text) {
  const std::string_view rest = text.substr(kSubjectPrefix.size());
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == rest.size()) {
    return Error::InvalidArgument("subject ref '" + std::string(text) + "' must be subject:CASE/LABEL");
  }
  auto c = ws.FindCase(std::string(rest.substr(0, slash)));
  if (!c) return c.error();
  auto s = ws.FindSubject(c->id, std::string(rest.substr(slash + 1)));
  if (!s) return Error::NotFound("unknown subject '" + std::string(text) + "'");
  Endpoint e;
  e.kind = EndpointKind::kSubject;
  e.ref = "subject:" + c->code + "/" + s->label;
  e.id = s->id;
  e.case_id = c->id;
  auto stmt = ws.db().Prepare("SELECT account_id FROM g_subject_accounts WHERE subject_id=?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, e.id);
  CASEGRAPH_RETURN_IF_ERROR(CollectIds(*stmt, e.accounts));
  return e;
}

// nullopt-like: id 0 when no person has that key.
Result<Endpoint> ResolvePerson(store::Workspace& ws, std::string_view key) {
  auto stmt = ws.db().Prepare("SELECT id, key FROM persons WHERE key=?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, key);
  Endpoint e;
  e.kind = EndpointKind::kPerson;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*stmt, [&](store::Stmt& s) {
    e.id = s.Int(0);
    e.ref = std::string(kPersonPrefix) + s.Text(1);
    return false;
  }));
  if (e.id == 0) return e;
  auto members = ws.db().Prepare("SELECT account_id FROM person_members WHERE person_id=? AND status='confirmed'");
  if (!members) return members.error();
  members->Bind(1, e.id);
  CASEGRAPH_RETURN_IF_ERROR(CollectIds(*members, e.accounts));
  return e;
}

Result<Endpoint> ResolveAccount(store::Workspace& ws, std::string_view ref) {
  auto stmt = ws.db().Prepare("SELECT id, ref FROM accounts WHERE ref=?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, ref);
  Endpoint e;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*stmt, [&](store::Stmt& s) {
    e.id = s.Int(0);
    e.ref = s.Text(1);
    return false;
  }));
  if (e.id != 0) e.accounts.push_back(e.id);
  return e;
}

}  // namespace

bool IsDeviceLocalRef(std::string_view ref) {
  const size_t colon = ref.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view platform = ref.substr(0, colon);
  static constexpr std::array<std::string_view, 5> kLocalSuffixes = {"-contact", "-owner", "-name", "-chat",
                                                                     "-conversation"};
  return std::any_of(kLocalSuffixes.begin(), kLocalSuffixes.end(),
                     [&](std::string_view suffix) { return EndsWith(platform, suffix); });
}

Result<Endpoint> ResolveRef(store::Workspace& ws, std::string_view text) {
  if (text.empty()) return Error::InvalidArgument("empty ref (give an account ref, person:KEY or subject:CASE/LABEL)");
  if (text.substr(0, kSubjectPrefix.size()) == kSubjectPrefix) return ResolveSubject(ws, text);
  if (text.substr(0, kPersonPrefix.size()) == kPersonPrefix) {
    auto p = ResolvePerson(ws, text.substr(kPersonPrefix.size()));
    if (!p) return p.error();
    if (p->id == 0) return Error::NotFound("unknown person '" + std::string(text) + "' (see `casegraph persons`)");
    return p;
  }
  auto a = ResolveAccount(ws, text);
  if (!a) return a.error();
  if (a->id != 0) return a;
  if (text.find(':') == std::string_view::npos) {  // a bare person key
    auto p = ResolvePerson(ws, text);
    if (!p) return p.error();
    if (p->id != 0) return p;
  }
  return Error::NotFound("unknown ref '" + std::string(text) +
                         "': no such account, person or subject (refs look like telegram:user123, person:P-…, "
                         "subject:CASE/LABEL; see `casegraph accounts`)");
}

}  // namespace casegraph::graph
