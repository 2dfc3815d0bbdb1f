// Matrix events to records, in two passes over the parsed export (see element_timeline.h).
#include "ingest/element_timeline.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/time_util.h"
#include "ingest/element_content.h"
#include "ingest/element_event.h"
#include "ingest/element_members.h"

namespace casegraph::ingest::element {
namespace {

struct EditEntry {
  model::MessageEdit edit;
  std::vector<model::TextEntity> entities;
  int64_t order_ms;  // sort key: edit time, else file order
};

struct RedactionEntry {
  std::string_view by, reason;
  std::optional<int64_t> at_ms;
};

struct Relations {
  std::unordered_map<std::string_view, std::vector<EditEntry>> edits;
  std::unordered_map<std::string_view, RedactionEntry> redactions;
  std::unordered_map<std::string_view, std::vector<std::pair<std::string_view, std::string_view>>> reactions;
  std::unordered_set<std::string_view> present;  // ids of the targets above that the export holds
  std::string_view first_room_id;
  std::string_view latest_room_name;
  int64_t latest_room_name_ms = LLONG_MIN;
  bool any() const { return !edits.empty() || !redactions.empty() || !reactions.empty(); }
};

std::optional<int64_t> Seconds(std::optional<int64_t> ms) {
  return ms ? std::optional<int64_t>(MsToSeconds(*ms)) : std::nullopt;
}

std::string RedactionDetail(std::string_view by, std::string_view reason, std::optional<int64_t> at_ms) {
  std::string detail = "redacted";
  if (!by.empty()) detail += " by " + std::string(by);
  if (at_ms) detail += " at " + FormatUtc(MsToSeconds(*at_ms));
  if (!reason.empty()) detail += " (reason: " + std::string(reason) + ")";
  return detail;
}

class Walker {
 public:
  Walker(const Timeline& t, MediaIndex& media, Sink& sink, Diagnostics& diagnostics)
      : t_(t), media_(media), sink_(sink), diagnostics_(diagnostics), members_(sink) {
    if (empty_parser_.parse("{}", 2, true).get_object().get(empty_)) empty_ = {};
  }

  ImportSummary Run() {
    GatherRelations();
    size_t index = 0;
    for (dom::element element : t_.events) Emit(element, index++);
    ImportSummary summary;
    summary.messages = messages_;
    summary.attachments = attachments_;
    summary.conversations = conversations_.size();
    summary.accounts = members_.accounts();
    const std::string_view owner = t_.header.exported_by;
    if (owner.size() > 3 && owner[0] == '@' && owner.find(':') != std::string_view::npos) {
      summary.owner_ref = std::string(kRefPrefix) + std::string(owner);
    } else if (!owner.empty()) {
      const std::string id = members_.UniqueUserNamed(owner);
      if (!id.empty()) summary.owner_ref = std::string(kRefPrefix) + id;
    }
    return summary;
  }

 private:
  std::string Locator(size_t index) const { return t_.pointer + "/" + std::to_string(index); }

  void Warn(const std::string& where, std::string message) {
    diagnostics_.Warn(Location{t_.label, where}, std::move(message));
  }

