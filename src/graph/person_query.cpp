#include "graph/person_query.h"

#include <map>

namespace casegraph::graph {
namespace {

struct ExhibitCite {
  std::string case_code, label, sha256;
};

Result<std::map<int64_t, ExhibitCite>> LoadExhibits(store::Db& db) {
  auto stmt = db.Prepare("SELECT e.id, c.code, e.label, e.sha256 FROM exhibits e JOIN cases c ON c.id = e.case_id");
  if (!stmt) return stmt.error();
  std::map<int64_t, ExhibitCite> out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    out[stmt->Int(0)] = {stmt->Text(1), stmt->Text(2), stmt->Text(3)};
  }
  return out;
}

}  // namespace

Result<std::vector<PersonView>> QueryPersons(store::Workspace& ws, const std::string& case_code) {
  store::Db& db = ws.db();
  int64_t case_id = 0;
  if (!case_code.empty()) {
    auto c = ws.FindCase(case_code);
    if (!c) return c.error();
    case_id = c->id;
  }
  auto exhibits = LoadExhibits(db);
  if (!exhibits) return exhibits.error();
  auto persons = db.Prepare(
      "SELECT p.id, p.key, p.label FROM persons p WHERE ?1 = 0 OR EXISTS ("
      "  SELECT 1 FROM person_members m JOIN g_account_cases g ON g.account_id = m.account_id "
      "  WHERE m.person_id = p.id AND g.case_id = ?1) ORDER BY p.key");
  auto members = db.Prepare(
      "SELECT a.ref, a.platform, m.basis, CAST(ROUND(m.confidence * 100) AS INTEGER), m.status, m.explanation, "
      "m.citations, a.id FROM person_members m JOIN accounts a ON a.id = m.account_id "
      "WHERE m.person_id = ? ORDER BY m.status <> 'confirmed', a.ref");
  auto names = db.Prepare(
      "SELECT DISTINCT value FROM account_attributes WHERE account_id = ? AND kind = 'display_name' ORDER BY value");
  auto citations = db.Prepare(
      "SELECT json_extract(j.value, '$.exhibit_id'), json_extract(j.value, '$.locator') FROM json_each(?) j ORDER BY j.key");
  auto cases = db.Prepare(
      "SELECT DISTINCT c.code FROM person_members m JOIN g_account_cases g ON g.account_id = m.account_id "
      "JOIN cases c ON c.id = g.case_id WHERE m.person_id = ?1 AND (m.status = 'confirmed' OR NOT EXISTS ("
      "  SELECT 1 FROM person_members k WHERE k.person_id = ?1 AND k.status = 'confirmed')) ORDER BY c.code");
  for (auto* stmt : {&persons, &members, &names, &citations, &cases}) {
    if (!*stmt) return stmt->error();
  }
  std::vector<PersonView> out;
  persons->Bind(1, case_id);
  for (;;) {
    auto row = persons->Step();
    if (!row) return row.error();
    if (!*row) break;
    PersonView p;
    p.id = persons->Int(0);
    p.key = persons->Text(1);
    p.label = persons->Text(2);
    cases->Bind(1, p.id);
    for (;;) {
      auto c = cases->Step();
      if (!c) return c.error();
      if (!*c) break;
      p.cases.push_back(cases->Text(0));
    }
    members->Bind(1, p.id);
    for (;;) {
      auto m = members->Step();
      if (!m) return m.error();
      if (!*m) break;
      PersonAccountView a;
      a.ref = members->Text(0);
      a.platform = members->Text(1);
      a.basis = members->Text(2);
      a.confidence = static_cast<double>(members->Int(3)) / 100;
      a.status = members->Text(4);
      a.explanation = members->Text(5);
      const std::string citations_json = members->Text(6);
      names->Bind(1, members->Int(7));
      for (;;) {
        auto n = names->Step();
        if (!n) return n.error();
        if (!*n) break;
        a.names.push_back(names->Text(0));
      }
      citations->Bind(1, citations_json);
      for (;;) {
        auto c = citations->Step();
        if (!c) return c.error();
        if (!*c) break;
        auto e = exhibits->find(citations->Int(0));
        if (e == exhibits->end()) continue;  // cannot happen after a refresh: exhibits are never deleted
        a.citations.push_back({e->second.case_code, e->second.label, e->second.sha256, citations->Text(1)});
      }
      p.accounts.push_back(std::move(a));
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace casegraph::graph
