// DiscordChatExporter JSON for one exhibit of the scenario: one channel, one file
// "<guild> - <category> - <channel> [<channel id>].json" (DCE's default name) in the exhibit
// folder, with its "<file>_Files/" media folder. A direct conversation is a DirectTextChat in the
// "Direct Messages" pseudo-guild (id 0); a group a GuildTextChat and a channel a GuildNewsChat,
// each in a guild named after the conversation. Authors: id = the account's snowflake,
// name = username, nickname = display name. Timestamps carry the device zone's offset, as DCE
// writes them without --utc. Discord posts nothing when a member leaves a guild, so kLeave is
// not written; kJoin is a GuildMemberJoin. Streams: messages are written as they come (each
// author's object is serialised once) and messageCount at the end, laid out as DCE's
// Utf8JsonWriter does (two-space indent). Field reference: ../../docs/formats/discord-json.md.
#include <algorithm>
#include <cctype>
#include <map>

#include "synth/json_output.h"
#include "synth/scenario.h"
#include "synth/scenario_write_common.h"
#include "synth/scenario_zone.h"

namespace casegraph::synth {
namespace {

constexpr int64_t kDiscordEpochMs = 1420070400000;  // 2015-01-01T00:00:00Z
constexpr std::string_view kMessageTail =
    ",\n      \"embeds\": [],\n      \"stickers\": [],\n      \"reactions\": [],\n      \"mentions\": [],\n"
    "      \"inlineEmojis\": []\n    }";

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

void Field(std::string_view indent, std::string_view key, std::string_view value, std::string* out, bool last = false) {
  out->append(indent);
  out->push_back('"');
  out->append(key);
  out->append("\": ");
  AppendJsonString(value, out);
  out->append(last ? "\n" : ",\n");
}

class DiscordWriter {
 public:
  DiscordWriter(const Scenario& s, const SynthExhibit& e, const ScenarioOptions& o, ZoneClock clock)
      : s_(s), e_(e), o_(o), c_(e.conversations.front()), clock_(std::move(clock)) {}

  Result<uint64_t> Write(const std::string& folder) {
    Describe();
    const std::string json_name = FileNamePart(guild_name_ + " - " + category_ + " - " + channel_name_) + " [" +
                                  channel_id_ + "].json";
    media_folder_ = json_name + "_Files";
    folder_ = folder;
    CASEGRAPH_RETURN_IF_ERROR(out_.Open(folder + "/" + json_name));
    Preamble();
    Status status = Ok();
    ForEachMessage(c_, [&](const SynthMessage& m) {
      if (!status || !WrittenIn(c_, m) || m.kind == SynthMessage::Kind::kLeave) return;
      status = Message(m);
    });
    CASEGRAPH_RETURN_IF_ERROR(status);
    std::string& b = out_.buffer();
    b += written_ == 0 ? "]" : "\n  ]";
    b += ",\n  \"messageCount\": ";
    AppendUint(written_, &b);
    b += "\n}";
    CASEGRAPH_RETURN_IF_ERROR(out_.Finish());
    return written_;
  }

 private:
  const SynthAccount& Account(int index) const { return s_.accounts[static_cast<size_t>(index)]; }

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

  void Preamble() {
    std::string& b = out_.buffer();
    b += "{\n  \"guild\": {\n";
    Field("    ", "id", guild_id_, &b);
    Field("    ", "name", guild_name_, &b);
    Field("    ", "iconUrl", "https://cdn.discordapp.com/embed/avatars/0.png", &b, true);
    b += "  },\n  \"channel\": {\n";
    Field("    ", "id", channel_id_, &b);
    Field("    ", "type", channel_type_, &b);
    Field("    ", "categoryId", category_id_, &b);
    Field("    ", "category", category_, &b);
    Field("    ", "name", channel_name_, &b);
    b += "    \"topic\": null\n  },\n  \"dateRange\": {\n    \"after\": null,\n    \"before\": null\n  },\n";
    b += "  \"exportedAt\": \"";
    AppendStamp(exported_at_ * 1000, &b);
    b += "\",\n  \"messages\": [";
  }

