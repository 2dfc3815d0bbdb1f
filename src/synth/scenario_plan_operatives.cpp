// The operatives and the planted story (see scenario_plan_internal.h): about one operative per
// three cases (at least two), each with accounts on 2-4 platforms, reaching the subjects of
// two or more cases privately and first, moving the conversation to other platforms. Planted
// by construction (and found again by the ground truth from the exports' point of view):
//  - same phone: the operative's Telegram account is saved in a subject's Telegram contacts
//    (its number shows there), its WhatsApp number writes unsaved to another subject, and some
//    operatives' Rocket.Chat profiles carry the number too;
//  - self-declared: on Telegram the operative writes "write to me on Element: @x:server", then
//    its Matrix account opens a room with the subject;
//  - same username: an operative's Discord username is its Rocket.Chat or Telegram one;
//  - a group where the operative meets the subject and friends before writing privately.
#include <algorithm>
#include <iterator>
#include <utility>

#include "synth/scenario_plan_internal.h"
#include "synth/whatsapp_style.h"

namespace casegraph::synth::plan {
namespace {

const char* Shown(Platform p) {
  switch (p) {
    case Platform::kTelegram: return "Telegram";
    case Platform::kElement: return "Element";
    case Platform::kRocketChat: return "Rocket.Chat";
    case Platform::kWhatsApp: return "WhatsApp";
    case Platform::kDiscord: return "Discord";
  }
  return "";
}

// Neutral requests for secrecy or deletion, in the languages of the scenario.
const char* const kSecrecyLines[] = {
    "bunu kimseye söyleme, tamam mı?",
    "tell no one about our chats",
    "okuduktan sonra bunu sil",
    "delete this after you read it",
    "aramızda kalsın",
};

class OperativeBuilder {
 public:
  OperativeBuilder(World& w, std::vector<CasePlan>& cases, int j, int n) : w_(w), cases_(cases), j_(j), n_(n) {}
  void Build();

 private:
  const SynthAccount& acct(int a) const { return w_.s().accounts[static_cast<size_t>(a)]; }
  void Accounts();
  std::vector<Platform> Sequence(const CasePlan& c, int ti);
  void Meet(CasePlan& c, int64_t at);
  void Contact(CasePlan& c, Platform p, Platform next, int64_t at, int64_t next_at, bool first);

