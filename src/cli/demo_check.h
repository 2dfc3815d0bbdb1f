// Compares what the investigation found on a synthetic scenario with the ground truth it was
// planted with: precision and recall of linked accounts and of persons, decoys merged, the
// ranking of the broadcast decoy, first contacts and path lengths. Used by `demo` (which prints
// the scores and fails when they are not perfect) and by the end-to-end tests.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "synth/ground_truth.h"

namespace casegraph::cli {

struct DemoFindings {
  std::vector<std::string> linked_accounts;             // `links` accounts, best first
  std::vector<std::set<std::string>> persons;           // confirmed members of each person
  std::set<std::pair<std::string, std::string>> suggestions;  // (a, b) with a < b, in one person
  std::set<std::string> suggested;  // accounts suggested as members of a person
  // "CASE/SUBJECT" -> (account ref, ISO time) of the first contact found.
  std::map<std::string, std::pair<std::string, std::string>> first_contacts;
  // (from, to) -> hops of the path found; -1 when none.
  std::map<std::pair<std::string, std::string>, int> paths;
  // Every citation the demo printed, as text; `show` must resolve each of them.
  std::vector<std::string> citations;
};

struct Score {
  size_t found = 0, expected = 0, correct = 0;
  double precision() const { return found == 0 ? (expected == 0 ? 1.0 : 0.0) : double(correct) / double(found); }
  double recall() const { return expected == 0 ? 1.0 : double(correct) / double(expected); }
};

struct DemoCheck {
  Score linked_accounts, persons, suggestions, first_contacts, paths;
  size_t decoys_merged = 0;
  std::vector<std::string> problems;  // one line per difference, for the examiner to read
  bool ok() const { return problems.empty(); }
};

DemoCheck CheckAgainstTruth(const synth::GroundTruth& truth, const DemoFindings& found);

}  // namespace casegraph::cli
