// The cases of the scenario (see scenario_plan_internal.h): per case a subject (a minor), family
// and friends, the subject's devices, and the everyday conversations on them. Decoys planted
// here: the broadcast channel every subject follows, two people with one display name in two
// cases, and a friend saved as "Ali" on every WhatsApp phone (a different person each time).
#include <cstdio>
#include <utility>

#include "synth/scenario_plan_internal.h"

namespace casegraph::synth::plan {
namespace {

// WhatsApp style by case index, and the zone of a phone set to that locale.
constexpr const char* kStyleOrder[] = {"android-en-GB", "ios-en-US", "android-de", "ios-en-GB", "android-en-US"};
const char* ZoneOfStyle(const std::string& style) {
  if (style == "android-de") return "Europe/Berlin";
  if (style == "ios-en-US") return "America/New_York";
  if (style == "android-en-US") return "America/Chicago";
  if (style == "android-en-GB" || style == "ios-en-GB") return "Europe/London";
  return "Europe/Istanbul";
}

constexpr const char* kClassGroups[] = {"10-B Sınıfı", "Basketbol Takımı", "Kitap Kulübü 📚", "Oyun Gecesi",
                                        "Matematik Ödev Grubu", "Study Group", "Robotik Kulübü", "Bisiklet Ekibi"};
constexpr const char* kWhatsAppGroups[] = {"9-A Sınıfı", "Mahalle 🏘", "Yaz Kampı 2025", "Voleybol", "Proje Ekibi"};

// Decoys: display-name twins in cases (3p+1, 3p+2) mod K, one pair per three cases.
struct DecoyPair {
  int a, b;
  std::string first, last;
};

std::vector<DecoyPair> DecoyPairs(int cases) {
  std::vector<DecoyPair> pairs;
  if (cases < 2) return pairs;
  const int n = std::max(1, cases / 3);
  constexpr const char* kTwins[][2] = {{"Deniz", "Benzeroğlu"}, {"Ekin", "Aynıcı"}, {"Cem", "İkizler"},
                                       {"Su", "Eşadlı"},        {"Aras", "Tıpkı"},  {"Nil", "Aynen"}};
  for (int p = 0; p < n; ++p) {
    DecoyPair d{(3 * p + 1) % cases, (3 * p + 2) % cases, kTwins[p % 6][0], kTwins[p % 6][1]};
    if (p >= 6) d.last += std::to_string(p / 6 + 1);
    if (d.a == d.b) continue;
    pairs.push_back(std::move(d));
  }
  return pairs;
}

// The names saved on a WhatsApp phone: unique on that phone ("Ece", or "Ece Ö." when two share it).
std::string SavedNameFor(const SynthExhibit& e, const SynthAccount& a, const Person& p) {
  const std::string first = p.first;
  for (const auto& [acct, name] : e.saved_names) {
    (void)acct;
    if (name == first) return a.display_name;
  }
  return first;
}

class CaseBuilder {
 public:
  CaseBuilder(World& w, int index, int channel) : w_(w), channel_(channel) {
    c_.index = index;
    char code[16];
    std::snprintf(code, sizeof code, "C%03d", index + 1);
    c_.code = code;
    c_.subject = "S" + std::to_string(index + 1);
    c_.prefix = "s" + std::to_string(index + 1);
    c_.story_from = w.s().story_from;
  }

  CasePlan Build(const DecoyPair* decoy, const std::string& decoy_key);

 private:
  std::string Key(const std::string& what) const {
    std::string lower = c_.code;
    lower[0] = 'c';
    return lower + "-" + what;
  }
  int Account(int person, Platform p) {
    const int a = w_.AddAccount(person, p);
    c_.accounts[{person, p}] = a;
    return a;
  }
  // A daytime in the first `days` days of the story.
  int64_t Early(int days) { return w_.Daytime(c_.tz, c_.story_from + static_cast<int64_t>(w_.rng().Below(days)) * kDay); }
  std::vector<int> FriendAccounts(Platform p, size_t max) const {
    std::vector<int> out;
    for (int f : c_.friends) {
      const int a = c_.Acct(f, p);
      if (a >= 0 && out.size() < max) out.push_back(a);
    }
    return out;
  }

  void Devices();
  void People(const DecoyPair* decoy, const std::string& decoy_key);
  void TelegramExhibit();
  void TelegramHtmlExhibit();
  void WhatsAppExhibit();
  void RoomExhibit(Platform p, const std::string& format, std::string title);
  void RocketChatExhibit();