  // Pass 1: what later events say about earlier ones.
  void GatherRelations() {
    size_t index = 0;
    Event e;
    for (dom::element element : t_.events) {
      const size_t i = index++;
      dom::object object;
      if (element.get_object().get(object)) continue;
      ReadEvent(object, empty_, e);
      if (r_.first_room_id.empty()) r_.first_room_id = e.room_id;
      switch (e.kind) {
        case EventKind::kEdit: {
          if (e.rel_event_id.empty()) break;
          EditEntry entry;
          ReadEditText(e, entry.edit.text, entry.entities);
          entry.edit.edited_at_utc = Seconds(e.ts_ms);
          if (!e.sender.empty()) entry.edit.editor_ref = std::string(kRefPrefix) + std::string(e.sender);
          entry.edit.source_id = std::string(e.event_id);
          entry.edit.locator = Locator(i);
          entry.order_ms = e.ts_ms.value_or(LLONG_MAX);
          r_.edits[e.rel_event_id].push_back(std::move(entry));
          break;
        }
        case EventKind::kRedaction:
          if (!e.redacts.empty()) r_.redactions[e.redacts] = {e.sender, StringAt(e.content, "reason"), e.ts_ms};
          break;
        case EventKind::kReaction:
          if (!e.rel_event_id.empty()) r_.reactions[e.rel_event_id].emplace_back(e.reaction_key, e.sender);
          break;
        case EventKind::kRoomName:
          if (e.ts_ms.value_or(LLONG_MIN) >= r_.latest_room_name_ms) {
            r_.latest_room_name = StringAt(e.content, "name");
            r_.latest_room_name_ms = e.ts_ms.value_or(LLONG_MIN);
          }
          break;
        default:
          break;
      }
    }
    if (!r_.any()) return;
    for (auto& [target, list] : r_.edits) {
      std::stable_sort(list.begin(), list.end(),
                       [](const EditEntry& a, const EditEntry& b) { return a.order_ms < b.order_ms; });
    }
    for (dom::element element : t_.events) {
      std::string_view id;
      if (element.at_key("event_id").get_string().get(id)) continue;
      if (r_.edits.count(id) != 0 || r_.redactions.count(id) != 0 || r_.reactions.count(id) != 0) r_.present.insert(id);
    }
  }

  // The conversation for `room_id`, sent before its first message.
  std::string ConversationKey(std::string_view room_id, const std::string& locator) {
    if (room_id.empty()) room_id = r_.first_room_id;
    std::string key = room_id.empty() ? std::string("room") : std::string(room_id);
    if (!conversations_.insert(key).second) return key;
    model::ConversationRecord c;
    c.key = key;
    if (!room_id.empty()) c.ref = std::string(kRefPrefix) + std::string(room_id);
    c.kind = "room";
    if (room_id == r_.first_room_id) {
      c.title = std::string(!t_.header.room_name.empty() ? t_.header.room_name : r_.latest_room_name);
    }
    c.locator = locator;
    sink_.Conversation(std::move(c));
    return key;
  }

  void Emit(dom::element element, size_t index) {
    const std::string locator = Locator(index);
    dom::object object;
    if (element.get_object().get(object)) {
      Warn(locator, "an event that is not a JSON object; skipped");
      return;
    }
    ReadEvent(object, empty_, e_);
    if (!e_.wrong_types.empty()) Warn(locator, "wrong JSON type, read as absent: " + e_.wrong_types);
    if (e_.type.empty()) Warn(locator, "an event without a type; kept as unsupported");
    const bool target_present = !e_.rel_event_id.empty() && r_.present.count(e_.rel_event_id) != 0;
    if ((e_.kind == EventKind::kEdit || e_.kind == EventKind::kReaction) && target_present) return;  // folded in
    if (e_.kind == EventKind::kRedaction && r_.present.count(e_.redacts) != 0) return;           // folded in
    if (e_.kind == EventKind::kOtherState || e_.kind == EventKind::kReaction) return;  // not messages

    model::MessageRecord m;
    m.conversation_key = ConversationKey(e_.room_id, locator);
    m.source_id = std::string(e_.event_id);
    m.locator = locator;
    if (e_.ts_ms) {
      m.sent_at_utc = MsToSeconds(*e_.ts_ms);
      m.utc_offset_seconds = 0;
      m.time_basis = "unixtime";
    } else {
      m.time_basis = "none";
    }
    if (!e_.sender.empty()) {
      // Membership and creation events name people first: seeing the sender now would send a
      // nameless record just before the named one.
      if (e_.kind != EventKind::kMember && e_.kind != EventKind::kCreate) members_.See(e_.sender, locator);
      m.sender_ref = std::string(kRefPrefix) + std::string(e_.sender);
    }
    m.kind = "message";
    switch (e_.kind) {
      case EventKind::kMessage:
        FillMessage(m, locator);
        break;
      case EventKind::kEncrypted:
        m.kind = "encrypted";
        FillRelations(m);
        break;
      case EventKind::kEdit: {  // the edited event is not in the export: keep the edit as it is
        FillRelations(m);
        ReadEditText(e_, m.text, m.entities);
        m.edited_at_utc = m.sent_at_utc;
        m.edits.push_back({m.text, m.sent_at_utc, m.sender_ref, m.source_id, locator});
        m.reply_to = std::string(e_.rel_event_id);
        break;
      }
      case EventKind::kRedaction:
        m.kind = "service";
        m.action = "delete_message";
        m.reply_to = std::string(e_.redacts);
        m.text = Actor() + " deleted an event that is not in the export (" + std::string(e_.redacts) + ")";
        break;
      case EventKind::kMember:
        members_.ApplyMembership(e_, locator, m);
        break;
      case EventKind::kCreate: {
        std::string_view creator = StringAt(e_.content, "creator");
        if (creator.empty()) creator = e_.sender;
        const std::string_view named = t_.header.room_creator;
        if (!named.empty() && named[0] != '@' && members_.NameOf(creator).empty()) {
          members_.Name(creator, named, std::nullopt, locator);
        }
        members_.See(creator, locator);
        members_.See(e_.sender, locator);
        m.kind = "service";
        m.action = "create_group";
        m.members.push_back(std::string(creator));
        const std::string_view name = members_.NameOf(creator);
        m.text = std::string(name.empty() ? creator : name) + " created the room";
        break;
      }
      case EventKind::kRoomName: {
        const std::string_view name = StringAt(e_.content, "name");
        m.kind = "service";
        m.action = "change_title";
        m.text = name.empty() ? Actor() + " removed the room name"
                              : Actor() + " changed the room name to " + std::string(name);
        break;
      }
      case EventKind::kRoomTopic: {
        const std::string_view topic = StringAt(e_.content, "topic");
        m.kind = "service";
        m.action = "change_topic";
        m.text = topic.empty() ? Actor() + " removed the topic" : Actor() + " changed the topic to " + std::string(topic);
        break;
      }
      default:
        m.kind = "unsupported";
        m.text.assign(StringAt(e_.content, "body"));
        FillRelations(m);
        break;
    }
    MarkRedaction(m);
    m.sender_name = std::string(members_.NameOf(e_.sender));
    attachments_ += m.attachments.size();
    ++messages_;
    sink_.Message(std::move(m));
  }

