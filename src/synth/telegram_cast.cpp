// Builds the synthetic account's people and chats (see telegram_cast.h).
#include "synth/telegram_cast.h"

#include <algorithm>
#include <cmath>

#include "synth/synth_clock.h"
#include "synth/synth_random.h"
#include "synth/synth_text.h"

namespace casegraph::synth {
namespace {

constexpr const char* kFirstNames[] = {
    "Ece",   "Mert",  "Elif",  "Emre",  "Zeynep", "Can",   "Selin", "Kaan",  "Ayşe",  "Barış",
    "İrem",  "Oğuz",  "Şule",  "Çağan", "Gökçe",  "Ömer",  "Nur",   "Tolga", "Yağmur", "Sam",
    "Alex",  "Noor",  "Omar",  "Lina",  "Yusuf",  "Maya",  "Jonas", "Derya", "Umut",  "Işıl"};
// Obviously invented surnames ("örnek" = example, "deneme" = trial, "taslak" = draft...).
constexpr const char* kLastNames[] = {"Örnek",  "Örnekoğlu", "Deneme",    "Denemeci", "Kurgusal",
                                      "Taslak", "Sentez",    "Sample",    "Mockley",  "Testwood",
                                      "Dummyson", "Placeholder"};
constexpr const char* kGroupNames[] = {"10-B Sınıfı",        "Basketbol Takımı",
                                       "Kitap Kulübü 📚",     "Oyun Gecesi",
                                       "Matematik Ödev Grubu", "Yaz Kampı 2025",
                                       "Mahalle Arkadaşları", "Study Group",
                                       "Robotik Kulübü",      "Bisiklet Ekibi"};
constexpr const char* kSupergroupNames[] = {"İzmir Basketbol Sohbet", "Film & Dizi Önerileri",
                                            "Kodlama Öğreniyorum",   "Gamers TR/EN",
                                            "Bisiklet Turları",      "Anime Sohbet",
                                            "Satranç Severler",      "Müzik Paylaşım"};
constexpr const char* kChannelNames[] = {"Okul Duyuruları (örnek)", "Günün Fotoğrafı",
                                         "Maç Özetleri",            "Kitap Önerileri",
                                         "Hava Durumu İzmir",       "Etkinlik Takvimi"};

Person MakePerson(Rng& rng, uint64_t id, bool with_surname) {
  Person p;
  p.id = id;
  p.first_name = rng.Pick(kFirstNames);
  if (with_surname) p.last_name = rng.Pick(kLastNames);
  p.name = p.last_name.empty() ? p.first_name : p.first_name + " " + p.last_name;
  AppendProfilePhone(rng, &p.phone);
  if (rng.PerMille(600)) AppendHandle(rng, &p.username);
  return p;
}

// The next title from `names`, starting at a random offset; titles reused after a full cycle
// get " 2", " 3"... so chat names stay distinct.
template <size_t N>
std::string NextTitle(const char* const (&names)[N], size_t offset, size_t* used) {
  const size_t k = (*used)++;
  std::string title = names[(offset + k) % N];
  if (k >= N) title += " " + std::to_string(k / N + 1);
  return title;
}

// A folder index as tdesktop pads it: to the digit count of (total - 1).
std::string FolderFor(size_t index, size_t total) {
  const size_t digits = std::to_string(total > 1 ? total - 1 : 0).size();
  std::string number = std::to_string(index + 1);
  if (number.size() < digits) number.insert(0, digits - number.size(), '0');
  return "chats/chat_" + number + "/";
}

}  // namespace

int64_t ScenarioStartUnix() { return FromCivilUtc(2025, 3, 1, 9, 0, 0) - kIstanbulOffsetSeconds; }

size_t ChatCountFor(uint64_t messages) {
  constexpr size_t kMin = 9, kMax = 40;
  if (messages <= 2000) return kMin;
  const double grow = std::log(static_cast<double>(messages) / 2000.0) / std::log(500.0);
  return std::min(kMax, kMin + static_cast<size_t>(std::lround(31.0 * grow)));
}

Cast BuildCast(uint64_t seed, uint64_t messages, bool quirks) {
  const int64_t start = ScenarioStartUnix();
  Rng rng(seed ^ 0x7e1e6a4a5ca57ULL);
  Cast cast;
  uint64_t next_user_id = 5100000000ULL + rng.Below(400000000);
  auto new_user = [&](bool with_surname) {
    next_user_id += 1 + rng.Below(5000000);
    cast.people.push_back(MakePerson(rng, next_user_id, with_surname));
    return static_cast<uint32_t>(cast.people.size() - 1);
  };

  // The owner: a fictional 16-year-old from İzmir.
  Person owner = MakePerson(rng, 0, true);
  owner.first_name = "Deniz";
  owner.last_name = "Örnek";
  owner.name = "Deniz Örnek";
  owner.username = "deniz_ornek_" + std::to_string(10 + rng.Below(90));
  owner.id = 6000000000ULL + rng.Below(900000000);
  cast.people.push_back(owner);
  cast.owner_bio = "16 | İzmir | okul, basketbol & kitaplar 📚";

  const size_t total = ChatCountFor(messages);
  std::vector<ChatKind> kinds = {ChatKind::kPersonal,         ChatKind::kPrivateGroup,
                                 ChatKind::kPublicSupergroup, ChatKind::kPersonal,
                                 ChatKind::kMigratedSupergroup, ChatKind::kChannel};
  constexpr ChatKind kExtras[] = {ChatKind::kPersonal,         ChatKind::kPrivateGroup,
                                  ChatKind::kPersonal,         ChatKind::kPublicSupergroup,
                                  ChatKind::kPersonal,         ChatKind::kChannel,
                                  ChatKind::kPrivateGroup};
  for (size_t i = 0; kinds.size() + 3 < total; ++i) kinds.push_back(kExtras[i % 7]);
  kinds.push_back(ChatKind::kBot);
  kinds.push_back(ChatKind::kSaved);
  kinds.push_back(ChatKind::kPublicSupergroup);  // the left chat

  uint64_t next_group_id = 4000000000ULL + rng.Below(500000000);
  uint64_t next_channel_id = 1500000000ULL + rng.Below(500000000);
  const size_t group_offset = rng.Below(10), super_offset = rng.Below(8);
  const size_t channel_offset = rng.Below(6);
  size_t groups_named = 0, supers_named = 0, channels_named = 0;
  for (size_t i = 0; i < kinds.size(); ++i) {
    ChatPlan chat;
    chat.kind = kinds[i];
    chat.left = i + 1 == kinds.size();
    chat.members.push_back(Cast::kOwner);
    switch (chat.kind) {
      case ChatKind::kPersonal: {
        const uint32_t peer = new_user(rng.PerMille(800));
        cast.people[peer].contact_since = start - static_cast<int64_t>(rng.Below(400 * 86400));
        chat.members.insert(chat.members.begin(), peer);
        chat.type = "personal_chat";
        chat.name = cast.people[peer].name;
        chat.id = cast.people[peer].id;
        break;
      }
      case ChatKind::kBot: {
        const uint32_t bot = new_user(false);
        Person& b = cast.people[bot];
        b.first_name = "Ödev Yardımcısı";
        b.name = b.first_name;
        b.username = "odev_yardimci_" + std::to_string(rng.Below(1000)) + "_bot";
        b.phone.clear();
        b.is_bot = true;
        chat.members.insert(chat.members.begin(), bot);
        chat.type = "bot_chat";
        chat.name = b.name;
        chat.id = b.id;
        break;
      }
      case ChatKind::kSaved:
        chat.type = "saved_messages";
        chat.id = cast.people[Cast::kOwner].id;
        break;
      case ChatKind::kPrivateGroup:
      case ChatKind::kMigratedSupergroup: {
        const size_t n = 3 + rng.Below(8);
        for (size_t k = 0; k < n; ++k) {
          const uint32_t m = new_user(rng.PerMille(700));
          if (rng.PerMille(500)) {
            cast.people[m].contact_since = start - static_cast<int64_t>(rng.Below(300 * 86400));
          }
          chat.members.push_back(m);
        }
        if (rng.PerMille(400)) std::swap(chat.members[0], chat.members[1]);  // someone else made it
        chat.name = NextTitle(kGroupNames, group_offset, &groups_named);
        if (chat.kind == ChatKind::kPrivateGroup) {
          chat.type = "private_group";
          chat.id = next_group_id += 1 + rng.Below(90000000);
        } else {
          chat.type = "private_supergroup";
          chat.id = next_channel_id += 1 + rng.Below(90000000);
          chat.migrated_history = quirks;
        }
        break;
      }
      case ChatKind::kPublicSupergroup: {
        const size_t n = 15 + rng.Below(30);
        for (size_t k = 0; k < n; ++k) chat.members.push_back(new_user(rng.PerMille(500)));
        cast.people[chat.members.back()].deleted = true;
        chat.type = "public_supergroup";
        chat.name = NextTitle(kSupergroupNames, super_offset, &supers_named);
        chat.id = next_channel_id += 1 + rng.Below(90000000);
        break;
      }
      case ChatKind::kChannel:
        chat.type = "public_channel";
        chat.name = NextTitle(kChannelNames, channel_offset, &channels_named);
        chat.id = next_channel_id += 1 + rng.Below(90000000);
        break;
    }
    chat.folder = FolderFor(i, kinds.size());
    chat.start_unix = start + static_cast<int64_t>(rng.Below(5 * 86400));
    cast.chats.push_back(std::move(chat));
  }

  // Message shares: Zipf over the dialog order; the bot, saved messages and the left chat get
  // small fixed shares.
  std::vector<double> weights = ZipfWeights(cast.chats.size() - 3, 1.0);
  weights.insert(weights.end(), {0.012, 0.02, 0.008});
  const std::vector<uint64_t> quotas = SplitByWeights(messages, weights);
  for (size_t i = 0; i < cast.chats.size(); ++i) cast.chats[i].quota = quotas[i];
  return cast;
}

}  // namespace casegraph::synth
