#include "graph/conversation_class.h"

namespace casegraph::graph {

const std::vector<std::pair<std::string_view, std::string_view>>& ConversationKindTable() {
  static const std::vector<std::pair<std::string_view, std::string_view>> table = {
      // telegram-json (chat "type") and telegram-html (no kind: generic).
      {"personal_chat", kClassDirect},  // also whatsapp-txt: a chat with one other person
      {"bot_chat", kClassDirect},
      {"verification_codes", kClassDirect},  // the chat with Telegram's service account
      {"saved_messages", kClassSelf},
      {"replies", kClassGroup},  // replies from many people to the owner's comments
      {"private_group", kClassGroup},  // also rocketchat-mongo "p"
      {"private_supergroup", kClassGroup},
      {"public_supergroup", kClassGroup},
      {"private_channel", kClassChannel},
      {"public_channel", kClassChannel},
      // whatsapp-txt.
      {"group", kClassGroup},
      // rocketchat-mongo (room "t"): a Rocket.Chat "channel" is a public room where everyone
      // writes, not a broadcast. Livechat and unknown rooms are decided by their members.
      {"direct", kClassDirect},
      {"channel", kClassGroup},
      // discord-json (DiscordChatExporter channel.type). News/announcement channels broadcast;
      // threads under them are discussions.
      {"DirectTextChat", kClassDirect},
      {"DirectGroupTextChat", kClassGroup},
      {"GuildTextChat", kClassGroup},
      {"GuildVoiceChat", kClassGroup},
      {"GuildStageVoice", kClassGroup},
      {"GuildForum", kClassGroup},
      {"GuildCategory", kClassGroup},
      {"GuildDirectory", kClassGroup},
      {"GuildPublicThread", kClassGroup},
      {"GuildPrivateThread", kClassGroup},
      {"GuildNewsThread", kClassGroup},
      {"GuildNews", kClassChannel},
      {"GuildAnnouncement", kClassChannel},
      // element-json "room", signal-export "conversation", rocketchat "livechat"/"unknown":
      // generic (not listed).
  };
  return table;
}

std::string_view ConversationClassOfKind(std::string_view kind) {
  for (const auto& [k, c] : ConversationKindTable()) {
    if (k == kind) return c;
  }
  return kClassGeneric;
}

}  // namespace casegraph::graph