  std::string Actor() const {
    const std::string_view name = members_.NameOf(e_.sender);
    return std::string(name.empty() ? e_.sender : name);
  }

  void FillRelations(model::MessageRecord& m) {
    if (e_.rel_type == "m.thread") m.thread_root = std::string(e_.rel_event_id);
    if (!e_.in_reply_to.empty() && !(e_.rel_type == "m.thread" && e_.thread_falling_back)) {
      m.reply_to = std::string(e_.in_reply_to);
    }
  }

  void FillMessage(model::MessageRecord& m, const std::string& locator) {
    FillRelations(m);
    const bool media = IsMediaContent(e_);
    if (!media || HasCaption(e_.content)) ReadText(e_.content, !e_.in_reply_to.empty(), m.text, m.entities);
    if (StringAt(e_.content, "msgtype") == "m.location") {
      const std::string_view geo = StringAt(e_.content, "geo_uri");
      if (!geo.empty() && m.text.find(geo) == std::string::npos) m.text += (m.text.empty() ? "" : "\n") + std::string(geo);
    }
    if (media) {
      model::AttachmentRecord a = DeclaredMedia(e_);
      a.locator = locator + "/content";
      media_.Resolve(ExportedMediaName(e_), e_.ts_ms, a, diagnostics_);
      m.attachments.push_back(std::move(a));
    }
    FoldEdits(m, locator);
    FoldReactions(m);
  }

  // The edit history: the text as first sent, then each replacement; the message keeps the last.
  void FoldEdits(model::MessageRecord& m, const std::string& locator) {
    std::vector<EditEntry> found;
    if (auto it = r_.edits.find(e_.event_id); it != r_.edits.end()) found = it->second;
    if (auto bundled = BundledEdit(locator)) {
      const bool known = std::any_of(found.begin(), found.end(), [&](const EditEntry& x) {
        return !x.edit.source_id.empty() && x.edit.source_id == bundled->edit.source_id;
      });
      if (!known) found.push_back(std::move(*bundled));
    }
    if (found.empty()) return;
    m.edits.push_back({m.text, m.sent_at_utc, m.sender_ref, m.source_id, locator});
    for (EditEntry& entry : found) {
      m.text = entry.edit.text;
      m.entities = std::move(entry.entities);
      m.edited_at_utc = entry.edit.edited_at_utc;
      m.edits.push_back(std::move(entry.edit));
    }
  }

