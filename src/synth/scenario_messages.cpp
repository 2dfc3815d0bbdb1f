// A conversation's messages generated on the fly (see scenario.h): the planted lines merged in
// time order with filler chatter drawn from the conversation's own seed, so a conversation of
// a million messages costs no memory and the same seed gives the same messages in every format.
#include <algorithm>

#include "synth/scenario.h"
#include "synth/synth_random.h"
#include "synth/synth_text.h"

namespace casegraph::synth {

uint64_t MessageCount(const SynthConversation& c) { return c.planted.size() + c.filler; }

void ForEachMessage(const SynthConversation& c, const std::function<void(const SynthMessage&)>& fn) {
  Rng rng(c.filler_seed);
  SynthMessage filler;
  filler.text.reserve(256);
  size_t next_planted = 0;
  int64_t now = c.filler_from;
  const uint64_t members = c.members.size();
  const bool channel = c.kind == ConversationKind::kChannel || members == 0;
  int last = members > 0 ? c.members[0] : -1;
  for (uint64_t k = 0; k < c.filler; ++k) {
    // Gaps average what is left of the span over what is left to send: the filler ends near
    // filler_to whatever the count, never after it.
    if (k > 0) {
      const int64_t left = std::max<int64_t>(0, c.filler_to - now);
      const uint64_t mean = static_cast<uint64_t>(left) / (c.filler - k);
      now = std::min(c.filler_to, now + static_cast<int64_t>(rng.Below(2 * mean + 1)));
    }
    if (channel) {
      filler.sender = last;
    } else if (members == 2) {
      if (!rng.PerMille(550)) last = last == c.members[0] ? c.members[1] : c.members[0];  // runs of one sender
      filler.sender = last;
    } else {
      filler.sender = c.members[std::min(rng.Below(members), rng.Below(members))];  // a few talk most
    }
    filler.at_utc = now;
    filler.text.clear();
    AppendChatter(rng, static_cast<int>(rng.Between(2, 14)), &filler.text);
    while (next_planted < c.planted.size() && c.planted[next_planted].at_utc <= now) fn(c.planted[next_planted++]);
    fn(filler);
  }
  while (next_planted < c.planted.size()) fn(c.planted[next_planted++]);
}

}  // namespace casegraph::synth
