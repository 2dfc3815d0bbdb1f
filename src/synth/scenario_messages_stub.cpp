// TEMPORARY (synth-writers branch only; the lead deletes this file when merging synth-core,
// whose scenario_messages.cpp is the real ForEachMessage with filler chatter). Planted messages
// only: enough for the writers' tests, which build their scenarios by hand. PlatformName too
// (declared in scenario.h, defined by synth-core).
#include "synth/scenario.h"

namespace casegraph::synth {

void ForEachMessage(const SynthConversation& c, const std::function<void(const SynthMessage&)>& fn) {
  for (const SynthMessage& m : c.planted) fn(m);
}

uint64_t MessageCount(const SynthConversation& c) { return c.planted.size(); }

const char* PlatformName(Platform p) {
  switch (p) {
    case Platform::kTelegram: return "telegram";
    case Platform::kElement: return "matrix";
    case Platform::kRocketChat: return "rocketchat";
    case Platform::kWhatsApp: return "whatsapp";
    case Platform::kDiscord: return "discord";
  }
  return "?";
}

}  // namespace casegraph::synth
