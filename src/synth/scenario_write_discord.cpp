// DiscordChatExporter JSON for one exhibit of the scenario: one channel, one file
// "<guild> - <category> - <channel> [<channel id>].json" (DCE's default name) in the exhibit
// folder, with its "<file>_Files/" media folder. A direct conversation is a DirectTextChat in the
// "Direct Messages" pseudo-guild (id 0); a group a GuildTextChat and a channel a GuildNewsChat,
// each in a guild named after the conversation. Authors: id = the account's snowflake,
// name = username, nickname = display name. Timestamps carry the device zone's offset, as DCE
// writes them without --utc. Streams: the document is written message by message and
// messageCount at the end. Field reference: ../../docs/formats/discord-json.md.
#include <algorithm>
#include <cctype>

#include "synth/json_output.h"
#include "synth/scenario.h"
#include "synth/scenario_write_common.h"
#include "synth/scenario_zone.h"
#include "synth/synth_clock.h"

namespace casegraph::synth {
namespace {

constexpr int64_t kDiscordEpochMs = 1420070400000;  // 2015-01-01T00:00:00Z

bool AllDigits(std::string_view s) {
  return !s.empty() && s.size() <= 19 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// A snowflake for something that has a name but no id in the scenario, created in 2020-2021.
std::string DerivedSnowflake(std::string_view name, uint64_t salt) {
  const uint64_t h = StableHash(name, salt);
  const uint64_t ms = 1577836800000ULL - kDiscordEpochMs + h % 31536000000ULL;
  return std::to_string((ms << 22) | (h >> 42));
}

// DCE replaces the characters a file name may not hold.
std::string FileNamePart(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (std::string_view("\\/:*?\"<>|").find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20) c = '_';
  }
  return out;
}

// "+03:00"
void AppendOffset(int offset_seconds, std::string* out) {
  const int minutes = (offset_seconds < 0 ? -offset_seconds : offset_seconds) / 60;
  char text[16];
  std::snprintf(text, sizeof text, "%c%02d:%02d", offset_seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
  out->append(text);
}

class DiscordWriter {
 public:
  DiscordWriter(const Scenario& s, const SynthExhibit& e, const ScenarioOptions& o, ZoneClock clock)
      : s_(s), e_(e), o_(o), c_(e.conversations.front()), clock_(std::move(clock)), out_(2) {}

  Result<uint64_t> Write(const std::string& folder) {
    Describe();
    const std::string json_name = FileNamePart(guild_name_ + " - " + category_ + " - " + channel_name_) + " [" +
                                  channel_id_ + "].json";
    media_folder_ = json_name + "_Files";
    folder_ = folder;
    CASEGRAPH_RETURN_IF_ERROR(out_.Open(folder + "/" + json_name));
    Preamble();
    out_.Key("messages");
    out_.OpenArray();
    // Discord posts no message when someone leaves a guild: leaves are not written.
    Status status = Ok();
    ForEachMessage(c_, [&](const SynthMessage& m) {
      if (!status || !WrittenIn(c_, m) || m.kind == SynthMessage::Kind::kLeave) return;
      status = Message(m);
    });
    CASEGRAPH_RETURN_IF_ERROR(status);
    out_.End();
    out_.KeyNumber("messageCount", static_cast<int64_t>(written_));
    out_.End();
    CASEGRAPH_RETURN_IF_ERROR(out_.Finish());
    return written_;
  }

 private:
  void Describe() {
    const bool direct = c_.kind == ConversationKind::kDirect;
    channel_id_ = AllDigits(c_.id) ? c_.id : DerivedSnowflake(c_.id, 1);
    if (direct) {
      const int peer = DirectPeer(c_, e_.owner);
      guild_id_ = "0";
      guild_name_ = "Direct Messages";
      category_id_ = "0";
      category_ = "Private";
      channel_name_ = peer >= 0 ? Account(peer).display_name : std::string("Direct message");
      channel_type_ = "DirectTextChat";
    } else {
      guild_id_ = DerivedSnowflake(c_.id, 2);
      guild_name_ = c_.title.empty() ? std::string("Guild") : c_.title;
      category_id_ = DerivedSnowflake(c_.id, 3);
      category_ = "Text Channels";
      channel_name_ = c_.kind == ConversationKind::kChannel ? "announcements" : "general";
      channel_type_ = c_.kind == ConversationKind::kChannel ? "GuildNewsChat" : "GuildTextChat";
    }
    int64_t last = c_.filler > 0 ? c_.filler_to : 0;
    if (!c_.planted.empty()) last = std::max(last, c_.planted.back().at_utc);
    exported_at_ = last + 3600;
  }

  const SynthAccount& Account(int index) const { return s_.accounts[static_cast<size_t>(index)]; }

  void Preamble() {
    out_.OpenObject();
    out_.Key("guild");
    out_.OpenObject();
    out_.KeyString("id", guild_id_);
    out_.KeyString("name", guild_name_);
    out_.KeyString("iconUrl", "https://cdn.discordapp.com/embed/avatars/0.png");
    out_.End();
    out_.Key("channel");
    out_.OpenObject();
    out_.KeyString("id", channel_id_);
    out_.KeyString("type", channel_type_);
    out_.KeyString("categoryId", category_id_);
    out_.KeyString("category", category_);
    out_.KeyString("name", channel_name_);
    out_.Key("topic");
    out_.Raw("null");
    out_.End();
    out_.Key("dateRange");
    out_.OpenObject();
    out_.Key("after");
    out_.Raw("null");
    out_.Key("before");
    out_.Raw("null");
    out_.End();
    stamp_.clear();
    AppendStamp(exported_at_ * 1000, &stamp_);
    out_.KeyString("exportedAt", stamp_);
  }

  // "2025-02-03T21:04:00.001+03:00" in the device's zone.
  void AppendStamp(int64_t ms, std::string* out) {
    const int64_t seconds = ms / 1000;
    const int offset = clock_.OffsetAt(seconds);
    AppendIsoLocal(seconds, offset, out);
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, ".%03d", static_cast<int>(ms % 1000));
    out->append(fraction);
    AppendOffset(offset, out);
  }

  Status Message(const SynthMessage& m) {
    // Snowflakes and milliseconds: the n-th message within one second gets n ms (at most 999)
    // and n in the increment bits, so ids grow with time and never repeat.
    per_second_ = m.at_utc == last_second_ ? per_second_ + 1 : 0;
    last_second_ = m.at_utc;
    const int64_t ms = m.at_utc * 1000 + std::min<int64_t>(per_second_, 999);
    const uint64_t id = (static_cast<uint64_t>(ms - kDiscordEpochMs) << 22) | (per_second_ & 0x3FFFFF);
    const SynthAccount& author = Account(m.sender);
    const bool join = m.kind == SynthMessage::Kind::kJoin;
    out_.Item();
    out_.OpenObject();
    out_.KeyString("id", std::to_string(id));
    out_.KeyString("type", join ? "GuildMemberJoin" : "Default");
    stamp_.clear();
    AppendStamp(ms, &stamp_);
    out_.KeyString("timestamp", stamp_);
    out_.Key("timestampEdited");
    out_.Raw("null");
    out_.Key("callEndedTimestamp");
    out_.Raw("null");
    out_.Key("isPinned");
    out_.Raw("false");
    out_.KeyString("content", join ? std::string_view("Joined the server.") : std::string_view(m.text));
    Author(author);
    out_.Key("attachments");
    if (m.kind == SynthMessage::Kind::kFile) {
      CASEGRAPH_RETURN_IF_ERROR(Attachment(m, id));
    } else {
      out_.Raw("[]");
    }
    for (const char* empty : {"embeds", "stickers", "reactions", "mentions", "inlineEmojis"}) {
      out_.Key(empty);
      out_.Raw("[]");
    }
    out_.End();
    ++written_;
    return Ok();
  }

  void Author(const SynthAccount& a) {
    out_.Key("author");
    out_.OpenObject();
    out_.KeyString("id", a.uid);
    out_.KeyString("name", a.username.empty() ? a.display_name : a.username);
    out_.KeyString("discriminator", "0000");
    out_.KeyString("nickname", a.display_name.empty() ? a.username : a.display_name);
    out_.Key("color");
    out_.Raw("null");
    out_.Key("isBot");
    out_.Raw("false");
    if (c_.kind != ConversationKind::kDirect) {
      out_.Key("roles");
      out_.Raw("[]");
    }
    out_.KeyString("avatarUrl",
                   "https://cdn.discordapp.com/embed/avatars/" + std::to_string(StableHash(a.uid) % 5) + ".png");
    out_.End();
  }

  Status Attachment(const SynthMessage& m, uint64_t message_id) {
    const std::string attachment_id = std::to_string(message_id + 1);
    const std::string bytes = PlaceholderFileBytes(m.file_name);
    std::string url;
    if (o_.with_media && media_written_ < kMaxMediaFilesPerExhibit) {
      // DCE's local copy: "<stem>-<5 hex of the content hash><ext>" in the _Files folder.
      auto [stem, ext] = SplitExtension(m.file_name);
      char hash[24];
      std::snprintf(hash, sizeof hash, "%05llX",
                    static_cast<unsigned long long>(StableHash(m.file_name, message_id) & 0xFFFFF));
      url = media_folder_ + "/" + FileNamePart(stem) + "-" + hash + FileNamePart(ext);
      if (media_written_ == 0) CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder_ + "/" + media_folder_));
      CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(folder_ + "/" + url, bytes));
      ++media_written_;
    } else {
      url = "https://cdn.discordapp.com/attachments/" + channel_id_ + "/" + attachment_id + "/" + m.file_name;
    }
    out_.OpenArray();
    out_.Item();
    out_.OpenObject();
    out_.KeyString("id", attachment_id);
    out_.KeyString("url", url);
    out_.KeyString("fileName", m.file_name);
    out_.KeyNumber("fileSizeBytes", static_cast<int64_t>(bytes.size()));
    out_.End();
    out_.End();
    return Ok();
  }

  const Scenario& s_;
  const SynthExhibit& e_;
  const ScenarioOptions& o_;
  const SynthConversation& c_;
  ZoneClock clock_;
  JsonFileWriter out_;
  std::string folder_, media_folder_;
  std::string guild_id_, guild_name_, category_id_, category_, channel_id_, channel_name_, channel_type_;
  int64_t exported_at_ = 0;
  std::string stamp_;
  int64_t last_second_ = -1;
  uint64_t per_second_ = 0;
  uint64_t written_ = 0;
  int media_written_ = 0;
};

}  // namespace

Result<uint64_t> WriteDiscordExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o) {
  if (e.conversations.size() != 1) {
    return Error::InvalidArgument("discord-json writer, exhibit " + e.case_code + "/" + e.label + ": holds " +
                                  std::to_string(e.conversations.size()) +
                                  " conversations; a DiscordChatExporter export is one channel (one exhibit each)");
  }
  CASEGRAPH_RETURN_IF_ERROR(CheckExhibitAccounts(s, e, Platform::kDiscord, "discord-json"));
  auto clock = ZoneClock::Make(e.tz);
  if (!clock) return clock.error();
  auto folder = MakeExhibitFolder(o, e);
  if (!folder) return folder.error();
  DiscordWriter writer(s, e, o, std::move(*clock));
  return writer.Write(*folder);
}

}  // namespace casegraph::synth
