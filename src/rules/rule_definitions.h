// The rules of an examiner's rules file as plain values, after validation (rules_toml.h):
// path rules, lexicons and the [yara] section. Matchers are built from these.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace casegraph::rules {

// Optional `severity` values, in rising order.
inline constexpr const char* kSeverities[] = {"info", "low", "medium", "high", "critical"};

struct PathRule {
  std::string name, description, severity;  // description and severity may be empty
  std::vector<std::string> patterns;         // as written; each has at least one word
};

// Optional lexicon `flag` values: which risk indicator the lexicon's message hits feed
// (indicators/secrecy.cpp); a lexicon named "secrecy" feeds it without the key.
inline constexpr const char* kLexiconFlags[] = {"secrecy"};

struct Lexicon {
  std::string name, description, severity;
  std::vector<std::string> terms;  // as written; each has at least one word
  std::string flag;                // "" or one of kLexiconFlags
};

struct YaraSection {
  std::vector<std::string> files;  // as written: relative to the rules file, or absolute
  int timeout_seconds = 30;        // per scanned file
};

struct RuleDefinitions {
  std::vector<PathRule> path_rules;   // file order
  std::vector<Lexicon> lexicons;      // file order
  std::optional<YaraSection> yara;
};

}  // namespace casegraph::rules
