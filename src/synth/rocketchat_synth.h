// Synthetic Rocket.Chat server seizure: a mongoexport folder with rocketchat.users.json,
// rocketchat.rocketchat_room.json and rocketchat.rocketchat_message.json in mongoexport's
// default JSON Lines framing and relaxed Extended JSON (every 50th date in the canonical
// {"$numberLong"} form). Users have e-mails; rooms are channels, private groups and DMs;
// messages are neutral placeholder chatter with planted identifiers, thread replies, reactions,
// system messages, edits followed by their hidden history copies, and t:"rm" tombstones.
// Deterministic: the same options give byte-identical files. Streams in constant memory.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"

namespace casegraph::synth {

struct RocketChatSynthOptions {
  uint64_t seed = 1;
  uint64_t messages = 2000;  // message documents, not counting hidden history copies
  std::string out_dir;       // created if missing
};

struct RocketChatSynthSummary {
  std::string folder;
  uint64_t messages = 0;        // messages an importer should report
  uint64_t history_copies = 0;  // extra hidden documents (edit history)
  uint64_t rooms = 0, users = 0;
  uint64_t bytes = 0;           // size of the message file
};

Result<RocketChatSynthSummary> WriteRocketChatExport(const RocketChatSynthOptions& options);

}  // namespace casegraph::synth
