// Shared state of the scenario planner (scenario_plan*.cpp): the fictional people, the unique
// names, numbers and ids handed out, and per case what the subject's devices hold. Internal to
// the planner; the result is the plain Scenario of scenario.h.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "synth/scenario.h"
#include "synth/synth_random.h"

namespace casegraph::synth::plan {

inline constexpr const char* kMatrixServer = "matrix.example.org";
inline constexpr const char* kRocketChatInstance = "chat.example.org";
inline constexpr int64_t kDay = 86400;

struct Person {
  std::string key;  // "c001-friend-2", "op-1"
  Role role = Role::kFriend;
  std::string first, last;
  std::string phone;  // E.164, unique in the scenario
};

// The world being planned: people, accounts, and the unique values already handed out.
class World {
 public:
  World(Scenario* s, uint64_t seed);

  Scenario& s() { return *s_; }
  Rng& rng() { return rng_; }
  const Person& person(int i) const { return people_[static_cast<size_t>(i)]; }

  // A person with a fresh name (unique in all the forms accounts show) and a fresh TR mobile
  // number. `first`/`last` force a name (decoys, "Ali"); `last` alone keeps a family name.
  int AddPerson(const std::string& key, Role role, const std::string& first = "", const std::string& last = "");
  // An account of `person` on `platform` with a fresh id and username, named the way that
  // platform shows people (so no two accounts share a display name by accident).
  int AddAccount(int person, Platform platform);
  // A broadcast channel account (Telegram).
  int AddChannel(const std::string& person_key, const std::string& title);

  std::string NewPhone();
  std::string NewHandle();
  std::string NewTelegramId(uint64_t lo, uint64_t span);
  std::string NewRocketChatId();
  std::string NewSnowflake(int64_t at_utc);
  std::string NewMatrixRoomId();
  std::string NewChatId(const std::string& prefix);  // WhatsApp chats: no id in the export

  // Whole seconds at a local daytime (10:00-20:59) of the UTC day `day_utc` in `tz`.
  int64_t Daytime(const std::string& tz, int64_t day_utc);

 private:
  bool NameFree(const std::string& first, const std::string& last) const;
  void TakeName(const std::string& first, const std::string& last);

  Scenario* s_;
  Rng rng_;
  std::vector<Person> people_;
  std::set<std::string> names_, phones_, handles_, ids_;
};

// What one case is made of while it is planned.
struct CasePlan {
  int index = 0;
  std::string code;     // "C001"
  std::string subject;  // "S1"
  std::string prefix;   // "s1": exhibit labels start with it
  std::string tz;       // the devices' zone
  std::string wa_style; // empty: no WhatsApp on the phone
  bool element = false, discord = false, rocketchat = false, telegram_html = false;

  int person = -1;                     // the subject
  std::map<std::pair<int, Platform>, int> accounts;  // (person, platform) -> account, this case's people
  int html_account = -1;               // the subject's second Telegram account (telegram-html)
  std::vector<int> family, friends;    // people
  int ali = -1, classmate = -1, decoy = -1;

  std::vector<SynthExhibit> exhibits;
  int telegram = -1, rocketchat_exhibit = -1;  // indexes into exhibits
  int64_t story_from = 0;

  bool Has(Platform p) const;
  // The account of `who` (a person of this case) on `p`, or -1.
  int Acct(int who, Platform p) const;
  int SubjectAcct(Platform p) const { return Acct(person, p); }
};

// Message helpers: planted lines.
void Say(SynthConversation& c, int64_t at, int sender, std::string text);
void Join(SynthConversation& c, int64_t at, int who);
void SendFile(SynthConversation& c, int64_t at, int sender, std::string file_name);
// Neutral placeholder lines.
std::string Greeting(Rng& rng);
std::string Reply(Rng& rng);
std::string GroupHello(Rng& rng);
std::string OperativeOpener(Rng& rng);

// A direct conversation between the owner's account and a peer, opened by `opener` at `at`
// (the other replies a few minutes later); filler starts after the reply.
SynthConversation Direct(World& w, int owner, int peer, int opener, int64_t at, std::string id);
// A group: members[0] creates it and greets, every other member joins and greets.
SynthConversation Group(World& w, std::string id, std::string title, const std::vector<int>& members, int64_t at);

// scenario_plan_cases.cpp: the cases, their people and devices with everyday conversations.
std::vector<CasePlan> PlanCases(World& w, int cases);
// scenario_plan_operatives.cpp: operatives, their accounts, contacts and the planted story.
void PlanOperatives(World& w, std::vector<CasePlan>& cases);
// One stranger per case who writes once to the subject (scenario_plan_strangers.cpp).
void PlanStrangers(World& w, std::vector<CasePlan>& cases);
// scenario_plan_exhibits.cpp: an exhibit skeleton; the single-conversation exhibit of an
// Element/Discord/WhatsApp chat.
SynthExhibit NewExhibit(const CasePlan& c, std::string label, std::string format, int owner);
SynthExhibit& AddChatExhibit(CasePlan& c, const std::string& format, int owner, SynthConversation conv);

}  // namespace casegraph::synth::plan
