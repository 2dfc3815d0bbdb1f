// Message mapping (see rocketchat_messages.h). Field meanings: docs/formats/rocketchat.md.
#include "ingest/rocketchat_messages.h"

#include <algorithm>
#include <cstring>

#include "base/time_util.h"
#include "ingest/rocketchat_attachments.h"
#include "ingest/rocketchat_directory.h"
#include "ingest/rocketchat_ejson.h"
#include "ingest/rocketchat_fields.h"

namespace casegraph::ingest::rocketchat {
namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return memmem(haystack.data(), haystack.size(), needle.data(), needle.size()) != nullptr;
}

std::string IsoOf(std::optional<int64_t> ms) { return ms ? FormatUtc(MillisToSeconds(*ms)) : std::string("an unknown time"); }

// System-message codes whose `msg` names the user concerned.
bool NamesAUser(std::string_view t) {
  static constexpr std::string_view kCodes[] = {
      "uj", "ul", "au", "ru", "ut", "ujt", "ult", "user-muted", "user-unmuted", "subscription-role-added",
      "subscription-role-removed", "added-user-to-team", "removed-user-from-team", "ui"};
  return std::find(std::begin(kCodes), std::end(kCodes), t) != std::end(kCodes);
}

// The author snapshot `u`: sends the account and fills sender fields.
void ReadAuthor(Run& run, const Fields& f, const Document& doc, model::MessageRecord& m) {
  auto u = f.Object("u");
  if (!u) {
    run.Warn(doc, "/u", "message without an author (u); sender unknown");
    return;
  }
  dom::element id_element;
  std::string_view id;
  if (u->at_key("_id").get(id_element) == simdjson::SUCCESS) id = IdText(id_element);
  const std::string_view username = StrOf(*u, "username");
  const std::string_view name = StrOf(*u, "name");
  // The display name only: a username is not a name (the account keeps it as username).
  m.sender_name = std::string(name);
  if (id.empty()) {
    run.Warn(doc, "/u/_id", "author without _id; the username alone does not identify an account");
    return;
  }
  run.SendSnapshot(id, name, username, doc.locator + "/u");
  m.sender_ref = run.UserRef(id);
}

void ReadReactions(Run& run, const Fields& f, model::MessageRecord& m) {
  auto reactions = f.Object("reactions");
  if (!reactions) return;
  for (auto field : *reactions) {
    model::Reaction r;
    r.emoji = std::string(field.key);
    dom::array usernames;
    if (field.value.at_key("usernames").get_array().get(usernames) == simdjson::SUCCESS) {
      for (auto u : usernames) {
        std::string_view name;
        if (u.get_string().get(name) != simdjson::SUCCESS) continue;
        ++r.count;
        std::string ref = run.RefOfUsername(name);
        // Reactions name users by username only; one not resolvable to an id stays "@name".
        r.user_refs.push_back(ref.empty() ? "@" + std::string(name) : std::move(ref));
      }
    }
    m.reactions.push_back(std::move(r));
  }
}

void ReadMentions(Run& run, const Fields& f, model::MessageRecord& m) {
  auto mentions = f.Array("mentions");
  if (!mentions) return;
  for (auto e : *mentions) {
    dom::object mention;
    if (e.get_object().get(mention) != simdjson::SUCCESS) continue;
    const std::string_view username = StrOf(mention, "username");
    dom::element id_element;
    std::string_view id;
    if (mention.at_key("_id").get(id_element) == simdjson::SUCCESS) id = IdText(id_element);
    if (username.empty()) continue;
    const bool everyone = id == "all" || id == "here";
    if (!everyone) run.LearnUsername(username, id);
    const std::string at = "@" + std::string(username);
    const size_t pos = m.text.find(at);
    if (pos == std::string::npos) continue;
    model::TextEntity entity;
    entity.type = "mention_name";
    entity.offset = static_cast<uint32_t>(pos);
    entity.length = static_cast<uint32_t>(at.size());
    entity.text = at;
    if (!everyone && !id.empty()) entity.user_ref = run.UserRef(id);
    m.entities.push_back(std::move(entity));
  }
}

void SortCopies(std::vector<EditCopy>& copies) {
  std::stable_sort(copies.begin(), copies.end(), [](const EditCopy& a, const EditCopy& b) {
    const int64_t ta = a.replaced_at_ms.value_or(a.ts_ms.value_or(0));
    const int64_t tb = b.replaced_at_ms.value_or(b.ts_ms.value_or(0));
    return ta != tb ? ta < tb : a.order < b.order;
  });
}

void AttachEdits(Run& run, std::vector<EditCopy>& copies, model::MessageRecord& m) {
  SortCopies(copies);
  for (const auto& c : copies) {
    model::MessageEdit e;
    e.text = c.text;
    if (c.replaced_at_ms) e.edited_at_utc = MillisToSeconds(*c.replaced_at_ms);
    if (!c.editor_id.empty()) e.editor_ref = run.UserRef(c.editor_id);
    e.source_id = c.id;
    e.locator = c.locator;
    m.edits.push_back(std::move(e));
  }
}

}  // namespace

bool MaybeEditCopy(std::string_view json) { return Contains(json, "\"parent\""); }

