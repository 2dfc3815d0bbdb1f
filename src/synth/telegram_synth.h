// Synthetic Telegram Desktop full-account export ("Export Telegram data", JSON): writes a
// result.json in tdesktop's layout and style (one-space indentation, tdesktop key order, local
// Europe/Istanbul times without offset plus date_unixtime strings) and a few tiny media files
// under chats/chat_N/, for a fictional 16-year-old subject, their contacts, personal chats,
// groups, a public supergroup and channel, a bot chat, saved messages and a left chat. Texts are
// neutral placeholder chatter with planted identifiers whose counts are returned as ground
// truth. Deterministic: the same options give byte-identical output. Streams in constant memory.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "base/result.h"

namespace casegraph::synth {

struct TelegramSynthOptions {
  uint64_t seed = 1;
  uint64_t messages = 2000;  // total message objects across chats.list and left_chats
  std::string out_dir;       // created if missing; the export folder is written here
  bool with_media = true;    // write a handful (<= 16) of tiny files under chats/chat_N/
  // tdesktop quirks the importer must survive: one message text with a control character
  // written as the invalid JSON escape \x07 (in its "text" and "text_entities"; with quirks off
  // it is written as \u0007), and a supergroup whose migrated basic-group history has negative
  // ids (id - 1000000000) before migrate_to_supergroup / migrate_from_group.
  bool telegram_quirks = true;
};

struct TelegramSynthSummary {
  std::string folder;       // out_dir
  std::string result_json;  // out_dir + "/result.json"
  uint64_t messages = 0;    // message objects written (service messages included)
  uint64_t chats = 0;       // chats.list + left_chats entries
  uint64_t contacts = 0;
  uint64_t media_files = 0;  // real files written (the rest are placeholders)
  std::string owner_ref;     // "telegram:user<id>"
  uint64_t owner_user_id = 0;
  uint64_t bytes = 0;  // size of result.json
  // Ground truth for identifiers planted in message texts, one per planted message: "phone",
  // "url", "telegram_invite", "email", "username", "matrix_id", "bitcoin"; plus
  // "text_link_href" (URLs hidden in text_link entities) and "mention_name" (user ids in
  // mention_name entities). Profile and contact phone numbers are not counted.
  std::map<std::string, uint64_t> planted;
};

Result<TelegramSynthSummary> WriteTelegramExport(const TelegramSynthOptions& options);

}  // namespace casegraph::synth
