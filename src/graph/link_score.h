// The `links` score of an account, a person (its confirmed accounts) or an identifier, term by
// term, so that the output explains every point: each term has a value (a count or a ratio), a
// weight, its points (value × weight, rounded to 4 decimals) and one line saying what it counted.
//
// Account and person terms (weights in link_score.cpp):
//   direct_contact      subjects it talked to in a private conversation
//   initiated           of those, subjects it wrote to first
//   reciprocity         of those, subjects who wrote back
//   subjects_reached    subjects reached privately or in a shared group (not via a channel)
//   platform_migration  subjects reached privately on two or more platforms by the same person
//                       (confirmed members, or an account it declared as its own)
//   cases               cases where it occurs other than as a broadcast channel's post/follow
//   rarity              1 / (1 + cases where subjects merely follow it in a broadcast channel)
//   centrality          PageRank relative to the average account (1 = average), capped at 5
// A broadcast channel that every subject follows earns only rarity ≈ 0 and a low centrality;
// one private first contact with one subject already earns 20 points. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/link_evidence.h"

namespace casegraph::graph {

struct ScoreTerm {
  std::string name;
  double value = 0, weight = 0, points = 0;
  std::string explanation;
};

// The earliest conversation with one subject.
struct ReachedSubject {
  std::string subject, subject_account, account, platform;
  std::string kind;  // "direct" or "group"
  bool initiated = false;
  std::optional<int64_t> first_at;
  std::string case_code;
  model::Citation citation;
};

struct LinkScore {
  double score = 0;
  std::vector<ScoreTerm> terms;
  std::vector<ReachedSubject> subjects_reached;   // by subject
  std::optional<ReachedSubject> first_contact;    // the earliest private contact with any subject
};

// `members`: the entity's accounts. `partners`: accounts of the same person (or declared by it)
// outside `members`, used only for platform_migration. `graph_size`: accounts with metrics.
LinkScore ScoreAccounts(const std::vector<AccountEvidence>& members, const std::vector<AccountEvidence>& partners,
                        int64_t graph_size);

// Identifier terms: cases (outside channels) and rarity.
LinkScore ScoreIdentifier(int64_t cases, int64_t channel_only_cases);

// value × weight rounded to 4 decimals (so sums and JSON are the same on every machine).
double Points(double value, double weight);

}  // namespace casegraph::graph