  // The replacement a server bundled under unsigned["m.relations"]["m.replace"]: a whole event
  // (Matrix 1.7+) or only {event_id, origin_server_ts, sender} (older servers).
  std::optional<EditEntry> BundledEdit(const std::string& locator) {
    if (!e_.unsigned_data) return std::nullopt;
    auto relations = ObjectAt(*e_.unsigned_data, "m.relations");
    if (!relations) return std::nullopt;
    auto replace = ObjectAt(*relations, "m.replace");
    if (!replace) return std::nullopt;
    Event bundled;
    ReadEvent(*replace, empty_, bundled);
    EditEntry entry;
    if (ObjectAt(bundled.content, "m.new_content") || !StringAt(bundled.content, "body").empty()) {
      ReadEditText(bundled, entry.edit.text, entry.entities);
    } else {
      entry.edit.text = m_text_unknown_;
    }
    entry.edit.edited_at_utc = Seconds(bundled.ts_ms);
    if (!bundled.sender.empty()) entry.edit.editor_ref = std::string(kRefPrefix) + std::string(bundled.sender);
    entry.edit.source_id = std::string(bundled.event_id);
    entry.edit.locator = locator + "/unsigned/m.relations/m.replace";
    entry.order_ms = bundled.ts_ms.value_or(LLONG_MAX);
    return entry;
  }

  void FoldReactions(model::MessageRecord& m) {
    auto it = r_.reactions.find(e_.event_id);
    if (it == r_.reactions.end()) return;
    for (const auto& reaction : it->second) {
      const std::string_view key = reaction.first, sender = reaction.second;
      auto same = std::find_if(m.reactions.begin(), m.reactions.end(),
                               [&](const model::Reaction& r) { return r.emoji == key; });
      if (same == m.reactions.end()) {
        m.reactions.push_back({std::string(key), 0, {}});
        same = m.reactions.end() - 1;
      }
      ++same->count;
      if (!sender.empty()) same->user_refs.push_back(std::string(kRefPrefix) + std::string(sender));
    }
  }

  // Deleted content: the event says so itself (unsigned.redacted_because), or a later
  // m.room.redaction names it.
  void MarkRedaction(model::MessageRecord& m) {
    if (e_.unsigned_data) {
      if (auto because = ObjectAt(*e_.unsigned_data, "redacted_because")) {
        Event redaction;
        ReadEvent(*because, empty_, redaction);
        m.deleted = true;
        m.deleted_detail = RedactionDetail(redaction.sender, StringAt(redaction.content, "reason"), redaction.ts_ms);
        return;
      }
      const std::string_view by_event = StringAt(*e_.unsigned_data, "redacted_by");
      if (!by_event.empty()) {
        m.deleted = true;
        m.deleted_detail = "redacted by event " + std::string(by_event);
        return;
      }
    }
    if (auto it = r_.redactions.find(e_.event_id); it != r_.redactions.end() && !e_.event_id.empty()) {
      m.deleted = true;
      m.deleted_detail = RedactionDetail(it->second.by, it->second.reason, it->second.at_ms);
    }
  }

  const Timeline& t_;
  MediaIndex& media_;
  Sink& sink_;
  Diagnostics& diagnostics_;
  MemberBook members_;
  dom::parser empty_parser_;
  dom::object empty_;
  Relations r_;
  Event e_;
  std::unordered_set<std::string> conversations_;
  uint64_t messages_ = 0, attachments_ = 0;
  const std::string m_text_unknown_ = "(edited; the replacement text is not in the export)";
};

}  // namespace

ImportSummary WalkTimeline(const Timeline& timeline, MediaIndex& media, Sink& sink, Diagnostics& diagnostics) {
  Walker walker(timeline, media, sink, diagnostics);
  return walker.Run();
}

}  // namespace casegraph::ingest::element
