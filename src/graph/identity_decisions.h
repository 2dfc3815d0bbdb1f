// The examiner's decisions on persons (person_decisions, kept by account refs so they survive
// re-ingest): merge, split, confirm, reject. Applied in id order to the evidence edges on every
// refresh. Recording a decision (with its audit entry and refresh) is RecordPersonDecision.
// Not thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "graph/identity_candidates.h"
#include "store/workspace.h"

namespace casegraph::graph {

struct PersonDecision {
  int64_t id = 0;
  std::string action;  // "merge", "split", "confirm", "reject"
  std::string a_ref, b_ref;  // b_ref empty for split
  std::string examiner, at, note;
};

Result<std::vector<PersonDecision>> LoadPersonDecisions(store::Workspace& ws);

// Applies `decisions` in order: merge adds a confirmed examiner edge; confirm turns the
// suggestions between the two accounts' current groups into confirmed ones (or adds an examiner
// edge when there is none); reject removes every edge between the two and forbids them in one
// person from then on; split removes every confirmed edge of the account. A decision naming an
// account that is not (or no longer) in the workspace is skipped. A later merge or confirm of a
// rejected pair lifts the rejection.
void ApplyPersonDecisions(const std::vector<PersonDecision>& decisions, const AccountDirectory& accounts,
                          std::vector<IdentityEdge>& edges, std::set<std::pair<int64_t, int64_t>>& rejected);

// Resolves a ref given on the command line to an account ref: an account ref as is, a person
// key ("P-…" or "person:P-…") to its smallest confirmed member (smallest member when none is
// confirmed). NotFound names what was looked for.
Result<std::string> ResolveAccountOrPerson(store::Workspace& ws, const std::string& ref);

// Records one decision with its audit entry and refreshes, in one transaction. `given_b` is
// empty for split. Refs may be account refs or person keys (resolved by ResolveAccountOrPerson
// and stored as account refs); unknown refs are NotFound, and nothing is written.
Result<PersonDecision> RecordPersonDecision(store::Workspace& ws, const std::string& action, const std::string& given_a,
                                            const std::string& given_b, const std::string& examiner,
                                            const std::string& note);

}  // namespace casegraph::graph
