#include "rules/lexicon.h"

#include <set>

namespace casegraph::rules {

std::string LexiconTermProblem(std::string_view term) {
  if (term.empty()) return "a lexicon term must not be empty";
  if (PhraseIndex::FoldedWords(term).empty()) return "a lexicon term needs at least one letter or digit";
  return "";
}

LexiconMatcher::LexiconMatcher(const std::vector<Lexicon>& lexicons) {
  for (const Lexicon& lexicon : lexicons) {
    std::set<std::vector<std::string>> seen;
    for (const std::string& term : lexicon.terms) {
      std::vector<std::string> words = PhraseIndex::FoldedWords(term);
      if (words.empty() || !seen.insert(std::move(words)).second) continue;
      index_.Add(term, static_cast<uint32_t>(terms_.size()));
      terms_.push_back(Term{lexicon.name, term});
    }
  }
}

std::vector<RuleHit> LexiconMatcher::Match(std::string_view text) const {
  std::vector<RuleHit> hits;
  if (terms_.empty()) return hits;
  thread_local std::vector<PhraseIndex::Match> found;
  found.clear();
  index_.FindAll(text, found);
  hits.reserve(found.size());
  for (const auto& m : found) hits.push_back(RuleHit{"lexicon", terms_[m.id].lexicon, terms_[m.id].text, m.start, m.end});
  return hits;
}

}  // namespace casegraph::rules
