// The planner's people and accounts (see scenario_plan_internal.h): fictional names, unique
// synthetic TR mobile numbers (Turkcell 530-539 and Vodafone 541-549 ranges, which
// libphonenumber accepts as valid), and platform ids in each platform's own shape.
#include <algorithm>

#include "base/time_util.h"
#include "synth/scenario_plan_internal.h"
#include "synth/synth_text.h"

namespace casegraph::synth::plan {
namespace {

// "Ali" is kept out: it is the planted WhatsApp name collision.
constexpr const char* kFirstNames[] = {
    "Ece",   "Mert",  "Elif",   "Emre",   "Zeynep", "Can",    "Selin", "Kaan",   "Ayşe",  "Barış", "İrem",
    "Oğuz",  "Şule",  "Çağan",  "Gökçe",  "Ömer",   "Nur",    "Tolga", "Yağmur", "Sam",   "Alex",  "Noor",
    "Omar",  "Lina",  "Yusuf",  "Maya",   "Jonas",  "Derya",  "Umut",  "Işıl",   "Defne", "Arda",  "Eylül",
    "Berk",  "Ada",   "Kerem",  "Melis",  "Efe",    "Duru",   "Rüzgar", "Nehir", "Bora",  "Ela",   "Onur",
    "Sude",  "Tuna",  "Asya",   "Deniz",  "Poyraz", "Lara",   "Batu",  "Mina",   "Eren",  "Ilgın", "Sarp"};
// Obviously invented surnames ("örnek" = example, "deneme" = trial, "taslak" = draft...).
constexpr const char* kLastNames[] = {
    "Örnek",     "Örnekoğlu", "Deneme",     "Denemeci",  "Kurgusal",  "Taslak",     "Sentez",   "Sample",
    "Mockley",   "Testwood",  "Dummyson",   "Placeholder", "Örneksoy", "Denemegil", "Taslakçı", "Kurgu",
    "Sentezer",  "Samplewood", "Mockridge", "Testoğlu",  "Varsayım",  "Hayalgil",   "Uydurma",  "Farazi",
    "Kurmaca",   "Provacı",   "Demoğlu",    "Prototip",  "Şablon",    "Taklitçi",   "Fictor",   "Imagino"};

constexpr char kMeteorChars[] = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
constexpr int64_t kDiscordEpochMs = 1420070400000LL;

// The first letter of a UTF-8 word (a Turkish capital is two bytes).
std::string Initial(const std::string& word) { return word.substr(0, (word[0] & 0x80) != 0 ? 2 : 1); }

// The names an account of this person shows on each platform (see AddAccount): "Ece Nur Örnek",
// "Ece Nur Ö.", "E. N. Örnek", "Ece Nur Ö. 🎮".
std::array<std::string, 4> NameForms(const std::string& first, const std::string& last) {
  std::string initials;
  for (size_t from = 0; from < first.size();) {
    size_t space = first.find(' ', from);
    if (space == std::string::npos) space = first.size();
    initials += Initial(first.substr(from, space - from)) + ". ";
    from = space + 1;
  }
  return {first + " " + last, first + " " + Initial(last) + ".", initials + last,
          first + " " + Initial(last) + ". \U0001F3AE"};
}

}  // namespace

World::World(Scenario* s, uint64_t seed) : s_(s), rng_(seed ^ 0x5ce7a410c0ffeeULL) {}

bool World::NameFree(const std::string& first, const std::string& last) const {
  for (const auto& form : NameForms(first, last)) {
    if (names_.count(form) > 0) return false;
  }
  return true;
}

void World::TakeName(const std::string& first, const std::string& last) {
  for (auto& form : NameForms(first, last)) names_.insert(std::move(form));
}

int World::AddPerson(const std::string& key, Role role, const std::string& first, const std::string& last) {
  Person p;
  p.key = key;
  p.role = role;
  if (!first.empty()) {  // a forced name (decoys share one on purpose)
    p.first = first;
    p.last = last;
    TakeName(first, last);
  } else {
    for (int tries = 0;; ++tries) {
      p.first = rng_.Pick(kFirstNames);
      p.last = last.empty() ? rng_.Pick(kLastNames) : last;
      for (int more = 0; more < tries / 20; ++more) p.first += std::string(" ") + rng_.Pick(kFirstNames);  // given names
      if (NameFree(p.first, p.last)) break;
    }
    TakeName(p.first, p.last);
  }
  p.phone = NewPhone();
  people_.push_back(std::move(p));
  return static_cast<int>(people_.size() - 1);
}

int World::AddAccount(int person, Platform platform) {
  const Person& p = people_[static_cast<size_t>(person)];
  const auto forms = NameForms(p.first, p.last);
  SynthAccount a;
  a.person = p.key;
  a.role = p.role;
  a.platform = platform;
  switch (platform) {
    case Platform::kTelegram:
      a.uid = NewTelegramId(5100000000ULL, 1800000000ULL);
      a.display_name = forms[0];
      if (rng_.PerMille(700)) a.username = NewHandle();
      a.phone = p.phone;
      break;
    case Platform::kWhatsApp:
      a.uid = p.phone;
      a.display_name = forms[0];
      a.phone = p.phone;
      break;
    case Platform::kElement:
      a.username = NewHandle();
      a.uid = "@" + a.username + ":" + kMatrixServer;
      a.display_name = forms[1];
      break;
    case Platform::kRocketChat:
      a.uid = NewRocketChatId();
      a.username = NewHandle();
      a.display_name = forms[2];
      break;
    case Platform::kDiscord:
      a.uid = NewSnowflake(s_->story_from - static_cast<int64_t>(rng_.Below(4 * 365)) * kDay);
      a.username = NewHandle();
      a.display_name = forms[3];
      break;
  }
  s_->accounts.push_back(std::move(a));
  return static_cast<int>(s_->accounts.size() - 1);
}

int World::AddChannel(const std::string& person_key, const std::string& title) {
  SynthAccount a;
  a.person = person_key;
  a.role = Role::kBroadcaster;
  a.platform = Platform::kTelegram;
  a.uid = NewTelegramId(1500000000ULL, 400000000ULL);
  a.display_name = title;
  a.is_channel = true;
  s_->accounts.push_back(std::move(a));
  return static_cast<int>(s_->accounts.size() - 1);
}

std::string World::NewPhone() {
  for (;;) {
    const uint64_t block = rng_.Below(19);  // 530-539, 541-549
    std::string e164 = "+90" + std::to_string(block < 10 ? 530 + block : 531 + block);
    e164.push_back(static_cast<char>('2' + rng_.Below(8)));  // a subscriber number never starts 0/1
    for (int i = 0; i < 6; ++i) e164.push_back(static_cast<char>('0' + rng_.Below(10)));
    if (phones_.insert(e164).second) return e164;
  }
}

std::string World::NewHandle() {
  for (;;) {
    std::string h;
    AppendHandle(rng_, &h);
    if (handles_.insert(h).second) return h;
  }
}

std::string World::NewTelegramId(uint64_t lo, uint64_t span) {
  for (;;) {
    std::string id = std::to_string(lo + rng_.Below(span));
    if (ids_.insert("tg" + id).second) return id;
  }
}

std::string World::NewRocketChatId() {
  for (;;) {
    std::string id;
    for (int i = 0; i < 17; ++i) id.push_back(kMeteorChars[rng_.Below(sizeof kMeteorChars - 1)]);
    if (ids_.insert("rc" + id).second) return id;
  }
}

std::string World::NewSnowflake(int64_t at_utc) {
  for (;;) {
    const uint64_t ms = static_cast<uint64_t>(at_utc * 1000 - kDiscordEpochMs) + rng_.Below(1000);
    std::string id = std::to_string((ms << 22) | rng_.Below(uint64_t{1} << 22));
    if (ids_.insert("dc" + id).second) return id;
  }
}

std::string World::NewMatrixRoomId() {
  for (;;) {
    std::string id = "!";
    for (int i = 0; i < 18; ++i) {
      const uint64_t k = rng_.Below(52);
      id.push_back(static_cast<char>(k < 26 ? 'a' + k : 'A' + (k - 26)));
    }
    id += std::string(":") + kMatrixServer;
    if (ids_.insert(id).second) return id;
  }
}

std::string World::NewChatId(const std::string& prefix) {
  std::string id = prefix + "-" + std::to_string(ids_.size());
  ids_.insert(id);
  return id;
}

int64_t World::Daytime(const std::string& tz, int64_t day_utc) {
  LocalDateTime local = UnixToCivil(day_utc - day_utc % kDay);
  local.hour = static_cast<int>(rng_.Between(10, 20));
  local.minute = static_cast<int>(rng_.Below(60));
  local.second = static_cast<int>(rng_.Below(60));
  auto utc = LocalToUtc(local, tz);
  return utc ? *utc : CivilToUnix(local);
}

}  // namespace casegraph::synth::plan
