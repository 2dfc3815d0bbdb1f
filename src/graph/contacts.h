// `contacts --common A B`: the accounts that both A and B (accounts, persons or subjects) talked
// to, privately or in a group (never through a broadcast channel), each with the conversations
// on both sides cited: the earliest few per side and how many in all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::graph {

constexpr size_t kContactEvidencePerSide = 5;

struct ContactEvidence {
  std::string account;  // the side's own account
  std::string kind;     // "direct" or "group"
  std::string detail;   // the conversation
  std::string case_code;
  std::optional<int64_t> at;
  std::vector<model::Citation> citations;
};

struct CommonContact {
  std::string ref;
  std::vector<ContactEvidence> via_a, via_b;  // earliest first, at most kContactEvidencePerSide
  int64_t total_a = 0, total_b = 0;
};

struct ContactsResult {
  std::string a, b;  // canonical refs
  std::vector<CommonContact> contacts;  // by ref
};

// NotFound for an unknown ref; InvalidArgument when A and B are the same.
Result<ContactsResult> QueryCommonContacts(store::Workspace& ws, const std::string& a, const std::string& b);

}  // namespace casegraph::graph
