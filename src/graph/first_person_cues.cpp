#include "graph/first_person_cues.h"

#include <algorithm>

#include "extract/text_fold.h"

namespace casegraph::graph {

const std::vector<std::string_view>& FirstPersonCues() {
  static const std::vector<std::string_view> cues = {
      "me", "my", "i", "mine",                   // English
      "ben", "bana", "beni", "benim", "bende",    // Turkish
      "mich", "mir", "mein", "meine", "ich",     // German
  };
  return cues;
}

bool HasFirstPersonCue(std::string_view text) {
  bool found = false;
  const auto& cues = FirstPersonCues();
  extract::ForEachFoldedToken(text, [&](std::string_view token, size_t, size_t) {
    if (!found && std::find(cues.begin(), cues.end(), token) != cues.end()) found = true;
  });
  return found;
}

}  // namespace casegraph::graph
