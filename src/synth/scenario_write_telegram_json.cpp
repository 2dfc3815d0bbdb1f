// The telegram-json writer of the scenario: a Telegram Desktop full-account export
// (result.json: about, personal_information of the owner, contacts with user ids and phone
// numbers, chats.list with personal_chat / private_group / public_channel dialogs), as
// docs/formats/telegram-json.md describes it. Streams every message through JsonFileWriter,
// so a chat of millions of messages costs no memory. Local "date" values in the exhibit's zone.
#include <algorithm>
#include <filesystem>

#include "synth/json_output.h"
#include "synth/scenario.h"
#include "synth/scenario_write_common.h"
#include "synth/scenario_zone.h"
#include "synth/synth_clock.h"
#include "synth/synth_random.h"
#include "synth/whatsapp_style.h"

namespace casegraph::synth {
namespace {

constexpr std::string_view kAboutExport =
    "Here is the data you requested. This export is synthetic (casegraph scenario generator): every account, "
    "name, number and message in it is invented.";
constexpr std::string_view kAboutContacts = "If you allow access, your contacts are continuously synced with Telegram.";
constexpr std::string_view kAboutChats = "This page lists all chats from this export.";
constexpr std::string_view kNotIncluded = "(File not included. Change data exporting settings to download.)";

// "Ece Nur Örnek" -> {"Ece Nur", "Örnek"}: JoinName(first, last) gives the display name back.
std::pair<std::string, std::string> SplitName(const std::string& name) {
  const size_t space = name.rfind(' ');
  if (space == std::string::npos) return {name, ""};
  return {name.substr(0, space), name.substr(space + 1)};
}

std::string ChatFolder(size_t index, size_t total) {
  const size_t digits = std::to_string(total > 1 ? total - 1 : 0).size();
  std::string number = std::to_string(index + 1);
  if (number.size() < digits) number.insert(0, digits - number.size(), '0');
  return "chats/chat_" + number + "/";
}

class TelegramJsonWriter {
 public:
  TelegramJsonWriter(const Scenario& s, const SynthExhibit& e, const ScenarioOptions& o, std::string folder,
                     ZoneClock* zone)
      : s_(s), e_(e), o_(o), folder_(std::move(folder)), zone_(*zone) {}

  Result<uint64_t> Run();

 private:
  const SynthAccount& acct(int a) const { return s_.accounts[static_cast<size_t>(a)]; }
  void Date(std::string_view key, std::string_view unix_key, int64_t at);
  void PersonalInformation();
  void Contacts();
  int64_t SavedAt(int a) const;
  int64_t BeforeStory(int a) const;
  Status Chat(const SynthConversation& c, size_t index);
  Status Message(const SynthConversation& c, const std::string& chat_folder, const SynthMessage& m, int64_t id);
  void From(const SynthConversation& c, const char* name_key, const char* id_key, int sender);