  // "2025-02-03T21:04:00.001+03:00" in the device's zone.
  void AppendStamp(int64_t ms, std::string* out) {
    const int64_t seconds = ms / 1000;
    const int offset = clock_.OffsetAt(seconds);
    AppendIsoDateTime(seconds + offset, out);
    out->push_back('.');
    AppendPadded(static_cast<int>(ms % 1000), 3, out);
    AppendUtcOffset(offset, out);
  }

  // The author object, serialised once per account.
  const std::string& Author(int index) {
    auto [it, inserted] = authors_.try_emplace(index);
    if (!inserted) return it->second;
    const SynthAccount& a = Account(index);
    std::string& b = it->second;
    b += ",\n      \"author\": {\n";
    Field("        ", "id", a.uid, &b);
    Field("        ", "name", a.username.empty() ? a.display_name : a.username, &b);
    Field("        ", "discriminator", "0000", &b);
    Field("        ", "nickname", a.display_name.empty() ? a.username : a.display_name, &b);
    b += "        \"color\": null,\n        \"isBot\": false,\n";
    if (c_.kind != ConversationKind::kDirect) b += "        \"roles\": [],\n";
    Field("        ", "avatarUrl",
          "https://cdn.discordapp.com/embed/avatars/" + std::to_string(StableHash(a.uid) % 5) + ".png", &b, true);
    b += "      }";
    return b;
  }

  Status Message(const SynthMessage& m) {
    // Snowflakes and milliseconds: the n-th message within one second gets n ms (at most 999)
    // and n in the low bits, so ids grow with time and never repeat.
    per_second_ = m.at_utc == last_second_ ? per_second_ + 1 : 0;
    last_second_ = m.at_utc;
    const int64_t ms = m.at_utc * 1000 + std::min<int64_t>(static_cast<int64_t>(per_second_), 999);
    const uint64_t id = (static_cast<uint64_t>(ms - kDiscordEpochMs) << 22) | (per_second_ & 0x3FFFFF);
    const bool join = m.kind == SynthMessage::Kind::kJoin;
    std::string& b = out_.buffer();
    b += written_ == 0 ? "\n    {\n      \"id\": \"" : ",\n    {\n      \"id\": \"";
    AppendUint(id, &b);
    b += join ? "\",\n      \"type\": \"GuildMemberJoin\",\n      \"timestamp\": \""
              : "\",\n      \"type\": \"Default\",\n      \"timestamp\": \"";
    AppendStamp(ms, &b);
    b += "\",\n      \"timestampEdited\": null,\n      \"callEndedTimestamp\": null,\n      \"isPinned\": false,\n"
         "      \"content\": ";
    AppendJsonString(join ? std::string_view("Joined the server.") : std::string_view(m.text), &b);
    b += Author(m.sender);
    if (m.kind == SynthMessage::Kind::kFile) {
      CASEGRAPH_RETURN_IF_ERROR(Attachment(m, id));
    } else {
      b += ",\n      \"attachments\": []";
    }
    b += kMessageTail;
    out_.MaybeFlush();
    ++written_;
    return Ok();
  }

  Status Attachment(const SynthMessage& m, uint64_t message_id) {
    const std::string attachment_id = std::to_string(message_id + 1);
    const std::string bytes = PlaceholderFileBytes(m.file_name);
    std::string url;
    if (o_.with_media && media_written_ < kMaxMediaFilesPerExhibit) {
      // DCE's local copy: "<stem>-<5 hex of the content hash><ext>" in the _Files folder.
      const auto [stem, ext] = SplitExtension(m.file_name);
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
    std::string& b = out_.buffer();
    b += ",\n      \"attachments\": [\n        {\n";
    Field("          ", "id", attachment_id, &b);
    Field("          ", "url", url, &b);
    Field("          ", "fileName", m.file_name, &b);
    b += "          \"fileSizeBytes\": ";
    AppendUint(bytes.size(), &b);
    b += "\n        }\n      ]";
    return Ok();
  }

  const Scenario& s_;
  const SynthExhibit& e_;
  const ScenarioOptions& o_;
  const SynthConversation& c_;
  ZoneClock clock_;
  OutFile out_;
  std::string folder_, media_folder_;
  std::string guild_id_, guild_name_, category_id_, category_, channel_id_, channel_name_, channel_type_;
  std::map<int, std::string> authors_;
  int64_t exported_at_ = 0;
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
