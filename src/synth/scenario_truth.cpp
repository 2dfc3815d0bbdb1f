// Ground truth from the importers' view of the scenario (see scenario_truth.h): cases,
// operatives, linked accounts, suggestions, decoys and first contacts. Persons and paths are
// in scenario_truth_graph.cpp.
#include "synth/scenario_truth.h"

#include "synth/scenario_write_common.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "synth/scenario_truth_graph.h"
#include "synth/scenario_visible.h"
#include "synth/whatsapp_style.h"

namespace casegraph::synth {
namespace {

// "op-2" before "op-10": shorter keys first, then bytes.
bool NaturalLess(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

std::string PrefixOf(const std::string& ref) { return ref.substr(0, ref.find(':')); }

const char* LinkKind(Role r) {
  switch (r) {
    case Role::kOperative: return "operative";
    case Role::kBroadcaster: return "broadcast";
    default: return RoleName(r);
  }
}

// Android exports write hours and minutes only.
bool MinutesOnly(const SynthExhibit& e) {
  if (e.format != "whatsapp-txt") return false;
  const WhatsAppStyle* style = FindWhatsAppStyle(e.style);
  return style != nullptr && !style->ios;
}

class TruthBuilder {
 public:
  TruthBuilder(const Scenario& s, const std::vector<uint64_t>& messages) : s_(s), v_(s), messages_(messages) {}
  GroundTruth Build();

 private:
  const SynthAccount& acct(int a) const { return s_.accounts[static_cast<size_t>(a)]; }
  void Cases();
  void Operatives();
  void Linked();
  void Suggestions();
  void Decoys();
  std::set<std::string> Network() const;
  void FirstContacts();

  const Scenario& s_;
  Visibility v_;
  const std::vector<uint64_t>& messages_;
  GroundTruth t_;
};

void TruthBuilder::Cases() {
  for (const SynthCase& c : s_.cases) {
    TruthCase tc;
    tc.code = c.code;
    tc.title = c.title;
    for (const SynthSubject& subject : c.subjects) {
      TruthSubject ts{subject.label, subject.born, subject.role, {}};
      std::set<std::string> refs;
      for (size_t ex = 0; ex < s_.exhibits.size(); ++ex) {
        const SynthExhibit& e = s_.exhibits[ex];
        if (e.case_code == c.code && e.subject == subject.label && !v_.OwnerRef(ex).empty()) refs.insert(v_.OwnerRef(ex));
      }
      ts.accounts.assign(refs.begin(), refs.end());
      tc.subjects.push_back(std::move(ts));
    }
    for (size_t ex = 0; ex < s_.exhibits.size(); ++ex) {
      const SynthExhibit& e = s_.exhibits[ex];
      if (e.case_code != c.code) continue;
      TruthExhibit te;
      te.label = e.label;
      te.path = e.rel_path.empty() ? e.case_code + "/" + e.label : e.rel_path;
      te.format = e.format;
      te.owner = e.subject;
      te.owner_account = v_.OwnerRef(ex);
      te.tz = e.tz;
      te.date_order = e.date_order;
      te.instance = e.instance;
      te.messages = ex < messages_.size() ? messages_[ex] : 0;
      t_.messages += te.messages;
      tc.exhibits.push_back(std::move(te));
    }
    t_.cases.push_back(std::move(tc));
  }
}

void TruthBuilder::Operatives() {
  std::map<std::string, std::set<std::string>> by_person;
  for (const auto& [ref, seen] : v_.refs()) {
    if (!seen.local && acct(seen.account).role == Role::kOperative) by_person[acct(seen.account).person].insert(ref);
  }
  for (const auto& [person, refs] : by_person) t_.operatives.push_back({person, {refs.begin(), refs.end()}, ""});
  std::sort(t_.operatives.begin(), t_.operatives.end(),
            [](const TruthGroup& a, const TruthGroup& b) { return NaturalLess(a.person, b.person); });
}

void TruthBuilder::Linked() {
  for (const auto& [ref, seen] : v_.refs()) {  // map order: sorted by ref
    if (seen.local || seen.cases.size() < 2) continue;
    t_.linked_accounts.push_back({ref, {seen.cases.begin(), seen.cases.end()}, LinkKind(acct(seen.account).role)});
  }
}

void TruthBuilder::Suggestions() {
  std::set<std::tuple<std::string, std::string, std::string>> found;
  // Self-declared: an account posts a Matrix id of the same person's other account.
  std::map<std::string, int> matrix_ids;
  for (size_t a = 0; a < s_.accounts.size(); ++a) {
    if (s_.accounts[a].platform == Platform::kElement) matrix_ids[s_.accounts[a].uid] = static_cast<int>(a);
  }
  for (size_t ex = 0; ex < s_.exhibits.size(); ++ex) {
    const SynthExhibit& e = s_.exhibits[ex];
    if (e.format == "telegram-html") continue;  // its senders are names, not accounts
    for (size_t c = 0; c < e.conversations.size(); ++c) {
      for (const SynthMessage& m : e.conversations[c].planted) {
        for (size_t at = m.text.find('@'); at != std::string::npos; at = m.text.find('@', at + 1)) {
          const size_t end = m.text.find(' ', at);
          auto it = matrix_ids.find(m.text.substr(at, end == std::string::npos ? std::string::npos : end - at));
          if (it == matrix_ids.end()) continue;
          const std::string b = "matrix:" + acct(it->second).uid;
          if (v_.refs().count(b) == 0 || acct(it->second).person != acct(m.sender).person) continue;
          found.insert({v_.Ref(ex, c, m.sender), b, "self-declared"});
        }
      }
    }
  }
  // Same username on two platforms.
  std::map<std::string, std::vector<std::string>> by_username;
  for (const auto& [ref, seen] : v_.refs()) {
    if (!seen.local && !seen.username.empty()) by_username[seen.username].push_back(ref);
  }
  for (const auto& [name, refs] : by_username) {
    for (size_t i = 0; i < refs.size(); ++i) {
      for (size_t j = i + 1; j < refs.size(); ++j) {
        if (PrefixOf(refs[i]) != PrefixOf(refs[j])) found.insert({refs[i], refs[j], "same-username"});
      }
    }
  }
  for (const auto& [a, b, basis] : found) t_.suggestions.push_back({a, b, basis});
}

void TruthBuilder::Decoys() {
  // Different people under one display name on one platform.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> by_name;
  for (const auto& [ref, seen] : v_.refs()) {
    if (seen.local || acct(seen.account).is_channel) continue;
    by_name[{PrefixOf(ref), acct(seen.account).display_name}].push_back(ref);
  }
  for (const auto& [ref, seen] : v_.refs()) {  // refs() is ordered: the list comes out sorted
    if (acct(seen.account).role == Role::kDecoy) t_.decoy_accounts.push_back(ref);
  }
  for (const auto& [ref, seen] : v_.refs()) {  // the channel every subject follows
    if (acct(seen.account).is_channel && t_.broadcast.empty()) t_.broadcast = ref;
  }
  for (const auto& [key, refs] : by_name) {
    for (size_t i = 0; i < refs.size(); ++i) {
      for (size_t j = i + 1; j < refs.size(); ++j) {
        const int a = v_.refs().at(refs[i]).account, b = v_.refs().at(refs[j]).account;
        if (acct(a).person != acct(b).person) t_.same_name.emplace_back(refs[i], refs[j]);
      }
    }
  }
  // One saved name for different people on phones of different cases.
  std::map<std::string, std::map<std::string, std::pair<std::string, std::string>>> saved;  // name -> ref -> (person, case)
  for (size_t ex = 0; ex < s_.exhibits.size(); ++ex) {
    const SynthExhibit& e = s_.exhibits[ex];
    if (e.format != "whatsapp-txt") continue;
    for (const auto& [a, name] : e.saved_names) saved[name][v_.Ref(ex, 0, a)] = {acct(a).person, e.case_code};
  }
  std::set<std::string> local;
  for (const auto& [name, refs] : saved) {
    std::set<std::string> people, cases;
    for (const auto& [ref, who] : refs) {
      people.insert(who.first);
      cases.insert(who.second);
    }
    if (people.size() < 2 || cases.size() < 2) continue;
    for (const auto& [ref, who] : refs) local.insert(ref);
  }
  t_.local_names.assign(local.begin(), local.end());
}

// The accounts the evidence ties to the network that links cases, as an engine can see it: an
// account seen in two or more cases, and every account of a person whose confirmed (same-phone)
// accounts span two or more cases, with the accounts suggested for that person. A first contact
// from an operative account that nothing ties to the others is unknowable from the evidence.
std::set<std::string> TruthBuilder::Network() const {
  std::set<std::string> out;
  for (const auto& l : t_.linked_accounts) out.insert(l.ref);
  for (const auto& p : t_.persons) {
    std::set<std::string> cases;
    for (const auto& ref : p.accounts) {
      auto it = v_.refs().find(ref);
      if (it != v_.refs().end()) cases.insert(it->second.cases.begin(), it->second.cases.end());
    }
    if (cases.size() < 2) continue;
    std::set<std::string> members(p.accounts.begin(), p.accounts.end());
    for (const auto& sug : t_.suggestions) {
      if (members.count(sug.a)) out.insert(sug.b);
      if (members.count(sug.b)) out.insert(sug.a);
    }
    out.insert(members.begin(), members.end());
  }
  return out;
}

void TruthBuilder::FirstContacts() {
  const std::set<std::string> network = Network();
  for (const SynthCase& c : s_.cases) {
    for (const SynthSubject& subject : c.subjects) {
      TruthFirstContact best;
      bool have = false;
      for (size_t ex = 0; ex < s_.exhibits.size(); ++ex) {
        const SynthExhibit& e = s_.exhibits[ex];
        if (e.case_code != c.code || e.subject != subject.label || e.format == "telegram-html") continue;
        for (size_t ci = 0; ci < e.conversations.size(); ++ci) {
          const SynthConversation& conv = e.conversations[ci];
          if (conv.kind != ConversationKind::kDirect) continue;
          if (e.format == "element-json") {  // the room's creation opens the contact
            const RoomOpening opening = ElementRoomOpening(conv, e.owner);
            if (opening.creator >= 0 && acct(opening.creator).role == Role::kOperative) {
              const std::string ref = v_.Ref(ex, ci, opening.creator);
              if (network.count(ref) == 0) continue;
              if (!have || opening.at < best.at || (opening.at == best.at && ref < best.account)) {
                best = {c.code, subject.label, ref, acct(opening.creator).person, PlatformName(acct(opening.creator).platform),
                        opening.at};
                have = true;
              }
            }
            continue;
          }
          for (const SynthMessage& m : conv.planted) {  // the opening precedes all filler
            if (m.sender < 0 || acct(m.sender).role != Role::kOperative) continue;
            const int64_t at = MinutesOnly(e) ? m.at_utc - m.at_utc % 60 : m.at_utc;
            const std::string ref = v_.Ref(ex, ci, m.sender);
            if (network.count(ref) == 0) break;
            if (!have || at < best.at || (at == best.at && ref < best.account)) {
              best = {c.code, subject.label, ref, acct(m.sender).person, PlatformName(acct(m.sender).platform), at};
              have = true;
            }
            break;
          }
        }
      }
      if (have) t_.first_contacts.push_back(std::move(best));
    }
  }
}

GroundTruth TruthBuilder::Build() {
  t_.seed = s_.seed;
  Cases();
  Operatives();
  Linked();
  t_.persons = SamePhonePersons(s_, v_);
  Suggestions();
  Decoys();
  FirstContacts();
  t_.paths = SubjectPaths(s_, v_, t_.persons, t_.cases);
  return std::move(t_);
}

}  // namespace

GroundTruth BuildGroundTruth(const Scenario& s, const std::vector<uint64_t>& messages) {
  return TruthBuilder(s, messages).Build();
}

}  // namespace casegraph::synth
