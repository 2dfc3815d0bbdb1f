// Sniffing for Telegram Desktop JSON exports (see telegram_sniff.h).
#include "ingest/telegram_sniff.h"

#include <algorithm>
#include <string_view>

namespace casegraph::ingest {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// True when `"name"` appears in `head` as an object key (followed by ':').
bool HasKey(std::string_view head, std::string_view name) {
  for (size_t pos = head.find(name); pos != std::string_view::npos; pos = head.find(name, pos + 1)) {
    if (pos == 0 || head[pos - 1] != '"') continue;
    size_t i = pos + name.size();
    if (i >= head.size() || head[i] != '"') continue;
    ++i;
    while (i < head.size() && IsBlank(head[i])) ++i;
    if (i < head.size() && head[i] == ':') return true;
  }
  return false;
}

// True when `"type": "<value>"` appears (any blanks around the colon).
bool HasTypeValue(std::string_view head, std::string_view value) {
  constexpr std::string_view kKey = "\"type\"";
  for (size_t pos = head.find(kKey); pos != std::string_view::npos; pos = head.find(kKey, pos + 1)) {
    size_t i = pos + kKey.size();
    while (i < head.size() && IsBlank(head[i])) ++i;
    if (i >= head.size() || head[i] != ':') continue;
    ++i;
    while (i < head.size() && IsBlank(head[i])) ++i;
    if (i < head.size() && head[i] == '"' && head.substr(i + 1, value.size()) == value &&
        head.substr(i + 1 + value.size(), 1) == "\"") {
      return true;
    }
  }
  return false;
}

std::string_view SkipBomAndBlanks(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && IsBlank(head.front())) head.remove_prefix(1);
  return head;
}

// Scores a JSON object's head.
SniffResult ScoreJsonHead(std::string_view head) {
  for (std::string_view other : {"room_name", "origin_server_ts", "event_id", "room_id", "guild", "channel",
                                 "rid", "_id", "msg", "ts"}) {
    if (HasKey(head, other)) {
      return {0.1, "JSON with a \"" + std::string(other) + "\" key, which belongs to another app's export "
                   "(Element/Matrix, DiscordChatExporter or Rocket.Chat), not Telegram"};
    }
  }
  if (HasKey(head, "personal_information") || HasKey(head, "left_chats") ||
      (HasKey(head, "chats") && HasKey(head, "list"))) {
    return {0.95, "JSON object with Telegram Desktop's full-account sections (personal_information, chats.list, "
                  "left_chats)"};
  }
  const bool messages = HasKey(head, "messages");
  int markers = 0;
  std::string found;
  auto note = [&](bool present, std::string_view what) {
    if (!present) return;
    ++markers;
    if (!found.empty()) found += ", ";
    found += what;
  };
  note(HasKey(head, "date_unixtime"), "date_unixtime");
  note(HasKey(head, "from_id"), "from_id");
  note(HasKey(head, "text_entities"), "text_entities");
  note(HasKey(head, "actor_id"), "actor_id");
  note(HasTypeValue(head, "message") || HasTypeValue(head, "service"), "\"type\": \"message\"");
  note(HasTypeValue(head, "personal_chat") || HasTypeValue(head, "private_group") ||
           HasTypeValue(head, "private_supergroup") || HasTypeValue(head, "public_supergroup") ||
           HasTypeValue(head, "private_channel") || HasTypeValue(head, "public_channel") ||
           HasTypeValue(head, "bot_chat") || HasTypeValue(head, "saved_messages"),
       "a Telegram chat type");
  if (messages && markers > 0) {
    return {std::min(0.9 + 0.02 * markers, 0.98),
            "JSON object with a messages array carrying Telegram Desktop keys (" + found + ")"};
  }
  if (messages) return {0.3, "JSON object with a messages array but none of Telegram's keys"};
  if (markers > 0) return {0.5, "JSON object with some Telegram keys (" + found + ") but no messages or chats"};
  return {0.05, "JSON object without Telegram Desktop's keys"};
}

}  // namespace

SniffResult SniffTelegramJson(const Probe& probe) {
  if (probe.is_directory) {
    const auto& names = probe.top_names;
    const bool has_result = std::find(names.begin(), names.end(), "result.json") != names.end();
    if (!has_result) {
      return {0, "folder without result.json"};
    }
    std::string_view head = SkipBomAndBlanks(probe.head);
    if (head.empty()) return {0.6, "folder with result.json (Telegram Desktop's export file name); content unread"};
    if (head.front() != '{') return {0.1, "folder with a result.json that is not a JSON object"};
    SniffResult scored = ScoreJsonHead(head);
    if (scored.confidence >= 0.9) {
      return {std::min(scored.confidence + 0.01, 0.99), "export folder with result.json: " + scored.reason};
    }
    return {std::max(scored.confidence, 0.3), "folder with result.json, but: " + scored.reason};
  }
  std::string_view head = SkipBomAndBlanks(probe.head);
  if (head.empty()) return {0, "empty file"};
  if (head.front() == '<') return {0, "markup, not JSON (a Telegram HTML export is read by telegram-html)"};
  if (head.front() == '[') return {0.05, "JSON array; a Telegram export is a JSON object"};
  if (head.front() != '{') return {0, "not JSON"};
  return ScoreJsonHead(head);
}

}  // namespace casegraph::ingest