  World& w_;
  int channel_;
  CasePlan c_;
};

void CaseBuilder::Devices() {
  const int i = c_.index;
  switch (i % 3) {
    case 0: c_.element = true; c_.discord = i % 6 == 3; break;
    case 1: c_.rocketchat = true; c_.telegram_html = true; break;
    default: c_.discord = true; c_.rocketchat = true; c_.element = i % 6 == 5; break;
  }
  if (!(i >= 3 && i % 7 == 6)) c_.wa_style = kStyleOrder[i % 5];
  c_.tz = ZoneOfStyle(c_.wa_style);
}

void CaseBuilder::People(const DecoyPair* decoy, const std::string& decoy_key) {
  c_.person = w_.AddPerson(Key("subject"), Role::kSubject);
  const std::string family_name = w_.person(c_.person).last;
  for (Platform p : {Platform::kTelegram, Platform::kWhatsApp, Platform::kElement, Platform::kDiscord,
                     Platform::kRocketChat}) {
    if (c_.Has(p)) Account(c_.person, p);
  }
  if (c_.telegram_html) {
    c_.html_account = w_.AddAccount(c_.person, Platform::kTelegram);
    SynthAccount& second = w_.s().accounts[static_cast<size_t>(c_.html_account)];
    second.display_name = w_.person(c_.person).first + " 📱";
    second.username.clear();
  }
  const int family = static_cast<int>(w_.rng().Between(2, 3));
  for (int k = 0; k < family; ++k) {
    const int p = w_.AddPerson(Key("family-" + std::to_string(k + 1)), Role::kFamily, "", family_name);
    c_.family.push_back(p);
    if (k < 2 || w_.rng().PerMille(600)) Account(p, Platform::kTelegram);
  }
  const int friends = static_cast<int>(w_.rng().Between(4, 6));
  for (int k = 0; k < friends; ++k) {
    const int p = w_.AddPerson(Key("friend-" + std::to_string(k + 1)), Role::kFriend);
    c_.friends.push_back(p);
    Account(p, Platform::kTelegram);
    if (k >= 3) continue;  // the first three also use the case's other platforms
    for (Platform q : {Platform::kWhatsApp, Platform::kElement, Platform::kDiscord, Platform::kRocketChat}) {
      if (c_.Has(q)) Account(p, q);
    }
  }
  if (c_.Has(Platform::kWhatsApp)) {
    c_.ali = w_.AddPerson(Key("friend-ali"), Role::kDecoy, "Ali", w_.person(c_.friends[0]).last);
    Account(c_.ali, Platform::kWhatsApp);
    c_.classmate = w_.AddPerson(Key("classmate"), Role::kFriend);
    Account(c_.classmate, Platform::kWhatsApp);
  }
  if (decoy != nullptr) {
    c_.decoy = w_.AddPerson(decoy_key, Role::kDecoy, decoy->first, decoy->last);
    Account(c_.decoy, Platform::kTelegram);
  }
}

void CaseBuilder::TelegramExhibit() {
  const int owner = c_.SubjectAcct(Platform::kTelegram);
  SynthExhibit e = NewExhibit(c_, c_.prefix + "-telegram", "telegram-json", owner);
  auto direct_with = [&](int person) {
    const int peer = c_.Acct(person, Platform::kTelegram);
    if (peer < 0) return;
    e.contacts.push_back(peer);
    const int opener = w_.rng().PerMille(500) ? owner : peer;
    e.conversations.push_back(Direct(w_, owner, peer, opener, Early(10), w_.s().accounts[static_cast<size_t>(peer)].uid));
  };
  for (int p : c_.family) direct_with(p);
  for (size_t k = 0; k < c_.friends.size(); ++k) {
    if (k < 3) {
      direct_with(c_.friends[k]);
    } else {
      e.contacts.push_back(c_.Acct(c_.friends[k], Platform::kTelegram));
    }
  }
  if (c_.decoy >= 0) direct_with(c_.decoy);

  std::vector<int> members = FriendAccounts(Platform::kTelegram, 4);
  members.insert(members.begin() + 1, owner);
  e.conversations.push_back(Group(w_, w_.NewTelegramId(4000000000ULL, 500000000ULL),
                                  w_.rng().Pick(kClassGroups), members, Early(10)));

  SynthConversation follow;
  follow.id = w_.s().accounts[static_cast<size_t>(channel_)].uid;
  follow.kind = ConversationKind::kChannel;
  follow.title = w_.s().accounts[static_cast<size_t>(channel_)].display_name;
  follow.members = {channel_, owner};
  const int64_t first_post = w_.s().story_from + 3600;  // one channel: the same first post everywhere
  Say(follow, first_post, channel_, "Günün sözü: okumak güzeldir 📚");
  follow.filler_from = first_post + 60;
  follow.filler_seed = w_.rng().Next();
  e.conversations.push_back(std::move(follow));
  c_.telegram = static_cast<int>(c_.exhibits.size());
  c_.exhibits.push_back(std::move(e));
}

void CaseBuilder::TelegramHtmlExhibit() {
  SynthExhibit e = NewExhibit(c_, c_.prefix + "-telegram-html", "telegram-html", c_.html_account);
  for (size_t k = 0; k < 2 && k < c_.friends.size(); ++k) {
    const int peer = c_.Acct(c_.friends[k], Platform::kTelegram);
    e.conversations.push_back(Direct(w_, c_.html_account, peer, peer, Early(20), w_.s().accounts[static_cast<size_t>(peer)].uid));
  }
  std::vector<int> members = {c_.html_account};
  for (int p : c_.family) {
    const int a = c_.Acct(p, Platform::kTelegram);
    if (a >= 0) members.insert(members.begin(), a);  // a parent made the family group
  }
  if (members.size() >= 3) {
    e.conversations.push_back(Group(w_, w_.NewTelegramId(4000000000ULL, 500000000ULL), "Aile 🏠", members, Early(20)));
  }
  c_.exhibits.push_back(std::move(e));
}

void CaseBuilder::WhatsAppExhibit() {
  const int owner = c_.SubjectAcct(Platform::kWhatsApp);
  std::vector<int> members = FriendAccounts(Platform::kWhatsApp, 2);
  members.insert(members.begin(), owner);  // the subject made it: no join line of "You"/"Du"
  const int ali = c_.Acct(c_.ali, Platform::kWhatsApp);
  members.push_back(ali);
  members.push_back(c_.Acct(c_.classmate, Platform::kWhatsApp));
  SynthConversation group = Group(w_, w_.NewChatId("wa"), w_.rng().Pick(kWhatsAppGroups), members, Early(10));
  SynthExhibit& e = AddChatExhibit(c_, "whatsapp-txt", owner, std::move(group));
  for (int f : c_.friends) {
    const int a = c_.Acct(f, Platform::kWhatsApp);
    if (a >= 0) e.saved_names.emplace_back(a, SavedNameFor(e, w_.s().accounts[static_cast<size_t>(a)], w_.person(f)));
  }
  e.saved_names.emplace_back(ali, "Ali");  // the classmate stays unsaved: shown as a number
}

void CaseBuilder::RoomExhibit(Platform p, const std::string& format, std::string title) {
  const int owner = c_.SubjectAcct(p);
  std::vector<int> members = FriendAccounts(p, 3);
  members.insert(members.begin() + 1, owner);
  const int64_t at = Early(15);
  std::string id = p == Platform::kElement ? w_.NewMatrixRoomId() : w_.NewSnowflake(at - kDay);
  AddChatExhibit(c_, format, owner, Group(w_, std::move(id), std::move(title), members, at));
}

void CaseBuilder::RocketChatExhibit() {
  const int owner = c_.SubjectAcct(Platform::kRocketChat);
  SynthExhibit e = NewExhibit(c_, c_.prefix + "-rocketchat", "rocketchat-mongo", owner);
  std::vector<int> members = FriendAccounts(Platform::kRocketChat, 3);
  members.insert(members.begin() + 1, owner);
  e.conversations.push_back(Group(w_, w_.NewRocketChatId(), "okul-projesi", members, Early(15)));
  c_.rocketchat_exhibit = static_cast<int>(c_.exhibits.size());
  c_.exhibits.push_back(std::move(e));
}

CasePlan CaseBuilder::Build(const DecoyPair* decoy, const std::string& decoy_key) {
  Devices();
  People(decoy, decoy_key);
  TelegramExhibit();
  if (c_.telegram_html) TelegramHtmlExhibit();
  if (c_.Has(Platform::kWhatsApp)) WhatsAppExhibit();
  if (c_.element) RoomExhibit(Platform::kElement, "element-json", "Kodlama Kulübü");
  if (c_.discord) RoomExhibit(Platform::kDiscord, "discord-json", "genel");
  if (c_.rocketchat) RocketChatExhibit();
  return std::move(c_);
}

}  // namespace

std::vector<CasePlan> PlanCases(World& w, int cases) {
  const int channel = w.AddChannel("broadcaster", "Günün Sözü (örnek kanal)");
  const std::vector<DecoyPair> decoys = DecoyPairs(cases);
  std::vector<CasePlan> out;
  for (int i = 0; i < cases; ++i) {
    const DecoyPair* decoy = nullptr;
    std::string key;
    for (size_t p = 0; p < decoys.size() && decoy == nullptr; ++p) {
      if (decoys[p].a == i || decoys[p].b == i) {
        decoy = &decoys[p];
        key = "decoy-" + std::to_string(p + 1) + (decoys[p].a == i ? "a" : "b");
      }
    }
    out.push_back(CaseBuilder(w, i, channel).Build(decoy, key));
  }
  return out;
}

}  // namespace casegraph::synth::plan
