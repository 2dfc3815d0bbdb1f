// Writes the message objects of one synthetic chat in tdesktop's key order: service messages
// (create_group, invite_members, join_group_by_link, create_channel, migrate_*, phone_call),
// regular messages with optional edits, replies, forwards, photos, voice messages, stickers and
// documents (fields from telegram_media.h), and texts with planted identifiers (ground truth
// counted in ChatStats). Not thread-safe; one chat at a time through one writer.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "base/result.h"
#include "synth/json_output.h"
#include "synth/synth_random.h"
#include "synth/synth_text.h"
#include "synth/telegram_cast.h"

namespace casegraph::synth {

struct ChatStats {
  uint64_t messages = 0;
  uint64_t media_files = 0;
  std::array<uint64_t, kPlantKindCount> planted{};  // by PlantKind
  uint64_t text_link_hrefs = 0;                     // hidden URLs behind text_link entities
  uint64_t mention_names = 0;                       // mention_name entities (user ids)
  uint64_t control_char_quirks = 0;                 // messages written with a \xNN escape
};

struct ChatWriteContext {
  JsonFileWriter* out = nullptr;
  const Cast* cast = nullptr;
  std::string out_dir;       // export folder on disk
  bool with_media = true;    // write real files while media_budget lasts
  bool quirks = true;        // \xNN escape for the bell character
  int media_budget = 16;     // real files still allowed in the whole export
  bool bell_pending = true;  // put one U+0007 into the next plain text message
  ChatStats stats;
};

// Writes chat.quota message objects as elements of the currently open "messages" array.
Status WriteChatMessages(const ChatPlan& chat, uint64_t seed, ChatWriteContext* ctx);

}  // namespace casegraph::synth
