// Membership and display-name history (see element_members.h).
#include "ingest/element_members.h"

namespace casegraph::ingest::element {
namespace {

std::string_view Membership(std::optional<dom::object> content) {
  return content ? StringAt(*content, "membership") : std::string_view();
}

std::string_view DisplayName(std::optional<dom::object> content) {
  return content ? StringAt(*content, "displayname") : std::string_view();
}

std::string_view Avatar(std::optional<dom::object> content) {
  return content ? StringAt(*content, "avatar_url") : std::string_view();
}

std::string WithReason(std::string text, dom::object content) {
  const std::string_view reason = StringAt(content, "reason");
  if (!reason.empty()) text += " (reason: " + std::string(reason) + ")";
  return text;
}

}  // namespace

MemberBook::Person& MemberBook::Get(std::string_view user_id) {
  if (last_ != nullptr && last_id_ == user_id) return *last_;
  auto it = people_.find(std::string(user_id));
  if (it == people_.end()) it = people_.emplace(std::string(user_id), Person{}).first;
  last_id_.assign(user_id);
  last_ = &it->second;  // unordered_map nodes are stable across inserts
  return *last_;
}

std::string_view MemberBook::NameOf(std::string_view user_id) const {
  auto it = people_.find(std::string(user_id));
  return it == people_.end() ? std::string_view() : std::string_view(it->second.name);
}

std::string MemberBook::Label(std::string_view user_id) const {
  const std::string_view name = NameOf(user_id);
  return std::string(name.empty() ? user_id : name);
}

void MemberBook::See(std::string_view user_id, const std::string& locator) {
  if (user_id.empty()) return;
  Person& p = Get(user_id);
  if (p.sent) return;
  p.sent = true;
  model::AccountRecord a;
  a.ref = std::string(kRefPrefix) + std::string(user_id);
  a.platform = "matrix";
  a.display_name = p.name;
  a.locator = locator;
  sink_.Account(std::move(a));
}

void MemberBook::Name(std::string_view user_id, std::string_view name, std::optional<int64_t> seen_at,
                      const std::string& locator) {
  if (user_id.empty() || name.empty()) return;
  Person& p = Get(user_id);
  if (p.sent && p.name == name) return;
  p.name.assign(name);
  p.sent = true;
  model::AccountRecord a;
  a.ref = std::string(kRefPrefix) + std::string(user_id);
  a.platform = "matrix";
  a.display_name = std::string(name);
  a.seen_at_utc = seen_at;
  a.locator = locator;
  sink_.Account(std::move(a));
}

void MemberBook::ApplyMembership(const Event& e, const std::string& locator, model::MessageRecord& m) {
  const std::string_view target = e.state_key ? *e.state_key : e.sender;
  const std::string_view now = Membership(e.content);
  const std::string_view before = Membership(e.prev_content);
  const std::string_view new_name = DisplayName(e.content);
  const std::string_view old_name = DisplayName(e.prev_content);
  const std::optional<int64_t> at = e.ts_ms ? std::optional<int64_t>(MsToSeconds(*e.ts_ms)) : std::nullopt;

  // The earlier name held before this event: known only as "before".
  if (!old_name.empty() && NameOf(target).empty()) Name(target, old_name, std::nullopt, locator);
  const std::string was = Label(target);
  if (!new_name.empty()) {
    Name(target, new_name, at, locator);
  } else {
    See(target, locator);
  }
  See(e.sender, locator);
  const std::string actor = Label(e.sender);
  const std::string is = Label(target);
  const bool self = e.sender == target;

  m.kind = "service";
  m.members.push_back(std::string(target));
  if (now == "join" && before == "join") {
    if (new_name != old_name) {
      m.action = "change_name";
      m.text = new_name.empty()   ? was + " removed their display name"
               : old_name.empty() ? std::string(target) + " set their display name to " + std::string(new_name)
                                  : std::string(old_name) + " changed their display name to " + std::string(new_name);
    } else if (Avatar(e.content) != Avatar(e.prev_content)) {
      m.action = "change_avatar";
      m.text = is + " changed their avatar";
    } else {
      m.action = "member_update";
      m.text = is + " updated their membership";
    }
  } else if (now == "join") {
    m.action = "join";
    m.text = is + " joined the room";
  } else if (now == "invite") {
    m.action = "invite";
    m.text = WithReason(actor + " invited " + is, e.content);
  } else if (now == "ban") {
    m.action = "ban";
    m.text = WithReason(actor + " banned " + is, e.content);
  } else if (now == "knock") {
    m.action = "knock";
    m.text = is + " asked to join";
  } else if (now == "leave") {
    if (self) {
      m.action = before == "invite" ? "reject_invite" : "leave";
      m.text = is + (before == "invite" ? " rejected the invitation" : " left the room");
    } else if (before == "ban") {
      m.action = "unban";
      m.text = actor + " unbanned " + is;
    } else if (before == "invite") {
      m.action = "revoke_invite";
      m.text = WithReason(actor + " withdrew " + is + "'s invitation", e.content);
    } else {
      m.action = "kick";
      m.text = WithReason(actor + " removed " + is, e.content);
    }
  } else {
    m.action = "member_update";
    m.text = is + " membership: " + std::string(now.empty() ? "(none)" : now);
  }
}

std::string MemberBook::UniqueUserNamed(std::string_view name) const {
  std::string found;
  for (const auto& [id, person] : people_) {
    if (person.name != name) continue;
    if (!found.empty()) return {};
    found = id;
  }
  return found;
}

}  // namespace casegraph::ingest::element