  const Scenario& s_;
  const SynthExhibit& e_;
  const ScenarioOptions& o_;
  std::string folder_;
  ZoneClock& zone_;
  JsonFileWriter out_;
  std::string scratch_;
  uint64_t messages_ = 0;
  Status status_;
};

void TelegramJsonWriter::Date(std::string_view key, std::string_view unix_key, int64_t at) {
  scratch_.clear();
  AppendIsoLocal(at, zone_.OffsetAt(at), &scratch_);
  out_.KeyString(key, scratch_);
  out_.Key(unix_key);
  out_.Raw("\"");
  out_.Number(at);
  out_.Raw("\"");
}

void TelegramJsonWriter::PersonalInformation() {
  const SynthAccount& owner = acct(e_.owner);
  const auto [first, last] = SplitName(owner.display_name);
  out_.Key("personal_information");
  out_.OpenObject();
  out_.Key("user_id");
  out_.Raw(owner.uid);
  out_.KeyString("first_name", first);
  out_.KeyString("last_name", last);
  out_.KeyString("phone_number", WhatsAppNumberText(owner.phone));
  if (!owner.username.empty()) out_.KeyString("username", "@" + owner.username);
  if (!owner.bio.empty()) out_.KeyString("bio", owner.bio);
  out_.End();
}

// When the owner saved `a`: an operative an hour after its first line here (met during the
// story), anyone else some day in the year before the story.
int64_t TelegramJsonWriter::SavedAt(int a) const {
  int64_t first = 0;
  if (acct(a).role != Role::kOperative) return BeforeStory(a);
  for (const SynthConversation& c : e_.conversations) {
    for (const SynthMessage& m : c.planted) {
      if (m.sender == a && (first == 0 || m.at_utc < first)) first = m.at_utc;
    }
  }
  return first != 0 ? first + 3600 : BeforeStory(a);
}

int64_t TelegramJsonWriter::BeforeStory(int a) const {
  Rng rng(s_.seed ^ static_cast<uint64_t>(a) * 0x9E3779B97F4A7C15ULL);
  return s_.story_from - static_cast<int64_t>(rng.Below(365 * 86400));
}

// tdesktop sorts contacts by name.
void TelegramJsonWriter::Contacts() {
  std::vector<int> contacts = e_.contacts;
  std::stable_sort(contacts.begin(), contacts.end(),
                   [&](int a, int b) { return acct(a).display_name < acct(b).display_name; });
  out_.Key("contacts");
  out_.OpenObject();
  out_.KeyString("about", kAboutContacts);
  out_.Key("list");
  out_.OpenArray();
  for (int a : contacts) {
    const SynthAccount& c = acct(a);
    const auto [first, last] = SplitName(c.display_name);
    out_.Item();
    out_.OpenObject();
    out_.Key("user_id");
    out_.Raw(c.uid);
    out_.KeyString("first_name", first);
    out_.KeyString("last_name", last);
    out_.KeyString("phone_number", WhatsAppNumberText(c.phone));
    Date("date", "date_unixtime", SavedAt(a));
    out_.End();
  }
  out_.End();
  out_.End();
}

void TelegramJsonWriter::From(const SynthConversation& c, const char* name_key, const char* id_key, int sender) {
  const SynthAccount& a = acct(sender);
  out_.KeyString(name_key, a.is_channel ? c.title : a.display_name);
  out_.Key(id_key);
  out_.Raw(a.is_channel ? "\"channel" : "\"user");
  out_.Raw(a.uid);
  out_.Raw("\"");
}

Status TelegramJsonWriter::Message(const SynthConversation& c, const std::string& chat_folder, const SynthMessage& m,
                                   int64_t id) {
  out_.Item();
  out_.OpenObject();
  out_.KeyNumber("id", id);
  const bool service = m.kind == SynthMessage::Kind::kJoin || m.kind == SynthMessage::Kind::kLeave;
  out_.KeyString("type", service ? "service" : "message");
  Date("date", "date_unixtime", m.at_utc);
  if (service) {
    From(c, "actor", "actor_id", m.sender);
    if (m.kind == SynthMessage::Kind::kJoin) {
      out_.KeyString("action", "join_group_by_link");
      out_.KeyString("inviter", acct(c.members[0]).display_name);
    } else {
      out_.KeyString("action", "remove_members");
      out_.Key("members");
      out_.OpenArray();
      out_.Item();
      out_.String(acct(m.sender).display_name);
      out_.End();
    }
  } else {
    From(c, "from", "from_id", m.sender);
  }
  if (m.kind == SynthMessage::Kind::kFile) {
    std::string path = chat_folder + "files/" + m.file_name;
    if (o_.with_media) {
      CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder_ + "/" + chat_folder + "files"));
      CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(folder_ + "/" + path, SyntheticPhotoBytes()));
    } else {
      path = std::string(kNotIncluded);
    }
    out_.KeyString("file", path);
    out_.KeyString("file_name", m.file_name);
    out_.KeyString("mime_type", "image/jpeg");
  }
  out_.KeyString("text", m.text);
  out_.Key("text_entities");
  out_.OpenArray();
  if (!m.text.empty()) {
    out_.Item();
    out_.OpenObject();
    out_.KeyString("type", "plain");
    out_.KeyString("text", m.text);
    out_.End();
  }
  out_.End();
  out_.End();
  ++messages_;
  return Ok();
}

Status TelegramJsonWriter::Chat(const SynthConversation& c, size_t index) {
  out_.Item();
  out_.OpenObject();
  const char* type = c.kind == ConversationKind::kDirect  ? "personal_chat"
                     : c.kind == ConversationKind::kGroup ? "private_group"
                                                          : "public_channel";
  std::string id = c.id;
  if (c.kind == ConversationKind::kDirect) {  // a personal chat is named and numbered by the peer
    for (int m : c.members) {
      if (m != e_.owner) id = acct(m).uid;
    }
  }
  out_.KeyString("name", c.title);
  out_.KeyString("type", type);
  out_.Key("id");
  out_.Raw(id);
  out_.Key("messages");
  out_.OpenArray();
  const std::string chat_folder = ChatFolder(index, e_.conversations.size());
  int64_t next_id = 1;
  ForEachMessage(c, [&](const SynthMessage& m) {
    if (!status_) return;
    status_ = Message(c, chat_folder, m, next_id++);
  });
  out_.End();
  out_.End();
  return status_;
}

Result<uint64_t> TelegramJsonWriter::Run() {
  if (e_.owner < 0) return Error::InvalidArgument("telegram-json exhibit " + e_.label + " has no owner account");
  CASEGRAPH_RETURN_IF_ERROR(out_.Open(folder_ + "/result.json"));
  out_.OpenObject();
  out_.KeyString("about", kAboutExport);
  PersonalInformation();
  Contacts();
  out_.Key("chats");
  out_.OpenObject();
  out_.KeyString("about", kAboutChats);
  out_.Key("list");
  out_.OpenArray();
  for (size_t i = 0; i < e_.conversations.size(); ++i) {
    Status chat = Chat(e_.conversations[i], i);
    if (!chat) {
      (void)out_.Finish();
      return chat.error();
    }
  }
  out_.End();
  out_.End();
  out_.End();
  CASEGRAPH_RETURN_IF_ERROR(out_.Finish());
  return messages_;
}

}  // namespace

Result<uint64_t> WriteTelegramJsonExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o) {
  e.rel_path = e.case_code + "/" + e.label;
  const std::string folder = o.out_dir + "/" + e.rel_path;
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);  // our own output of an earlier run: no stale media
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder));
  auto zone = ZoneClock::Make(e.tz);
  if (!zone) return zone.error();
  TelegramJsonWriter writer(s, e, o, folder, &*zone);
  return writer.Run();
}

}  // namespace casegraph::synth
