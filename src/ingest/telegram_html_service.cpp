// Service sentences of the Telegram HTML writer (see telegram_html_service.h). The wording is
// tdesktop's (export_output_html.cpp, pushMessage): it has not been localised.
#include "ingest/telegram_html_service.h"

#include <cctype>

namespace casegraph::ingest {
namespace {

// «title» (U+00AB / U+00BB) after `at`.
std::string QuotedTitle(std::string_view text, size_t at) {
  constexpr std::string_view kOpen = "\xC2\xAB", kClose = "\xC2\xBB";
  const size_t open = text.find(kOpen, at);
  if (open == std::string_view::npos) return {};
  const size_t close = text.rfind(kClose);
  if (close == std::string_view::npos || close < open) return {};
  return std::string(text.substr(open + kOpen.size(), close - open - kOpen.size()));
}

// "A, B and C" → {A, B, C} (the writer's SerializeList).
std::vector<std::string> SplitNames(std::string_view list) {
  std::vector<std::string> out;
  const size_t and_at = list.rfind(" and ");
  std::string_view head = and_at == std::string_view::npos ? list : list.substr(0, and_at);
  while (!head.empty()) {
    const size_t comma = head.find(", ");
    out.emplace_back(head.substr(0, comma));
    if (comma == std::string_view::npos) break;
    head.remove_prefix(comma + 2);
  }
  if (and_at != std::string_view::npos) out.emplace_back(list.substr(and_at + 5));
  return out;
}

struct Verb {
  std::string_view marker;  // text after the actor's name
  std::string_view action;
  enum class Tail { kNone, kTitle, kMembers, kMember } tail;
};

constexpr Verb kVerbs[] = {
    {" created group \xC2\xAB", "create_group", Verb::Tail::kTitle},
    {" changed group title to \xC2\xAB", "edit_group_title", Verb::Tail::kTitle},
    {" changed group photo", "edit_group_photo", Verb::Tail::kNone},
    {" removed group photo", "delete_group_photo", Verb::Tail::kNone},
    {" joined group by link from ", "join_group_by_link", Verb::Tail::kMember},
    {" joined group by request", "join_group_by_request", Verb::Tail::kNone},
    {" joined Telegram", "joined_telegram", Verb::Tail::kNone},
    {" converted this group to a supergroup", "migrate_to_supergroup", Verb::Tail::kNone},
    {" converted a basic group to this supergroup", "migrate_from_group", Verb::Tail::kTitle},
    {" pinned ", "pin_message", Verb::Tail::kNone},
    {" scored ", "game_score", Verb::Tail::kNone},
    {" took a screenshot", "take_screenshot", Verb::Tail::kNone},
    {" requested your phone number", "requested_phone_number", Verb::Tail::kNone},
    {" started voice chat", "group_call", Verb::Tail::kNone},
    {" scheduled a voice chat for ", "group_call_scheduled", Verb::Tail::kNone},
    {" has set messages to auto-delete", "set_messages_ttl", Verb::Tail::kNone},
    {" has set messages not to auto-delete", "set_messages_ttl", Verb::Tail::kNone},
    {" changed chat theme to ", "edit_chat_theme", Verb::Tail::kNone},
    {" disabled chat theme", "edit_chat_theme", Verb::Tail::kNone},
    {" created topic \xC2\xAB", "topic_created", Verb::Tail::kTitle},
    {" changed topic ", "topic_edit", Verb::Tail::kNone},
    {" suggests to use this photo", "suggest_profile_photo", Verb::Tail::kNone},
    {" set a new background for this chat", "set_chat_wallpaper", Verb::Tail::kNone},
    {" set the same background", "set_same_chat_wallpaper", Verb::Tail::kNone},
    {" sent you a gift", "gift_premium", Verb::Tail::kNone},
    {" invited ", "invite_members", Verb::Tail::kMembers},  // after "… to the voice chat" check below
    {" removed ", "remove_members", Verb::Tail::kMember},
};

}  // namespace

bool IsDateSeparatorText(std::string_view text) {
  // "<day> <Month> <year>"
  size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0 || i > 2 || i >= text.size() || text[i] != ' ') return false;
  size_t j = i + 1;
  while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
  if (j == i + 1 || j >= text.size() || text[j] != ' ') return false;
  size_t k = j + 1;
  while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
  return k == text.size() && k - j - 1 == 4;
}

HtmlServiceAction ClassifyServiceText(std::string_view text) {
  HtmlServiceAction out;
  // Sentences without an actor.
  auto starts = [&](std::string_view p) { return text.substr(0, p.size()) == p; };
  if (starts("Channel \xC2\xAB") && text.size() > 8 && text.substr(text.size() - 8) == " created") {
    out.action = "create_channel";
    out.title = QuotedTitle(text, 0);
    return out;
  }
  if (starts("Channel title changed to \xC2\xAB")) {
    out.action = "edit_group_title";
    out.title = QuotedTitle(text, 0);
    return out;
  }
  if (text == "Channel photo changed") {
    out.action = "edit_group_photo";
    return out;
  }
  if (text == "Channel photo removed") {
    out.action = "delete_group_photo";
    return out;
  }
  if (text == "History cleared") {
    out.action = "clear_history";
    return out;
  }
  // "<actor><marker>…": the earliest marker in the sentence decides.
  const Verb* best = nullptr;
  size_t best_at = std::string_view::npos;
  for (const Verb& v : kVerbs) {
    const size_t at = text.find(v.marker);
    if (at != std::string_view::npos && at > 0 && at < best_at) {
      best = &v;
      best_at = at;
    }
  }
  if (best == nullptr) return out;
  out.action = std::string(best->action);
  out.actor = std::string(text.substr(0, best_at));
  std::string_view tail = text.substr(best_at + best->marker.size());
  switch (best->tail) {
    case Verb::Tail::kTitle: {
      out.title = QuotedTitle(text, best_at);
      constexpr std::string_view kWith = " with members ";
      const size_t with = tail.rfind(kWith);
      if (with != std::string_view::npos) out.members = SplitNames(tail.substr(with + kWith.size()));
      break;
    }
    case Verb::Tail::kMembers: {
      constexpr std::string_view kVoiceChat = " to the voice chat";
      if (tail.size() >= kVoiceChat.size() && tail.substr(tail.size() - kVoiceChat.size()) == kVoiceChat) {
        out.action = "invite_to_group_call";
        tail.remove_suffix(kVoiceChat.size());
      }
      out.members = SplitNames(tail);
      break;
    }
    case Verb::Tail::kMember:
      if (!tail.empty()) out.members.emplace_back(tail);
      break;
    case Verb::Tail::kNone:
      break;
  }
  return out;
}

}  // namespace casegraph::ingest