  World& w_;
  std::vector<CasePlan>& cases_;
  int j_, n_;
  int person_ = -1;
  std::map<Platform, int> accounts_;
  int files_ = 0;
};

void OperativeBuilder::Accounts() {
  person_ = w_.AddPerson("op-" + std::to_string(j_ + 1), Role::kOperative);
  std::vector<Platform> platforms = {Platform::kTelegram};
  switch (j_ % 3) {
    case 0: platforms.insert(platforms.end(), {Platform::kWhatsApp, Platform::kElement}); break;
    case 1: platforms.insert(platforms.end(), {Platform::kRocketChat, Platform::kDiscord}); break;
    default:
      platforms.insert(platforms.end(), {Platform::kWhatsApp, Platform::kDiscord});
      if (w_.rng().PerMille(500)) platforms.push_back(Platform::kRocketChat);
  }
  for (Platform p : platforms) accounts_[p] = w_.AddAccount(person_, p);
  SynthAccount& tg = w_.s().accounts[static_cast<size_t>(accounts_[Platform::kTelegram])];
  if (tg.username.empty()) tg.username = w_.NewHandle();
  // Every account the operative writes to a subject from is tied to the others by the evidence,
  // so that a correct engine can tell it belongs to the network: a Rocket.Chat profile carries
  // the phone (customFields); the Discord username is the Rocket.Chat one, else the Telegram
  // one; an Element account is declared on Telegram (Contact()).
  if (accounts_.count(Platform::kRocketChat)) {
    w_.s().accounts[static_cast<size_t>(accounts_[Platform::kRocketChat])].phone = w_.person(person_).phone;
  }
  if (accounts_.count(Platform::kDiscord)) {
    const int from = accounts_.count(Platform::kRocketChat) ? accounts_[Platform::kRocketChat] : accounts_[Platform::kTelegram];
    w_.s().accounts[static_cast<size_t>(accounts_[Platform::kDiscord])].username = acct(from).username;
  }
}

std::vector<Platform> OperativeBuilder::Sequence(const CasePlan& c, int ti) {
  auto usable = [&](Platform p) { return accounts_.count(p) > 0 && c.Has(p) && c.SubjectAcct(p) >= 0; };
  std::vector<Platform> seq;
  if (ti == 0) {
    seq.push_back(Platform::kTelegram);
  } else {
    const Platform order[] = {Platform::kWhatsApp, Platform::kDiscord, Platform::kRocketChat, Platform::kElement};
    for (int k = 0; k < 4 && seq.empty(); ++k) {
      const Platform p = order[(k + ti - 1) % 4];
      if (usable(p)) seq.push_back(p);
    }
    if (seq.empty()) seq.push_back(Platform::kTelegram);
  }
  std::vector<Platform> rest;
  for (Platform p : {Platform::kElement, Platform::kWhatsApp, Platform::kRocketChat, Platform::kDiscord,
                     Platform::kTelegram}) {
    if (usable(p) && p != seq[0]) rest.push_back(p);
  }
  const size_t more = std::min<size_t>(rest.size(), static_cast<size_t>(w_.rng().Between(1, 2)));
  seq.insert(seq.end(), rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(more));
  return seq;
}

// The operative joins a group of the subject and friends: a Telegram group, or for every second
// operative a Rocket.Chat channel when the subject is on that server.
void OperativeBuilder::Meet(CasePlan& c, int64_t at) {
  const bool rocket = j_ % 2 == 1 && c.rocketchat && accounts_.count(Platform::kRocketChat) > 0;
  const Platform p = rocket ? Platform::kRocketChat : Platform::kTelegram;
  std::vector<int> members;
  for (int f : c.friends) {
    const int a = c.Acct(f, p);
    if (a >= 0 && members.size() < 2) members.push_back(a);
  }
  const int subject = c.SubjectAcct(p);
  members.insert(members.begin() + (members.empty() ? 0 : 1), subject);
  const int op = accounts_[p];
  std::string id = rocket ? w_.NewRocketChatId() : w_.NewTelegramId(4000000000ULL, 500000000ULL);
  SynthConversation g = Group(w_, std::move(id), rocket ? "oyun-gecesi" : "Oyun Gecesi 🎲", members, at - 2 * kDay);
  g.members.push_back(op);
  Join(g, at, op);
  Say(g, at + w_.rng().Between(30, 300), op, GroupHello(w_.rng()));
  const int64_t reply = at + w_.rng().Between(400, 1800);
  Say(g, reply, subject, Reply(w_.rng()));
  g.filler_from = reply + 60;
  SynthExhibit& e = c.exhibits[static_cast<size_t>(rocket ? c.rocketchat_exhibit : c.telegram)];
  e.conversations.push_back(std::move(g));
}

// One private conversation on `p`, opened by the operative at `at`. When `next` differs from
// `p`, the operative asks to move there before `next_at`.
void OperativeBuilder::Contact(CasePlan& c, Platform p, Platform next, int64_t at, int64_t next_at, bool first) {
  const int op = accounts_[p];
  const int subject = c.SubjectAcct(p);
  SynthConversation conv;
  conv.kind = ConversationKind::kDirect;
  conv.members = {subject, op};
  conv.title = acct(op).display_name;
  Say(conv, at, op, OperativeOpener(w_.rng()));
  const int64_t reply = at + w_.rng().Between(120, 1200);
  Say(conv, reply, subject, Reply(w_.rng()));
  Say(conv, reply + w_.rng().Between(60, 600), op, Greeting(w_.rng()));
  if (first) SendFile(conv, reply + w_.rng().Between(700, 3000), op, "foto_" + std::to_string(j_ + 1) + "_" + std::to_string(++files_) + ".jpg");
  // A request for secrecy, which the examiner's secrecy lexicon (reference/rules.toml) finds.
  // Picked without the generator, so that every later draw stays where it was.
  Say(conv, reply + 3100, op, kSecrecyLines[(static_cast<size_t>(j_) + static_cast<size_t>(p)) % std::size(kSecrecyLines)]);
  conv.filler_from = reply + 60;
  conv.filler_seed = w_.rng().Next();
  if (next != p) {
    const int64_t ask = std::min(next_at - 3600, w_.Daytime(c.tz, at + kDay));
    if (next == Platform::kElement && p == Platform::kTelegram) {
      Say(conv, ask, op, "write to me on Element: " + acct(accounts_[next]).uid);
    } else {
      Say(conv, ask, op, std::string("bundan sonra ") + Shown(next) + " üzerinden yazalım");
    }
  }
  if (first && p == Platform::kTelegram && next != Platform::kElement && accounts_.count(Platform::kElement)) {
    // The Element account is declared even where the talk does not move there.
    Say(conv, reply + 2 * kDay, op, "add me on Element too: " + acct(accounts_[Platform::kElement]).uid);
  }
  switch (p) {
    case Platform::kTelegram:
      conv.id = acct(op).uid;
      c.exhibits[static_cast<size_t>(c.telegram)].conversations.push_back(std::move(conv));
      break;
    case Platform::kRocketChat: {
      const std::string& a = acct(op).uid;
      const std::string& b = acct(subject).uid;
      conv.id = a < b ? a + b : b + a;  // Rocket.Chat names a direct room by its two user ids
      c.exhibits[static_cast<size_t>(c.rocketchat_exhibit)].conversations.push_back(std::move(conv));
      break;
    }
    case Platform::kWhatsApp:
      conv.id = w_.NewChatId("wa");
      conv.title = WhatsAppNumberText(acct(op).uid);  // an unsaved number: the chat is named by it
      AddChatExhibit(c, "whatsapp-txt", subject, std::move(conv));
      break;
    case Platform::kElement:
      conv.id = w_.NewMatrixRoomId();
      AddChatExhibit(c, "element-json", subject, std::move(conv));
      break;
    case Platform::kDiscord:
      conv.id = w_.NewSnowflake(at);
      AddChatExhibit(c, "discord-json", subject, std::move(conv));
      break;
  }
}

void OperativeBuilder::Build() {
  Accounts();
  const int k = static_cast<int>(cases_.size());
  const int start = j_ * k / n_;
  const int count = std::min(k, std::max(2, k / n_ + 1));
  int64_t day = w_.s().story_from + (10 + static_cast<int64_t>(w_.rng().Below(30))) * kDay;
  for (int ti = 0; ti < count; ++ti) {
    CasePlan& c = cases_[static_cast<size_t>((start + ti) % k)];
    day += static_cast<int64_t>(w_.rng().Between(1, 5)) * kDay;
    const std::vector<Platform> seq = Sequence(c, ti);
    if (ti == 0) {
      // Saved as a contact on the first subject's Telegram: the number shows in the export.
      c.exhibits[static_cast<size_t>(c.telegram)].contacts.push_back(accounts_[Platform::kTelegram]);
      Meet(c, w_.Daytime(c.tz, day));
      day += static_cast<int64_t>(w_.rng().Between(1, 3)) * kDay;
    }
    std::vector<int64_t> times;
    for (size_t i = 0; i < seq.size(); ++i) {
      times.push_back(w_.Daytime(c.tz, day));
      day += static_cast<int64_t>(w_.rng().Between(2, 6)) * kDay;
    }
    for (size_t i = 0; i < seq.size(); ++i) {
      const bool last = i + 1 == seq.size();
      Contact(c, seq[i], last ? seq[i] : seq[i + 1], times[i], last ? 0 : times[i + 1], i == 0);
    }
  }
}

}  // namespace

void PlanOperatives(World& w, std::vector<CasePlan>& cases) {
  const int k = static_cast<int>(cases.size());
  const int n = std::max(2, (k + 2) / 3);
  for (int j = 0; j < n; ++j) OperativeBuilder(w, cases, j, n).Build();
}

}  // namespace casegraph::synth::plan
