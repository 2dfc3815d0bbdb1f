// A stranger per case: someone the subject does not know writes once on Telegram ("is this
// Deniz's number?") and the subject answers that it is a wrong number. Planted as a decoy for
// the risk indicators: an unsolicited private contact with a minor and nothing else, which must
// stay a low flag. Planned after the operatives so that their draws do not move.
#include "synth/scenario_plan_internal.h"

namespace casegraph::synth::plan {
namespace {

const char* const kWrongNumber[] = {
    "Merhaba, bu numara Deniz'in mi?",
    "Pardon, Can'ın yeni numarası bu mu?",
    "Hi, is this Sam's number?",
};
const char* const kNotMe[] = {
    "Hayır, yanlış numara.",
    "Yanlış numara sanırım.",
    "No, wrong number, sorry.",
};

}  // namespace

void PlanStrangers(World& w, std::vector<CasePlan>& cases) {
  for (CasePlan& c : cases) {
    if (c.telegram < 0) continue;
    SynthExhibit& e = c.exhibits[static_cast<size_t>(c.telegram)];
    const int owner = c.SubjectAcct(Platform::kTelegram);
    const int person = w.AddPerson(c.code + "-stranger", Role::kDecoy);
    const int stranger = w.AddAccount(person, Platform::kTelegram);
    const int64_t at = w.Daytime(c.tz, c.story_from + (20 + static_cast<int64_t>(w.rng().Below(60))) * kDay);
    SynthConversation conv;
    conv.kind = ConversationKind::kDirect;
    conv.id = w.s().accounts[static_cast<size_t>(stranger)].uid;  // a personal chat is numbered by the peer
    conv.title = w.s().accounts[static_cast<size_t>(stranger)].display_name;
    conv.members = {owner, stranger};
    conv.quiet = true;
    const size_t pick = static_cast<size_t>(c.index) % 3;
    Say(conv, at, stranger, kWrongNumber[pick]);
    Say(conv, at + w.rng().Between(60, 900), owner, kNotMe[pick]);
    conv.filler_from = at + 1000;
    e.conversations.push_back(std::move(conv));  // no filler: the exchange ends there
  }
}

}  // namespace casegraph::synth::plan
