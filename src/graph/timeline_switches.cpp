// Platform switches for the timeline: an entity's first activity (first message, from
// g_account_cases) on each platform; every platform after the first is a switch. For a whole
// case the entities are its subjects and the persons with an account in it, and only switches
// that happen in the case are shown.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "graph/query_rows.h"
#include "graph/timeline_sources.h"

namespace casegraph::graph {
namespace {

struct FirstActivity {
  int64_t at = 0, account = 0, case_id = 0, exhibit = 0;
  std::string locator;
};

}  // namespace

Status TimelineSources::SwitchesOf(const std::vector<int64_t>& accounts, const std::string& label,
                                   const TimelineScope& scope, std::vector<TimelineEvent>& out) {
  auto stmt = ws_->db().Prepare(
      "SELECT case_id, first_at, cite_exhibit_id, cite_locator FROM g_account_cases "
      "WHERE account_id=?1 AND first_at IS NOT NULL");
  if (!stmt) return stmt.error();
  std::map<std::string, FirstActivity> first;  // platform -> earliest activity
  for (int64_t account : accounts) {
    auto facts = Account(account);
    if (!facts) return facts.error();
    stmt->Bind(1, account);
    CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*stmt, [&](store::Stmt& s) {
      FirstActivity a{s.Int(1), account, s.Int(0), s.Int(2), s.Text(3)};
      auto it = first.find(facts->platform);
      if (it == first.end() || std::tie(a.at, a.account, a.case_id) < std::tie(it->second.at, it->second.account, it->second.case_id)) {
        first[facts->platform] = a;
      }
    }));
  }
  std::vector<std::pair<std::string, FirstActivity>> order(first.begin(), first.end());
  std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
    return std::tie(x.second.at, x.first) < std::tie(y.second.at, y.first);
  });
  for (size_t i = 1; i < order.size(); ++i) {
    const auto& [platform, a] = order[i];
    if ((scope.case_id != 0 && a.case_id != scope.case_id) || a.at < scope.from || a.at > scope.until) continue;
    auto facts = Account(a.account);
    if (!facts) return facts.error();
    TimelineEvent e;
    e.kind = kEventPlatformSwitch;
    e.seq = a.account;
    Place(e, a.at, a.exhibit, a.locator);
    e.actor = facts->ref;
    e.platform = platform;
    e.summary = label + " first active on " + platform + " (as " + facts->ref + "), after " + order[i - 1].first;
    out.push_back(std::move(e));
  }
  return Ok();
}

Status TimelineSources::PlatformSwitches(const TimelineScope& scope, std::vector<TimelineEvent>& out) {
  if (!scope.accounts.empty()) return SwitchesOf(scope.accounts, scope.label, scope, out);
  std::map<std::string, std::vector<int64_t>> entities;  // label -> accounts
  auto subjects = ws_->db().Prepare(
      "SELECT 'subject:' || c.code || '/' || s.label, gs.account_id FROM g_subject_accounts gs "
      "JOIN subjects s ON s.id=gs.subject_id JOIN cases c ON c.id=s.case_id WHERE s.case_id=?1");
  if (!subjects) return subjects.error();
  subjects->Bind(1, scope.case_id);
  CASEGRAPH_RETURN_IF_ERROR(
      ForEachRow(*subjects, [&](store::Stmt& s) { entities[s.Text(0)].push_back(s.Int(1)); }));
  auto persons = ws_->db().Prepare(
      "SELECT 'person:' || p.key, pm.account_id FROM person_members pm JOIN persons p ON p.id=pm.person_id "
      "WHERE pm.status='confirmed' AND pm.person_id IN (SELECT x.person_id FROM person_members x "
      "JOIN g_account_cases ac ON ac.account_id=x.account_id AND ac.case_id=?1 WHERE x.status='confirmed')");
  if (!persons) return persons.error();
  persons->Bind(1, scope.case_id);
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*persons, [&](store::Stmt& s) { entities[s.Text(0)].push_back(s.Int(1)); }));
  for (auto& [label, accounts] : entities) {
    std::sort(accounts.begin(), accounts.end());
    accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
    CASEGRAPH_RETURN_IF_ERROR(SwitchesOf(accounts, label, scope, out));
  }
  return Ok();
}

}  // namespace casegraph::graph
