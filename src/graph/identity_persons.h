// Turns identity edges into persons: confirmed edges join accounts (union-find, honouring the
// examiner's rejections); suggested edges attach an account to a person as a suggestion, or,
// between accounts that are in no person, form a suggested person whose members are all
// suggestions. Pure (no I/O); deterministic for the same edges in any order.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "graph/identity_candidates.h"

namespace casegraph::graph {

struct PersonMembership {
  int64_t account_id = 0;
  std::string ref;
  std::string basis;
  double confidence = 0;
  std::string status;
  std::string explanation;
  std::vector<EvidenceCitation> citations;
};

struct ResolvedPerson {
  std::string key;  // PersonKey of the smallest confirmed member (smallest member when none)
  std::vector<PersonMembership> members;  // confirmed first, then by ref
};

// Persons ordered by key.
std::vector<ResolvedPerson> AssemblePersons(std::vector<IdentityEdge> edges,
                                            const std::set<std::pair<int64_t, int64_t>>& rejected);

// "P-" + the first 10 hex digits of SHA-256(ref): stable across re-ingest and re-resolution.
std::string PersonKey(const std::string& ref);

}  // namespace casegraph::graph
