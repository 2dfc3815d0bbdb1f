// What a rule found: which kind of rule, its name in the rules file, what matched, and where
// in the matched text or path. Plain value type shared by the matchers (path_rules, lexicon,
// yara_rules), RuleSet and the store (store/rule_hits.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace casegraph::rules {

struct RuleHit {
  std::string rule_kind;  // "path_rule" | "lexicon" | "yara"
  // path_rule and lexicon: the rule's `name`; yara: the YARA file as listed in [yara] files.
  std::string rule_name;
  // The pattern or term as written in the rules file, or the YARA rule identifier.
  std::string matched;
  // Byte span [start, end) in the text or path given to the matcher (lexicon, path_rule);
  // 0, 0 for YARA, which matches the content as a whole.
  size_t start = 0, end = 0;
};

// A short excerpt of `text` around [start, end): up to `context_bytes` on each side, cut on
// UTF-8 code point boundaries, with "…" where text was cut and line breaks shown as spaces.
// REQUIRES: start <= end <= text.size().
std::string Excerpt(std::string_view text, size_t start, size_t end, size_t context_bytes = 60);

}  // namespace casegraph::rules
