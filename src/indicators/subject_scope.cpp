#include "indicators/subject_scope.h"

#include <algorithm>
#include <cstdlib>

#include "base/time_util.h"
#include "graph/query_rows.h"

namespace casegraph::indicators {
namespace {

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the latest civil date it allows; nullopt when malformed.
std::optional<LocalDateTime> LatestBirthday(const std::string& born) {
  auto number = [&](size_t at, size_t len) -> int {
    if (born.size() < at + len) return -1;
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (born[i] < '0' || born[i] > '9') return -1;
      v = v * 10 + (born[i] - '0');
    }
    return v;
  };
  LocalDateTime d;
  d.year = number(0, 4);
  if (d.year < 1900) return std::nullopt;
  if (born.size() == 4) {
    d.month = 12;
    d.day = 31;
    return d;
  }
  if (born.size() < 7 || born[4] != '-') return std::nullopt;
  d.month = number(5, 2);
  if (d.month < 1 || d.month > 12) return std::nullopt;
  if (born.size() == 7) {
    d.day = DaysInMonth(d.year, d.month);
    return d;
  }
  if (born.size() != 10 || born[7] != '-') return std::nullopt;
  d.day = number(8, 2);
  if (d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return std::nullopt;
  return d;
}

}  // namespace

bool ScopedSubject::Uses(std::optional<int64_t> account_id) const {
  return account_id && std::binary_search(account_ids.begin(), account_ids.end(), *account_id);
}

std::optional<bool> MayBeMinorAt(const std::string& born, int64_t utc) {
  auto birthday = LatestBirthday(born);
  if (!birthday) return std::nullopt;
  LocalDateTime adult = *birthday;
  adult.year += 18;
  if (adult.month == 2 && adult.day == 29 && DaysInMonth(adult.year, 2) == 28) {
    adult.month = 3;  // born on 29 February: of age on 1 March in a common year
    adult.day = 1;
  }
  const int64_t of_age = CivilToUnix(adult) + 12 * 3600;  // midnight at UTC-12
  return utc < of_age;
}

Result<SubjectScope> SubjectScope::Load(store::Workspace& ws, const std::vector<std::string>& case_codes) {
  SubjectScope scope;
  if (case_codes.empty()) {
    auto all = ws.db().Prepare("SELECT id, code FROM cases ORDER BY code");
    if (!all) return all.error();
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*all, [&](store::Stmt& r) {
      scope.case_codes_by_id_[r.Int(0)] = r.Text(1);
    }));
  } else {
    for (const auto& code : case_codes) {
      auto row = ws.FindCase(code);
      if (!row) return row.error();
      scope.case_codes_by_id_[row->id] = code;
    }
  }
  for (const auto& [id, code] : scope.case_codes_by_id_) scope.case_codes_.push_back(code);
  std::sort(scope.case_codes_.begin(), scope.case_codes_.end());

  auto subjects = ws.db().Prepare("SELECT id, case_id, label, COALESCE(born, ''), COALESCE(role, '') FROM subjects");
  if (!subjects) return subjects.error();
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*subjects, [&](store::Stmt& r) {
    const int64_t case_id = r.Int(1);
    if (!scope.HasCase(case_id)) return;
    scope.subjects_.push_back({r.Int(0), case_id, scope.CaseCode(case_id), r.Text(2), r.Text(3), r.Text(4), {}});
  }));
  std::sort(scope.subjects_.begin(), scope.subjects_.end(), [](const ScopedSubject& a, const ScopedSubject& b) {
    return std::tie(a.case_code, a.label) < std::tie(b.case_code, b.label);
  });
  auto accounts = ws.db().Prepare("SELECT account_id FROM g_subject_accounts WHERE subject_id = ? ORDER BY account_id");
  if (!accounts) return accounts.error();
  for (size_t i = 0; i < scope.subjects_.size(); ++i) {
    ScopedSubject& s = scope.subjects_[i];
    accounts->Bind(1, s.id);
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*accounts, [&](store::Stmt& r) {
      s.account_ids.push_back(r.Int(0));
      scope.by_account_.emplace(r.Int(0), i);
    }));
  }
  return scope;
}

std::string SubjectScope::CaseCode(int64_t case_id) const {
  auto it = case_codes_by_id_.find(case_id);
  return it == case_codes_by_id_.end() ? std::string() : it->second;
}

std::vector<const ScopedSubject*> SubjectScope::SubjectsOfAccount(int64_t account_id, int64_t case_id) const {
  std::vector<const ScopedSubject*> out;
  for (const ScopedSubject* s : SubjectsOfAccount(account_id)) {
    if (s->case_id == case_id) out.push_back(s);
  }
  return out;
}

std::vector<const ScopedSubject*> SubjectScope::SubjectsOfAccount(int64_t account_id) const {
  std::vector<const ScopedSubject*> out;
  auto [from, to] = by_account_.equal_range(account_id);
  for (auto it = from; it != to; ++it) out.push_back(&subjects_[it->second]);
  std::sort(out.begin(), out.end(), [](const ScopedSubject* a, const ScopedSubject* b) {
    return std::tie(a->case_code, a->label) < std::tie(b->case_code, b->label);
  });
  return out;
}

Result<std::string> AccountRefs::Ref(int64_t account_id) {
  auto it = cache_.find(account_id);
  if (it != cache_.end()) return it->second;
  auto stmt = ws_.db().Prepare("SELECT ref FROM accounts WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, account_id);
  auto has = stmt->Step();
  if (!has) return has.error();
  if (!*has) return Error::NotFound("no account with id " + std::to_string(account_id));
  return cache_[account_id] = stmt->Text(0);
}

}  // namespace casegraph::indicators
