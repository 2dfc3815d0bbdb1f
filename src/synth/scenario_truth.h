// The ground truth of a written scenario (ground-truth.json, keys fixed by the issue-4 spec):
// cases with subjects and exhibits (path, format, ingest options, message counts), the
// operatives, the account refs that occur in two or more cases, the automatic same-phone
// persons, the suggestions (self-declared handle, same username), the decoys, each subject's
// first private contact by an operative account that the evidence ties to the network
// linking the cases (TruthBuilder::Network), and shortest evidence paths between subjects. Every
// fact is derived from what the exports show (scenario_visible.h), so it is what a correct
// engine must find.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "synth/scenario.h"

namespace casegraph::synth {

struct TruthExhibit {
  std::string label, path, format, owner, owner_account, tz, date_order, instance;
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
struct TruthGroup {  // operatives and persons
  std::string person;
  std::vector<std::string> accounts;
  std::string basis;  // persons only
};
struct TruthLinked {
  std::string ref;
  std::vector<std::string> cases;
  std::string kind;  // "operative", "broadcast", …
};
struct TruthSuggestion {
  std::string a, b, basis;
};
struct TruthFirstContact {
  std::string case_code, subject, account, person, platform;
  int64_t at = 0;  // UTC seconds, as ingested (minutes only where the format has no seconds)
};
struct TruthPath {
  std::string from, to;
  int hops = 0;
};

struct GroundTruth {
  uint64_t seed = 0, messages = 0;
  std::vector<TruthCase> cases;
  std::vector<TruthGroup> operatives, persons;
  std::vector<TruthLinked> linked_accounts;
  std::vector<TruthSuggestion> suggestions;
  std::vector<std::pair<std::string, std::string>> same_name;
  std::vector<std::string> decoy_accounts;  // every ref a decoy is seen under (flags: never above low)
  std::string broadcast;
  std::vector<std::string> local_names;
  std::vector<TruthFirstContact> first_contacts;
  std::vector<TruthPath> paths;
  // The examiner's reference material (relative to the scenario folder; empty when not written).
  std::string known_bad_list, rules_file;
};

// `messages[i]`: the messages written for s.exhibits[i] (what its importer will count).
GroundTruth BuildGroundTruth(const Scenario& s, const std::vector<uint64_t>& messages);
// The document: keys in the spec's order, lists in the order built (each sorted explicitly).
std::string GroundTruthJson(const GroundTruth& t);

inline constexpr const char* kGeneratorName = "casegraph synth 1";

}  // namespace casegraph::synth
