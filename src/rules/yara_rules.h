// YARA rules (libyara) over file content: compiles the rule files a rules file lists into one
// rule set, one YARA namespace per file (so a hit names its file, and two files may use the
// same rule name), and scans bytes in memory with a timeout. libyara is initialised once per
// process, thread-safely, on first use, and never finalised. A compiled YaraRules is immutable;
// Scan may run on many threads at once (libyara allows up to 32 concurrent scans per rule set).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace casegraph::rules {

class YaraRules {
 public:
  struct Source {
    std::string name;  // as listed in the rules file: the namespace, and RuleHit::rule_name
    std::string path;  // where it was read from, for error messages
    std::string text;
  };
  // Errors name the file and line: "rules/example.yar:4: syntax error, unexpected ...".
  // `include` directives are refused (list every file in the rules file instead), so a rules
  // file's SHA-256 covers every YARA source it uses.
  static Result<std::shared_ptr<const YaraRules>> Compile(const std::vector<Source>& sources);

  struct Match {
    std::string file;  // Source::name
    std::string rule;  // rule identifier
  };
  // Matching (non-private) rules, sorted by (file, rule). A scan running past `timeout_seconds`
  // is an error, never a partial answer.
  Result<std::vector<Match>> Scan(std::string_view bytes, int timeout_seconds) const;

  ~YaraRules();
  YaraRules(const YaraRules&) = delete;
  YaraRules& operator=(const YaraRules&) = delete;

 private:
  explicit YaraRules(void* rules) : rules_(rules) {}
  void* rules_;  // YR_RULES*, kept out of this header so <yara.h> stays in one file
};

// Initialises libyara once per process (thread-safe); an error when it cannot.
Status EnsureYaraInitialized();

}  // namespace casegraph::rules
