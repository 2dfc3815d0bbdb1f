// Users, rooms, uploads (see rocketchat_directory.h) and the Run's bookkeeping.
#include "ingest/rocketchat_directory.h"

#include <algorithm>
#include <cctype>

#include "ingest/rocketchat_ejson.h"
#include "ingest/rocketchat_fields.h"

namespace casegraph::ingest::rocketchat {

std::string Run::UserRef(std::string_view user_id) const {
  std::string ref;
  ref.reserve(kPlatform.size() + user_id.size() + instance_.size() + 2);
  ref.append(kPlatform).append(":").append(user_id).append("@").append(instance_);
  return ref;
}

std::string Run::RoomRef(std::string_view room_id) const {
  return std::string(kPlatform) + ":room:" + std::string(room_id) + "@" + instance_;
}

void Run::SendAccount(model::AccountRecord account) {
  auto it = sent_accounts_.find(account.ref);
  if (it != sent_accounts_.end()) {
    if (it->second.name == account.display_name && it->second.username == account.username) return;
    // Rename history matters; an empty snapshot field does not replace a known one.
    if (account.display_name.empty() && account.username.empty()) return;
    it->second = Seen{account.display_name, account.username};
  } else {
    sent_accounts_.emplace(account.ref, Seen{account.display_name, account.username});
  }
  sink_.Account(std::move(account));
}

void Run::SendSnapshot(std::string_view user_id, std::string_view name, std::string_view username,
                       const std::string& locator) {
  LearnUsername(username, user_id);
  std::string ref = UserRef(user_id);
  auto it = sent_accounts_.find(ref);
  if (it != sent_accounts_.end()) {
    const bool changed = (!name.empty() && name != it->second.name) ||
                         (!username.empty() && username != it->second.username);
    if (!changed) return;
  }
  model::AccountRecord a;
  a.ref = std::move(ref);
  a.platform = std::string(kPlatform);
  a.display_name = std::string(name.empty() && it != sent_accounts_.end() ? std::string_view(it->second.name) : name);
  a.username = std::string(username.empty() && it != sent_accounts_.end() ? std::string_view(it->second.username) : username);
  a.locator = locator;
  SendAccount(std::move(a));
}

void Run::LearnUsername(std::string_view username, std::string_view user_id) {
  if (username.empty() || user_id.empty()) return;
  username_ids_.try_emplace(std::string(username), std::string(user_id));
}

std::string Run::RefOfUsername(std::string_view username) const {
  auto it = username_ids_.find(std::string(username));
  return it == username_ids_.end() ? std::string() : UserRef(it->second);
}

void Run::SendConversation(model::ConversationRecord conversation) {
  if (!rooms_.insert(conversation.key).second) return;
  ++summary.conversations;
  sink_.Conversation(std::move(conversation));
}

namespace {

void AppendLine(std::string& bio, std::string_view label, std::string_view value) {
  if (value.empty()) return;
  if (!bio.empty()) bio += '\n';
  if (!label.empty()) bio.append(label).append(": ");
  bio.append(value);
}

bool MentionsPhone(std::string_view key) {
  std::string lower(key);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("phone") != std::string::npos || lower.find("mobile") != std::string::npos;
}

// customFields values as "key: value" lines (scalars only; nested values as their JSON).
void AppendCustomFields(model::AccountRecord& account, dom::object fields) {
  for (auto field : fields) {
    std::string value;
    std::string_view s;
    if (field.value.get_string().get(s) == simdjson::SUCCESS) {
      value = std::string(s);
    } else if (!field.value.is_null()) {
      value = simdjson::minify(field.value);
    }
    if (value.empty()) continue;
    if (account.phone.empty() && MentionsPhone(field.key) && field.value.is_string()) account.phone = value;
    AppendLine(account.bio, field.key, value);
  }
}

}  // namespace

void MapUser(Run& run, const Document& doc) {
  dom::object object;
  if (!ParseDocument(run, doc, object)) return;
  Fields f(run, doc, object);
  const std::string_view id = f.Id("_id");
  if (id.empty()) {
    run.Warn(doc, "", "user without _id; skipped");
    return;
  }
  model::AccountRecord a;
  a.ref = run.UserRef(id);
  a.platform = std::string(kPlatform);
  a.display_name = std::string(f.Str("name"));
  a.username = std::string(f.Str("username"));
  run.LearnUsername(a.username, id);
  AppendLine(a.bio, "", f.Str("bio"));
  AppendLine(a.bio, "nickname", f.Str("nickname"));
  AppendLine(a.bio, "status", f.Str("statusText"));
  if (auto emails = f.Array("emails")) {
    for (auto e : *emails) {
      dom::object email;
      if (e.get_object().get(email) == simdjson::SUCCESS) AppendLine(a.bio, "e-mail", StrOf(email, "address"));
    }
  }
  if (auto custom = f.Object("customFields")) AppendCustomFields(a, *custom);
  const std::string_view type = f.Str("type");
  if (!type.empty() && type != "user") AppendLine(a.bio, "type", type);
  if (auto updated = f.Date("_updatedAt")) a.seen_at_utc = MillisToSeconds(*updated);
  a.locator = doc.locator;
  run.SendAccount(std::move(a));
}

std::string RoomKind(std::string_view t) {
  if (t == "d") return "direct";
  if (t == "c") return "channel";
  if (t == "p") return "private_group";
  if (t == "l") return "livechat";
  if (t.empty()) return "unknown";
  return "rocketchat_" + std::string(t);
}

void MapRoom(Run& run, const Document& doc) {
  dom::object object;
  if (!ParseDocument(run, doc, object)) return;
  Fields f(run, doc, object);
  const std::string_view id = f.Id("_id");
  if (id.empty()) {
    run.Warn(doc, "", "room without _id; skipped");
    return;
  }
  if (run.RoomSent(id)) {
    run.Warn(doc, "", "room " + std::string(id) + " described twice; the first description is kept");
    return;
  }
  model::ConversationRecord c;
  c.key = std::string(id);
  c.ref = run.RoomRef(id);
  const std::string_view t = f.Str("t");
  c.kind = RoomKind(t);
  c.title = std::string(f.Str("fname"));
  if (c.title.empty()) c.title = std::string(f.Str("name"));
  // Members of a DM (uids and usernames run in parallel): the title, and usernames learnt.
  auto uids = f.Array("uids");
  auto usernames = f.Array("usernames");
  if (usernames) {
    std::vector<std::string_view> ids;
    if (uids) {
      for (auto u : *uids) ids.push_back(IdText(u));
    }
    std::string members;
    size_t i = 0;
    for (auto u : *usernames) {
      std::string_view name;
      if (u.get_string().get(name) == simdjson::SUCCESS) {
        if (!members.empty()) members += ", ";
        members += name;
        if (uids && ids.size() == usernames->size() && i < ids.size()) run.LearnUsername(name, ids[i]);
      }
      ++i;
    }
    if (c.title.empty() && t == "d") c.title = members;
  }
  if (c.title.empty() && t == "l") {
    if (auto visitor = f.Object("v")) c.title = std::string(StrOf(*visitor, "username"));
  }
  const std::string_view parent = f.Id("prid");
  if (!parent.empty()) c.title += " (discussion in room " + std::string(parent) + ")";
  c.locator = doc.locator;
  run.SendConversation(std::move(c));
}

void MapUpload(Run& run, const Document& doc) {
  dom::object object;
  if (!ParseDocument(run, doc, object)) return;
  Fields f(run, doc, object);
  const std::string_view id = f.Id("_id");
  if (id.empty()) {
    run.Warn(doc, "", "upload without _id; skipped");
    return;
  }
  UploadInfo u;
  u.name = std::string(f.Str("name"));
  u.type = std::string(f.Str("type"));
  u.path = std::string(f.Str("path"));
  if (u.path.empty()) u.path = std::string(f.Str("url"));
  u.store = std::string(f.Str("store"));
  u.size = f.Int("size");
  u.hidden = f.Bool("_hidden");
  run.uploads.insert_or_assign(std::string(id), std::move(u));
}

void EnsureRoom(Run& run, std::string_view room_id, const Document& doc) {
  if (run.RoomSent(room_id)) return;
  model::ConversationRecord c;
  c.key = std::string(room_id);
  c.ref = run.RoomRef(room_id);
  c.kind = "unknown";
  c.title = "room " + std::string(room_id) + " (no room document in the export)";
  c.locator = doc.locator;
  run.SendConversation(std::move(c));
}

}  // namespace casegraph::ingest::rocketchat
