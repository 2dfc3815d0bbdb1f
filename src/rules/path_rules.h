// Path rules: does any component of a file's path (folder or file name) match a pattern?
// A plain pattern ("attack tactics") matches a component holding its words in sequence, folded
// like search and on word boundaries: "SALDIRI TAKTİKLERİ" and "saldiri_taktikleri (2)" both
// match "saldırı taktikleri", "attacks" does not match "attack". A pattern holding * or ? is a
// glob over the whole folded component ("*.docx", "manual??"): * any run, ? one character.
// Immutable after construction; Match is thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/phrase_index.h"
#include "rules/rule_definitions.h"
#include "rules/rule_hit.h"

namespace casegraph::rules {

class PathMatcher {
 public:
  PathMatcher() = default;
  // Patterns that can never match (no word, see PathPatternProblem) are skipped; a pattern
  // folding to the same words as an earlier one of the same rule is kept once.
  explicit PathMatcher(const std::vector<PathRule>& rules);

  // Hits with kind "path_rule", spans into `path` (a whole component for a glob), ordered by
  // (start, end, rule order, pattern order). Components are split on '/' and '\'.
  std::vector<RuleHit> Match(std::string_view path) const;
  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    std::string rule_name, text;  // text as written
    std::string folded_glob;      // globs only
  };
  std::vector<Pattern> patterns_;     // index = order id
  std::vector<uint32_t> glob_ids_;    // ids of glob patterns
  PhraseIndex phrases_;               // plain patterns by id
};

// Why `pattern` cannot be a path pattern ("" when it can): empty, holds '/', or has no word.
std::string PathPatternProblem(std::string_view pattern);

bool IsGlob(std::string_view pattern);
// Whole-string glob match of folded text: * any run of bytes, ? one UTF-8 code point.
bool GlobMatch(std::string_view glob, std::string_view text);

}  // namespace casegraph::rules
