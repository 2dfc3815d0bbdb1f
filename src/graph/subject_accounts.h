// A subject's accounts as the examiner declares them (subject_accounts, kept by ref so a
// declaration may come before the exhibit that holds the account). Each declaration is audited
// and lands together with a refresh of the derived tables, in one transaction.
// Not thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::graph {

// "<platform>:<uid>" with both parts non-empty and no whitespace; InvalidArgument otherwise.
Status ValidateAccountRef(const std::string& ref);

// `subject add` with its accounts (`--account`, repeatable): the subject, its declarations and
// one audit entry, then a refresh when accounts were declared.
Result<store::SubjectRow> AddSubjectWithAccounts(store::Workspace& ws, const std::string& case_code,
                                                 const std::string& label, const std::string& born,
                                                 const std::string& role, const std::vector<std::string>& refs,
                                                 const std::string& actor);

// `subject account`: declares one more account of an existing subject (Conflict when already
// declared).
Status DeclareSubjectAccount(store::Workspace& ws, const std::string& case_code, const std::string& label,
                             const std::string& ref, const std::string& actor);

// Whether the workspace already holds an account with this ref (a declaration may precede it).
Result<bool> AccountExists(store::Workspace& ws, const std::string& ref);

}  // namespace casegraph::graph
