// The importers' view of the scenario (see scenario_visible.h).
#include "synth/scenario_visible.h"

namespace casegraph::synth {

Visibility::Visibility(const Scenario& s) : s_(s) {
  for (size_t ex = 0; ex < s.exhibits.size(); ++ex) {
    const SynthExhibit& e = s.exhibits[ex];
    auto acct = [&](int a) -> const SynthAccount& { return s.accounts[static_cast<size_t>(a)]; };
    if (e.format == "telegram-html") {  // every name is local to its chat
      for (size_t c = 0; c < e.conversations.size(); ++c) {
        for (int m : e.conversations[c].members) See(Ref(ex, c, m), m, e.case_code);
      }
      continue;
    }
    for (int a : ExhibitAccounts(e)) {
      const std::string ref = Ref(ex, 0, a);
      See(ref, a, e.case_code);
      SeenRef& seen = refs_[ref];
      const SynthAccount& account = acct(a);
      if (e.format == "telegram-json") {
        bool listed = a == e.owner;
        for (int c : e.contacts) listed = listed || c == a;
        if (listed && !account.phone.empty()) seen.phones.insert(account.phone);  // profile or contacts list
        if (a == e.owner && !account.username.empty()) seen.username = account.username;
      } else if (e.format == "whatsapp-txt") {
        if (a != e.owner && SavedName(e, a) == nullptr) seen.phones.insert(account.uid);  // shown as a number
      } else if (e.format == "rocketchat-mongo") {
        if (!account.phone.empty()) seen.phones.insert(account.phone);  // customFields
        seen.username = account.username;
      } else if (e.format == "discord-json") {
        seen.username = account.username;
      }
    }
  }
}

void Visibility::See(const std::string& ref, int account, const std::string& case_code) {
  SeenRef& seen = refs_[ref];
  seen.account = account;
  seen.local = IsLocalRef(ref);
  seen.cases.insert(case_code);
}

std::string Visibility::Ref(size_t ex, size_t conv, int account) const {
  const SynthExhibit& e = s_.exhibits[ex];
  const SynthAccount& a = s_.accounts[static_cast<size_t>(account)];
  const std::string scope = e.case_code + "/" + e.label;
  if (e.format == "telegram-json") return std::string(a.is_channel ? "telegram:channel" : "telegram:user") + a.uid;
  if (e.format == "telegram-html") {
    return "telegram-name:" + scope + "/" + e.conversations[conv].title + "/" + a.display_name;
  }
  if (e.format == "whatsapp-txt") {
    if (account == e.owner) return "whatsapp-owner:" + scope;
    if (const std::string* name = SavedName(e, account)) return "whatsapp-contact:" + scope + "/" + *name;
    return "whatsapp:" + a.uid;
  }
  if (e.format == "element-json") return "matrix:" + a.uid;
  if (e.format == "rocketchat-mongo") return "rocketchat:" + a.uid + "@" + (e.instance.empty() ? "default" : e.instance);
  if (e.format == "discord-json") return "discord:" + a.uid;
  return "";
}

std::string Visibility::OwnerRef(size_t ex) const {
  const SynthExhibit& e = s_.exhibits[ex];
  if (e.owner < 0 || e.format == "telegram-html") return "";
  return Ref(ex, 0, e.owner);
}

bool Visibility::IsLocalRef(const std::string& ref) {
  for (const char* prefix : {"telegram-name:", "whatsapp-contact:", "whatsapp-owner:", "whatsapp-chat:",
                             "signal-contact:"}) {
    if (ref.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace casegraph::synth
