// The line grammar of signal-export's chat.md (carderne/signal-export; FORMATS.md §6):
//   [YYYY-MM-DD HH:MM:SS] Sender: body        (current)
//   [YYYY-MM-DD, HH:MM] Sender: body          (older versions)
// A line that does not start with such a header continues the previous message.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/time_util.h"

namespace casegraph::ingest {

struct SignalLine {
  LocalDateTime local;
  std::string_view sender;
  std::string_view body;
};

// The parsed header line, or nullopt for a continuation line.
std::optional<SignalLine> ParseSignalLine(std::string_view line);

// Reactions that signal-export appends to a body: "(- Name: 👍 -)". Returns the body without
// them and fills `reactions` with (name, emoji) pairs.
struct SignalReaction {
  std::string_view name;
  std::string_view emoji;
};
std::string_view StripSignalReactions(std::string_view body, std::vector<SignalReaction>& reactions);

}  // namespace casegraph::ingest
