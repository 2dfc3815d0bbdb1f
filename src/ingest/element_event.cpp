// Reading and classifying Matrix events (see element_event.h).
#include "ingest/element_event.h"

namespace casegraph::ingest::element {

std::string_view StringAt(dom::object object, std::string_view key) {
  std::string_view out;
  if (object.at_key(key).get_string().get(out)) return {};
  return out;
}

std::optional<dom::object> ObjectAt(dom::object object, std::string_view key) {
  dom::object out;
  if (object.at_key(key).get_object().get(out)) return std::nullopt;
  return out;
}

namespace {

void NoteWrongType(Event& out, std::string_view key) {
  if (!out.wrong_types.empty()) out.wrong_types += ", ";
  out.wrong_types += key;
}

void ReadRelation(Event& out) {
  auto relates = ObjectAt(out.content, "m.relates_to");
  if (!relates) return;
  out.rel_type = StringAt(*relates, "rel_type");
  out.rel_event_id = StringAt(*relates, "event_id");
  out.reaction_key = StringAt(*relates, "key");
  if (auto reply = ObjectAt(*relates, "m.in_reply_to")) out.in_reply_to = StringAt(*reply, "event_id");
  bool falling_back = false;
  if (!relates->at_key("is_falling_back").get_bool().get(falling_back)) out.thread_falling_back = falling_back;
}

EventKind Classify(const Event& e) {
  const std::string_view type = e.type;
  if (type == "m.room.message" || type == "m.sticker") {
    if (e.rel_type == "m.replace") return EventKind::kEdit;
    if (StringAt(e.content, "msgtype") == "m.bad.encrypted") return EventKind::kEncrypted;
    return EventKind::kMessage;
  }
  if (type == "m.room.encrypted") return EventKind::kEncrypted;
  if (type == "m.reaction") return e.rel_type == "m.annotation" ? EventKind::kReaction : EventKind::kOther;
  if (type == "m.room.redaction") return EventKind::kRedaction;
  if (type == "m.room.member") return EventKind::kMember;
  if (type == "m.room.create") return EventKind::kCreate;
  if (type == "m.room.name") return EventKind::kRoomName;
  if (type == "m.room.topic") return EventKind::kRoomTopic;
  if (e.state_key) return EventKind::kOtherState;
  return EventKind::kOther;
}

}  // namespace

void ReadEvent(dom::object element, dom::object empty, Event& out) {
  out = Event{};
  out.raw = element;
  out.content = empty;
  // One pass over the envelope's fields: looking each key up would scan the object ten times.
  for (dom::key_value_pair field : element) {
    const std::string_view key = field.key;
    const dom::element value = field.value;
    auto string_field = [&](std::string_view& target) {
      if (value.get_string().get(target) && !value.is_null()) NoteWrongType(out, key);
    };
    if (key == "type") {
      string_field(out.type);
    } else if (key == "event_id") {
      string_field(out.event_id);
    } else if (key == "sender") {
      string_field(out.sender);
    } else if (key == "room_id") {
      string_field(out.room_id);
    } else if (key == "origin_server_ts") {
      int64_t ms;
      double real_ms;
      if (!value.get_int64().get(ms)) {
        out.ts_ms = ms;
      } else if (!value.get_double().get(real_ms) && real_ms > -9.2e18 && real_ms < 9.2e18) {
        out.ts_ms = static_cast<int64_t>(real_ms);  // some bridges write a float
      } else if (!value.is_null()) {
        NoteWrongType(out, key);
      }
    } else if (key == "state_key") {
      std::string_view state_key;
      if (!value.get_string().get(state_key)) out.state_key = state_key;
    } else if (key == "content") {
      dom::object object;
      if (!value.get_object().get(object)) {
        out.content = object;
      } else if (!value.is_null()) {
        NoteWrongType(out, key);
      }
    } else if (key == "unsigned") {
      dom::object object;
      if (!value.get_object().get(object)) out.unsigned_data = object;
    } else if (key == "prev_content") {
      dom::object object;
      if (!value.get_object().get(object) && !out.prev_content) out.prev_content = object;
    } else if (key == "redacts") {
      string_field(out.redacts);
    }
  }
  if (out.unsigned_data) {
    if (auto prev = ObjectAt(*out.unsigned_data, "prev_content")) out.prev_content = prev;
  }
  if (out.redacts.empty()) out.redacts = StringAt(out.content, "redacts");  // room version 11
  ReadRelation(out);
  out.kind = Classify(out);
}

}  // namespace casegraph::ingest::element
