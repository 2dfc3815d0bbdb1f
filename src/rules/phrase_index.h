// Phrases (one or more words) found in text on word boundaries, with the folding of search
// (extract/text_fold.h): case, diacritics, Turkish dotted/dotless i and Arabic variants never
// hide a match, and "delete this" never matches inside "undelete thistle". Phrases form a trie
// of folded words, so a text is tokenised once and each match attempt costs one hash lookup
// per word it follows, however many phrases there are or share their first words.
// The matcher behind lexicons and path rules. Build with Add, then only call const methods:
// FindAll is thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace casegraph::rules {

class PhraseIndex {
 public:
  // Adds `phrase` under the caller's `id`. Returns false when the phrase holds no word at all
  // (only punctuation or spaces), which could never match. A phrase whose folded words equal
  // an earlier one's is kept too: both ids are reported.
  bool Add(std::string_view phrase, uint32_t id);

  struct Match {
    uint32_t id = 0;
    size_t start = 0, end = 0;  // bytes of `text`, from the first word's start to the last word's end
  };
  // Appends every occurrence of every phrase in `text` to `out`, ordered by (start, end, id).
  void FindAll(std::string_view text, std::vector<Match>& out) const;

  bool empty() const { return edges_.empty(); }

  // The folded words of `text` (exposed for tests and for callers that compare phrases).
  static std::vector<std::string> FoldedWords(std::string_view text);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Trie node 0 is the root. An edge is keyed by its parent node's number (4 bytes) followed
  // by the folded word, so one flat map holds every edge.
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> edges_;
  std::vector<std::vector<uint32_t>> ids_ = {{}};  // per node: ids of the phrases ending there
};

}  // namespace casegraph::rules
