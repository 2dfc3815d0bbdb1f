// The ground truth a synthetic scenario was planted with (ground-truth.json, written by
// WriteScenario), read back for the demo and the end-to-end tests: which cases, subjects and
// exhibits to create and ingest, and what link analysis must then find. Keys as in
// docs/link-analysis.md ("Ground truth").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace casegraph::synth {

struct TruthExhibit {
  std::string label, path, format, owner, owner_account;
  std::string tz, date_order, instance;
  uint64_t messages = 0;
};

struct TruthSubject {
  std::string label, born, role;
  std::vector<std::string> accounts;
};

struct TruthCase {
  std::string code, title;
  std::vector<TruthSubject> subjects;
  std::vector<TruthExhibit> exhibits;
};

struct TruthLinkedAccount {
  std::string ref, kind;  // kind: "operative", "broadcast", …
  std::vector<std::string> cases;
};

struct TruthPerson {
  std::string person, basis;
  std::vector<std::string> accounts;
};

struct TruthSuggestion {
  std::string a, b, basis;
};

struct TruthFirstContact {
  std::string case_code, subject, account, person, at, platform;
};

struct TruthPath {
  std::string from, to;
  int hops = 0;
};

struct GroundTruth {
  uint64_t seed = 0, messages = 0;
  std::vector<TruthCase> cases;
  std::vector<TruthPerson> operatives;
  std::vector<TruthLinkedAccount> linked_accounts;
  std::vector<TruthPerson> persons;
  std::vector<TruthSuggestion> suggestions;
  std::vector<std::vector<std::string>> same_name_decoys;
  std::string broadcast_decoy;
  std::vector<std::string> local_name_decoys;
  std::vector<TruthFirstContact> first_contacts;
  std::vector<TruthPath> paths;
};

// Reads `path`; a missing key is an error naming the JSON path, unknown keys are ignored.
Result<GroundTruth> ReadGroundTruth(const std::string& path);

}  // namespace casegraph::synth
