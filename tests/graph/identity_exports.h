// Tiny hand-written exports in real formats for the identity tests (synthetic people, neutral
// text). Times are 2024-06-01 and later, UTC.
#pragma once

#include <string>
#include <vector>

namespace casegraph::graph::testing {

struct TgMessage {
  int id;
  std::string from_id, from, text;
  long long unixtime;
};

struct TgChat {
  std::string name, type;
  long long id;
  std::vector<TgMessage> messages;
};

struct TgContact {
  long long user_id;
  std::string first, phone;
};

// A Telegram Desktop full export (result.json) of the account user<owner_id>.
inline std::string TelegramExport(long long owner_id, const std::string& owner_name, const std::string& username,
                                  const std::vector<TgContact>& contacts, const std::vector<TgChat>& chats) {
  std::string out = R"({"personal_information": {"user_id": )" + std::to_string(owner_id) + R"(, "first_name": ")" +
                    owner_name + R"(", "last_name": "", "phone_number": "", "username": ")" + username +
                    R"(", "bio": ""}, "contacts": {"about": "x", "list": [)";
  for (size_t i = 0; i < contacts.size(); ++i) {
    if (i) out += ",";
    out += R"({"user_id": )" + std::to_string(contacts[i].user_id) + R"(, "first_name": ")" + contacts[i].first +
           R"(", "last_name": "", "phone_number": ")" + contacts[i].phone +
           R"(", "date": "2024-01-01T10:00:00", "date_unixtime": "1704103200"})";
  }
  out += R"(]}, "chats": {"about": "x", "list": [)";
  for (size_t c = 0; c < chats.size(); ++c) {
    if (c) out += ",";
    out += R"({"name": ")" + chats[c].name + R"(", "type": ")" + chats[c].type + R"(", "id": )" +
           std::to_string(chats[c].id) + R"(, "messages": [)";
    for (size_t m = 0; m < chats[c].messages.size(); ++m) {
      const TgMessage& msg = chats[c].messages[m];
      if (m) out += ",";
      out += R"({"id": )" + std::to_string(msg.id) + R"(, "type": "message", "date": "2024-06-01T10:00:00", "date_unixtime": ")" +
             std::to_string(msg.unixtime) + R"(", "from": ")" + msg.from + R"(", "from_id": ")" + msg.from_id +
             R"(", "text": ")" + msg.text + R"("})";
    }
    out += "]}";
  }
  return out + "]}}";
}

// An Element (matrix) room export; one message per sender entry, a minute apart from `start_ms`.
inline std::string ElementExport(const std::string& room, const std::vector<std::string>& senders, long long start_ms,
                                 const std::string& body = "placeholder text") {
  std::string out = R"({"room_name": ")" + room + R"(", "room_creator": ")" + senders[0] +
                    R"(", "topic": "", "export_date": "6/1/2024", "exported_by": "x", "messages": [)";
  for (size_t i = 0; i < senders.size(); ++i) {
    if (i) out += ",";
    out += R"({"type": "m.room.message", "sender": ")" + senders[i] + R"(", "content": {"msgtype": "m.text", "body": ")" +
           body + R"("}, "origin_server_ts": )" + std::to_string(start_ms + 60000LL * static_cast<long long>(i)) +
           R"(, "event_id": "$)" + room + std::to_string(i) + R"(", "room_id": "!)" + room + R"(:example.org"})";
  }
  return out + "]}";
}

// A DiscordChatExporter JSON export of a DM channel; authors as (id, username, nickname).
struct DiscordAuthor {
  std::string id, name, nickname;
};
inline std::string DiscordExport(const std::string& channel_id, const std::vector<DiscordAuthor>& authors) {
  std::string out = R"({"guild": {"id": "0", "name": "Direct Messages", "iconUrl": ""}, "channel": {"id": ")" + channel_id +
                    R"(", "type": "DirectTextChat", "categoryId": "0", "category": "Private", "name": "dm", "topic": null},
 "dateRange": {"after": null, "before": null}, "exportedAt": "2024-06-03T10:00:00.000+00:00", "messages": [)";
  for (size_t i = 0; i < authors.size(); ++i) {
    if (i) out += ",";
    out += R"({"id": ")" + channel_id + std::to_string(i) + R"(", "type": "Default", "timestamp": "2024-06-02T10:0)" +
           std::to_string(i) + R"(:00+00:00", "timestampEdited": null, "callEndedTimestamp": null, "isPinned": false,
 "content": "placeholder", "author": {"id": ")" + authors[i].id + R"(", "name": ")" + authors[i].name +
           R"(", "discriminator": "0", "nickname": ")" + authors[i].nickname +
           R"(", "color": null, "isBot": false, "roles": [], "avatarUrl": ""},
 "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": [], "inlineEmojis": []})";
  }
  return out + "]}";
}

}  // namespace casegraph::graph::testing
