#include "rules/path_rules.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "extract/text_fold.h"

namespace casegraph::rules {
namespace {

size_t CodePointLength(std::string_view s, size_t at) {
  const auto lead = static_cast<unsigned char>(s[at]);
  size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return std::min(len, s.size() - at);
}

bool IsPathSeparator(char c) { return c == '/' || c == '\\'; }

// The key under which two patterns of one rule are the same pattern.
std::string FoldedKey(std::string_view pattern) {
  if (IsGlob(pattern)) return "glob:" + extract::FoldForSearch(pattern);
  std::string key = "words:";
  for (const auto& word : PhraseIndex::FoldedWords(pattern)) key += word + " ";
  return key;
}

}  // namespace

bool IsGlob(std::string_view pattern) { return pattern.find_first_of("*?") != std::string_view::npos; }

// Classic wildcard matching with one backtrack point (the last '*'): linear in practice,
// O(glob × text) at worst, never recursive. Both strings advance by whole code points.
bool GlobMatch(std::string_view glob, std::string_view text) {
  size_t g = 0, t = 0;
  size_t star_g = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (g < glob.size() && glob[g] == '*') {
      star_g = g++;
      star_t = t;
    } else if (g < glob.size() && glob[g] == '?') {
      ++g;
      t += CodePointLength(text, t);
    } else if (g < glob.size() && glob[g] == text[t]) {
      ++g;
      ++t;
    } else if (star_g != std::string_view::npos) {
      g = star_g + 1;
      star_t += CodePointLength(text, star_t);
      t = star_t;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

std::string PathPatternProblem(std::string_view pattern) {
  if (pattern.empty()) return "a path pattern must not be empty";
  if (pattern.find_first_of("/\\") != std::string_view::npos) {
    return "a path pattern matches one path component and cannot contain '/' or '\\'";
  }
  if (PhraseIndex::FoldedWords(pattern).empty()) return "a path pattern needs at least one letter or digit";
  return "";
}

PathMatcher::PathMatcher(const std::vector<PathRule>& rules) {
  for (const PathRule& rule : rules) {
    std::set<std::string> seen;
    for (const std::string& text : rule.patterns) {
      if (!PathPatternProblem(text).empty() || !seen.insert(FoldedKey(text)).second) continue;
      const auto id = static_cast<uint32_t>(patterns_.size());
      Pattern p{rule.name, text, ""};
      if (IsGlob(text)) {
        p.folded_glob = extract::FoldForSearch(text);
        glob_ids_.push_back(id);
      } else {
        phrases_.Add(text, id);
      }
      patterns_.push_back(std::move(p));
    }
  }
}

std::vector<RuleHit> PathMatcher::Match(std::string_view path) const {
  std::vector<PhraseIndex::Match> found;
  std::vector<PhraseIndex::Match> in_component;
  size_t begin = 0;
  while (begin < path.size()) {
    size_t end = begin;
    while (end < path.size() && !IsPathSeparator(path[end])) ++end;
    if (end > begin) {
      const std::string_view component = path.substr(begin, end - begin);
      in_component.clear();
      phrases_.FindAll(component, in_component);
      for (auto m : in_component) found.push_back({m.id, m.start + begin, m.end + begin});
      if (!glob_ids_.empty()) {
        const std::string folded = extract::FoldForSearch(component);
        for (uint32_t id : glob_ids_) {
          if (GlobMatch(patterns_[id].folded_glob, folded)) found.push_back({id, begin, end});
        }
      }
    }
    begin = end + 1;
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(a.start, a.end, a.id) < std::tie(b.start, b.end, b.id);
  });
  std::vector<RuleHit> hits;
  hits.reserve(found.size());
  for (const auto& m : found) {
    hits.push_back(RuleHit{"path_rule", patterns_[m.id].rule_name, patterns_[m.id].text, m.start, m.end});
  }
  return hits;
}

}  // namespace casegraph::rules
