// `links`: what ties cases together, ranked and explained. Accounts (never device-local refs)
// that occur in at least `min_cases` of the cases in scope; identifier values (phones, handles,
// links, wallets…) occurring in that many cases; persons whose confirmed accounts together occur
// in that many. Each entry has a score explained term by term (link_score.h) and citations: the
// earliest few (by time, then case) and how many there are in all.
// Reads the derived tables only (g_*, persons); callers check graph::IsStale first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "graph/link_score.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::graph {

constexpr size_t kCitationsPerEntry = 5;

struct LinkOptions {
  std::vector<std::string> cases;  // case codes; empty: every case
  int64_t min_cases = 2;
  int64_t limit = 100;             // entries per list
};

struct CitationList {
  std::vector<model::Citation> shown;  // at most kCitationsPerEntry, earliest first
  int64_t total = 0;
};

struct LinkedAccount {
  std::string ref, platform, person;  // person: its confirmed person's key, or empty
  std::vector<std::string> names, cases;
  LinkScore score;
  std::optional<double> pagerank, betweenness;
  std::optional<int64_t> community;
  CitationList citations;
};

struct LinkedIdentifier {
  std::string kind, value;
  std::vector<std::string> cases, accounts;  // accounts: refs with it in their profile
  LinkScore score;
  CitationList citations;
};

struct LinkedPerson {
  std::string key, label, basis;  // basis: the confirmed memberships' bases, e.g. "same-phone"
  std::vector<std::string> accounts, cases;
  LinkScore score;
  CitationList citations;
};

struct LinksResult {
  std::vector<LinkedAccount> accounts;
  std::vector<LinkedIdentifier> identifiers;
  std::vector<LinkedPerson> persons;
  int64_t total_accounts = 0, total_identifiers = 0, total_persons = 0;  // before the limit
};

// InvalidArgument for min_cases < 1 or limit < 1; NotFound for an unknown case code.
Result<LinksResult> QueryLinks(store::Workspace& ws, const LinkOptions& options);

}  // namespace casegraph::graph
