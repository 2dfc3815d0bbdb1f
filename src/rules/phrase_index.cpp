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

namespace {

void EdgeKey(uint32_t node, std::string_view word, std::string& key) {
  key.assign(reinterpret_cast<const char*>(&node), sizeof(node));
  key.append(word);
}

}  // namespace

bool PhraseIndex::Add(std::string_view phrase, uint32_t id) {
  const std::vector<std::string> words = FoldedWords(phrase);
  if (words.empty()) return false;
  uint32_t node = 0;
  std::string key;
  for (const std::string& word : words) {
    EdgeKey(node, word, key);
    auto [it, inserted] = edges_.try_emplace(key, static_cast<uint32_t>(ids_.size()));
    if (inserted) ids_.emplace_back();
    node = it->second;
  }
  ids_[node].push_back(id);
  return true;
}

void PhraseIndex::FindAll(std::string_view text, std::vector<Match>& out) const {
  if (edges_.empty()) return;
  thread_local WordList list;
  thread_local std::string key;
  list.Fill(text);
  const size_t first_new = out.size();
  const size_t count = list.words.size();
  for (size_t word_idx = 0; word_idx < count; ++word_idx) {
    uint32_t node = 0;
    for (size_t next = word_idx; next < count; ++next) {
      EdgeKey(node, list.At(next), key);
      auto it = edges_.find(std::string_view(key));
      if (it == edges_.end()) break;
      node = it->second;
      for (uint32_t id : ids_[node]) out.push_back(Match{id, list.words[word_idx].start, list.words[next].end});
    }
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_new), out.end(), [](const Match& a, const Match& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    return a.id < b.id;
  });
}

}  // namespace casegraph::rules
