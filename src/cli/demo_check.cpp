#include "cli/demo_check.h"

#include <algorithm>

#include "base/time_util.h"

namespace casegraph::cli {
namespace {

std::string Join(const std::set<std::string>& refs) {
  std::string out;
  for (const auto& r : refs) out += (out.empty() ? "" : " + ") + r;
  return out;
}

void CheckLinkedAccounts(const synth::GroundTruth& truth, const DemoFindings& found, DemoCheck& check) {
  std::set<std::string> expected;
  for (const auto& l : truth.linked_accounts) expected.insert(l.ref);
  const std::set<std::string> got(found.linked_accounts.begin(), found.linked_accounts.end());
  check.linked_accounts = {got.size(), expected.size(), 0};
  for (const auto& ref : got) {
    if (expected.count(ref)) ++check.linked_accounts.correct;
    else check.problems.push_back("links lists " + ref + ", which the ground truth does not link");
  }
  for (const auto& ref : expected) {
    if (!got.count(ref)) check.problems.push_back("links misses " + ref);
  }
  // The broadcast channel every subject follows must rank below every operative account.
  if (truth.broadcast.empty()) return;
  const auto pos = [&](const std::string& ref) {
    return std::find(found.linked_accounts.begin(), found.linked_accounts.end(), ref) - found.linked_accounts.begin();
  };
  const auto broadcast = pos(truth.broadcast);
  for (const auto& l : truth.linked_accounts) {
    if (l.kind == "operative" && pos(l.ref) > broadcast) {
      check.problems.push_back("the broadcast channel " + truth.broadcast + " ranks above the operative account " + l.ref);
    }
  }
}

void CheckPersons(const synth::GroundTruth& truth, const DemoFindings& found, DemoCheck& check) {
  std::vector<std::set<std::string>> expected;
  for (const auto& p : truth.persons) expected.emplace_back(p.accounts.begin(), p.accounts.end());
  check.persons = {found.persons.size(), expected.size(), 0};
  for (const auto& p : found.persons) {
    if (std::find(expected.begin(), expected.end(), p) != expected.end()) ++check.persons.correct;
    else check.problems.push_back("person not in the ground truth: " + Join(p));
  }
  for (const auto& p : expected) {
    if (std::find(found.persons.begin(), found.persons.end(), p) == found.persons.end()) {
      check.problems.push_back("expected person not found: " + Join(p));
    }
  }
  // A decoy is merged when one person holds two accounts the ground truth keeps apart.
  std::vector<std::set<std::string>> apart;
  for (const auto& [a, b] : truth.same_name) apart.push_back({a, b});
  apart.emplace_back(truth.local_names.begin(), truth.local_names.end());
  for (const auto& p : found.persons) {
    for (const auto& group : apart) {
      size_t inside = 0;
      for (const auto& ref : group) inside += p.count(ref);
      if (inside >= 2) {
        ++check.decoys_merged;
        check.problems.push_back("decoys merged into one person: " + Join(p));
      }
    }
    if (!truth.broadcast.empty() && p.count(truth.broadcast)) {
      ++check.decoys_merged;
      check.problems.push_back("the broadcast channel was merged into a person: " + Join(p));
    }
  }
}

void CheckSuggestions(const synth::GroundTruth& truth, const DemoFindings& found, DemoCheck& check) {
  // Found: one per suggested membership; right: those that make a suggestion of the truth.
  check.suggestions = {found.suggested.size(), truth.suggestions.size(), 0};
  for (const auto& s : truth.suggestions) {
    const auto key = s.a < s.b ? std::make_pair(s.a, s.b) : std::make_pair(s.b, s.a);
    if (found.suggestions.count(key)) ++check.suggestions.correct;
    else check.problems.push_back("expected suggestion not made (" + s.basis + "): " + s.a + " ~ " + s.b);
  }
  // Extra suggestions are leads for the examiner, not errors; but one that joins decoys is.
  for (const auto& [a, b] : truth.same_name) {
    const auto key = std::minmax(a, b);
    if (found.suggestions.count(key)) check.problems.push_back("same-name decoys suggested as one person: " + key.first + " ~ " + key.second);
  }
}

void CheckFirstContacts(const synth::GroundTruth& truth, const DemoFindings& found, DemoCheck& check) {
  check.first_contacts = {found.first_contacts.size(), truth.first_contacts.size(), 0};
  for (const auto& f : truth.first_contacts) {
    const std::string key = f.case_code + "/" + f.subject;
    auto it = found.first_contacts.find(key);
    if (it == found.first_contacts.end()) {
      check.problems.push_back("no first contact found for " + key);
    } else if (it->second.first != f.account || it->second.second != FormatUtc(f.at)) {
      check.problems.push_back("first contact of " + key + ": found " + it->second.first + " at " + it->second.second +
                               ", expected " + f.account + " at " + FormatUtc(f.at));
    } else {
      ++check.first_contacts.correct;
    }
  }
}

void CheckPaths(const synth::GroundTruth& truth, const DemoFindings& found, DemoCheck& check) {
  check.paths = {found.paths.size(), truth.paths.size(), 0};
  for (const auto& p : truth.paths) {
    auto it = found.paths.find({p.from, p.to});
    if (it == found.paths.end() || it->second < 0) {
      check.problems.push_back("no path found from " + p.from + " to " + p.to);
    } else if (it->second != p.hops) {
      check.problems.push_back("path from " + p.from + " to " + p.to + ": " + std::to_string(it->second) + " hops, expected " +
                               std::to_string(p.hops));
    } else {
      ++check.paths.correct;
    }
  }
}

}  // namespace

DemoCheck CheckAgainstTruth(const synth::GroundTruth& truth, const DemoFindings& found) {
  DemoCheck check;
  CheckLinkedAccounts(truth, found, check);
  CheckPersons(truth, found, check);
  CheckSuggestions(truth, found, check);
  CheckFirstContacts(truth, found, check);
  CheckPaths(truth, found, check);
  return check;
}

}  // namespace casegraph::cli
