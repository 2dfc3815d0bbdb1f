// First-person cues: words with which a writer says that a handle is their own ("write to me
// on …", "my number", "bana yaz", "schreib mir"). One small list for every language we read,
// kept here so a reviewer sees all of it at once. Pure, thread-safe.
#pragma once

#include <string_view>
#include <vector>

namespace casegraph::graph {

// The cue words, folded (lower case, no diacritics).
const std::vector<std::string_view>& FirstPersonCues();

// True when any word of `text` (folded like the search index) is a cue.
bool HasFirstPersonCue(std::string_view text);

}  // namespace casegraph::graph
