// TEMPORARY (synth-writers branch only; the lead deletes this file when merging synth-core,
// whose scenario_messages.cpp is the real ForEachMessage with filler chatter). Planted messages
// only: enough for the writers' tests, which build their scenarios by hand.
#include "synth/scenario.h"

namespace casegraph::synth {

void ForEachMessage(const SynthConversation& c, const std::function<void(const SynthMessage&)>& fn) {
  for (const SynthMessage& m : c.planted) fn(m);
}

uint64_t MessageCount(const SynthConversation& c) { return c.planted.size(); }

}  // namespace casegraph::synth
