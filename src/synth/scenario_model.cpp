// Small lookups over the scenario model (see scenario.h).
#include <algorithm>

#include "synth/scenario.h"

namespace casegraph::synth {

const char* PlatformName(Platform p) {
  switch (p) {
    case Platform::kTelegram: return "telegram";
    case Platform::kElement: return "matrix";
    case Platform::kRocketChat: return "rocketchat";
    case Platform::kWhatsApp: return "whatsapp";
    case Platform::kDiscord: return "discord";
  }
  return "unknown";
}

const char* RoleName(Role r) {
  switch (r) {
    case Role::kOperative: return "operative";
    case Role::kSubject: return "subject";
    case Role::kFriend: return "friend";
    case Role::kFamily: return "family";
    case Role::kDecoy: return "decoy";
    case Role::kBroadcaster: return "broadcaster";
  }
  return "unknown";
}

std::vector<int> ExhibitAccounts(const SynthExhibit& e) {
  std::vector<int> out;
  if (e.owner >= 0) out.push_back(e.owner);
  out.insert(out.end(), e.contacts.begin(), e.contacts.end());
  for (const SynthConversation& c : e.conversations) out.insert(out.end(), c.members.begin(), c.members.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const std::string* SavedName(const SynthExhibit& e, int account) {
  for (const auto& [a, name] : e.saved_names) {
    if (a == account) return &name;
  }
  return nullptr;
}

}  // namespace casegraph::synth
