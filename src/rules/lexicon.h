// Lexicons: lists of terms (words or phrases) found in message and document text, folded like
// search and on word boundaries: "tell no one" matches "Tell NO one!" and "tell  no-one", but
// "delete this" does not match "undelete thistle". Every term of every lexicon sits in one
// PhraseIndex (a trie of folded words), so a text is tokenised once whatever the number of
// terms. Immutable after construction; Match is thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/phrase_index.h"
#include "rules/rule_definitions.h"
#include "rules/rule_hit.h"

namespace casegraph::rules {

class LexiconMatcher {
 public:
  LexiconMatcher() = default;
  // Terms without a word (see LexiconTermProblem) are skipped; a term folding to the same words
  // as an earlier term of the same lexicon is kept once.
  explicit LexiconMatcher(const std::vector<Lexicon>& lexicons);

  // Every occurrence, kind "lexicon", spans into `text`, ordered by (start, end, lexicon order,
  // term order). Overlapping terms are all reported.
  std::vector<RuleHit> Match(std::string_view text) const;
  bool empty() const { return terms_.empty(); }
  size_t term_count() const { return terms_.size(); }

 private:
  struct Term {
    std::string lexicon, text;
  };
  std::vector<Term> terms_;  // index = PhraseIndex id
  PhraseIndex index_;
};

// Why `term` cannot be a lexicon term ("" when it can): empty or without any word.
std::string LexiconTermProblem(std::string_view term);

}  // namespace casegraph::rules
