// The parts of `links` (links.h) that live in their own files: the identifier and person lists,
// and the helpers they share with the account list. Internal to links*.cpp.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/links.h"

namespace casegraph::graph {

// Identifiers occurring in at least `min_cases` cases of `scope` (empty: all), unsorted.
Result<std::vector<LinkedIdentifier>> QueryLinkedIdentifiers(store::Workspace& ws, CitationSource& citations,
                                                             const std::vector<int64_t>& scope, int64_t min_cases);

// Persons (two or more confirmed accounts) whose accounts together occur in at least
// `min_cases` cases of the reader's scope, unsorted. Device-local accounts count only when the
// examiner put them in the person.
Result<std::vector<LinkedPerson>> QueryLinkedPersons(store::Workspace& ws, EvidenceReader& reader, int64_t min_cases);

// The earliest kCitationsPerEntry distinct citations (undated last; ties by case, exhibit,
// locator) and the number of distinct ones.
CitationList EarliestCitations(std::vector<std::pair<std::optional<int64_t>, model::Citation>> dated);

// The accounts `ids` refers to for migration only: read once each, skipping `except`.
Result<std::vector<AccountEvidence>> ReadPartners(EvidenceReader& reader, const std::vector<int64_t>& ids,
                                                  const std::vector<int64_t>& except);

// "<column> IN (1,2)" for a scope, or "1" (true) for every case.
std::string ScopeSql(const std::string& column, const std::vector<int64_t>& scope);

// Entries ranked: score descending, then more cases, then `key` ascending.
template <typename Entry, typename Key>
void RankEntries(std::vector<Entry>& entries, Key key) {
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.score.score != b.score.score) return a.score.score > b.score.score;
    if (a.cases.size() != b.cases.size()) return a.cases.size() > b.cases.size();
    return key(a) < key(b);
  });
}

}  // namespace casegraph::graph
