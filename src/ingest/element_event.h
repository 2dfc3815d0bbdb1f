// Reading and classifying one Matrix event of an Element export (or of a client-server
// `/messages` chunk): the envelope fields every event has, its `content`, its relations
// (reply, thread, edit, reaction) and what kind of record it becomes. Works on simdjson DOM
// elements of the parsed export; every field is optional and a wrong-typed field reads as absent
// (the caller warns). Internal to the element-json importer; stateless functions.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casegraph::ingest::element {

namespace dom = simdjson::dom;

// What a Matrix event becomes.
enum class EventKind {
  kMessage,     // m.room.message (every msgtype), m.sticker
  kEncrypted,   // m.room.encrypted or the m.bad.encrypted placeholder: evidence without content
  kEdit,        // an m.replace relation: folded into the edited message's history
  kReaction,    // m.reaction (m.annotation): folded into the target's reactions
  kRedaction,   // m.room.redaction: marks its target deleted
  kMember,      // m.room.member: membership and display-name history
  kCreate,      // m.room.create
  kRoomName,    // m.room.name
  kRoomTopic,   // m.room.topic
  kOtherState,  // any other state event (power levels, join rules, …): not a message
  kOther,       // any other timeline event (calls, polls, …): kept as "unsupported"
};

// The string at `key` of `object`, or empty when absent or not a string.
std::string_view StringAt(dom::object object, std::string_view key);
// The object at `key`, or nullopt when absent or not an object.
std::optional<dom::object> ObjectAt(dom::object object, std::string_view key);

// One event's fields, viewing into the parsed document (valid while it lives).
struct Event {
  dom::object raw;
  std::string_view type, event_id, sender, room_id, redacts;
  std::optional<std::string_view> state_key;  // present on state events ("" for room state)
  std::optional<int64_t> ts_ms;               // origin_server_ts
  dom::object content;                        // {} when absent
  std::optional<dom::object> unsigned_data;
  std::optional<dom::object> prev_content;    // unsigned.prev_content, or top-level on old servers
  // From content["m.relates_to"].
  std::string_view rel_type, rel_event_id, in_reply_to, reaction_key;
  bool thread_falling_back = false;           // a thread message whose in_reply_to is only a fallback
  EventKind kind = EventKind::kOther;
  // Fields present with the wrong JSON type, for the caller's warning ("origin_server_ts").
  std::string wrong_types;
};

// Reads `element` (which must be an object) into `out`. `empty` is an empty parsed object
// used for absent contents.
void ReadEvent(dom::object element, dom::object empty, Event& out);

// Milliseconds to whole seconds, rounding toward the past (also before 1970).
inline int64_t MsToSeconds(int64_t ms) { return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000); }

}  // namespace casegraph::ingest::element
