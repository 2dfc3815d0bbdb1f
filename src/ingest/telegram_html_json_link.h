// When the examiner's Telegram export folder holds both forms of one chat (messages.html and
// result.json, "Export chat history" run twice), the JSON gives what the HTML lacks: the
// senders' stable ids. This reads result.json's message ids with their from_id/actor_id and
// names, so the HTML importer can use the real telegram:user… ref for a message whose id and
// sender name both match. Cross-exhibit linking is left to the link analysis.
#pragma once

#include <string>
#include <unordered_map>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace casegraph::ingest {

struct JsonSender {
  std::string ref;   // "telegram:user123"
  std::string name;  // "from" / "actor" as written
};

// Message id → sender, from a single-chat result.json at `path`. Damage gives a warning and
// whatever was read before it; a full-account result.json (no top-level messages) gives nothing.
std::unordered_map<std::string, JsonSender> ReadJsonSenders(const FileSystem& fs, const std::string& path,
                                                            Diagnostics& diagnostics);

}  // namespace casegraph::ingest
