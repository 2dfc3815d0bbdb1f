// Element "Export chat" (JSON) for one exhibit of the scenario: one room, unpacked from the
// export ZIP into the exhibit folder as export.json plus files/ for attachments (Element's
// media naming "<stem>-<dd-mm-yyyy> at <hh-mm-ss><ext>", in the device's zone). The timeline
// opens as a room's does: m.room.create, then an m.room.member join per member (where display
// names come from; a member with a planted kJoin joins at that time instead), then the
// messages; kJoin / kLeave are membership events, kFile an m.file with an mxc:// URL. Element
// has no owner field: exported_by is the owner's display name. Streams, laid out as
// JSON.stringify(…, null, 2) lays it out (each sender's field serialised once).
// Field reference: ../../docs/formats/element-json.md.
#include <algorithm>
#include <cstdint>
#include <map>
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

void Field(std::string_view indent, std::string_view key, std::string_view value, std::string* out, bool last = false) {
  out->append(indent);
  out->push_back('"');
  out->append(key);
  out->append("\": ");
  AppendJsonString(value, out);
  out->append(last ? "\n" : ",\n");
}

class ElementWriter {
 public:
  ElementWriter(const Scenario& s, const SynthExhibit& e, const ScenarioOptions& o, ZoneClock clock)
      : s_(s), e_(e), o_(o), c_(e.conversations.front()), clock_(std::move(clock)) {}

  Result<uint64_t> Write(const std::string& folder) {
    folder_ = folder;
    const std::string& owner_id = Account(e_.owner).uid;
    room_id_ = !c_.id.empty() && c_.id[0] == '!' ? c_.id
                                                 : "!" + OpaqueText(StableHash(c_.id, 11), 18) + ":" + ServerOf(owner_id);
    room_seed_ = StableHash(room_id_, 12);
    room_field_.clear();
    Field("      ", "room_id", room_id_, &room_field_);
    Plan();
    CASEGRAPH_RETURN_IF_ERROR(out_.Open(folder + "/export.json"));
    std::string& b = out_.buffer();
    b += "{\n";
    Field("  ", "room_name", RoomName(), &b);
    Field("  ", "room_creator", Account(creator_).display_name, &b);
    Field("  ", "topic", "", &b);
    const CivilTime t = ToCivil(exported_at_, clock_.OffsetAt(exported_at_));
    char date[32];
    std::snprintf(date, sizeof date, "%02d/%02d/%04d", t.day, t.month, t.year);
    Field("  ", "export_date", date, &b);
    Field("  ", "exported_by", Account(e_.owner).display_name, &b);
    b += "  \"messages\": [";
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
    out_.buffer() += "\n  ]\n}";
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

  // `"sender": "@x:server",` serialised once per account.
  const std::string& SenderField(int index) {
    auto [it, inserted] = senders_.try_emplace(index);
    if (inserted) Field("      ", "sender", Account(index).uid, &it->second);
    return it->second;
  }

  // The event's opening up to its room_id; the caller writes the rest and calls EndEvent.
  void Envelope(std::string_view type, int sender, int64_t at_ms) {
    std::string& b = out_.buffer();
    b += event_index_ == 0 ? "\n    {\n      \"type\": \"" : ",\n    {\n      \"type\": \"";
    b += type;
    b += "\",\n";
    b += SenderField(sender);
    b += "      \"origin_server_ts\": ";
    AppendUint(static_cast<uint64_t>(at_ms), &b);
    b += ",\n      \"event_id\": \"$";
    b += OpaqueText(room_seed_ ^ (event_index_ * 0x9E3779B97F4A7C15ULL), 43);
    b += "\",\n";
    b += room_field_;
    ++event_index_;
    last_ms_ = at_ms;
  }

  void EndEvent() {
    std::string& b = out_.buffer();
    b += "      \"unsigned\": {\n        \"age\": ";
    AppendUint(static_cast<uint64_t>(exported_at_ * 1000 - last_ms_), &b);
    b += "\n      }\n    }";
    out_.MaybeFlush();
    ++written_;
  }

  void Create() {
    Envelope("m.room.create", creator_, start_ * 1000);
    std::string& b = out_.buffer();
    b += "      \"state_key\": \"\",\n      \"content\": {\n";
    Field("        ", "creator", Account(creator_).uid, &b);
    Field("        ", "room_version", "10", &b, true);
    b += "      },\n";
    EndEvent();
  }

  void Member(int who, std::string_view membership, int64_t at, bool was_joined) {
    const SynthAccount& a = Account(who);
    Envelope("m.room.member", who, at * 1000);
    std::string& b = out_.buffer();
    Field("      ", "state_key", a.uid, &b);
    b += "      \"content\": {\n";
    const bool join = membership == "join";
    Field("        ", "membership", membership, &b, !join);
    if (join) Field("        ", "displayname", a.display_name, &b, true);
    b += "      },\n";
    if (was_joined) {
      b += "      \"prev_content\": {\n";
      Field("        ", "membership", "join", &b);
      Field("        ", "displayname", a.display_name, &b, true);
      b += "      },\n";
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
    std::string& b = out_.buffer();
    b += "      \"content\": {\n";
    if (m.kind == SynthMessage::Kind::kFile) {
      CASEGRAPH_RETURN_IF_ERROR(File(m));
    } else {
      b += "        \"msgtype\": \"m.text\",\n        \"body\": ";
      AppendJsonString(m.text, &b);
      b += '\n';
    }
    b += "      },\n";
    EndEvent();
    return Ok();
  }

  // An m.file; a caption (Matrix 1.10) when the message has text. Its bytes go to files/.
  Status File(const SynthMessage& m) {
    const std::string& body = m.text.empty() ? m.file_name : m.text;
    const std::string bytes = PlaceholderFileBytes(m.file_name);
    std::string& b = out_.buffer();
    Field("        ", "msgtype", "m.file", &b);
    Field("        ", "body", body, &b);
    if (!m.text.empty()) Field("        ", "filename", m.file_name, &b);
    Field("        ", "url", "mxc://" + ServerOf(Account(m.sender).uid) + "/" + OpaqueText(room_seed_ + event_index_, 24), &b);
    b += "        \"info\": {\n";
    Field("          ", "mimetype", MimeTypeOf(m.file_name), &b);
    b += "          \"size\": ";
    AppendUint(bytes.size(), &b);
    b += "\n        }\n";
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
  OutFile out_;
  std::string folder_, room_id_, room_field_;
  std::map<int, std::string> senders_;
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
