// Planner building blocks (see scenario_plan_internal.h): planted lines, direct and group
// conversations with their openings, and exhibit skeletons.
#include <utility>

#include "synth/scenario_plan_internal.h"
#include "synth/whatsapp_style.h"

namespace casegraph::synth::plan {
namespace {

constexpr const char* kGreetings[] = {"selam 👋", "merhaba, nasılsın?", "hey, naber?", "selam, ödev bitti mi?",
                                      "hi! how are you?", "günaydın ☀️", "yarın okulda görüşür müyüz?"};
constexpr const char* kReplies[] = {"iyiyim, sen?", "iyi, teşekkürler 🙂", "fine, you?", "tamam 👍",
                                    "evet, yarın görüşürüz", "bitti sayılır", "sonra yazarım"};
constexpr const char* kGroupHellos[] = {"herkese selam 👋", "merhaba arkadaşlar", "hi all", "selam grup",
                                        "ben de geldim 🙂"};
constexpr const char* kOpeners[] = {"selam, gruptan gördüm seni 🙂", "merhaba, oyunda tanışmıştık",
                                    "hi, saw you in the group", "selam, bir şey sorabilir miyim?",
                                    "merhaba, kitap kulübünden hatırladın mı?"};

}  // namespace

void Say(SynthConversation& c, int64_t at, int sender, std::string text) {
  SynthMessage m;
  m.at_utc = at;
  m.sender = sender;
  m.text = std::move(text);
  c.planted.push_back(std::move(m));
}

void Join(SynthConversation& c, int64_t at, int who) {
  SynthMessage m;
  m.at_utc = at;
  m.sender = who;
  m.kind = SynthMessage::Kind::kJoin;
  c.planted.push_back(std::move(m));
}

void SendFile(SynthConversation& c, int64_t at, int sender, std::string file_name) {
  SynthMessage m;
  m.at_utc = at;
  m.sender = sender;
  m.kind = SynthMessage::Kind::kFile;
  m.file_name = std::move(file_name);
  c.planted.push_back(std::move(m));
}

std::string Greeting(Rng& rng) { return rng.Pick(kGreetings); }
std::string Reply(Rng& rng) { return rng.Pick(kReplies); }
std::string GroupHello(Rng& rng) { return rng.Pick(kGroupHellos); }
std::string OperativeOpener(Rng& rng) { return rng.Pick(kOpeners); }

SynthConversation Direct(World& w, int owner, int peer, int opener, int64_t at, std::string id) {
  SynthConversation c;
  c.id = std::move(id);
  c.kind = ConversationKind::kDirect;
  c.title = w.s().accounts[static_cast<size_t>(peer)].display_name;
  c.members = {owner, peer};
  const int other = opener == owner ? peer : owner;
  Say(c, at, opener, Greeting(w.rng()));
  const int64_t reply = at + w.rng().Between(60, 900);
  Say(c, reply, other, Reply(w.rng()));
  c.filler_from = reply + 60;
  c.filler_seed = w.rng().Next();
  return c;
}

SynthConversation Group(World& w, std::string id, std::string title, const std::vector<int>& members, int64_t at) {
  SynthConversation c;
  c.id = std::move(id);
  c.kind = ConversationKind::kGroup;
  c.title = std::move(title);
  c.members = members;
  Say(c, at, members[0], GroupHello(w.rng()));
  int64_t t = at;
  for (size_t i = 1; i < members.size(); ++i) {
    t += w.rng().Between(60, 3600);
    Join(c, t, members[i]);
    t += w.rng().Between(30, 600);
    Say(c, t, members[i], GroupHello(w.rng()));
  }
  c.filler_from = t + 60;
  c.filler_seed = w.rng().Next();
  return c;
}

bool CasePlan::Has(Platform p) const {
  switch (p) {
    case Platform::kTelegram: return true;
    case Platform::kWhatsApp: return !wa_style.empty();
    case Platform::kElement: return element;
    case Platform::kDiscord: return discord;
    case Platform::kRocketChat: return rocketchat;
  }
  return false;
}

int CasePlan::Acct(int who, Platform p) const {
  auto it = accounts.find({who, p});
  return it == accounts.end() ? -1 : it->second;
}

SynthExhibit NewExhibit(const CasePlan& c, std::string label, std::string format, int owner) {
  SynthExhibit e;
  e.case_code = c.code;
  e.subject = c.subject;
  e.label = std::move(label);
  e.format = std::move(format);
  e.tz = c.tz;
  e.owner = owner;
  if (e.format == "rocketchat-mongo") e.instance = kRocketChatInstance;
  return e;
}

SynthExhibit& AddChatExhibit(CasePlan& c, const std::string& format, int owner, SynthConversation conv) {
  const char* device = format == "whatsapp-txt" ? "whatsapp" : format == "element-json" ? "element" : "discord";
  int same = 0;
  for (const auto& e : c.exhibits) same += e.format == format ? 1 : 0;
  std::string label = c.prefix + "-" + device;
  if (same > 0) label += "-" + std::to_string(same + 1);
  c.exhibits.push_back(NewExhibit(c, std::move(label), format, owner));
  SynthExhibit& e = c.exhibits.back();
  if (format == "whatsapp-txt") {
    e.style = c.wa_style;
    const WhatsAppStyle* style = FindWhatsAppStyle(c.wa_style);
    e.date_order = style != nullptr ? WhatsAppDateOrder(*style) : "";
  }
  e.conversations.push_back(std::move(conv));
  return e;
}

}  // namespace casegraph::synth::plan