void CollectEditCopy(Run& run, const Document& doc) {
  dom::object object;
  if (!ParseDocument(run, doc, object)) return;
  Fields f(run, doc, object);
  if (!f.Bool("_hidden")) return;
  const std::string_view parent = f.Id("parent");
  if (parent.empty()) return;
  EditCopy c;
  c.id = std::string(f.Id("_id"));
  c.text = std::string(f.Str("msg"));
  c.room_id = std::string(f.Id("rid"));
  c.replaced_at_ms = f.Date("editedAt");
  c.ts_ms = f.Date("ts");
  if (auto by = f.Object("editedBy")) {
    dom::element id;
    if (by->at_key("_id").get(id) == simdjson::SUCCESS) c.editor_id = std::string(IdText(id));
  }
  if (auto u = f.Object("u")) {
    dom::element id;
    if (u->at_key("_id").get(id) == simdjson::SUCCESS) c.sender_id = std::string(IdText(id));
    c.sender_name = std::string(StrOf(*u, "name"));
    c.sender_username = std::string(StrOf(*u, "username"));
  }
  c.locator = doc.locator;
  c.order = run.copies_read++;
  auto [it, inserted] = run.copies.try_emplace(std::string(parent));
  if (inserted) run.copy_parent_order.push_back(it->first);
  it->second.push_back(std::move(c));
}

void MapMessage(Run& run, const Document& doc, MessageOrigin origin) {
  dom::object object;
  if (!ParseDocument(run, doc, object)) return;
  Fields f(run, doc, object);
  const bool hidden = f.Bool("_hidden");
  if (hidden && !f.Id("parent").empty()) return;  // an edit-history copy, read in the first pass
  if (origin == MessageOrigin::kTrash) {
    const std::string_view collection = f.Str("__collection__");
    if (!collection.empty() && collection != "rocketchat_message") return;
  }
  const std::string_view id = f.Id("_id");
  if (id.empty()) {
    run.Warn(doc, "", "message without _id; skipped");
    return;
  }
  model::MessageRecord m;
  m.source_id = std::string(id);
  m.locator = doc.locator;
  std::string_view rid = f.Id("rid");
  if (rid.empty()) {
    run.Warn(doc, "/rid", "message without a room id (rid); filed under room \"-\"");
    rid = "-";
  }
  EnsureRoom(run, rid, doc);
  m.conversation_key = std::string(rid);
  ReadAuthor(run, f, doc, m);
  if (auto ts = f.Date("ts")) {
    m.sent_at_utc = MillisToSeconds(*ts);
    m.time_basis = "utc";
  } else {
    m.time_basis = "none";
  }
  m.text = std::string(f.Str("msg"));
  const std::string_view t = f.Str("t");
  const auto edited_at = f.Date("editedAt");
  std::string editor;
  if (auto by = f.Object("editedBy")) editor = std::string(StrOf(*by, "username"));
  m.kind = "message";
  if (t == "rm") {
    m.deleted = true;
    m.deleted_detail = "message removed (t: rm) by " + (editor.empty() ? std::string("an unknown user") : editor) +
                       " at " + IsoOf(edited_at);
  } else {
    if (edited_at) m.edited_at_utc = MillisToSeconds(*edited_at);
    if (!t.empty() && t != "e2e") {
      m.kind = "service";
      m.action = std::string(t);
      if (NamesAUser(t) && !m.text.empty()) m.members.push_back(m.text);
    }
  }
  if (hidden) {
    m.deleted = true;
    m.deleted_detail = "hidden by the server (_hidden: true): deleted while message history was kept";
  }
  if (auto deleted_at = f.Date("_deletedAt")) {
    m.deleted = true;
    m.deleted_detail = "removed from rocketchat_message at " + IsoOf(deleted_at) + "; copy kept in " +
                       (origin == MessageOrigin::kTrash ? "rocketchat__trash" : "the collection");
  } else if (origin == MessageOrigin::kTrash) {
    m.deleted = true;
    m.deleted_detail = "removed from rocketchat_message; copy kept in rocketchat__trash";
  }
  const std::string_view tmid = f.Id("tmid");
  if (!tmid.empty()) m.thread_root = std::string(tmid);
  ReadMentions(run, f, m);
  ReadReactions(run, f, m);
  ReadAttachments(run, f, doc, m);
  if (!run.copies.empty()) {
    auto it = run.copies.find(m.source_id);
    if (it != run.copies.end()) {
      AttachEdits(run, it->second, m);
      run.parents_found.insert(it->first);
    }
  }
  ++run.summary.messages;
  run.summary.attachments += m.attachments.size();
  run.sink().Message(std::move(m));
}

void EmitOrphanCopies(Run& run) {
  for (const auto& parent : run.copy_parent_order) {
    if (run.parents_found.count(parent)) continue;
    auto& copies = run.copies[parent];
    if (copies.empty()) continue;
    SortCopies(copies);
    const EditCopy& newest = copies.back();
    Document doc{{}, {}, newest.locator, newest.locator};
    model::MessageRecord m;
    m.source_id = parent;
    m.locator = newest.locator;
    const std::string room = newest.room_id.empty() ? std::string("-") : newest.room_id;
    EnsureRoom(run, room, doc);
    m.conversation_key = room;
    if (!newest.sender_id.empty()) {
      run.SendSnapshot(newest.sender_id, newest.sender_name, newest.sender_username, newest.locator + "/u");
      m.sender_ref = run.UserRef(newest.sender_id);
    }
    m.sender_name = newest.sender_name;
    if (newest.ts_ms) m.sent_at_utc = MillisToSeconds(*newest.ts_ms);
    m.time_basis = newest.ts_ms ? "utc" : "none";
    m.kind = "message";
    m.text = newest.text;
    m.deleted = true;
    m.deleted_detail = "message " + parent + " is not in the export (removed, or outside the exported range); "
                       "text from the newest of " + std::to_string(copies.size()) + " edit-history copies";
    AttachEdits(run, copies, m);
    ++run.summary.messages;
    run.sink().Message(std::move(m));
  }
}

}  // namespace casegraph::ingest::rocketchat
