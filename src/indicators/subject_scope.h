// What every indicator starts from: the cases in scope (the reader's access), their subjects
// with birth dates and accounts (g_subject_accounts: the owners of their exhibits and the
// accounts the examiner declared), and the rule that says whether a subject could have been a
// minor at a given instant. Shared by the indicators so they agree on who the subjects are.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::indicators {

struct ScopedSubject {
  int64_t id = 0, case_id = 0;
  std::string case_code, label, born, role;
  std::vector<int64_t> account_ids;  // sorted

  // Whether the account is one of this subject's (false for an unknown sender).
  bool Uses(std::optional<int64_t> account_id) const;
};

class SubjectScope {
 public:
  // `case_codes` empty: every case of the workspace. NotFound for an unknown code.
  static Result<SubjectScope> Load(store::Workspace& ws, const std::vector<std::string>& case_codes);

  const std::vector<std::string>& case_codes() const { return case_codes_; }  // sorted
  bool HasCase(int64_t case_id) const { return case_codes_by_id_.count(case_id) > 0; }
  std::string CaseCode(int64_t case_id) const;  // "" when the case is not in scope
  const std::vector<ScopedSubject>& subjects() const { return subjects_; }  // by case, label
  // The subjects of `case_id` that use `account_id` (usually none or one).
  std::vector<const ScopedSubject*> SubjectsOfAccount(int64_t account_id, int64_t case_id) const;
  // Every subject that uses `account_id`, in any case in scope.
  std::vector<const ScopedSubject*> SubjectsOfAccount(int64_t account_id) const;

 private:
  std::vector<std::string> case_codes_;
  std::map<int64_t, std::string> case_codes_by_id_;
  std::vector<ScopedSubject> subjects_;
  std::multimap<int64_t, size_t> by_account_;  // account id -> index into subjects_
};

// Whether someone born `born` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") could still have been under
// 18 at `utc`. Conservative where the date is partial: the latest birthday the text allows
// counts (born "2009": 18 on 2027-12-31 at the earliest), and the 18th birthday starts at
// the last time zone on Earth to reach it (UTC-12). nullopt when `born` is empty or malformed
// (age unknown: an indicator that needs a minor does not fire).
std::optional<bool> MayBeMinorAt(const std::string& born, int64_t utc);

// Ref of an account id ("telegram:user123"); the ids come from the workspace's own tables.
class AccountRefs {
 public:
  explicit AccountRefs(store::Workspace& ws) : ws_(ws) {}
  Result<std::string> Ref(int64_t account_id);

 private:
  store::Workspace& ws_;
  std::map<int64_t, std::string> cache_;
};

}  // namespace casegraph::indicators
