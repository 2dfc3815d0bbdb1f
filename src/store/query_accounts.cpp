#include <algorithm>
#include <map>

#include "store/queries.h"

namespace casegraph::store {

Result<std::vector<AccountSummary>> QueryAccounts(Workspace& ws, const std::string& case_code) {
  int64_t case_id = 0;
  if (!case_code.empty()) {
    auto c = ws.FindCase(case_code);
    if (!c) return c.error();
    case_id = c->id;
  }
  // Accounts in scope, in ref order.
  auto accounts = ws.db().Prepare(
      "SELECT DISTINCT a.id, a.ref, a.platform FROM accounts a JOIN exhibit_accounts ea ON ea.account_id=a.id "
      "JOIN exhibits e ON e.id=ea.exhibit_id WHERE (?1=0 OR e.case_id=?1) ORDER BY a.ref");
  auto attrs = ws.db().Prepare(
      "SELECT aa.kind, aa.value, MIN(aa.first_seen_utc), MAX(aa.last_seen_utc), GROUP_CONCAT(DISTINCT e.label) "
      "FROM account_attributes aa JOIN exhibits e ON e.id=aa.exhibit_id WHERE aa.account_id=?1 AND (?2=0 OR e.case_id=?2) "
      "GROUP BY aa.kind, aa.value ORDER BY MIN(aa.first_seen_utc) IS NULL, MIN(aa.first_seen_utc), aa.value");
  auto cases = ws.db().Prepare(
      "SELECT DISTINCT c.code, ea.role FROM exhibit_accounts ea JOIN exhibits e ON e.id=ea.exhibit_id "
      "JOIN cases c ON c.id=e.case_id WHERE ea.account_id=?1 ORDER BY c.code");
  // Message counts in one pass rather than one query per account.
  auto counts = ws.db().Prepare(
      "SELECT m.sender_account_id, COUNT(*) FROM messages m JOIN exhibits e ON e.id=m.exhibit_id "
      "WHERE m.sender_account_id IS NOT NULL AND (?1=0 OR e.case_id=?1) GROUP BY m.sender_account_id");
  auto owners = ws.db().Prepare(
      "SELECT DISTINCT c.code || '/' || s.label FROM exhibits e JOIN subjects s ON s.id=e.owner_subject_id "
      "JOIN cases c ON c.id=e.case_id WHERE e.owner_account_id=?1 ORDER BY 1");
  auto metrics = ws.db().Prepare("SELECT pagerank, betweenness, community FROM g_account_metrics WHERE account_id=?1");
  if (!metrics) return metrics.error();
  if (!owners) return owners.error();
  if (!accounts) return accounts.error();
  if (!attrs) return attrs.error();
  if (!cases) return cases.error();
  if (!counts) return counts.error();
  std::map<int64_t, int64_t> message_counts;
  counts->Bind(1, case_id);
  for (;;) {
    auto row = counts->Step();
    if (!row) return row.error();
    if (!*row) break;
    message_counts[counts->Int(0)] = counts->Int(1);
  }
  std::vector<AccountSummary> out;
  accounts->Bind(1, case_id);
  for (;;) {
    auto row = accounts->Step();
    if (!row) return row.error();
    if (!*row) break;
    const int64_t id = accounts->Int(0);
    AccountSummary a;
    a.ref = accounts->Text(1);
    a.platform = accounts->Text(2);
    a.messages = message_counts.count(id) ? message_counts[id] : 0;
    attrs->Bind(1, id).Bind(2, case_id);
    for (;;) {
      auto arow = attrs->Step();
      if (!arow) return arow.error();
      if (!*arow) break;
      AttributeValue v;
      v.value = attrs->Text(1);
      v.first_seen_utc = attrs->OptInt(2);
      v.last_seen_utc = attrs->OptInt(3);
      std::string labels = attrs->Text(4);
      for (size_t start = 0; start <= labels.size();) {
        size_t comma = labels.find(',', start);
        if (comma == std::string::npos) comma = labels.size();
        if (comma > start) v.exhibits.push_back(labels.substr(start, comma - start));
        start = comma + 1;
      }
      const std::string kind = attrs->Text(0);
      if (kind == "display_name") a.names.push_back(std::move(v));
      else if (kind == "username") a.usernames.push_back(std::move(v));
      else if (kind == "phone") a.phones.push_back(std::move(v));
    }
    cases->Bind(1, id);
    for (;;) {
      auto crow = cases->Step();
      if (!crow) return crow.error();
      if (!*crow) break;
      std::string code = cases->Text(0), role = cases->Text(1);
      if (std::find(a.cases.begin(), a.cases.end(), code) == a.cases.end()) a.cases.push_back(code);
      if (std::find(a.roles.begin(), a.roles.end(), role) == a.roles.end()) a.roles.push_back(role);
    }
    owners->Bind(1, id);
    for (;;) {
      auto orow = owners->Step();
      if (!orow) return orow.error();
      if (!*orow) break;
      a.subjects.push_back(owners->Text(0));
    }
    metrics->Bind(1, id);
    auto mrow = metrics->Step();
    if (!mrow) return mrow.error();
    if (*mrow) {
      a.pagerank = metrics->Double(0);
      a.betweenness = metrics->Double(1);
      a.community = metrics->Int(2);
      metrics->Reset();
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace casegraph::store
