// The scenario as the importers will see it: which ref each account gets in each export (the
// rules of the importers: telegram:user<id> / telegram:channel<id>, matrix:@…,
// rocketchat:<_id>@<instance>, discord:<id>, whatsapp:+E164 for a number; device-local
// telegram-name:… for every Telegram HTML sender, whatsapp-contact:… for a saved WhatsApp name,
// whatsapp-owner:… for the phone's owner), and the phones and usernames the exports show.
// The ground truth is computed from this view, never from what the planner meant.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "synth/scenario.h"

namespace casegraph::synth {

struct SeenRef {
  int account = -1;
  bool local = false;              // device-local: never the same account in two exhibits
  std::set<std::string> cases;     // case codes where the ref occurs
  std::set<std::string> phones;    // E.164 numbers the exports show for it
  std::string username;            // as an export shows it; empty when none does
};

class Visibility {
 public:
  explicit Visibility(const Scenario& s);

  // The ref of `account` in conversation `conv` of exhibit `ex` (the conversation matters only
  // for telegram-html, whose name refs are per chat).
  std::string Ref(size_t ex, size_t conv, int account) const;
  // The exhibit owner's ref as the importer (or --owner-account) gives it; "" for telegram-html,
  // which names no owner.
  std::string OwnerRef(size_t ex) const;
  // Every ref any export shows.
  const std::map<std::string, SeenRef>& refs() const { return refs_; }

  static bool IsLocalRef(const std::string& ref);

 private:
  void See(const std::string& ref, int account, const std::string& case_code);
  const Scenario& s_;
  std::map<std::string, SeenRef> refs_;
};

}  // namespace casegraph::synth
