// Element "Export chat" (JSON) for one exhibit of the scenario: one room, unpacked from the
// export ZIP into the exhibit folder as export.json plus files/ for attachments (Element's
// media naming "<stem>-<dd-mm-yyyy> at <hh-mm-ss><ext>", in the device's zone). The timeline
// opens as a room's does: m.room.create, then an m.room.member join per member (where display
// names come from; a member with a planted kJoin joins at that time instead), then the
// messages; kJoin / kLeave are membership events, kFile an m.file with an mxc:// URL. Element
// has no owner field: exported_by is the owner's display name. Streams through JsonFileWriter.
// Field reference: ../../docs/formats/element-json.md.
#include <algorithm>
#include <cstdint>
#include <set>

#include "synth/json_output.h"
#include "synth/scenario.h"
#include "synth/scenario_write_common.h"
#include "synth/scenario_zone.h"
#include "synth/synth_clock.h"
#include "synth/synth_random.h"

namespace casegraph::synth {
namespace {

// The homeserver part of an mxid ("@a:server.example" → "server.example").
std::string ServerOf(std::string_view mxid) {
  const size_t colon = mxid.find(':');
  return colon == std::string_view::npos ? std::string("server.example") : std::string(mxid.substr(colon + 1));
}

// `count` characters of base64url derived from `seed` (event ids and opaque room ids).
std::string OpaqueText(uint64_t seed, size_t count) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out(count, 'A');
  uint64_t state = seed;
  uint64_t bits = SplitMix64(&state);
  int left = 10;  // six-bit groups left in `bits`
  for (char& c : out) {
    if (left == 0) {
      bits = SplitMix64(&state);
      left = 10;
    }
    c = kAlphabet[bits & 63];
    bits >>= 6;
    --left;
  }
  return out;
}

class ElementWriter {
 public:
  ElementWriter(const Scenario& s, const SynthExhibit& e, const ScenarioOptions& o, ZoneClock clock)
      : s_(s), e_(e), o_(o), c_(e.conversations.front()), clock_(std::move(clock)), out_(2) {}

  Result<uint64_t> Write(const std::string& folder) {
    folder_ = folder;
    const std::string& owner_id = Account(e_.owner).uid;
    room_id_ = !c_.id.empty() && c_.id[0] == '!' ? c_.id
                                                 : "!" + OpaqueText(StableHash(c_.id, 11), 18) + ":" + ServerOf(owner_id);
    room_seed_ = StableHash(room_id_, 12);
    Plan();
    CASEGRAPH_RETURN_IF_ERROR(out_.Open(folder + "/export.json"));
    out_.OpenObject();
    out_.KeyString("room_name", RoomName());
    out_.KeyString("room_creator", Account(creator_).display_name);
    out_.KeyString("topic", "");
    const CivilTime t = ToCivil(exported_at_, clock_.OffsetAt(exported_at_));
    char text[32];
    std::snprintf(text, sizeof text, "%02d/%02d/%04d", t.day, t.month, t.year);
    out_.KeyString("export_date", text);
    out_.KeyString("exported_by", Account(e_.owner).display_name);
    out_.Key("messages");
    out_.OpenArray();
    Create();
    // The creator joins first, then the others in member order, a second apart.
    int64_t at = start_;
    Member(creator_, "join", ++at, false);
    for (const int member : c_.members) {
      if (member != creator_ && !joins_later_.count(member)) Member(member, "join", ++at, false);
    }
    Status status = Ok();
    ForEachMessage(c_, [&](const SynthMessage& m) {
      if (status && WrittenIn(c_, m)) status = Message(m);
    });
    CASEGRAPH_RETURN_IF_ERROR(status);
    out_.End();
    out_.End();
    CASEGRAPH_RETURN_IF_ERROR(out_.Finish());
    return written_;
  }

 private:
  const SynthAccount& Account(int index) const { return s_.accounts[static_cast<size_t>(index)]; }

  // Who creates the room, when it starts, who joins later, when it was exported.
  void Plan() {
    const RoomOpening opening = ElementRoomOpening(c_, e_.owner);
    creator_ = opening.creator;
    start_ = opening.at;
    int64_t last = c_.filler > 0 ? c_.filler_to : 0;
    if (!c_.planted.empty()) last = std::max(last, c_.planted.back().at_utc);
    if (last == 0) last = start_ + 120;
    exported_at_ = last + 3600;
    for (const SynthMessage& m : c_.planted) {
      if (m.kind == SynthMessage::Kind::kJoin && m.sender != creator_) joins_later_.insert(m.sender);
    }
  }

  std::string RoomName() const {
    if (c_.kind == ConversationKind::kDirect) {
      const int peer = DirectPeer(c_, e_.owner);
      return peer >= 0 ? Account(peer).display_name : std::string("Empty room");
    }
    return c_.title.empty() ? std::string("Room") : c_.title;
  }

