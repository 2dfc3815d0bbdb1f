#include "rules/phrase_index.h"

#include <algorithm>

#include "extract/text_fold.h"

namespace casegraph::rules {
namespace {

// A text's words, folded, kept in one buffer reused per thread so that matching millions of
// messages does not allocate per word.
struct WordList {
  struct Word {
    size_t offset = 0, size = 0;  // into `folded`
    size_t start = 0, end = 0;    // into the text
  };
  std::string folded;
  std::vector<Word> words;

  void Fill(std::string_view text) {
    folded.clear();
    words.clear();
    extract::ForEachFoldedToken(text, [&](std::string_view token, size_t start, size_t end) {
      words.push_back(Word{folded.size(), token.size(), start, end});
      folded.append(token);
    });
  }
  std::string_view At(size_t idx) const { return std::string_view(folded).substr(words[idx].offset, words[idx].size); }
};

}  // namespace

std::vector<std::string> PhraseIndex::FoldedWords(std::string_view text) {
  std::vector<std::string> out;
  extract::ForEachFoldedToken(text, [&](std::string_view token, size_t, size_t) { out.emplace_back(token); });
  return out;
}

bool PhraseIndex::Add(std::string_view phrase, uint32_t id) {
  std::vector<std::string> words = FoldedWords(phrase);
  if (words.empty()) return false;
  Entry entry;
  entry.id = id;
  entry.rest.assign(std::make_move_iterator(words.begin() + 1), std::make_move_iterator(words.end()));
  by_first_word_[std::move(words.front())].push_back(std::move(entry));
  return true;
}

void PhraseIndex::FindAll(std::string_view text, std::vector<Match>& out) const {
  if (by_first_word_.empty()) return;
  thread_local WordList list;
  list.Fill(text);
  const size_t first_new = out.size();
  const size_t count = list.words.size();
  for (size_t word_idx = 0; word_idx < count; ++word_idx) {
    auto it = by_first_word_.find(list.At(word_idx));
    if (it == by_first_word_.end()) continue;
    for (const Entry& entry : it->second) {
      if (entry.rest.size() >= count - word_idx) continue;  // runs past the last word
      bool same = true;
      for (size_t rest_idx = 0; same && rest_idx < entry.rest.size(); ++rest_idx) {
        same = list.At(word_idx + 1 + rest_idx) == entry.rest[rest_idx];
      }
      if (!same) continue;
      out.push_back(Match{entry.id, list.words[word_idx].start, list.words[word_idx + entry.rest.size()].end});
    }
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_new), out.end(), [](const Match& a, const Match& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    return a.id < b.id;
  });
}

}  // namespace casegraph::rules
