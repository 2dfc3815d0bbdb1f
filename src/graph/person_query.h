// Read side of identity resolution, for `casegraph persons` (and later the HTTP API): every
// person with its accounts, each membership's basis, confidence, status, explanation and
// resolved citations. Deterministic order: persons by key, accounts confirmed first then by
// ref. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::graph {

struct PersonAccountView {
  std::string ref, platform;
  std::vector<std::string> names;  // display names the exhibits give it, sorted
  std::string basis, status, explanation;
  double confidence = 0;
  std::vector<model::Citation> citations;
};

struct PersonView {
  int64_t id = 0;
  std::string key, label;
  std::vector<std::string> cases;  // where its confirmed members occur (all members when none is)
  std::vector<PersonAccountView> accounts;
};

// All persons, or those with an account occurring in case `case_code` (NotFound for an
// unknown case).
Result<std::vector<PersonView>> QueryPersons(store::Workspace& ws, const std::string& case_code);

}  // namespace casegraph::graph