  void Envelope(std::string_view type, int sender, int64_t at_ms) {
    out_.Item();
    out_.OpenObject();
    out_.KeyString("type", type);
    out_.KeyString("sender", Account(sender).uid);
    out_.KeyNumber("origin_server_ts", at_ms);
    out_.KeyString("event_id", "$" + OpaqueText(room_seed_ ^ (event_index_ * 0x9E3779B97F4A7C15ULL), 43));
    out_.KeyString("room_id", room_id_);
    ++event_index_;
    last_ms_ = at_ms;
  }

  void EndEvent() {
    out_.Key("unsigned");
    out_.OpenObject();
    out_.KeyNumber("age", exported_at_ * 1000 - last_ms_);
    out_.End();
    out_.End();
    ++written_;
  }

  void Create() {
    Envelope("m.room.create", creator_, start_ * 1000);
    out_.KeyString("state_key", "");
    out_.Key("content");
    out_.OpenObject();
    out_.KeyString("creator", Account(creator_).uid);
    out_.KeyString("room_version", "10");
    out_.End();
    EndEvent();
  }

  void Member(int who, std::string_view membership, int64_t at, bool was_joined) {
    const SynthAccount& a = Account(who);
    Envelope("m.room.member", who, at * 1000);
    out_.KeyString("state_key", a.uid);
    out_.Key("content");
    out_.OpenObject();
    out_.KeyString("membership", membership);
    if (membership == "join") out_.KeyString("displayname", a.display_name);
    out_.End();
    if (was_joined) {
      out_.Key("prev_content");
      out_.OpenObject();
      out_.KeyString("membership", "join");
      out_.KeyString("displayname", a.display_name);
      out_.End();
    }
    EndEvent();
  }

  Status Message(const SynthMessage& m) {
    if (m.kind == SynthMessage::Kind::kJoin) {
      Member(m.sender, "join", m.at_utc, false);
      return Ok();
    }
    if (m.kind == SynthMessage::Kind::kLeave) {
      Member(m.sender, "leave", m.at_utc, true);
      return Ok();
    }
    Envelope("m.room.message", m.sender, m.at_utc * 1000);
    out_.Key("content");
    out_.OpenObject();
    if (m.kind == SynthMessage::Kind::kFile) {
      CASEGRAPH_RETURN_IF_ERROR(File(m));
    } else {
      out_.KeyString("msgtype", "m.text");
      out_.KeyString("body", m.text);
    }
    out_.End();
    EndEvent();
    return Ok();
  }

  // An m.file; a caption (Matrix 1.10) when the message has text. Its bytes go to files/.
  Status File(const SynthMessage& m) {
    const std::string& body = m.text.empty() ? m.file_name : m.text;
    const std::string bytes = PlaceholderFileBytes(m.file_name);
    out_.KeyString("msgtype", "m.file");
    out_.KeyString("body", body);
    if (!m.text.empty()) out_.KeyString("filename", m.file_name);
    out_.KeyString("url", "mxc://" + ServerOf(Account(m.sender).uid) + "/" + OpaqueText(room_seed_ + event_index_, 24));
    out_.Key("info");
    out_.OpenObject();
    out_.KeyString("mimetype", MimeTypeOf(m.file_name));
    out_.KeyNumber("size", static_cast<int64_t>(bytes.size()));
    out_.End();
    if (!o_.with_media || media_written_ >= kMaxMediaFilesPerExhibit) return Ok();
    // The exported name follows the body (as the importer expects): stem, local date and time, ext.
    const auto [stem, ext] = SplitExtension(body);
    const CivilTime t = ToCivil(m.at_utc, clock_.OffsetAt(m.at_utc));
    char when[48];
    std::snprintf(when, sizeof when, "-%02d-%02d-%04d at %02d-%02d-%02d", t.day, t.month, t.year, t.hour, t.minute,
                  t.second);
    if (media_written_ == 0) CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder_ + "/files"));
    CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(folder_ + "/files/" + stem + when + ext, bytes));
    ++media_written_;
    return Ok();
  }

  const Scenario& s_;
  const SynthExhibit& e_;
  const ScenarioOptions& o_;
  const SynthConversation& c_;
  ZoneClock clock_;
  JsonFileWriter out_;
  std::string folder_, room_id_;
  uint64_t room_seed_ = 0, event_index_ = 0, written_ = 0;
  int creator_ = -1;
  int64_t start_ = 0, exported_at_ = 0, last_ms_ = 0;
  std::set<int> joins_later_;
  int media_written_ = 0;
};

}  // namespace

Result<uint64_t> WriteElementExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o) {
  if (e.conversations.size() != 1) {
    return Error::InvalidArgument("element-json writer, exhibit " + e.case_code + "/" + e.label + ": holds " +
                                  std::to_string(e.conversations.size()) +
                                  " conversations; Element exports one room per export (one exhibit each)");
  }
  CASEGRAPH_RETURN_IF_ERROR(CheckExhibitAccounts(s, e, Platform::kElement, "element-json"));
  auto clock = ZoneClock::Make(e.tz);
  if (!clock) return clock.error();
  auto folder = MakeExhibitFolder(o, e);
  if (!folder) return folder.error();
  ElementWriter writer(s, e, o, std::move(*clock));
  return writer.Write(*folder);
}

}  // namespace casegraph::synth
