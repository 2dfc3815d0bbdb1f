// Rocket.Chat server seizure for one exhibit of the scenario: a folder of mongoexport files in
// JSON Lines (mongoexport's default; dates in relaxed Extended JSON), restricted to the rooms
// the subject's account is in: rocketchat_message.json, rocketchat_room.json, users.json, and
// when files were sent rocketchat_uploads.json with the bytes under uploads/<upload id> (as an
// examiner adds them from GridFS). Rooms: t "d" for direct chats (id = the two user ids sorted
// and concatenated, as the server makes it; uids/usernames), "p" for groups, "c" for channels.
// Users carry customFields.phone when the account has a phone: how a same-phone identity is
// planted on Rocket.Chat. Messages are written room after room (a dump sorted by room), each
// room's in time order; joins and leaves are system messages "uj" / "ul". Streams: only
// per-room counts are kept. Field reference: ../../docs/formats/rocketchat.md.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "base/time_util.h"
#include "synth/json_output.h"
#include "synth/scenario.h"
#include "synth/scenario_write_common.h"
#include "synth/scenario_zone.h"

namespace casegraph::synth {
namespace {

bool LooksLikeMeteorId(std::string_view id) {
  return id.size() == 17 && std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// {"$date":"2025-02-03T18:04:00.000Z"}
void AppendDate(int64_t unix_seconds, std::string* out) {
  out->append("{\"$date\":\"");
  AppendIsoDateTime(unix_seconds, out);
  out->append(".000Z\"}");
}

void AppendKey(std::string_view key, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void AppendStringField(std::string_view key, std::string_view value, std::string* out) {
  AppendKey(key, out);
  AppendJsonString(value, out);
}

// Rocket.Chat's room name: a lower-case slug of the display name.
std::string Slug(std::string_view title) {
  std::string out;
  for (unsigned char c : title) {
    if (std::isalnum(c) || c == '_' || c == '.') {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c >= 0x80) {
      out.push_back(static_cast<char>(c));  // UTF-8 names are allowed (UTF8_Names_Validation)
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? std::string("room") : out;
}

struct RoomStats {
  std::string id;
  uint64_t seed = 0;  // for message ids
  uint64_t messages = 0;
  int64_t first = 0, last = 0;
};

class RocketChatWriter {
 public:
  RocketChatWriter(const Scenario& s, const SynthExhibit& e, const ScenarioOptions& o, ZoneClock clock)
      : s_(s), e_(e), o_(o), clock_(std::move(clock)) {}

  Result<uint64_t> Write(const std::string& folder) {
    folder_ = folder;
    CASEGRAPH_RETURN_IF_ERROR(messages_.Open(folder + "/rocketchat_message.json"));
    for (const SynthConversation& c : e_.conversations) {
      RoomStats room;
      room.id = RoomId(c);
      room.seed = StableHash(room.id, 22);
      Status status = Ok();
      ForEachMessage(c, [&](const SynthMessage& m) {
        if (status && WrittenIn(c, m)) status = Message(room, m);
      });
      CASEGRAPH_RETURN_IF_ERROR(status);
      rooms_.push_back(std::move(room));
    }
    CASEGRAPH_RETURN_IF_ERROR(messages_.Finish());
    if (uploads_open_) CASEGRAPH_RETURN_IF_ERROR(uploads_.Finish());
    CASEGRAPH_RETURN_IF_ERROR(WriteRooms());
    CASEGRAPH_RETURN_IF_ERROR(WriteUsers());
    return written_;
  }

 private:
  const SynthAccount& Account(int index) const { return s_.accounts[static_cast<size_t>(index)]; }

  std::string RoomId(const SynthConversation& c) const {
    if (c.kind == ConversationKind::kDirect) {
      std::vector<std::string> uids;
      for (int member : c.members) uids.push_back(Account(member).uid);
      std::sort(uids.begin(), uids.end());
      std::string id;
      for (const auto& uid : uids) id += uid;
      return id;
    }
    return LooksLikeMeteorId(c.id) ? c.id : MeteorIdFrom(StableHash(c.id, 21));
  }

  // `,"u":{…}` serialised once per account.
  const std::string& Author(int index) {
    auto [it, inserted] = authors_.try_emplace(index);
    if (!inserted) return it->second;
    const SynthAccount& a = Account(index);
    std::string& out = it->second;
    out += ",\"u\":{";
    AppendStringField("_id", a.uid, &out);
    out.push_back(',');
    AppendStringField("username", a.username, &out);
    out.push_back(',');
    AppendStringField("name", a.display_name, &out);
    out.push_back('}');
    return out;
  }

  Status Message(RoomStats& room, const SynthMessage& m) {
    const SynthAccount& author = Account(m.sender);
    const std::string id = MeteorIdFrom(room.seed ^ (room.messages * 0x9E3779B97F4A7C15ULL));
    std::string& l = messages_.buffer();
    l += "{";
    AppendStringField("_id", id, &l);
    const bool system = m.kind == SynthMessage::Kind::kJoin || m.kind == SynthMessage::Kind::kLeave;
    if (system) {
      l += ',';
      AppendStringField("t", m.kind == SynthMessage::Kind::kJoin ? "uj" : "ul", &l);
    }
    l += ',';
    AppendStringField("rid", room.id, &l);
    l += ',';
    AppendStringField("msg", system ? std::string_view(author.username) : std::string_view(m.text), &l);
    l += ",\"ts\":";
    AppendDate(m.at_utc, &l);
    l += Author(m.sender);
    if (system) l += ",\"groupable\":false";
    if (m.kind == SynthMessage::Kind::kFile) CASEGRAPH_RETURN_IF_ERROR(File(room, m, id, &l));
    l += ",\"_updatedAt\":";
    AppendDate(m.at_utc, &l);
    if (!system) l += ",\"urls\":[],\"mentions\":[],\"channels\":[]";
    l += "}\n";
    messages_.MaybeFlush();
    if (room.messages == 0) room.first = m.at_utc;
    room.last = m.at_utc;
    ++room.messages;
    ++written_;
    return Ok();
  }

  // The upload: `file`, `files` and its card on the message, its rocketchat_uploads document,
  // and (the first few, with media) its bytes under uploads/<upload id>.
  Status File(const RoomStats& room, const SynthMessage& m, const std::string& message_id, std::string* l) {
    const std::string upload_id = MeteorIdFrom(StableHash(message_id, 23));
    const std::string bytes = PlaceholderFileBytes(m.file_name);
    const char* mime = MimeTypeOf(m.file_name);
    std::string file_object = "{";
    AppendStringField("_id", upload_id, &file_object);
    file_object += ',';
    AppendStringField("name", m.file_name, &file_object);
    file_object += ',';
    AppendStringField("type", mime, &file_object);
    file_object += '}';
    std::string link = "/file-upload/" + upload_id + "/";
    link += m.file_name;  // Rocket.Chat URL-encodes the name; the scenario's names need none
    *l += ",\"file\":" + file_object + ",\"files\":[" + file_object + "],\"attachments\":[{";
    AppendStringField("title", m.file_name, l);
    *l += ',';
    AppendStringField("title_link", link, l);
    *l += ",\"title_link_download\":true,\"type\":\"file\"}]";

    if (!uploads_open_) {
      CASEGRAPH_RETURN_IF_ERROR(uploads_.Open(folder_ + "/rocketchat_uploads.json"));
      uploads_open_ = true;
    }
    std::string& u = uploads_.buffer();
    u += "{";
    AppendStringField("_id", upload_id, &u);
    u += ',';
    AppendStringField("name", m.file_name, &u);
    u += ",\"size\":" + std::to_string(bytes.size()) + ',';
    AppendStringField("type", mime, &u);
    u += ',';
    AppendStringField("rid", room.id, &u);
    u += ',';
    AppendStringField("userId", Account(m.sender).uid, &u);
    u += ",\"store\":\"GridFS:Uploads\",\"complete\":true,\"uploading\":false,\"progress\":1,";
    const std::string ext = SplitExtension(m.file_name).second;
    AppendStringField("extension", ext.empty() ? ext : ext.substr(1), &u);
    u += ",\"uploadedAt\":";
    AppendDate(m.at_utc, &u);
    u += ',';
    AppendStringField("path", link, &u);
    u += ",\"_updatedAt\":";
    AppendDate(m.at_utc, &u);
    u += "}\n";
    uploads_.MaybeFlush();
    if (!o_.with_media || media_written_ >= kMaxMediaFilesPerExhibit) return Ok();
    if (media_written_ == 0) CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder_ + "/uploads"));
    CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(folder_ + "/uploads/" + upload_id, bytes));
    ++media_written_;
    return Ok();
  }

  Status WriteRooms() {
    OutFile f;
    CASEGRAPH_RETURN_IF_ERROR(f.Open(folder_ + "/rocketchat_room.json"));
    for (size_t i = 0; i < e_.conversations.size(); ++i) {
      const SynthConversation& c = e_.conversations[i];
      const RoomStats& room = rooms_[i];
      const int64_t created = (room.messages > 0 ? room.first : 0) - 3600;
      std::string& l = f.buffer();
      l += "{";
      AppendStringField("_id", room.id, &l);
      const char* type = c.kind == ConversationKind::kDirect ? "d" : c.kind == ConversationKind::kChannel ? "c" : "p";
      l += ',';
      AppendStringField("t", type, &l);
      if (c.kind == ConversationKind::kDirect) {
        std::vector<const SynthAccount*> members;
        for (int m : c.members) members.push_back(&Account(m));
        std::sort(members.begin(), members.end(), [](auto* a, auto* b) { return a->uid < b->uid; });
        l += ",\"usernames\":[";
        for (size_t k = 0; k < members.size(); ++k) {
          if (k > 0) l += ',';
          AppendJsonString(members[k]->username, &l);
        }
        l += "],\"uids\":[";
        for (size_t k = 0; k < members.size(); ++k) {
          if (k > 0) l += ',';
          AppendJsonString(members[k]->uid, &l);
        }
        l += "]";
      } else {
        l += ',';
        AppendStringField("name", Slug(c.title), &l);
        l += ',';
        AppendStringField("fname", c.title, &l);
        if (!c.members.empty()) {
          const SynthAccount& creator = Account(c.members.front());
          l += ",\"u\":{";
          AppendStringField("_id", creator.uid, &l);
          l += ',';
          AppendStringField("username", creator.username, &l);
          l += "}";
        }
        l += ",\"ro\":false,\"default\":false,\"sysMes\":true";
      }
      l += ",\"msgs\":" + std::to_string(room.messages) + ",\"usersCount\":" + std::to_string(c.members.size());
      l += ",\"ts\":";
      AppendDate(created, &l);
      if (room.messages > 0) {
        l += ",\"lm\":";
        AppendDate(room.last, &l);
      }
      l += ",\"_updatedAt\":";
      AppendDate(room.messages > 0 ? room.last : created, &l);
      l += "}\n";
    }
    return f.Finish();
  }

  Status WriteUsers() {
    std::set<int> users{e_.owner};
    for (const SynthConversation& c : e_.conversations) {
      users.insert(c.members.begin(), c.members.end());
      for (const SynthMessage& m : c.planted) users.insert(m.sender);
    }
    int64_t since = INT64_MAX;
    for (const RoomStats& r : rooms_) {
      if (r.messages > 0) since = std::min(since, r.first);
    }
    if (since == INT64_MAX) since = 0;
    const int offset = clock_.OffsetAt(since);
    char utc_offset[16];
    std::snprintf(utc_offset, sizeof utc_offset, "%g", offset / 3600.0);
    OutFile f;
    CASEGRAPH_RETURN_IF_ERROR(f.Open(folder_ + "/users.json"));
    for (int index : users) {
      const SynthAccount& a = Account(index);
      std::string& l = f.buffer();
      l += "{";
      AppendStringField("_id", a.uid, &l);
      l += ",\"createdAt\":";
      AppendDate(since - 86400 * 30, &l);
      l += ',';
      AppendStringField("username", a.username, &l);
      l += ',';
      AppendStringField("name", a.display_name, &l);
      l += ",\"type\":\"user\",\"active\":true,\"roles\":[\"user\"],\"status\":\"offline\"";
      // Only the exhibit owner's device zone is known; others get the server default.
      l += ",\"utcOffset\":";
      l += index == e_.owner ? utc_offset : "0";
      if (!a.bio.empty()) {
        l += ',';
        AppendStringField("bio", a.bio, &l);
      }
      if (!a.phone.empty()) {
        l += ",\"customFields\":{";
        AppendStringField("phone", a.phone, &l);
        l += "}";
      }
      l += ",\"_updatedAt\":";
      AppendDate(since - 86400, &l);
      l += "}\n";
    }
    return f.Finish();
  }

  const Scenario& s_;
  const SynthExhibit& e_;
  const ScenarioOptions& o_;
  ZoneClock clock_;
  std::string folder_;
  OutFile messages_, uploads_;
  bool uploads_open_ = false;
  std::vector<RoomStats> rooms_;
  std::map<int, std::string> authors_;
  uint64_t written_ = 0;
  int media_written_ = 0;
};

}  // namespace

Result<uint64_t> WriteRocketChatExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o) {
  CASEGRAPH_RETURN_IF_ERROR(CheckExhibitAccounts(s, e, Platform::kRocketChat, "rocketchat-mongo"));
  for (const SynthConversation& c : e.conversations) {
    if (c.kind == ConversationKind::kDirect && c.members.size() != 2) {
      return Error::InvalidArgument("rocketchat-mongo writer, exhibit " + e.case_code + "/" + e.label +
                                    ": direct conversation " + c.id + " must have exactly two members");
    }
  }
  auto clock = ZoneClock::Make(e.tz);
  if (!clock) return clock.error();
  auto folder = MakeExhibitFolder(o, e);
  if (!folder) return folder.error();
  RocketChatWriter writer(s, e, o, std::move(*clock));
  return writer.Write(*folder);
}

}  // namespace casegraph::synth
